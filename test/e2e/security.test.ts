/**
 * The Content Security Policy holds in a real browser: one page of every type
 * in each language, and the interactive states (map panel, search results),
 * served with the headers of `_headers` as a host would, and with the meta
 * tag. Any `securitypolicyviolation` event fails the test.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../../src/lib/security/headers';
import { launchChromium, watchedPage, type PageWatch } from '../support/browser';
import { read } from '../support/dist';
import { onePerType } from '../support/pages';
import { serve, type StaticServer } from '../support/server';
import { INTERACTIVE_STATES } from '../support/states';

let browser: Browser;
let context: BrowserContext;
let server: StaticServer;
let page: Page;
let watch: PageWatch;
const violations: string[] = [];

beforeAll(async () => {
  server = await serve('dist', '/', parseHeadersFile(read('_headers')).get('/*'));
  browser = await launchChromium();
  context = await browser.newContext();
  await context.exposeBinding('__atlasCspViolation', (_source, text: string) => {
    violations.push(text);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __atlasCspViolation: (t: string) => void })
      .__atlasCspViolation;
    document.addEventListener('securitypolicyviolation', (e) => {
      report(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  ({ page, watch } = await watchedPage(context, server.origin));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});
beforeEach(() => {
  violations.length = 0;
  watch.consoleErrors.length = 0;
});

/**
 * Lets late violations (workers, lazy chunks) arrive before asserting. Not
 * "networkidle": the service worker's precache keeps the network busy.
 */
const settle = () => page.waitForLoadState('load').then(() => page.waitForTimeout(500));

describe('the Content Security Policy in the browser', () => {
  it('is enforced: an injected inline script is blocked and reported', async () => {
    await page.goto(server.url);
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__atlasInlineRan = true';
      document.body.append(s);
      return (window as unknown as { __atlasInlineRan?: boolean }).__atlasInlineRan === true;
    });
    await page.waitForTimeout(100);
    expect(ran).toBe(false);
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
  });

  it('is sent as a header too, with frame-ancestors', async () => {
    const response = await page.goto(server.url);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  for (const { file, path } of onePerType()) {
    it(`is never violated on ${file}`, async () => {
      await page.goto(`${server.url}${path}`);
      await settle();
      expect(violations, file).toEqual([]);
      expect(watch.consoleErrors, file).toEqual([]);
      expect(watch.otherOrigins, file).toEqual([]);
    });
  }

  for (const state of INTERACTIVE_STATES) {
    it(`is never violated with ${state.name}`, async () => {
      for (const lang of ['', 'zh/']) {
        await state.reach(page, `${server.url}${lang}`);
        await settle();
      }
      expect(violations).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
    });
  }
});
