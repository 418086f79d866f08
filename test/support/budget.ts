/**
 * What a page loads, and how many bytes it costs over the wire (gzip). One
 * walk and one gzip for the budget tests, the map tests and the benchmark
 * (which runs this file in plain Node: hence the `.ts` in its imports).
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { gzipSize } from '../../src/lib/gzip.ts';
import { formatBudget } from '../../src/lib/budgets.ts';
import { DIST } from './dist.ts';
import type { ParsedPage } from './html.ts';

/** Gzip size in bytes of files under dist/ (`src/lib/gzip.ts`: level 6, as most servers). */
export function gzipFiles(files: readonly string[], dir = DIST): number {
  return files.reduce((total, f) => total + gzipSize(readFileSync(join(dir, f))), 0);
}

/** A size as the budgets write it: "16 KB", "3.5 MiB". */
export const kb = formatBudget;

/** dist/-relative path of a URL on a page served at `pagePath` (site built at base "/"). */
function toFile(url: string, from: string): string | undefined {
  if (/^(https?:|data:|blob:)/.test(url)) return undefined;
  const path = url.startsWith('/') ? url : posix.join(posix.dirname(`/${from}`), url);
  return posix.normalize(path.split(/[?#]/)[0] ?? '').replace(/^\/+/, '');
}

/**
 * The files a page loads: its scripts, module preloads and stylesheets, then
 * every static import of those scripts, transitively. With `dynamic`, also
 * what loads on demand (e.g. when a reader opens the map): `import()`, and the
 * workers and styles the bundler names in a script (`_astro/x.mjs`).
 */
export async function loadsOf(
  page: { file: string } & ParsedPage,
  { dynamic = false, exclude = (_file: string): boolean => false } = {},
): Promise<string[]> {
  await init();
  const roots = page.elements
    .filter(
      (e) =>
        (e.name === 'script' && e.attrs['src']) ||
        (e.name === 'link' &&
          (e.attrs['rel'] === 'modulepreload' || e.attrs['rel'] === 'stylesheet') &&
          e.attrs['href']),
    )
    .map((e) => toFile(e.attrs['src'] ?? e.attrs['href'] ?? '', page.file))
    .filter((f): f is string => f !== undefined);
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file) || exclude(file)) continue;
    seen.add(file);
    if (!/\.m?js$/.test(file)) continue;
    const text = readFileSync(join(DIST, file), 'utf8');
    const [imports] = parse(text, file);
    for (const i of imports) {
      const follow =
        i.type === 'static' || i.type === 'reexport-star' || (dynamic && i.type === 'dynamic');
      // A glob (an import() of a template string, e.g. Pagefind at the base path) names no built file.
      if (!follow || !i.specifier || ('glob' in i && i.glob)) continue;
      const target = toFile(i.specifier, file);
      if (target) queue.push(target);
    }
    if (dynamic) {
      for (const m of text.matchAll(/_astro\/[\w.-]+\.(?:m?js|css)/g)) queue.push(m[0]);
    }
  }
  return [...seen].sort();
}

/** The JavaScript files among what a page loads (see `loadsOf`). */
export async function scriptsOf(
  page: { file: string } & ParsedPage,
  options: { dynamic?: boolean; exclude?: (file: string) => boolean } = {},
): Promise<string[]> {
  return (await loadsOf(page, options)).filter((f) => /\.m?js$/.test(f));
}
