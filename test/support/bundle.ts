/** What a built page downloads: its scripts and styles, followed through their imports. */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/** The built site (same as `DIST` in ./dist.ts; not imported so the benchmark can run this file in plain Node). */
const DIST = 'dist';

/** Paths (relative to dist, without the base) of the module scripts a page loads. */
export function pageScripts(html: string, base = '/'): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) =>
    (m[1] ?? '').slice(base.length),
  );
}

/**
 * Every bundle file a set of entry files can load: static imports, dynamic
 * imports, CSS and workers the bundler emitted under `_astro/`, found by name.
 */
export function bundleClosure(entries: readonly string[], dir = DIST): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file) || !existsSync(join(dir, file))) continue;
    seen.add(file);
    if (!/\.m?js$/.test(file)) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/_astro\/[\w.-]+\.(?:m?js|css)/g)) queue.push(m[0]);
  }
  return [...seen].sort();
}

/** Gzip size of files under dist, in bytes. */
export function gzipBytes(files: readonly string[], dir = DIST): number {
  return files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length,
    0,
  );
}
