import { describe, expect, it } from 'vitest';
import { watchedPage } from '../support/browser';
import { servedSite } from '../support/site';

const site = servedSite();

describe('reading the atlas', () => {
  it('goes from the home page to a source page with no console error and no other origin', async () => {
    const context = await site.browser.newContext();
    const { page, watch } = await watchedPage(context, site.server.origin);
    await page.goto(site.server.url);
    await page.getByRole('link', { name: 'Browse the sources' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Sources' }).isVisible(),
    ).resolves.toBe(true);
    await page
      .getByRole('link', { name: /^The positive role that measures taken under the Convention/ })
      .first()
      .click();
    await page.waitForURL(/\/sources\/iccd-cop17-8\/$/);
    expect(await page.locator('main').textContent()).toContain('ICCD/COP(17)/8');
    expect(await page.locator('h1').textContent()).toContain('The positive role');
    expect(await page.locator('#finding-dldd-among-factors').textContent()).toContain('¶8');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.otherOrigins).toEqual([]);
    await context.close();
  });

  it('switches language and stays on the same page', async () => {
    const context = await site.browser.newContext();
    const { page } = await watchedPage(context, site.server.origin);
    await page.goto(`${site.server.url}sources/iccd-cop17-8/`);
    await page.getByRole('link', { name: 'Read this page in Chinese' }).click();
    await page.waitForURL(/\/zh\/sources\/iccd-cop17-8\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByRole('link', { name: '阅读本页英文版' }).click();
    await page.waitForURL(/\/sources\/iccd-cop17-8\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  });
});
