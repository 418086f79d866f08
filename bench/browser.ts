/**
 * Browser measurements on a served build, in the Chromium of the tests:
 * a cold search (new context, empty cache, no service worker) and the time
 * from navigation to the map's first `idle` event, the reader showing intent
 * (the pointer onto the static map) as soon as the page has loaded.
 */
import type { Browser, Page } from 'playwright-core';
import { showMapIntent } from '../test/support/map.ts';
import { meter } from '../test/support/network.ts';
import type { StaticServer } from '../test/support/server.ts';

export interface ColdQuery {
  query: string;
  /** performance.now() when the first result was on screen (ms since navigation start). */
  firstResultsMs: number;
  /** Bytes received until then: bodies as sent plus headers, all requests, the worker's included. */
  bytes: number;
  /** Of which for the Pagefind bundle and index. */
  pagefindBytes: number;
  requests: number;
  results: number;
}

/** Loads `search/?q=` in a fresh context and waits for the first result. */
export async function coldQuery(browser: Browser, root: string, query: string): Promise<ColdQuery> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    // The cache is empty in a new context; Pagefind's worker fetches are counted too.
    const all = meter(page);
    const pagefind = meter(page, (url) => url.includes('/pagefind/'));
    await page.goto(`${root}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => document.querySelector('.result') !== null, undefined, {
      polling: 'raf',
      timeout: 60_000,
    });
    const firstResultsMs = await page.evaluate(() => performance.now());
    const [total, ofPagefind] = await Promise.all([all.take(), pagefind.take()]);
    await page.waitForSelector('[data-search][data-state="done"]', { timeout: 60_000 });
    const results = await page.locator('.result').count();
    return {
      query,
      firstResultsMs: Math.round(firstResultsMs),
      bytes: total.bytes,
      pagefindBytes: ofPagefind.bytes,
      requests: total.requests,
      results,
    };
  } finally {
    await context.close();
  }
}

async function mapIdleOnce(page: Page, url: string): Promise<number> {
  await page.goto(url);
  // MapLibre loads on intent: the pointer moves onto the map right after the load event.
  await showMapIntent(page, 'hover');
  // Set by the map page (src/lib/browser/map/page.ts) at the first idle event.
  const handle = await page.waitForFunction(
    () => (window as unknown as { __atlasMapIdleAt?: number }).__atlasMapIdleAt,
    undefined,
    {
      timeout: 120_000,
    },
  );
  return Math.round(Number(await handle.jsonValue()));
}

/**
 * Navigation → first map `idle`, `runs` times, each in a fresh context. The
 * pointer moves onto the static map right after the load event (MapLibre
 * loads on intent), so the time is a reader's who reaches for the map at once.
 */
export async function mapIdle(browser: Browser, root: string, runs = 5): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      times.push(await mapIdleOnce(await context.newPage(), `${root}map/`));
    } finally {
      await context.close();
    }
  }
  return times;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export interface EvidenceMapLoad {
  /** Navigation → the map's filters and grid ready (`__atlasEvidenceReadyAt`), ms. */
  interactiveMs: number;
  /** Bytes received until then (HTML, CSS, JS, index.json), all requests. */
  bytes: number;
  /** Of which for `evidence-map/index.json`. */
  indexBytes: number;
  requests: number;
}

async function evidenceMapOnce(browser: Browser, url: string): Promise<EvidenceMapLoad> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const all = meter(page);
    const index = meter(page, (u) => u.includes('/evidence-map/index.json'));
    await page.goto(url);
    // Set by the page script (src/lib/browser/evidence-map/page.ts) once the index is read.
    const handle = await page.waitForFunction(
      () => (window as unknown as { __atlasEvidenceReadyAt?: number }).__atlasEvidenceReadyAt,
      undefined,
      { timeout: 120_000 },
    );
    const interactiveMs = Math.round(Number(await handle.jsonValue()));
    const [total, ofIndex] = await Promise.all([all.take(), index.take()]);
    return {
      interactiveMs,
      bytes: total.bytes,
      indexBytes: ofIndex.bytes,
      requests: total.requests,
    };
  } finally {
    await context.close();
  }
}

/** Navigation → the evidence map interactive, `runs` times, each in a fresh context. */
export async function evidenceMapLoad(
  browser: Browser,
  root: string,
  runs = 5,
): Promise<EvidenceMapLoad[]> {
  const out: EvidenceMapLoad[] = [];
  for (let i = 0; i < runs; i++) out.push(await evidenceMapOnce(browser, `${root}evidence-map/`));
  return out;
}

export interface FirstVisit {
  /** Bytes the server sent (gzip, headers included) from navigation until the shell is stored. */
  bytes: number;
  requests: number;
  ms: number;
}

/** A first visit to the home page, in a new context, until the offline status says the shell is stored. */
export async function firstVisit(browser: Browser, server: StaticServer): Promise<FirstVisit> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const bytes = server.bytesSent();
    const requests = server.served.length;
    const start = performance.now();
    await page.goto(server.url);
    await page.waitForSelector('[data-offline-status][data-state="ready"]', { timeout: 300_000 });
    return {
      bytes: server.bytesSent() - bytes,
      requests: server.served.length - requests,
      ms: Math.round(performance.now() - start),
    };
  } finally {
    await context.close();
  }
}

export interface FullSave {
  /** Files the save fetched, bytes the server sent for the whole visit, and the save's time. */
  files: number;
  bytes: number;
  seconds: number;
}

/** Opens the About page in a new context and saves the atlas in English, as a reader would. */
export async function fullSave(browser: Browser, server: StaticServer): Promise<FullSave> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}about/`);
    await page.waitForSelector('[data-offline-status][data-state="ready"]', { timeout: 300_000 });
    await page.waitForSelector('[data-save-atlas][data-state="idle"]');
    const bytes = server.bytesSent();
    const requests = server.requests.length;
    const start = performance.now();
    await page.locator('[data-save-atlas] [data-save-start]').click();
    await page.waitForSelector('[data-save-atlas][data-state="saved"]', { timeout: 3_600_000 });
    const seconds = (performance.now() - start) / 1000;
    const files = server.requests
      .slice(requests)
      .filter((r) => r.headers['x-atlas-save'] !== undefined).length;
    return { files, bytes: server.bytesSent() - bytes, seconds };
  } finally {
    await context.close();
  }
}
