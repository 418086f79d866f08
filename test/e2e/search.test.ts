import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCitations } from '../../src/lib/citations';
import { watchedPage, type PageWatch } from '../support/browser';
import { servedSite } from '../support/site';

let context: BrowserContext | undefined;
let watch: PageWatch | undefined;

const site = servedSite();
afterEach(async () => {
  // Every search test: no console error, no request to another origin.
  if (watch) {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.otherOrigins).toEqual([]);
  }
  await context?.close();
  context = undefined;
  watch = undefined;
});

/** A fresh page; service workers are blocked so every request reaches the server. */
async function open(
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  context = await site.browser.newContext({ serviceWorkers: 'block', ...options });
  const watched = await watchedPage(context, site.server.origin);
  watch = watched.watch;
  return watched.page;
}

async function searchFor(page: Page, query: string, path = 'search/'): Promise<void> {
  await page.goto(`${site.server.url}${path}${query}`);
  await page.waitForSelector('[data-search][data-state="done"]');
}

const resultLinks = (page: Page) =>
  page.locator('.result h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

const status = (page: Page) => page.locator('[data-status]').textContent();

const filtersOpen = (page: Page) =>
  page.locator('details[data-filters]').evaluate((d) => (d as HTMLDetailsElement).open);

describe('search', () => {
  it('finds the Groundswell reports first for "Groundswell"', async () => {
    const page = await open();
    await searchFor(page, '?q=Groundswell');
    const links = await resultLinks(page);
    expect(links.slice(0, 2).sort()).toEqual([
      '/sources/groundswell-2018/',
      '/sources/groundswell-2021/',
    ]);
    expect(await status(page)).toMatch(/^\d+ results for “Groundswell”$/);
  });

  it('lands "216 million" on the located finding, with its locator and the match marked', async () => {
    const page = await open();
    await searchFor(page, '?q=216%20million');
    const first = page.locator('.result').first();
    expect(await first.locator('h3 a').getAttribute('href')).toBe('/sources/groundswell-2021/');
    expect(await first.locator('.result__citation').textContent()).toContain('10986/36248');
    const match = first.locator('.result__matches li').first();
    const locator = match.locator('a.result__locator');
    expect(await locator.textContent()).toBe('World Bank infographic, 13 September 2021');
    expect(await locator.getAttribute('href')).toBe(
      '/sources/groundswell-2021/#finding-internal-migrants-2050',
    );
    expect(await match.locator('mark').allTextContents()).toEqual(
      expect.arrayContaining(['216', 'million']),
    );
    await locator.click();
    await page.waitForURL(/#finding-internal-migrants-2050$/);
    const target = page.locator('.finding:target');
    expect(await target.textContent()).toContain('216 million people');
  });

  it('finds the note by its symbol, "ICCD/COP(15)/18"', async () => {
    const page = await open();
    await searchFor(page, `?q=${encodeURIComponent('ICCD/COP(15)/18')}`);
    const first = page.locator('.result').first();
    expect(await first.locator('h3 a').getAttribute('href')).toBe('/sources/iccd-cop15-18/');
    expect(await first.locator('.meta').textContent()).toBe(
      'Secretariat note · 2022 · ICCD/COP(15)/18',
    );
  });

  it('narrows by region, and the count shown is the number of results', async () => {
    const page = await open();
    await searchFor(page, '?q=drought');
    // Beside the results on a wide screen, the filters are open.
    expect(await filtersOpen(page)).toBe(true);
    const total = Number(/^(\d+)/.exec((await status(page)) ?? '')?.[1]);
    const westAfrica = page
      .getByRole('group', { name: 'Region' })
      .getByRole('checkbox', { name: /^West Africa \(\d+\)$/ });
    const label = await westAfrica.locator('xpath=..').textContent();
    const shown = Number(/\((\d+)\)/.exec(label ?? '')?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    await westAfrica.check();
    await page.waitForSelector('[data-search][data-state="done"]');
    expect(await status(page)).toBe(
      `${shown === 1 ? '1 result' : `${shown} results`} for “drought”`,
    );
    expect(new URL(page.url()).searchParams.getAll('region')).toEqual(['West Africa']);
    // The other regions keep the counts they would have without this filter.
    expect(await westAfrica.locator('xpath=..').textContent()).toContain(`(${shown})`);
    while (await page.locator('[data-more]').isVisible()) await page.locator('[data-more]').click();
    expect(await page.locator('.result').count()).toBe(shown);
  });

  it('on a narrow screen, keeps the filters one line above the results until opened', async () => {
    const page = await open({ viewport: { width: 412, height: 823 } });
    await searchFor(page, '?q=drought');
    expect(await filtersOpen(page)).toBe(false);
    const region = page.getByRole('group', { name: 'Region' });
    expect(await region.isVisible()).toBe(false);
    await page.getByText('Filters', { exact: true }).click();
    expect(await filtersOpen(page)).toBe(true);
    expect(await region.isVisible()).toBe(true);
    // A search that arrives filtered shows its filters.
    await searchFor(page, '?q=drought&region=West+Africa');
    expect(await filtersOpen(page)).toBe(true);
  });

  it('restores a shared search from its URL: words, filters and order', async () => {
    const page = await open();
    await searchFor(page, '?q=migration&type=Report&type=Study&sort=year-desc');
    expect(await page.inputValue('#search-q')).toBe('migration');
    expect(await page.inputValue('#search-sort')).toBe('year-desc');
    expect(await page.getByRole('checkbox', { name: /^Report \(/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Study \(/ }).isChecked()).toBe(true);
    const metas = await page.locator('.result > .meta').allTextContents();
    expect(metas.length).toBeGreaterThan(1);
    expect(metas.every((m) => /^(Report|Study) · /.test(m))).toBe(true);
    const years = metas.map((m) => Number(m.split(' · ')[1]));
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('shows an empty state with the filters and their totals, and a no-results state', async () => {
    const page = await open();
    await searchFor(page, '');
    expect(await status(page)).toBe(
      'Type a word, a figure or a document symbol, or pick a filter.',
    );
    expect(await page.locator('.result').count()).toBe(0);
    expect(await page.locator('fieldset legend').allTextContents()).toEqual([
      'Type',
      'Study design',
      'Region',
      'Country',
      'Theme',
      'Driver',
      'Mobility outcome',
      'Direction of effect',
      'Year',
      'Verification',
      'Original language',
    ]);
    await page.fill('#search-q', 'zqxjvwk');
    await page.press('#search-q', 'Enter');
    await page.waitForSelector('[data-search][data-state="done"]');
    expect(await status(page)).toBe('No results for “zqxjvwk”.');
    expect(await page.locator('[data-help]').isVisible()).toBe(true);
    expect(new URL(page.url()).search).toBe('?q=zqxjvwk');
  });

  it("finds an author by name, but never stands an author's initial in for a word it lacks", async () => {
    const page = await open();
    await searchFor(page, '?q=Umetbaeva');
    expect(await resultLinks(page)).toEqual(['/sources/chandonnet-2016/']);
    // Pagefind alone would answer these with every page that cites a "Z." or an "A.".
    for (const nonsense of ['zqxjvwk', 'aqxjvwk', 'drought qqxjvwk']) {
      await searchFor(page, `?q=${encodeURIComponent(nonsense)}`);
      expect(await status(page)).toBe(`No results for “${nonsense}”.`);
      expect(await page.locator('.result').count()).toBe(0);
    }
  });

  it('says so clearly when the index cannot be loaded', async () => {
    context = await site.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await context.route('**/pagefind/**', (route) => route.abort());
    await page.goto(`${site.server.url}search/?q=drought`);
    await page.waitForSelector('[data-search][data-state="error"]');
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toBe(
      'The search index could not be loaded, so search is not available right now. Reload the page, or browse the sources.',
    );
    expect(await page.locator('[data-filters]').isHidden()).toBe(true);
  });

  it('renders excerpts as text with <mark> only, and meta as text', async () => {
    const page = await open();
    await searchFor(page, '?q=drought');
    const tags = await page
      .locator('.result')
      .evaluateAll((items) => [
        ...new Set(
          items.flatMap((i) =>
            [...i.querySelectorAll('.result__excerpt *')].map((e) => e.localName),
          ),
        ),
      ]);
    expect(tags).toEqual(['mark']);
  });

  it('works with the keyboard alone, and announces results in a live region', async () => {
    const page = await open();
    await page.goto(`${site.server.url}sources/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('drought');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=drought$/);
    await page.waitForSelector('[data-search][data-state="done"]');
    expect(await page.locator('main').getByRole('status').first().textContent()).toMatch(
      /results for “drought”/,
    );
    await page.focus('#search-q');
    let focused = '';
    for (let i = 0; i < 12 && focused !== 'checkbox'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLInputElement).type);
    }
    expect(focused).toBe('checkbox');
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-search][data-state="done"]');
    expect(new URL(page.url()).searchParams.get('type')).not.toBeNull();
  });

  it('shows the first results under the header box, and goes through them with the keyboard', async () => {
    const page = await open();
    await page.goto(`${site.server.url}regions/`);
    await page.keyboard.press('/');
    await page.keyboard.type('216 million');
    const panel = page.locator('#site-search-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('.quick__count').textContent()).toBe('1 result for “216 million”');
    expect(await page.locator('[data-quick-status]').textContent()).toContain(
      'Press the down arrow',
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('World Bank infographic, 13 September 2021');
    expect(await panel.locator('.quick__all a').getAttribute('href')).toBe(
      '/search/?q=216+million',
    );
    await page.keyboard.press('Escape');
    expect(await panel.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=216\+million$/);
  });

  it('keeps the header search box working without JavaScript', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(site.server.url);
    await page.fill('#site-search-q', 'Groundswell');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=Groundswell$/);
    expect(await page.locator('noscript').count()).toBe(1);
  });

  it('searches in Chinese, and a country link on a source page opens a filtered search', async () => {
    const page = await open();
    await searchFor(page, `?q=${encodeURIComponent('浪潮')}`, 'zh/search/');
    const links = await resultLinks(page);
    expect(links.slice(0, 2).sort()).toEqual([
      '/zh/sources/groundswell-2018/',
      '/zh/sources/groundswell-2021/',
    ]);
    await page.goto(`${site.server.url}zh/sources/unccd-central-asia-study-2023/`);
    await page.getByRole('link', { name: '哈萨克斯坦' }).first().click();
    await page.waitForSelector('[data-search][data-state="done"]');
    expect(await page.getByRole('checkbox', { name: /^哈萨克斯坦 \(\d+\)$/ }).isChecked()).toBe(
      true,
    );
    expect(await status(page)).toMatch(/^\d+ 条结果$/);
    expect(await resultLinks(page)).toContain('/zh/sources/unccd-central-asia-study-2023/');
  });

  it('downloads the results as BibTeX, RIS and CSL-JSON', async () => {
    const page = await open();
    await searchFor(page, '?q=Groundswell&type=Report');
    const sources = (await resultLinks(page)).map((h) => /sources\/([^/]+)\//.exec(h ?? '')?.[1]);
    expect(sources.length).toBeGreaterThan(1);
    const expected = sources.map(
      (id) =>
        (JSON.parse(readFileSync(`dist/cite/${id}.json`, 'utf8')) as { title: string }[])[0]?.title,
    );
    for (const label of ['BibTeX', 'RIS', 'CSL-JSON']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: label }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^atlas-search-groundswell\.(bib|ris|json)$/);
      const text = readFileSync(await download.path(), 'utf8');
      const titles = parseCitations(text).map((c) => c.title);
      expect(titles.sort(), label).toEqual(expected.sort());
    }
    expect(await page.locator('[data-export-status]').textContent()).toMatch(
      /^Saved .*: \d+ sources\.$/,
    );
  });
});
