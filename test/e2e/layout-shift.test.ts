/**
 * Nothing moves once painted: no layout shift (CLS 0, by the browser's own
 * layout-shift entries) on the home page, a source page, the map, search and
 * the evidence map, in both languages, on a wide screen and a phone, until
 * what arrives after first paint has arrived: the header's offline status, the
 * map (MapLibre, brought by the reader's pointer or tap, drawn in its static
 * picture's box), the search results with their filters, and the evidence
 * map's index with its filters.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchedPage } from '../support/browser';
import { useInteractiveMap } from '../support/map';
import { servedSite } from '../support/site';

const site = servedSite();

interface Shift {
  value: number;
  sources: string[];
}
declare global {
  interface Window {
    __shifts?: Shift[];
  }
}

/** Waits for what each page adds after first paint. */
const PAGES: { path: string; settled: (page: Page, touch: boolean) => Promise<unknown> }[] = [
  { path: '', settled: () => Promise.resolve() },
  { path: 'sources/iccd-cop17-8/', settled: () => Promise.resolve() },
  {
    path: 'map/',
    // The static map stands until the reader shows intent: the pointer onto it brings MapLibre.
    settled: (page, touch) => useInteractiveMap(page, touch ? 'tap' : 'hover'),
  },
  {
    path: 'search/?q=drought',
    settled: (page) => page.waitForSelector('[data-search][data-state="done"]'),
  },
  {
    path: 'evidence-map/',
    settled: (page) => page.waitForSelector('[data-em-root][data-em-status="ready"]'),
  },
];

const SCREENS = [
  { name: 'wide', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];

describe('layout shift', () => {
  for (const { name, ...screen } of SCREENS) {
    it(`is zero on home, a source page, the map, search and the evidence map, in both languages (${name})`, async () => {
      const context = await site.browser.newContext(screen);
      await context.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
            sources?: {
              node?: Node | null;
              previousRect: DOMRectReadOnly;
              currentRect: DOMRectReadOnly;
            }[];
          })[]) {
            if (entry.hadRecentInput) continue;
            window.__shifts?.push({
              value: entry.value,
              sources: (entry.sources ?? []).map(
                (s) =>
                  `${s.node instanceof Element ? `${s.node.tagName}.${s.node.className}` : '?'} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`,
              ),
            });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const { page, watch } = await watchedPage(context, site.server.origin);
      const shifts: Record<string, Shift[]> = {};
      for (const root of ['', 'zh/']) {
        for (const { path, settled } of PAGES) {
          await page.goto(`${site.server.url}${root}${path}`);
          // The offline status arrives once the service worker has answered; on the first
          // page it says "Saving…", then that pages read are kept, once the shell is stored.
          await page.waitForSelector('[data-offline-status][data-state="ready"]', {
            timeout: 60_000,
          });
          await settled(page, 'hasTouch' in screen && screen.hasTouch);
          // Two frames, so a shift caused by the last change is recorded.
          await page.evaluate(
            () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
          );
          shifts[`${root}${path}`] = (await page.evaluate(() => window.__shifts)) ?? [];
        }
      }
      expect(Object.keys(shifts)).toHaveLength(2 * PAGES.length);
      for (const [path, list] of Object.entries(shifts)) expect(list, path).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      await context.close();
    });
  }
});
