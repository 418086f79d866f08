/**
 * The evidence map in a real Chromium: the redrawn table is the built one;
 * filters recount every cell as content says; the panel lists a cell's
 * findings and links each to its place; the URL keeps view, cell and filters
 * through back and forward; keyboard only, with visible focus; hostile query
 * strings and hostile data; downloads; Chinese; a phone; axe in dark mode with
 * the panel open; and nothing from another origin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { audit, AXE_SCRIPT } from '../support/axe';
import { watchedPage, type PageWatch } from '../support/browser';
import { read } from '../support/dist';
import { parseHtml } from '../support/html';
import {
  GAP,
  oracleAxes,
  oracleCells,
  type OracleCell,
  type OracleFinding,
  type OracleView,
} from '../support/evidence-oracle';
import { servedSite } from '../support/site';

const site = servedSite();

interface Opened {
  page: Page;
  watch: PageWatch;
  close: () => Promise<void>;
}

async function open(
  path = 'evidence-map/',
  options: BrowserContextOptions & {
    before?: (page: Page) => unknown;
    ready?: boolean;
  } = {},
): Promise<Opened> {
  const { before, ready = true, ...contextOptions } = options;
  const context = await site.browser.newContext(contextOptions);
  const { page, watch } = await watchedPage(context, site.server.origin);
  await before?.(page);
  await page.goto(`${site.server.url}${path}`);
  if (ready)
    await page.waitForFunction(
      () => document.querySelector('[data-em-root]')?.getAttribute('data-em-status') === 'ready',
      undefined,
      { timeout: 30_000 },
    );
  return { page, watch, close: () => context.close() };
}

/** The totals each cell of the shown table prints: "row~col" → count. */
const totals = (page: Page, view: OracleView) =>
  page.evaluate((v) => {
    const out: Record<string, number> = {};
    for (const td of document.querySelectorAll<HTMLElement>(`[data-em-table="${v}"] td[data-row]`))
      out[`${td.dataset['row']}~${td.dataset['col']}`] = Number(
        td.querySelector('strong')?.textContent,
      );
    return out;
  }, view);

/** The totals the oracle expects for every cell of a view. */
function expectedTotals(view: OracleView, keep?: (f: OracleFinding) => boolean) {
  const cells = oracleCells(view, keep);
  const { rows, cols } = oracleAxes(view);
  const out: Record<string, number> = {};
  for (const r of rows)
    for (const c of cols) out[`${r}~${c}`] = (cells.get(`${r}~${c}`) ?? GAP).total;
  return out;
}

/** The fullest cell of a view, and its findings. */
function fullest(view: OracleView, keep?: (f: OracleFinding) => boolean): [string, OracleCell] {
  const best = [...oracleCells(view, keep)].sort((a, b) => b[1].total - a[1].total)[0];
  if (!best) throw new Error(`no finding in ${view}: nothing to test`);
  return best;
}

const panel = (page: Page) => page.locator('#em-panel');
const panelReady = (page: Page) =>
  page.waitForFunction(() => {
    const p = document.querySelector('#em-panel');
    const list = document.querySelector('[data-em-list]');
    return p && !p.hasAttribute('hidden') && list && !list.hasAttribute('aria-busy');
  });
const textOf = (html: string) => parseHtml(html).text.replace(/\s+/g, '');

describe('the evidence map page', () => {
  it('loads with no console error and no other origin, and redraws the table exactly as built', async () => {
    const { page, watch, close } = await open();
    const built = read('evidence-map/index.html');
    const start = built.indexOf('data-em-table="driver-region"');
    const table = built.slice(built.lastIndexOf('<table', start), built.indexOf('</table>', start));
    const shown = await page
      .locator('[data-em-table="driver-region"]')
      .evaluate((t) => t.textContent ?? '');
    expect(shown.replace(/\s+/g, '')).toBe(textOf(table));
    expect(await totals(page, 'driver-region')).toEqual(expectedTotals('driver-region'));
    expect(await page.locator('[data-em-status-text]').textContent()).toMatch(
      /^Findings in this view: \d+; sources: \d+\.$/,
    );
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.otherOrigins).toEqual([]);
    await close();
  });

  it('recounts every cell when filtered, keeps the filter in the URL, and follows back and forward', async () => {
    const { page, watch, close } = await open();
    const policy = (f: OracleFinding) => f.tier === 'policy';
    const form = page.locator('[data-em-filters]');
    await form.locator('input[name="design"][value="policy"]').check();
    await page.waitForURL(/\?design=policy$/);
    expect(await totals(page, 'driver-region')).toEqual(expectedTotals('driver-region', policy));
    const years = await form
      .locator('select[name="from"] option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).filter(Boolean));
    const from = years[Math.floor(years.length / 2)] ?? '';
    await form.locator('select[name="from"]').selectOption(from);
    await page.waitForURL(new RegExp(`\\?design=policy&from=${from}$`));
    const both = (f: OracleFinding) => policy(f) && f.year >= Number(from);
    expect(await totals(page, 'driver-region')).toEqual(expectedTotals('driver-region', both));

    await page.goBack();
    await page.waitForURL(/\?design=policy$/);
    expect(await form.locator('select[name="from"]').inputValue()).toBe('');
    expect(await totals(page, 'driver-region')).toEqual(expectedTotals('driver-region', policy));
    await page.goBack();
    await page.waitForURL(/\/evidence-map\/$/);
    expect(await form.locator('input[name="design"][value="policy"]').isChecked()).toBe(false);
    expect(await totals(page, 'driver-region')).toEqual(expectedTotals('driver-region'));
    await page.goForward();
    await page.waitForURL(/\?design=policy$/);
    expect(await form.locator('input[name="design"][value="policy"]').isChecked()).toBe(true);
    expect(await totals(page, 'driver-region')).toEqual(expectedTotals('driver-region', policy));
    await form.getByRole('button', { name: 'Clear the filters' }).click();
    await page.waitForURL(/\/evidence-map\/$/);
    expect(await totals(page, 'driver-region')).toEqual(expectedTotals('driver-region'));
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  it("lists a cell's findings, each linked to its place on its source page, and keeps the cell in the URL", async () => {
    const [key, cell] = fullest('driver-region');
    const [row, col] = key.split('~') as [string, string];
    const { page, watch, close } = await open();
    const rowLabel = await page
      .locator(`[data-em-table="driver-region"] th[data-row="${row}"]`)
      .textContent();
    const colLabel = await page
      .locator(`[data-em-table="driver-region"] th[data-col="${col}"]`)
      .textContent();
    await page
      .locator(`[data-em-table="driver-region"] td[data-row="${row}"][data-col="${col}"]`)
      .click();
    await page.waitForURL(new RegExp(`\\?cell=${row}~${col.replace(/[_]/g, '_')}$`));
    await panelReady(page);
    expect(await page.locator('#em-panel-title').textContent()).toBe(
      `${rowLabel?.trim()} × ${colLabel?.trim()}`,
    );
    const links = await panel(page)
      .locator('.em-finding__source a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links).toHaveLength(Math.min(cell.total, 100));
    const want = cell.findings.map((f) => `/sources/${f.source}/#finding-${f.id}`).slice(0, 100);
    expect(links).toEqual(want);
    for (const href of new Set(links)) {
      const [path, anchor] = href.slice(1).split('#') as [string, string];
      expect(read(`${path}index.html`), href).toContain(`id="${anchor}"`);
    }
    await page.keyboard.press('Escape');
    await page.waitForURL(/\/evidence-map\/$/);
    expect(await panel(page).isHidden()).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['row'])).toBe(
      row,
    );
    await page.goBack();
    await panelReady(page);
    expect(page.url()).toContain(`cell=${row}~${col}`);
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  it('switches views, one at a time, with the view in the URL', async () => {
    const { page, close } = await open();
    await page.getByRole('link', { name: 'Drivers × mobility outcomes' }).click();
    await page.waitForURL(/\?view=driver-outcome$/);
    expect(await page.locator('[data-em-view="driver-outcome"]').isVisible()).toBe(true);
    expect(await page.locator('[data-em-view="driver-region"]').isVisible()).toBe(false);
    expect(await totals(page, 'driver-outcome')).toEqual(expectedTotals('driver-outcome'));
    await page.getByRole('link', { name: 'Pathways × regions' }).click();
    await page.waitForURL(/\?view=pathway-region$/);
    expect(await totals(page, 'pathway-region')).toEqual(expectedTotals('pathway-region'));
    await page.goBack();
    await page.goBack();
    await page.waitForURL(/\/evidence-map\/$/);
    expect(await page.locator('[data-em-view="driver-region"]').isVisible()).toBe(true);
    expect(await page.locator('[data-em-view="driver-outcome"]').isVisible()).toBe(false);
    await close();
  });

  it('works by keyboard alone, as a grid, with visible focus', async () => {
    const { page, close } = await open();
    const active = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          row: el.dataset['row'] ?? null,
          col: el.dataset['col'] ?? null,
          tag: el.tagName,
          id: el.id,
          visible:
            el.matches(':focus-visible') &&
            style.outlineStyle !== 'none' &&
            parseFloat(style.outlineWidth) >= 2,
        };
      });
    let inGrid = false;
    for (let i = 0; i < 80 && !inGrid; i += 1) {
      await page.keyboard.press('Tab');
      inGrid = await page.evaluate(() =>
        Boolean(document.activeElement?.closest('[data-em-table="driver-region"]')),
      );
    }
    expect(inGrid, 'Tab reaches the grid').toBe(true);
    const { rows, cols } = oracleAxes('driver-region');
    expect(await active()).toMatchObject({ row: rows[0], col: cols[0], visible: true });
    await page.keyboard.press('ArrowRight');
    expect(await active()).toMatchObject({ row: rows[0], col: cols[1], visible: true });
    await page.keyboard.press('ArrowDown');
    expect(await active()).toMatchObject({ row: rows[1], col: cols[1] });
    await page.keyboard.press('Home');
    expect(await active()).toMatchObject({ row: rows[1], col: null, tag: 'TH' });
    await page.keyboard.press('End');
    expect(await active()).toMatchObject({ row: rows[1], col: cols.at(-1) });
    await page.keyboard.press('Control+End');
    expect(await active()).toMatchObject({ row: rows.at(-1), col: cols.at(-1) });
    await page.keyboard.press('Control+Home');
    expect(await active()).toMatchObject({ row: null, col: null, tag: 'TH' });
    // Down the row headers to the fullest cell's row, then along it.
    const [key] = fullest('driver-region');
    const [row, col] = key.split('~') as [string, string];
    for (let i = 0; i <= rows.indexOf(row); i += 1) await page.keyboard.press('ArrowDown');
    for (let i = 0; i <= cols.indexOf(col); i += 1) await page.keyboard.press('ArrowRight');
    expect(await active()).toMatchObject({ row, col, visible: true });
    await page.keyboard.press('Enter');
    await panelReady(page);
    expect(await active()).toMatchObject({ id: 'em-panel-title' });
    expect(page.url()).toContain(`?cell=${row}~${col}`);
    await page.keyboard.press('Escape');
    expect(await panel(page).isHidden()).toBe(true);
    expect(await active()).toMatchObject({ row, col, visible: true });
    // The grid is one tab stop: Tab leaves it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('table')))).toBe(
      false,
    );
    // A row header lists its whole row.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await panelReady(page);
    expect(page.url()).toContain(`?row=${row}`);
    await close();
  });

  it('drops a hostile or malformed query string and runs nothing', async () => {
    const hostile = [
      'view=%3Cscript%3Ealert(1)%3C/script%3E',
      'cell=drought~%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      'design=synthesis,%22%3E%3Cb%3Ex',
      'from=99999',
      'to=20x0',
      'outcome=%E0%A4%A',
      '__proto__=1',
      `q=${'x'.repeat(50)}`,
    ].join('&');
    let dialogs = 0;
    const { page, watch, close } = await open(`evidence-map/?${hostile}`, {
      before: (p) => {
        p.on('dialog', async (d) => {
          dialogs += 1;
          await d.dismiss();
        });
      },
    });
    expect(new URL(page.url()).search).toBe('?design=synthesis');
    expect(await page.locator('[data-em-view="driver-region"]').isVisible()).toBe(true);
    expect(await panel(page).isHidden()).toBe(true);
    expect(await page.locator('img[src="x"], b:text("x")').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  it('shows hostile finding texts as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const [key] = fullest('driver-region');
    const { page, close } = await open(`evidence-map/?cell=${key}`, {
      before: (p) =>
        p.route('**/evidence-map/details-en-0.json', async (route) => {
          const body = JSON.parse(readFileSync('dist/evidence-map/details-en-0.json', 'utf8')) as {
            findings: unknown[][];
          };
          for (const f of body.findings) f[1] = hostile;
          await route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
        }),
    });
    await panelReady(page);
    expect(await panel(page).locator('.em-finding__text').first().textContent()).toBe(hostile);
    expect(await panel(page).locator('img').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await close();
  });

  it("downloads a cell's findings as CSV and its citations, and the filtered view's", async () => {
    const [key, cell] = fullest('driver-region');
    const { page, watch, close } = await open(`evidence-map/?cell=${key}`);
    await panelReady(page);
    const save = async (scope: string, label: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page
          .locator(`[data-em-actions="${scope}"]`)
          .getByRole('button', { name: label, exact: true })
          .click(),
      ]);
      return {
        name: download.suggestedFilename(),
        text: readFileSync(await download.path(), 'utf8'),
      };
    };
    const csv = await save('selection', 'Findings (CSV)');
    expect(csv.name).toBe(
      `atlas-evidence-map-driver-region-${key.replace('~_', '~').replace('~', '-')}.csv`,
    );
    const rows = parse<Record<string, string>>(csv.text.replace(/^\ufeff/, ''), { columns: true });
    expect(rows.map((r) => `${r['source_id']}/${r['finding_id']}`)).toEqual(
      cell.findings.map((f) => `${f.source}/${f.id}`),
    );
    const bib = await save('selection', 'BibTeX');
    const keys = [...bib.text.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]).sort();
    expect(keys).toEqual([...new Set(cell.findings.map((f) => f.source))].sort());
    expect(await page.locator('[data-em-actions="selection"] [data-em-note]').textContent()).toBe(
      `Saved ${bib.name}.`,
    );

    await page.locator('input[name="design"][value="policy"]').check();
    await page.waitForURL(/design=policy/);
    const ris = await save('shown', 'RIS');
    expect(ris.name).toBe('atlas-evidence-map-driver-region-filtered.ris');
    const policySources = new Set(
      [...oracleCells('driver-region', (f) => f.tier === 'policy').values()].flatMap((c) =>
        c.findings.map((f) => f.source),
      ),
    );
    expect(ris.text.match(/^TY {2}- /gm)).toHaveLength(policySources.size);
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  it('copies a link to the cell', async () => {
    const [key] = fullest('driver-region');
    const { page, close } = await open(`evidence-map/?cell=${key}`, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await panelReady(page);
    await page
      .locator('[data-em-actions="selection"]')
      .getByRole('button', { name: 'Copy a link' })
      .click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-em-actions="selection"] [data-em-note]')?.textContent ===
        'Link copied.',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    await close();
  });

  it('links a region cell to the region on the map', async () => {
    const index = JSON.parse(read('evidence-map/index.json')) as { regionsOnMap: string[] };
    const onMap = [...oracleCells('driver-region')].find(([k]) =>
      index.regionsOnMap.includes(k.split('~')[1] ?? ''),
    );
    if (!onMap) throw new Error('no finding in a region the map shows: nothing to test');
    const { page, close } = await open(`evidence-map/?cell=${onMap[0]}`);
    await panelReady(page);
    const region = onMap[0].split('~')[1];
    expect(
      await panel(page).getByRole('link', { name: 'See on the map' }).getAttribute('href'),
    ).toBe(`/map/#select=region:${region}`);
    await close();
  });

  it('works in Chinese', async () => {
    const [key, cell] = fullest('driver-region');
    const [row] = key.split('~') as [string, string];
    const { page, watch, close } = await open(`zh/evidence-map/?cell=${key}`);
    await panelReady(page);
    const rowLabel = await page
      .locator(`[data-em-table="driver-region"] th[data-row="${row}"]`)
      .textContent();
    expect(await page.locator('#em-panel-title').textContent()).toMatch(
      new RegExp(`^${rowLabel?.trim()} × `),
    );
    expect(await page.locator('[data-em-status-text]').textContent()).toMatch(/^本视图中的发现：/);
    const first = cell.findings[0];
    expect(await panel(page).locator('.em-finding__source a').first().getAttribute('href')).toBe(
      `/zh/sources/${first?.source}/#finding-${first?.id}`,
    );
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  it('keeps the page within a phone screen, the table scrolling inside its box', async () => {
    const [key] = fullest('driver-region');
    const { page, close } = await open(`evidence-map/?cell=${key}`, {
      viewport: { width: 412, height: 823 },
    });
    await panelReady(page);
    const widths = await page.evaluate(() => {
      const box = document.querySelector(
        '[data-em-view="driver-region"] [data-em-scroll]',
      ) as HTMLElement;
      return {
        page: document.documentElement.scrollWidth,
        screen: innerWidth,
        box: box.scrollWidth,
        boxShown: box.clientWidth,
      };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    expect(widths.box).toBeGreaterThan(widths.boxShown);
    await close();
  });

  it('reads without JavaScript: every view and every count', async () => {
    const { page, close } = await open('evidence-map/', { javaScriptEnabled: false, ready: false });
    for (const view of ['driver-region', 'driver-outcome', 'pathway-region'] as const) {
      expect(await page.locator(`[data-em-view="${view}"]`).isVisible()).toBe(true);
      expect(await totals(page, view)).toEqual(expectedTotals(view));
    }
    expect(await page.locator('[data-em-filters]').isHidden()).toBe(true);
    await close();
  });

  it('lays out its filters and downloads before the index arrives, disabled until it has, and one table', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const { page, close } = await open('evidence-map/', {
      ready: false,
      before: (p) =>
        p.route('**/evidence-map/index.json', async (route) => {
          await held;
          await route.continue();
        }),
    });
    await page.waitForFunction(
      () => document.querySelector('[data-em-root]')?.getAttribute('data-em-status') === 'loading',
    );
    const design = page.locator('[data-em-filters] input[name="design"]').first();
    const download = page.getByRole('button', { name: 'CSV' }).first();
    expect(await design.isVisible()).toBe(true);
    expect(await design.isDisabled()).toBe(true);
    expect(await download.isDisabled()).toBe(true);
    expect(await page.locator('[data-em-view]:visible').count()).toBe(1);
    release();
    await page.waitForFunction(
      () => document.querySelector('[data-em-root]')?.getAttribute('data-em-status') === 'ready',
    );
    expect(await design.isEnabled()).toBe(true);
    expect(await download.isEnabled()).toBe(true);
    await close();
  });

  it('has no axe violation in dark mode with the panel open, in both languages', async () => {
    const [key] = fullest('driver-region');
    for (const lang of ['', 'zh/']) {
      const { page, watch, close } = await open(`${lang}evidence-map/?cell=${key}`, {
        colorScheme: 'dark',
        before: (p) => p.addInitScript(AXE_SCRIPT),
      });
      await panelReady(page);
      expect(await audit(page), lang).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      await close();
    }
  });

  it('is linked from the home page, a region page and a source page', async () => {
    const { page, close } = await open('', { ready: false });
    await page.getByRole('link', { name: 'Open the evidence map' }).click();
    await page.waitForURL(/\/evidence-map\/$/);
    const regions = JSON.parse(read('evidence-map/index.json')) as {
      vocabulary: { axes: { regions: string[] } };
    };
    const region = regions.vocabulary.axes.regions.find(
      (r) => !r.startsWith('_') && existsSync(`dist/regions/${r}/index.html`),
    );
    await page.goto(`${site.server.url}regions/${region}/`);
    await page.getByRole('link', { name: 'This region on the evidence map' }).click();
    await page.waitForURL(new RegExp(`\\?col=${region}$`));
    await panelReady(page);
    expect(await page.locator('#em-panel-title').textContent()).toMatch(/: every row$/);
    await close();
  });
});
