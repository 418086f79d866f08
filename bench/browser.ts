/**
 * Browser measurements on a served build, in the Chromium of the tests:
 * a cold search (new context, empty cache, no service worker) and the time
 * from navigation to the map's first `idle` event.
 */
import type { Browser, Page } from 'playwright-core';

export interface ColdQuery {
  query: string;
  /** performance.now() when the first result was on screen (ms since navigation start). */
  firstResultsMs: number;
  /** Bytes received over the network until then, headers included (all requests). */
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
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const urls = new Map<string, string>();
    let bytes = 0;
    let pagefindBytes = 0;
    let requests = 0;
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      requests++;
      if (urls.get(e.requestId)?.includes('/pagefind/')) pagefindBytes += e.encodedDataLength;
    });
    await page.goto(`${root}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => document.querySelector('.result') !== null, undefined, {
      polling: 'raf',
      timeout: 60_000,
    });
    const firstResultsMs = await page.evaluate(() => performance.now());
    const snapshot = { bytes, pagefindBytes, requests };
    await page.waitForSelector('[data-search][data-state="done"]', { timeout: 60_000 });
    const results = await page.locator('.result').count();
    return { query, firstResultsMs: Math.round(firstResultsMs), ...snapshot, results };
  } finally {
    await context.close();
  }
}

async function mapIdleOnce(page: Page, url: string): Promise<number> {
  await page.goto(url);
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

/** Navigation → first map `idle`, `runs` times, each in a fresh context. */
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
