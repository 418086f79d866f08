import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, htmlPages, listFiles, read } from '../support/dist';
import { precacheUrls } from '../support/pagefind';
import { BUDGETS } from '../../src/lib/budgets';
import { gzipSize } from '../../src/lib/gzip';
import {
  fileUrl,
  SAVE_MANIFEST,
  SAVE_SUMMARY,
  summarise,
  type SaveManifest,
} from '../../src/lib/offline/precache';

const precached = precacheUrls();
const files = listFiles();
const manifest = JSON.parse(read(SAVE_MANIFEST)) as SaveManifest;

/** First-visit budget: the shell the service worker stores on a first visit (`src/lib/budgets.ts`). */
const FIRST_VISIT_BUDGET_GZIP = BUDGETS.precache.bytes;

describe('the service worker', () => {
  it('precaches the shell: styles, scripts, icons, home, search, map and offline pages, map data, the index entry', () => {
    const shell = [
      'index.html',
      'zh/index.html',
      'search/index.html',
      'zh/search/index.html',
      'map/index.html',
      'zh/map/index.html',
      'offline/index.html',
      'zh/offline/index.html',
      'strings.json',
      'zh/strings.json',
      'pagefind/pagefind.js',
      'pagefind/pagefind-entry.json',
      ...files.filter(
        (f) =>
          /^_astro\/.+\.(css|js|mjs)$/.test(f) ||
          f.startsWith('geo/') ||
          f.startsWith('icons/') ||
          /^pagefind\/[^/]+\.pf_meta$/.test(f),
      ),
    ];
    expect(precached.slice().sort()).toEqual(expect.arrayContaining(shell));
    expect(precached).not.toContain('sw.js');
  });

  it('leaves every other page, the index chunks and the citations to be cached as read', () => {
    const pages = precached.filter((f) => f.endsWith('.html'));
    expect(pages).toHaveLength(8);
    expect(precached.filter((f) => /^pagefind\/(fragment|index|filter)\//.test(f))).toEqual([]);
    expect(precached.filter((f) => f.startsWith('cite/') || f.startsWith('data/'))).toEqual([]);
  });

  it('stays within the first-visit budget', () => {
    let raw = 0;
    let gzip = 0;
    for (const url of precached) {
      raw += statSync(join(DIST, url)).size;
      gzip += gzipSize(readFileSync(join(DIST, url)));
    }
    console.info(
      `first visit (precache): ${precached.length} files, ${(raw / 1024).toFixed(0)} KiB raw, ${(gzip / 1024).toFixed(0)} KiB gzip`,
    );
    expect(gzip).toBeLessThan(FIRST_VISIT_BUDGET_GZIP);
  });

  it('is registered at the base, with a web app manifest per language', () => {
    for (const [page, start] of [
      ['index.html', '/'],
      ['zh/index.html', '/zh/'],
    ] as const) {
      const html = read(page);
      const manifestUrl = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1] ?? '';
      const webManifest = JSON.parse(read(manifestUrl.slice(1))) as Record<string, unknown>;
      expect(webManifest).toMatchObject({ scope: '/', start_url: start, display: 'standalone' });
      expect(html).toContain('data-offline-status');
    }
    for (const size of [192, 512]) {
      const png = readFileSync(`${DIST}/icons/${size}.png`);
      expect(png.readUInt32BE(16), `icon ${size} width`).toBe(size);
    }
  });
});

describe('the save manifest', () => {
  const all = [...manifest.files.en, ...manifest.files.zh, ...manifest.files.shared];
  const urls = new Set(all.map((f) => f[0]));

  it('lists every page of each language, the whole search index and the data', () => {
    for (const page of htmlPages()) expect(urls.has(fileUrl(page)), page).toBe(true);
    for (const f of files.filter((f) => f.startsWith('pagefind/') || f.startsWith('cite/')))
      expect(urls.has(f), f).toBe(true);
    for (const f of ['data/sources.csv', 'geo/land.geojson', 'evidence-map/index.json'])
      expect(urls.has(f), f).toBe(true);
    expect(manifest.files.en.some((f) => f[0].startsWith('zh/'))).toBe(false);
    expect(manifest.files.zh.every((f) => /^(zh\/|pagefind\/.+\/zh-cn_)/.test(f[0]))).toBe(true);
    for (const never of ['sw.js', SAVE_MANIFEST, SAVE_SUMMARY, 'sitemap-index.xml'])
      expect(urls.has(never), never).toBe(false);
  });

  it("gives each file's true size and content hash", () => {
    for (const [url, bytes, hash] of all) {
      const path = url === '' || url.endsWith('/') ? `${url}index.html` : url;
      const content = readFileSync(join(DIST, path));
      expect(content.length, url).toBe(bytes);
      expect(createHash('sha256').update(content).digest('hex').slice(0, 16), url).toBe(hash);
    }
  });

  it('has a summary, in the shell, that states each save’s size first', () => {
    expect(JSON.parse(read(SAVE_SUMMARY))).toEqual(summarise(manifest));
    expect(precached).toContain(SAVE_SUMMARY);
  });
});
