/**
 * axe-core on every page of the built site, in every language, in real
 * headless Chromium, plus the states a reader reaches by interacting (map
 * panel open, search results shown). Zero violations.
 *
 * One browser, one context, one tab, pages in sequence: the machine has two cores.
 * axe-core is loaded into every page of the context as an init script and run
 * with `axe.run`: the same engine as @axe-core/playwright's AxeBuilder, which
 * re-sends and re-compiles axe's 550 KB for each page and took four times as
 * long per page here.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, AXE_SCRIPT } from '../support/axe';
import { launchChromium, watchedPage, type PageWatch } from '../support/browser';
import { onePerType, sitePages } from '../support/pages';
import { serve, type StaticServer } from '../support/server';
import { INTERACTIVE_STATES } from '../support/states';

/** Lighthouse's mobile screen: targets crowd together on narrow screens. */
const MOBILE = { width: 412, height: 823 };

let browser: Browser;
let context: BrowserContext;
let server: StaticServer;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  server = await serve();
  browser = await launchChromium();
  context = await browser.newContext();
  await context.addInitScript(AXE_SCRIPT);
  ({ page, watch } = await watchedPage(context, server.origin));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

const pages = sitePages();

describe('accessibility (axe, WCAG 2.2 AA and best practice)', () => {
  it('audits every page of the site', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it('reports a violation when there is one (self-check)', async () => {
    await page.goto(server.url);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'favicon.svg';
      document.querySelector('main')?.append(img);
    });
    expect((await audit(page)).some((v) => v.startsWith('image-alt'))).toBe(true);
  });

  for (const { file, path } of pages) {
    it(`has no violation on ${file}`, async () => {
      watch.consoleErrors.length = 0;
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      expect(response?.ok() || file.includes('404'), `HTTP ${response?.status()}`).toBe(true);
      expect(await audit(page), file).toEqual([]);
      expect(watch.consoleErrors, file).toEqual([]);
    });
  }

  for (const { file, path } of onePerType(pages)) {
    it(`has no violation in dark mode on ${file}`, async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      try {
        await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        expect(await audit(page), file).toEqual([]);
      } finally {
        await page.emulateMedia({ colorScheme: 'light' });
      }
    });
  }

  for (const { file, path } of onePerType(pages)) {
    it(`has no violation on a narrow screen on ${file}`, async () => {
      const viewport = page.viewportSize();
      await page.setViewportSize(MOBILE);
      try {
        await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        expect(await audit(page), file).toEqual([]);
      } finally {
        if (viewport) await page.setViewportSize(viewport);
      }
    });
  }

  for (const state of INTERACTIVE_STATES) {
    it(`has no violation with ${state.name}`, async () => {
      watch.consoleErrors.length = 0;
      for (const lang of ['', 'zh/']) {
        await state.reach(page, `${server.url}${lang}`);
        expect(await audit(page), `${lang}${state.name}`).toEqual([]);
      }
      expect(watch.consoleErrors).toEqual([]);
    });
  }
});
