/**
 * Byte budgets, gzip, over the real dist/ (the numbers and their reasons are
 * in `src/lib/budgets.ts`). The map page and the geo layers are part of the
 * site: the tests fail if they are missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { THEMATIC_LAYERS } from '../../src/lib/geo/types';
import { DIST, htmlPages, listFiles, read } from '../support/dist';
import { BUDGETS } from '../../src/lib/budgets';
import { gzipFiles, kb, scriptsOf } from '../support/budget';
import { parseHtml } from '../support/html';

const BUDGET = Object.fromEntries(
  Object.entries(BUDGETS).map(([id, budget]) => [id, budget.bytes]),
) as Record<keyof typeof BUDGETS, number>;
const THEMATIC = THEMATIC_LAYERS.map((layer) => `geo/${layer}.geojson`);
const BASEMAP = ['geo/land.geojson', 'geo/countries.geojson'];

const files = listFiles();
const pages = htmlPages().map((file) => ({ file, ...parseHtml(read(file)) }));
const isMap = (file: string) => /^(zh\/)?map\/index\.html$/.test(file);
const isSearch = (file: string) => /^(zh\/)?search\/index\.html$/.test(file);
const isSourcePage = (file: string) => /^(zh\/)?sources\/(?!by\/)[^/]+\/index\.html$/.test(file);
/** Pagefind's files load on demand, when a reader searches. */
const isPagefind = (file: string) => file.startsWith('pagefind/');
const sum = (list: string[]) => gzipFiles(list);
const worst = (sizes: [string, number][]) =>
  sizes.reduce<[string, number]>((a, b) => (b[1] > a[1] ? b : a), ['(none)', 0]);

describe('byte budgets (gzip)', () => {
  it(`keeps each source page's HTML within ${kb(BUDGET.sourcePageHtml)}`, () => {
    const sizes = pages
      .filter((p) => isSourcePage(p.file))
      .map((p): [string, number] => [p.file, gzipFiles([p.file])]);
    expect(sizes.length).toBeGreaterThan(0);
    const over = sizes.filter(([, size]) => size > BUDGET.sourcePageHtml);
    const [file, size] = worst(sizes);
    console.info(`budget: largest source page ${file} ${kb(size)} / ${kb(BUDGET.sourcePageHtml)}`);
    expect(over.map(([f, s]) => `${f}: ${kb(s)}`)).toEqual([]);
  });

  it(`keeps all CSS within ${kb(BUDGET.allCss)}`, () => {
    const linked = new Set(
      pages.flatMap((p) =>
        p.elements
          .filter((e) => e.name === 'link' && e.attrs['rel'] === 'stylesheet')
          .map((e) => (e.attrs['href'] ?? '').replace(/^\/+/, '')),
      ),
    );
    const css = files.filter((f) => f.endsWith('.css') && (!isPagefind(f) || linked.has(f)));
    expect(css.length).toBeGreaterThan(0);
    const total = sum(css);
    console.info(`budget: all CSS ${kb(total)} / ${kb(BUDGET.allCss)} (${css.join(', ')})`);
    expect(total).toBeLessThanOrEqual(BUDGET.allCss);
  });

  it(`loads at most ${kb(BUDGET.readingPageJs)} of JS on a reading page before any interaction`, async () => {
    const sizes: [string, number][] = [];
    for (const page of pages.filter((p) => !isMap(p.file) && !isSearch(p.file))) {
      sizes.push([page.file, sum(await scriptsOf(page))]);
    }
    const [file, size] = worst(sizes);
    console.info(
      `budget: most JS on a reading page ${file} ${kb(size)} / ${kb(BUDGET.readingPageJs)}`,
    );
    expect(sizes.filter(([, s]) => s > BUDGET.readingPageJs)).toEqual([]);
  });

  it(`keeps the map page's JS, MapLibre included, within ${kb(BUDGET.mapPageJs)}`, async () => {
    const maps = pages.filter((p) => isMap(p.file));
    expect(maps.map((p) => p.file).sort()).toEqual(['map/index.html', 'zh/map/index.html']);
    for (const page of maps) {
      const scripts = await scriptsOf(page, { dynamic: true, exclude: isPagefind });
      const total = sum(scripts);
      console.info(`budget: ${page.file} JS ${kb(total)} / ${kb(BUDGET.mapPageJs)}`);
      expect(total, page.file).toBeLessThanOrEqual(BUDGET.mapPageJs);
    }
  });

  it(`keeps the thematic layers within ${kb(BUDGET.thematicGeojson)}`, () => {
    for (const f of THEMATIC) expect(existsSync(join(DIST, f)), f).toBe(true);
    const total = sum(THEMATIC);
    console.info(`budget: thematic GeoJSON ${kb(total)} / ${kb(BUDGET.thematicGeojson)}`);
    expect(total).toBeLessThanOrEqual(BUDGET.thematicGeojson);
  });

  it(`keeps the basemap within ${kb(BUDGET.basemap)}`, () => {
    for (const f of BASEMAP) expect(existsSync(join(DIST, f)), f).toBe(true);
    const total = sum(BASEMAP);
    console.info(`budget: basemap ${kb(total)} / ${kb(BUDGET.basemap)}`);
    expect(total).toBeLessThanOrEqual(BUDGET.basemap);
  });
});
