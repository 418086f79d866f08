/**
 * What the service worker stores, and when. No dependencies: the build, the
 * worker (`src/offline/sw.ts`) and the tests all read it.
 *
 * - The first visit precaches only the shell: styles, scripts, icons, the
 *   home, search, map and offline pages of each language, the map's data,
 *   Pagefind's runtime and each language's index entry. Its size does not
 *   grow with the library.
 * - Everything else is cached as it is read: pages network-first (the cache
 *   when the network fails), files with a content hash in their name
 *   cache-first, other files network-first; each kind bounded by Workbox
 *   expiration.
 * - "Save the atlas" (`src/lib/browser/offline-save.ts`) stores every page of
 *   the chosen languages, the whole search index and the data in a cache of
 *   its own, never expired, listed with content hashes in `SAVE_MANIFEST`.
 */

/** Globs of the shell, relative to the base (workbox-build `globPatterns`). */
export const SHELL_PATTERNS = [
  '_astro/**/*.{css,js,mjs,woff2,svg,png}',
  'icons/*.png',
  'favicon.svg',
  '{,zh/}manifest.webmanifest',
  '{,zh/}strings.json',
  '{,zh/}index.html',
  '{,zh/}search/index.html',
  '{,zh/}map/index.html',
  '{,zh/}offline/index.html',
  'geo/*.{json,geojson}',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/*.pf_meta',
  'pagefind/wasm.*.pagefind',
  'offline-summary.json',
] as const;

/** Never stored by the worker, nor saved: the worker itself, crawler files, source maps. */
export const NEVER_CACHED = [
  'sw.js',
  '**/*.map',
  'sitemap*.xml',
  '_headers',
  'offline-files.json',
] as const;

/** The list of every file the save can store, with sizes and content hashes. */
export const SAVE_MANIFEST = 'offline-files.json';
/** Its totals per language, small enough for the shell: what the control says first. */
export const SAVE_SUMMARY = 'offline-summary.json';

/** Names whose content hash is in the path: a new build never changes what they hold. */
export const HASHED_PATH =
  /(?:^|\/)(?:_astro\/|pagefind\/(?:fragment|index|filter)\/|pagefind\/[^/]+\.pf_meta$)/;

const CACHE_PREFIX = 'dldd-atlas';
/** The caches filled as the reader reads, each bounded. */
export const RUNTIME_CACHES = {
  pages: { name: `${CACHE_PREFIX}-pages`, maxEntries: 150, maxAgeSeconds: 60 * 24 * 3600 },
  hashed: { name: `${CACHE_PREFIX}-hashed`, maxEntries: 1500, maxAgeSeconds: 180 * 24 * 3600 },
  files: { name: `${CACHE_PREFIX}-files`, maxEntries: 300, maxAgeSeconds: 60 * 24 * 3600 },
} as const;
/** The saved atlas: never expired, emptied only by the reader or a new save. */
export const SAVED_CACHE = `${CACHE_PREFIX}-saved`;
/** The saved atlas's own record (what is saved, from which build, when), in `SAVED_CACHE`. */
export const SAVED_RECORD = '__saved-atlas.json';
/**
 * The content hash of each saved file, beside the record in `SAVED_CACHE`: only
 * a save reads it, while the record is read on every page (the status says what
 * is saved). At 5,000 sources an English save's hashes are 7.2 MB of JSON.
 */
export const SAVED_HASHES = '__saved-atlas-hashes.json';
/** Requests of the save carry this header, so the worker sends them to the network as they are. */
export const SAVE_HEADER = 'x-atlas-save';

/** The search page asks the worker which search index files it could not serve since last asked. */
export const MISSING_INDEX = 'MISSING_INDEX';

/** The largest single file precached; larger files fail the build rather than go missing. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type SaveLang = 'en' | 'zh';
export const SAVE_LANGS: readonly SaveLang[] = ['en', 'zh'];

/**
 * Which language a built file belongs to, or `null` for the files every
 * language uses (data, citations, scripts). `path` is relative to the base.
 */
export function fileLanguage(path: string): SaveLang | null {
  if (path.startsWith('zh/')) return 'zh';
  const pagefind = /^pagefind\/(?:fragment|index|filter)\/([a-z-]+)_/.exec(path);
  if (pagefind) return pagefind[1] === 'en' ? 'en' : 'zh';
  if (path.endsWith('.html')) return 'en';
  if (path === 'strings.json' || path === 'manifest.webmanifest') return 'en';
  return null;
}

/** The URL a built file is read at, relative to the base: pages as their folder. */
export function fileUrl(path: string): string {
  if (path === 'index.html') return '';
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** The key a URL is saved under: its path, a folder for its index page, no query. */
export function savedKey(pathname: string): string {
  return pathname.endsWith('/index.html') ? pathname.slice(0, -'index.html'.length) : pathname;
}

/** One file of the save: its URL relative to the base, size in bytes, content hash. */
export type SaveFile = [url: string, bytes: number, hash: string];

export interface SaveManifest {
  /** Changes whenever any file does. */
  version: string;
  /** Files of one language each, and files shared by all. */
  files: Record<SaveLang | 'shared', SaveFile[]>;
}

export interface SaveSummary {
  version: string;
  /** Files and bytes of a save of each language, shared files included. */
  langs: Record<SaveLang, { files: number; bytes: number }>;
  /** Of both languages together. */
  all: { files: number; bytes: number };
}

/** The files a save of `langs` holds. */
export function filesFor(manifest: SaveManifest, langs: readonly SaveLang[]): SaveFile[] {
  return [...manifest.files.shared, ...langs.flatMap((l) => manifest.files[l])];
}

export function summarise(manifest: SaveManifest): SaveSummary {
  const total = (files: SaveFile[]) => ({
    files: files.length,
    bytes: files.reduce((s, f) => s + f[1], 0),
  });
  return {
    version: manifest.version,
    langs: {
      en: total(filesFor(manifest, ['en'])),
      zh: total(filesFor(manifest, ['zh'])),
    },
    all: total(filesFor(manifest, SAVE_LANGS)),
  };
}
