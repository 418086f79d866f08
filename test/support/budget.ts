/** What a page loads, and how many bytes it costs over the wire (gzip). */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import { DIST } from './dist';
import type { ParsedPage } from './html';

/** Size in bytes after gzip at the level most servers use (6). */
export function gzipSize(file: string, dir = DIST): number {
  return gzipSync(readFileSync(join(dir, file)), { level: 6 }).length;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** dist/-relative path of a URL on a page served at `pagePath` (site built at base "/"). */
function toFile(url: string, from: string): string | undefined {
  if (/^(https?:|data:|blob:)/.test(url)) return undefined;
  const path = url.startsWith('/') ? url : posix.join(posix.dirname(`/${from}`), url);
  return posix.normalize(path.split(/[?#]/)[0] ?? '').replace(/^\/+/, '');
}

/**
 * The JavaScript files a page loads: its scripts and module preloads, then
 * every static import of those, transitively. With `dynamic`, also follows
 * `import()` (code loaded on demand, e.g. when a reader opens the map).
 */
export async function scriptsOf(
  page: { file: string } & ParsedPage,
  { dynamic = false, exclude = (_file: string): boolean => false } = {},
): Promise<string[]> {
  await init();
  const roots = page.elements
    .filter(
      (e) =>
        (e.name === 'script' && e.attrs['src']) ||
        (e.name === 'link' && e.attrs['rel'] === 'modulepreload' && e.attrs['href']),
    )
    .map((e) => toFile(e.attrs['src'] ?? e.attrs['href'] ?? '', page.file))
    .filter((f): f is string => f !== undefined);
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file) || exclude(file)) continue;
    seen.add(file);
    const [imports] = parse(readFileSync(join(DIST, file), 'utf8'), file);
    for (const i of imports) {
      const follow =
        i.type === 'static' || i.type === 'reexport-star' || (dynamic && i.type === 'dynamic');
      // A glob (an import() of a template string, e.g. Pagefind at the base path) names no built file.
      if (!follow || !i.specifier || ('glob' in i && i.glob)) continue;
      const target = toFile(i.specifier, file);
      if (target) queue.push(target);
    }
  }
  return [...seen].sort();
}
