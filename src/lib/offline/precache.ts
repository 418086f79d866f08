/**
 * What the service worker precaches, and how (Workbox `generateSW` options).
 * After one visit every page, the search bundle, the map's scripts and
 * GeoJSON, the styles and the citation files are in the browser, so the
 * whole atlas reads, maps and searches with no network. The open-data
 * downloads are not (see `PRECACHE_IGNORES`).
 */
import { join } from 'node:path';
import type { GenerateSWOptions } from 'workbox-build';
import { DATA_PATHS, FINDING_CITE_DIR } from '../data/files';

/** File kinds precached: pages, styles, scripts, data, the Pagefind index, citations, icons. */
const PRECACHE_EXTENSIONS = [
  'html',
  'css',
  'js',
  'mjs',
  'json',
  'geojson',
  'webmanifest',
  'svg',
  'png',
  'woff2',
  'pagefind',
  'pf_meta',
  'pf_index',
  'pf_fragment',
  'pf_filter',
  'bib',
  'ris',
] as const;

/**
 * Files left out: the worker itself, sitemaps (for crawlers, not readers),
 * and the downloads of the open data: the data tables and their package, and
 * the single-finding citation records. They grow with the library and are
 * saved by readers who want them, so a first visit does not fetch them.
 */
const PRECACHE_IGNORES = [
  'sw.js',
  'workbox-*.js',
  '**/*.map',
  'sitemap*.xml',
  ...DATA_PATHS,
  `${FINDING_CITE_DIR}**`,
] as const;

/** The largest single file precached; larger files fail the build rather than go missing. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export function serviceWorkerOptions(dir: string): GenerateSWOptions {
  return {
    globDirectory: dir,
    globPatterns: [`**/*.{${PRECACHE_EXTENSIONS.join(',')}}`],
    globIgnores: [...PRECACHE_IGNORES],
    swDest: join(dir, 'sw.js'),
    maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
    // The worker sits at the base, so the relative URLs of the manifest resolve
    // under it and its scope is the base.
    directoryIndex: 'index.html',
    // A static site answers the same whatever the query: the search page's
    // `?q=…`, Pagefind's `pagefind-entry.json?ts=<metaCacheTag>`.
    ignoreURLParametersMatching: [/.*/],
    // Hashed names need no cache-busting revision.
    dontCacheBustURLsMatching: /^(?:_astro\/|pagefind\/(?:fragment|index|filter)\/)/,
    cacheId: 'dldd-atlas',
    // A new build installs next to the old one and waits: pages already open
    // keep reading the old build until the reader reloads (the header offers
    // it), and the old entries are deleted when the new worker takes over.
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
  };
}
