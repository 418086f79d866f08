/**
 * Citing one finding in a real browser: every finding line gets a copy
 * button and its BibTeX, RIS and CSL-JSON downloads; the copy button puts the
 * in-text citation with its locator and the full reference on the clipboard;
 * the downloads are served and carry the locator.
 */
import { describe, expect, it } from 'vitest';
import { watchedPage } from '../support/browser';
import { servedSite } from '../support/site';

const site = servedSite();

describe('the citation of a finding', () => {
  it('copies the citation with its locator and the reference, and offers its records', async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: site.server.origin,
    });
    const { page, watch } = await watchedPage(context, site.server.origin);
    await page.goto(`${site.server.url}sources/iccd-cop17-8/`);
    const line = page.locator('#finding-central-asia-study .finding__cite');
    expect(await line.textContent()).toContain('(UNCCD secretariat, 2026, para. 9)');
    const links = line.locator('a[download]');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/cite/finding/iccd-cop17-8/central-asia-study.bib',
      '/cite/finding/iccd-cop17-8/central-asia-study.ris',
      '/cite/finding/iccd-cop17-8/central-asia-study.json',
    ]);
    const buttons = await page.locator('.finding__cite button:visible').count();
    expect(buttons).toBe(await page.locator('.finding').count());
    await line.getByRole('button', { name: 'Copy' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const reference = (await page.locator('#ref-apa').textContent())?.trim() ?? '';
    expect(copied).toBe(`(UNCCD secretariat, 2026, para. 9)\n${reference}`);
    const ris = await page.evaluate(
      async (href) => (await fetch(href)).text(),
      '/cite/finding/iccd-cop17-8/central-asia-study.ris',
    );
    expect(ris).toMatch(/^N1 {2}- Cited at para\. 9; finding: .*#finding-central-asia-study$/m);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.otherOrigins).toEqual([]);
    await context.close();
  });
});
