import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchedPage } from '../support/browser';
import { servedSite } from '../support/site';
import { read } from '../support/dist';

const site = servedSite();

/** Runs a search on the Chinese search page; returns the result pages (anchors dropped). */
async function searchZh(page: Page, query: string): Promise<string[]> {
  await page.goto(`${site.server.url}zh/search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('[data-search][data-state="done"]');
  const hrefs = await page
    .locator('.result h3 a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.split('#')[0] ?? '');
}

describe('the Chinese edition', () => {
  it.each(['荒漠化', '绿色长城', '移民'])(
    'finds "%s" in the Chinese index: Chinese pages that contain it',
    async (query) => {
      const context = await site.browser.newContext({ serviceWorkers: 'block' });
      const { page, watch } = await watchedPage(context, site.server.origin);
      const results = await searchZh(page, query);
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) {
        expect(result.startsWith('/zh/'), result).toBe(true);
        expect(read(`${result.slice(1)}index.html`), result).toContain(query);
      }
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.otherOrigins).toEqual([]);
      await context.close();
    },
  );

  it('finds the COP 17 note for a Chinese phrase of several words', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const { page } = await watchedPage(context, site.server.origin);
    const migration = await searchZh(page, '移民 缔约方会议 说明');
    expect(migration).toContain('/zh/sources/iccd-cop17-8/');
    await context.close();
  });

  it('puts the Great Green Wall initiative first for "绿色长城"', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const { page } = await watchedPage(context, site.server.origin);
    const results = await searchZh(page, '绿色长城');
    expect(results.slice(0, 3)).toContain('/zh/initiatives/great-green-wall/');
    await context.close();
  });

  it('round-trips the language switcher on every kind of page', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const { page, watch } = await watchedPage(context, site.server.origin);
    for (const path of [
      '',
      'sources/',
      'regions/central-asia/',
      'initiatives/3s-initiative/',
      'map/',
      'search/',
    ]) {
      await page.goto(`${site.server.url}${path}`);
      await page.locator('a.lang-switch').click();
      await page.waitForURL(`${site.server.url}zh/${path}`);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await page.locator('a.lang-switch').click();
      await page.waitForURL(`${site.server.url}${path}`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
    }
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.otherOrigins).toEqual([]);
    await context.close();
  });
});
