/**
 * The header as a reader meets it: on a 320 px phone in both languages every
 * control fits, side by side; the menu opens by keyboard without JavaScript
 * and lists every page of the menu; on a wide screen the menu is a row of
 * links, with the current section marked.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtEntries } from '../../src/lib/nav';
import { hasPage } from '../../src/lib/pages-fs';
import { pageUrl, type Lang } from '../../src/lib/i18n';
import { disclosure } from '../support/ax-tree';
import { watchedPage } from '../support/browser';
import { servedSite } from '../support/site';

const site = servedSite();
const MENU: Record<Lang, string> = { en: 'Menu', zh: '菜单' };
/** The menu's links, as the build lists them. */
const hrefs = (lang: Lang) => builtEntries(hasPage).map((e) => pageUrl(e.path, lang));
const CONTROLS = [
  '.site-header__title',
  '.site-nav__toggle',
  '#site-search-q',
  '.site-search__form button',
  '.lang-switch',
];

async function open(
  path: string,
  options: BrowserContextOptions,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await site.browser.newContext(options);
  const { page, watch } = await watchedPage(context, site.server.origin);
  await page.goto(`${site.server.url}${path}`);
  return {
    page,
    close: async () => {
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.otherOrigins).toEqual([]);
      await context.close();
    },
  };
}

const menuLinks = (page: Page) => page.locator('.site-nav__list a');

describe('the header', () => {
  for (const lang of ['en', 'zh'] as const) {
    const root = lang === 'en' ? '' : 'zh/';

    it(`fits a 320 px screen in ${lang}: every control shown, none over another`, async () => {
      const width = 320;
      const { page, close } = await open(root, {
        viewport: { width, height: 640 },
        isMobile: true,
        hasTouch: true,
      });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      const boxes = [];
      for (const selector of CONTROLS) {
        const box = await page.locator(selector).boundingBox();
        if (!box) throw new Error(`${selector} is not shown`);
        expect(box.x, selector).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, selector).toBeLessThanOrEqual(width);
        // A target a thumb can hit (WCAG 2.5.8 asks 24 px).
        expect(box.height, selector).toBeGreaterThanOrEqual(24);
        boxes.push({ selector, ...box });
      }
      for (const a of boxes)
        for (const b of boxes) {
          if (a === b) continue;
          const apart =
            a.x + a.width <= b.x ||
            b.x + b.width <= a.x ||
            a.y + a.height <= b.y ||
            b.y + b.height <= a.y;
          expect(apart, `${a.selector} and ${b.selector} overlap`).toBe(true);
        }
      await close();
    });

    it(`opens the menu by keyboard without JavaScript, listing every page (${lang})`, async () => {
      const { page, close } = await open(root, {
        viewport: { width: 390, height: 844 },
        javaScriptEnabled: false,
      });
      expect(await menuLinks(page).first().isVisible()).toBe(false);
      for (let i = 0; i < 5; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.matches('.site-nav__toggle'))) break;
      }
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
        MENU[lang],
      );
      await page.keyboard.press('Enter');
      expect((await disclosure(page, MENU[lang]))?.props['expanded']).toBe(true);
      expect(
        await menuLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      ).toEqual(hrefs(lang));
      for (const link of await menuLinks(page).all()) expect(await link.isVisible()).toBe(true);
      // In the flow, covering nothing: the page's content starts below the last link.
      const last = await menuLinks(page).last().boundingBox();
      const main = await page.locator('main').boundingBox();
      expect((main?.y ?? 0) >= (last?.y ?? Infinity) + (last?.height ?? 0)).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
        hrefs(lang)[0],
      );
      await close();
    });

    it(`shows the menu as links on a wide screen, the current section marked (${lang})`, async () => {
      const { page, close } = await open(`${root}sources/iccd-cop17-8/`, {
        viewport: { width: 1280, height: 800 },
      });
      expect(await page.locator('.site-nav__toggle').isVisible()).toBe(false);
      const header = await page.locator('.site-header').boundingBox();
      for (const link of await menuLinks(page).all()) {
        const box = await link.boundingBox();
        expect(box && header && box.y + box.height <= header.y + header.height).toBe(true);
      }
      expect(await menuLinks(page).count()).toBe(hrefs(lang).length);
      const sources = menuLinks(page).first();
      expect(await sources.getAttribute('href')).toBe(pageUrl('sources/', lang));
      expect(await sources.getAttribute('aria-current')).toBe('true');
      // The breadcrumb leads back to the index.
      const crumbs = page.locator('nav.breadcrumb li');
      expect(await crumbs.count()).toBe(3);
      await crumbs.nth(1).locator('a').click();
      await page.waitForURL(`${site.server.url}${root}sources/`);
      expect(await sources.getAttribute('aria-current')).toBe('page');
      await close();
    });
  }
});
