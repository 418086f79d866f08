/**
 * Citing one finding in a real browser: every finding line gets a copy
 * button and its BibTeX, RIS and CSL-JSON downloads; the copy button puts the
 * in-text citation with its locator and the full reference on the clipboard;
 * each download is that finding's record alone, with its locator; when the
 * records cannot be fetched, the line says so.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../src/lib/citations';
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
    const downloads = line.locator('button[data-ext]');
    expect(await downloads.allTextContents()).toEqual(['BibTeX', 'RIS', 'CSL-JSON']);
    const buttons = await page.locator('.finding__cite button:visible:not([data-ext])').count();
    expect(buttons).toBe(await page.locator('.finding').count());
    await line.getByRole('button', { name: 'Copy' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const reference = (await page.locator('#ref-apa').textContent())?.trim() ?? '';
    expect(copied).toBe(`(UNCCD secretariat, 2026, para. 9)\n${reference}`);
    const files = [];
    for (const label of ['BibTeX', 'RIS', 'CSL-JSON']) files.push(await save(page, line, label));
    expect(files.map((f) => f.name)).toEqual([
      'iccd-cop17-8-central-asia-study.bib',
      'iccd-cop17-8-central-asia-study.ris',
      'iccd-cop17-8-central-asia-study.json',
    ]);
    expect(files[1]?.text).toMatch(
      /^N1 {2}- Cited at para\. 9; finding: .*#finding-central-asia-study$/m,
    );
    for (const { name, text } of files) {
      // The finding's record alone, under its own id, with its locator.
      const records = parseCitations(text);
      expect(records, name).toHaveLength(1);
      expect(records[0]?.note, name).toMatch(
        /^Cited at para\. 9; finding: .*#finding-central-asia-study$/,
      );
    }
    expect(parseCitations(files[2]?.text ?? '')[0]?.id).toBe('iccd-cop17-8:central-asia-study');
    // Another finding's button downloads that finding's record, from the same file.
    const other = page.locator('.finding:not(#finding-central-asia-study) .finding__cite').first();
    const otherId = (await other.evaluate((l) => l.closest('.finding')?.id)) ?? '';
    expect(otherId).toMatch(/^finding-/);
    const otherFile = await save(page, other, 'CSL-JSON');
    expect(parseCitations(otherFile.text)[0]?.note).toContain(`#${otherId}`);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.otherOrigins).toEqual([]);
    await context.close();
  });

  it('says so on the line when the records cannot be fetched, and nothing is downloaded', async () => {
    // No service worker, so the page's own request is the one refused.
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const { page } = await watchedPage(context, site.server.origin);
    await page.goto(`${site.server.url}zh/sources/iccd-cop17-8/`);
    await context.route('**/cite/findings/**', (route) => route.abort('internetdisconnected'));
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    const line = page.locator('#finding-central-asia-study .finding__cite');
    await line.getByRole('button', { name: 'BibTeX' }).click();
    await expect
      .poll(() => line.getByRole('status').textContent())
      .toBe('无法获取该记录：没有网络时，只有已将图集保存供离线使用，才能下载。');
    expect(downloaded).toBe(false);
    // The network back, the next click downloads it.
    await context.unroute('**/cite/findings/**');
    const file = await save(page, line, 'BibTeX');
    expect(file.name).toBe('iccd-cop17-8-central-asia-study.bib');
    expect(await line.getByRole('status').textContent()).toBe('');
    await context.close();
  });
});

/** Clicks a download button of a finding's line; the file's name and text. */
async function save(
  page: Page,
  line: Locator,
  label: string,
): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    line.getByRole('button', { name: label, exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}
