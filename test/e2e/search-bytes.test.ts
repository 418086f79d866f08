import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchedPage } from '../support/browser';
import { servedSite } from '../support/site';
import { meter } from '../support/network';

/** Budgets, in bytes on the wire (the test server does not compress). */
const BUDGET = { start: 160_000, firstQuery: 100_000, commonQuery: 120_000 };

const site = servedSite();

async function measure(query: string) {
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  const { page, watch } = await watchedPage(context, site.server.origin);
  const m = meter(page, (url) => url.includes('/pagefind/'));
  const done = (p: Page) => p.waitForSelector('[data-search][data-state="done"]');
  await page.goto(`${site.server.url}search/`);
  await done(page);
  const start = await m.take();
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  await done(page);
  await page.waitForLoadState('networkidle');
  const search = await m.take();
  const results = await page.locator('[data-status]').textContent();
  expect(watch.consoleErrors).toEqual([]);
  await context.close();
  return { start, search, results };
}

describe('search costs on the wire', () => {
  it('loads the index and answers a first query within budget', async () => {
    const typical = await measure('Groundswell');
    const drought = await measure('drought');
    // "the" stands in every indexed page: the worst case for the index chunk.
    const everywhere = await measure('the');
    console.info(
      [
        `search start (JS, WASM, index meta, filters): ${typical.start.bytes} B in ${typical.start.requests} requests`,
        `first query "Groundswell" (${typical.results}): ${typical.search.bytes} B in ${typical.search.requests} requests`,
        `query "drought" (${drought.results}): ${drought.search.bytes} B in ${drought.search.requests} requests`,
        `query on a word in every page "the" (${everywhere.results}): ${everywhere.search.bytes} B in ${everywhere.search.requests} requests`,
      ].join('\n'),
    );
    expect(typical.start.bytes).toBeGreaterThan(0);
    expect(typical.start.bytes).toBeLessThan(BUDGET.start);
    expect(typical.search.bytes).toBeLessThan(BUDGET.firstQuery);
    expect(drought.search.bytes).toBeLessThan(BUDGET.commonQuery);
    expect(everywhere.search.bytes).toBeLessThan(BUDGET.commonQuery);
  });
});
