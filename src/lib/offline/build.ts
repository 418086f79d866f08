/**
 * Writes the offline files of a finished build: the save manifest (every file
 * a reader can save, with its size and content hash) and its summary, then
 * the service worker (`sw.ts` bundled, with the shell's precache list).
 * Node only; run by `src/integrations/offline.ts` and by the tests that stand
 * for a new build.
 */
import { readFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { getManifest } from 'workbox-build';
import {
  fileLanguage,
  fileUrl,
  MAX_FILE_BYTES,
  NEVER_CACHED,
  SAVE_MANIFEST,
  SAVE_SUMMARY,
  SHELL_PATTERNS,
  summarise,
  type SaveFile,
  type SaveManifest,
} from './precache';
import { contentHash, type KnownFile } from './hash';

const WORKER_SOURCE = fileURLToPath(new URL('./sw.ts', import.meta.url));

/** `NEVER_CACHED` as tests on a path relative to the base. */
function neverCached(path: string): boolean {
  if (path === SAVE_SUMMARY) return true;
  return NEVER_CACHED.some((glob) => {
    if (glob.startsWith('**/*')) return path.endsWith(glob.slice('**/*'.length));
    if (glob.endsWith('*.xml')) return path.startsWith(glob.slice(0, glob.indexOf('*')));
    return path === glob;
  });
}

/**
 * The save manifest of the site in `dir`. Files in `known` (the citation
 * files, hashed by the worker that wrote them, and the pages, hashed as
 * Pagefind's tag was stamped on them) are taken as known, not read again.
 */
async function saveManifest(dir: string, known: readonly KnownFile[]): Promise<SaveManifest> {
  const given = new Map(known.map(([path, bytes, hash]) => [path, [bytes, hash] as const]));
  const paths = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .filter((p) => !neverCached(p))
    .sort();
  const files: SaveManifest['files'] = { en: [], zh: [], shared: [] };
  // Read in turn, synchronously: tens of thousands of small files, where a promise each costs more than the read.
  for (const path of paths) {
    let [size, digest] = given.get(path) ?? [];
    if (size === undefined || digest === undefined) {
      const bytes = readFileSync(join(dir, path));
      [size, digest] = [bytes.length, contentHash(bytes)];
    }
    const entry: SaveFile = [fileUrl(path), size, digest];
    files[fileLanguage(path) ?? 'shared'].push(entry);
  }
  const version = contentHash(JSON.stringify(files));
  return { version, files };
}

export interface OfflineBuild {
  precached: { count: number; bytes: number };
  save: SaveManifest;
}

/** Writes the offline files of the site in `dir`; `known` lists files already hashed. */
export async function writeOfflineFiles(
  dir: string,
  known: readonly KnownFile[] = [],
): Promise<OfflineBuild> {
  const save = await saveManifest(dir, known);
  await writeFile(join(dir, SAVE_MANIFEST), JSON.stringify(save));
  await writeFile(join(dir, SAVE_SUMMARY), JSON.stringify(summarise(save)));

  const { manifestEntries, count, size, warnings } = await getManifest({
    globDirectory: dir,
    globPatterns: [...SHELL_PATTERNS],
    globIgnores: [...NEVER_CACHED],
    maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
    // Hashed names need no revision.
    dontCacheBustURLsMatching: /^(?:_astro\/|pagefind\/[^/]+\.pf_meta$)/,
  });
  if (warnings.length > 0) {
    throw new Error(`Service worker: ${warnings.map((w) => `\n  - ${w}`).join('')}`);
  }
  const entries = (manifestEntries ?? []).map((e) => ({ url: e.url, revision: e.revision }));
  await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    platform: 'browser',
    outfile: join(dir, 'sw.js'),
    define: {
      __PRECACHE_MANIFEST__: JSON.stringify(entries),
      'process.env.NODE_ENV': '"production"',
    },
    logLevel: 'warning',
  });
  return { precached: { count, bytes: size }, save };
}
