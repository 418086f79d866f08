/**
 * The service worker (bundled to `sw.js` by `build.ts`). It precaches the
 * shell and caches the rest as it is read (see `precache.ts`); a page that is
 * neither read nor saved, asked for with no network, gets the offline page
 * of its language, which says so and offers to save the atlas.
 *
 * A new build installs next to the old one and waits: pages already open
 * keep the old shell until the reader reloads (the header offers it). The
 * saved atlas is not Workbox's: `offline-save.ts` keeps it, by content hash.
 */
import { clientsClaim } from 'workbox-core';
import type { WorkboxPlugin } from 'workbox-core/types';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import {
  HASHED_PATH,
  RUNTIME_CACHES,
  SAVE_HEADER,
  SAVE_MANIFEST,
  SAVED_CACHE,
  SAVE_SUMMARY,
  SAVED_RECORD,
  savedKey,
  MISSING_INDEX,
  type SaveSummary,
} from './precache';
import { SAVED_STATUS, type SavedStatus } from '../browser/offline';
import { langList, savedDate, type SavedRecord } from '../browser/offline-record';
import { format } from '../format';

declare const __PRECACHE_MANIFEST__: { url: string; revision: string | null }[];

interface WorkerScope {
  registration: { scope: string };
  location: Location;
  skipWaiting: () => Promise<void>;
  addEventListener: (type: 'message', listener: (event: MessageEvent) => void) => void;
}
const sw = self as unknown as WorkerScope;
const scope = new URL(sw.registration.scope).pathname;

// The save asks the network itself, shell files included, and keeps what it
// gets; so does the manifest it reads. First, so the precache does not answer.
registerRoute(
  ({ url, request }) =>
    request.headers.has(SAVE_HEADER) || url.pathname === `${scope}${SAVE_MANIFEST}`,
  ({ request }) => fetch(request),
);

precacheAndRoute(__PRECACHE_MANIFEST__, {
  directoryIndex: 'index.html',
  // A static site answers the same whatever the query: the search page's
  // `?q=…`, Pagefind's `pagefind-entry.json?ts=<metaCacheTag>`.
  ignoreURLParametersMatching: [/.*/],
});
cleanupOutdatedCaches();
clientsClaim();
/** Search index files asked for and not stored, with no network to fetch them. */
const missingIndex = new Set<string>();
sw.addEventListener('message', (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === 'SKIP_WAITING') void sw.skipWaiting();
  // The search page asks, after a search, which parts of the index it lacked.
  if (type === MISSING_INDEX) {
    event.ports[0]?.postMessage([...missingIndex]);
    missingIndex.clear();
  }
  if (type === SAVED_STATUS) {
    const { strings } = event.data as { strings: string };
    const locale = strings.startsWith(`${scope}zh/`) ? 'zh-CN' : 'en';
    void savedStatus(strings, locale).then(
      (status) => event.ports[0]?.postMessage(status),
      () => event.ports[0]?.postMessage(null),
    );
  }
});

/** What the saved atlas's record says, against this worker's build (its precached summary). */
async function savedStatus(stringsUrl: string, locale: string): Promise<SavedStatus | null> {
  if (!(await caches.has(SAVED_CACHE))) return null;
  const cache = await caches.open(SAVED_CACHE);
  const stored = await cache.match(`${sw.location.origin}${scope}${SAVED_RECORD}`);
  const strings = await matchPrecache(stringsUrl);
  if (!stored || !strings) return null;
  const record = (await stored.json()) as SavedRecord;
  const words = (await strings.json()) as Record<string, string>;
  const summary = await matchPrecache(`${scope}${SAVE_SUMMARY}`);
  const version = summary ? ((await summary.json()) as SaveSummary).version : record.version;
  const state = !record.complete ? 'partial' : version !== record.version ? 'stale' : 'complete';
  const text = {
    complete: format(words['offline.saved'] ?? '', {
      langs: langList(record.langs, words, locale),
      date: savedDate(record.date, locale),
    }),
    partial: words['offline.savePartial'] ?? '',
    stale: words['offline.stale'] ?? '',
  }[state];
  return { state, text };
}

const bounded = (c: { maxEntries: number; maxAgeSeconds: number }): WorkboxPlugin[] => [
  // Workbox's plugin type has optional callbacks that `exactOptionalPropertyTypes` refuses.
  new ExpirationPlugin({
    maxEntries: c.maxEntries,
    maxAgeSeconds: c.maxAgeSeconds,
    purgeOnQuotaError: true,
  }) as unknown as WorkboxPlugin,
];
const pages = new NetworkFirst({
  cacheName: RUNTIME_CACHES.pages.name,
  plugins: bounded(RUNTIME_CACHES.pages),
});
const hashed = new CacheFirst({
  cacheName: RUNTIME_CACHES.hashed.name,
  plugins: bounded(RUNTIME_CACHES.hashed),
});
const files = new NetworkFirst({
  cacheName: RUNTIME_CACHES.files.name,
  plugins: bounded(RUNTIME_CACHES.files),
});

async function savedCopy(url: URL): Promise<Response | undefined> {
  if (!(await caches.has(SAVED_CACHE))) return undefined;
  const cache = await caches.open(SAVED_CACHE);
  return cache.match(`${url.origin}${savedKey(url.pathname)}`, { ignoreSearch: true });
}

/**
 * The offline page of the page's language, for a page not stored. Sent as
 * 200, as Workbox's offline fallback does: the page itself says what it is.
 */
async function offlinePage(url: URL): Promise<Response> {
  const zh = url.pathname.startsWith(`${scope}zh/`);
  return (await matchPrecache(`${scope}${zh ? 'zh/' : ''}offline/index.html`)) ?? Response.error();
}

const isPage = (request: Request, url: URL) =>
  request.mode === 'navigate' || url.pathname.endsWith('/') || url.pathname.endsWith('.html');

registerRoute(
  ({ url, request }) =>
    url.origin === sw.location.origin && url.pathname.startsWith(scope) && request.method === 'GET',
  async ({ url, request, event }) => {
    const path = url.pathname.slice(scope.length);
    // Workbox types `event` as ExtendableEvent, from the WebWorker lib this DOM-typed project does not load.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
    const options = { request, event };
    if (HASHED_PATH.test(path)) {
      try {
        return (await savedCopy(url)) ?? (await hashed.handle(options));
      } catch (error) {
        if (path.startsWith('pagefind/')) missingIndex.add(path);
        throw error;
      }
    }
    try {
      return await (isPage(request, url) ? pages : files).handle(options);
    } catch (error) {
      const saved = await savedCopy(url);
      if (saved) return saved;
      if (request.mode === 'navigate') return offlinePage(url);
      throw error;
    }
  },
);
