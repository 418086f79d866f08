/** Helpers to read the built site in `dist/`. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const DIST = 'dist';

/** Every file under `dir`, as paths relative to it, with "/" separators. */
export function listFiles(dir = DIST): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The HTML pages of the site. */
export function htmlPages(dir = DIST): string[] {
  return listFiles(dir).filter((f) => f.endsWith('.html'));
}

export function read(file: string, dir = DIST): string {
  return readFileSync(join(dir, file), 'utf8');
}

/** Values of `href`/`src`/`action`/`content` URL attributes in an HTML string. */
export function urlsIn(html: string): string[] {
  const attrs = /\s(?:href|src|action|srcset|poster|data)=["']([^"']+)["']/g;
  return [...html.matchAll(attrs)].map((m) => m[1] ?? '');
}

/** The file in `dir` that serves `pathname` (as a static host would), if any. */
export function fileFor(pathname: string, dir = DIST): string | undefined {
  const rel = decodeURIComponent(pathname).replace(/^\/+/, '');
  const candidates =
    rel === '' || rel.endsWith('/')
      ? [`${rel}index.html`]
      : [rel, `${rel}/index.html`, `${rel}.html`];
  return candidates.find((c) => existsSync(join(dir, c)) && statSync(join(dir, c)).isFile());
}
