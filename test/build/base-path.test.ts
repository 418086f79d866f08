import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../support/astro';
import { launchChromium, watchedPage } from '../support/browser';
import { serve } from '../support/server';
import { htmlPages, listFiles, read, urlsIn } from '../support/dist';
import { parseHeadersFile, SECURITY_HEADERS } from '../../src/lib/security/headers';

const OUT = '.cache/dist-base';
const BASE = '/atlas/';
const SITE = 'https://example.org';

describe('a build under a base path', () => {
  beforeAll(() => {
    rmSync(OUT, { recursive: true, force: true });
    const result = astroBuild(OUT, { ATLAS_BASE: BASE, ATLAS_SITE: SITE });
    if (result.status !== 0)
      throw new Error(`build failed:
${result.output}`);
  }, 240_000);
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('keeps every internal link and asset under the base', () => {
    const escapes: string[] = [];
    for (const page of htmlPages(OUT)) {
      for (const url of urlsIn(read(page, OUT))) {
        if (/^(https?:|mailto:|#|data:|blob:)/.test(url) && !url.startsWith(SITE)) continue;
        const path = url.startsWith(SITE) ? url.slice(SITE.length) : url;
        if (!path.startsWith(BASE)) escapes.push(`${page}: ${url}`);
      }
    }
    expect(escapes).toEqual([]);
  });

  it('uses the absolute site origin in the sitemap and Open Graph tags', () => {
    expect(read('sitemap-0.xml', OUT)).toContain(`${SITE}${BASE}sources/iccd-cop17-8/`);
    expect(read('index.html', OUT)).toContain(`<meta property="og:url" content="${SITE}${BASE}"`);
  });

  it('writes _headers whose paths are under the base', () => {
    const rules = parseHeadersFile(read('_headers', OUT));
    expect(rules.get(`${BASE}*`)).toEqual(SECURITY_HEADERS);
    expect(rules.get(`${BASE}sw.js`)?.['Cache-Control']).toBe('no-cache');
    expect([...rules.keys()].filter((path) => !path.startsWith(BASE))).toEqual([]);
  });

  it('builds the search bundle into the base', () => {
    expect(listFiles(OUT)).toContain('pagefind/pagefind.js');
  });

  it('draws the map under the base: layers, MapLibre worker and styles all found', async () => {
    const server = await serve(OUT, BASE);
    const browser = await launchChromium();
    try {
      const { page, watch } = await watchedPage(await browser.newContext(), server.origin);
      await page.goto(`${server.url}map/#select=pilot:ethiopia-urban-rural`);
      await page.waitForFunction(
        () =>
          document.querySelector('[data-map-root]')?.getAttribute('data-map-status') === 'ready',
        undefined,
        { timeout: 60_000 },
      );
      expect(await page.locator('#map-panel-title').isVisible()).toBe(true);
      const href = await page
        .locator('#map-panel a[href*="/sources/"]')
        .first()
        .getAttribute('href');
      expect(href?.startsWith(BASE)).toBe(true);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.otherOrigins).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});
