/** Reads the Pagefind index the build wrote: its fragments (one per page) and the precache list. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text: string; title?: string; location: number }[];
}

/** Pagefind's files are gzip, then a "pagefind_dcd" signature, then the data. */
function decodePagefindFile(bytes: Buffer): string {
  const text = gunzipSync(bytes).toString('utf8');
  if (!text.startsWith('pagefind_dcd')) throw new Error('not a Pagefind file');
  return text.slice('pagefind_dcd'.length);
}

export function readFragments(dist = 'dist'): Fragment[] {
  const dir = join(dist, 'pagefind', 'fragment');
  return readdirSync(dir).map(
    (f) => JSON.parse(decodePagefindFile(readFileSync(join(dir, f)))) as Fragment,
  );
}

/** The URLs precached by the built service worker, relative to its location. */
export function precacheUrls(dist = 'dist'): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{url:"([^"]+)",revision:(?:null|"[0-9a-f]+")\}/g)].map(
    (m) => m[1] ?? '',
  );
}
