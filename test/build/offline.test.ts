import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, htmlPages, listFiles, read } from '../support/dist';
import { precacheUrls } from '../support/pagefind';
import { DATA_PATHS, FINDING_CITE_DIR } from '../../src/lib/data/files';
import { BUDGETS } from '../../src/lib/budgets';
import { gzipSize } from '../../src/lib/gzip';

const precached = precacheUrls();
const files = listFiles();
/** Downloads of the open data: the data tables, their package, single-finding citations. */
const isDownload = (f: string) => DATA_PATHS.includes(f) || f.startsWith(FINDING_CITE_DIR);

/** Precache budget: what one first visit downloads in the background (see `src/lib/budgets.ts`). */
const PRECACHE_BUDGET_GZIP = BUDGETS.precache.bytes;

describe('the service worker', () => {
  it('precaches every page, the whole search index, scripts, styles, GeoJSON and citations', () => {
    const wanted = files.filter(
      (f) =>
        f.endsWith('.html') ||
        f.startsWith('pagefind/') ||
        f.startsWith('_astro/') ||
        f.startsWith('geo/') ||
        (f.startsWith('cite/') && !isDownload(f)) ||
        f.startsWith('icons/') ||
        f.endsWith('.webmanifest'),
    );
    expect(wanted.length).toBeGreaterThan(htmlPages().length);
    expect(precached.slice().sort()).toEqual(expect.arrayContaining(wanted));
    expect(precached).not.toContain('sw.js');
  });

  it('leaves the open-data downloads out of the first visit (the data page itself stays in)', () => {
    const downloads = files.filter(isDownload);
    expect(downloads).toEqual(expect.arrayContaining([...DATA_PATHS]));
    expect(downloads.some((f) => f.startsWith(FINDING_CITE_DIR))).toBe(true);
    expect(precached.filter(isDownload)).toEqual([]);
    expect(precached).toContain('data/index.html');
  });

  it('stays within the precache budget', () => {
    let raw = 0;
    let gzip = 0;
    for (const url of precached) {
      raw += statSync(join(DIST, url)).size;
      gzip += gzipSize(readFileSync(join(DIST, url)));
    }
    console.info(
      `precache: ${precached.length} files, ${(raw / 1024).toFixed(0)} KiB raw, ${(gzip / 1024).toFixed(0)} KiB gzip`,
    );
    expect(gzip).toBeLessThan(PRECACHE_BUDGET_GZIP);
  });

  it('is registered at the base, with a web app manifest per language', () => {
    for (const [page, start] of [
      ['index.html', '/'],
      ['zh/index.html', '/zh/'],
    ] as const) {
      const html = read(page);
      const manifestUrl = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1] ?? '';
      const manifest = JSON.parse(read(manifestUrl.slice(1))) as Record<string, unknown>;
      expect(manifest).toMatchObject({ scope: '/', start_url: start, display: 'standalone' });
      expect(html).toContain('data-offline-status');
    }
    for (const size of [192, 512]) {
      const png = readFileSync(`${DIST}/icons/${size}.png`);
      expect(png.readUInt32BE(16), `icon ${size} width`).toBe(size);
    }
  });
});
