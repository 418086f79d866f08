import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateSW } from 'workbox-build';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { serviceWorkerOptions } from '../../src/lib/offline/precache';
import { astroBuild } from '../support/astro';
import {
  launchChromium,
  launchPersistentChromium,
  watchedPage,
  type PageWatch,
} from '../support/browser';
import { htmlPages } from '../support/dist';
import { precacheUrls } from '../support/pagefind';
import { serve, type StaticServer } from '../support/server';

const NEXT = '.cache/dist-next-build';
const MAP_READY = '[data-map-root][data-map-status="ready"]';
const SEARCH_DONE = '[data-search][data-state="done"]';
const OFFLINE_READY = '[data-offline-status]:is([data-state="ready"], [data-state="offline"])';
const BASE_OUT = '.cache/dist-offline-base';

let browser: Browser;
let server: StaticServer | undefined;
let context: BrowserContext | undefined;
let watch: PageWatch | undefined;

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(NEXT, { recursive: true, force: true });
  rmSync(BASE_OUT, { recursive: true, force: true });
});
afterEach(async () => {
  if (watch) {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.otherOrigins).toEqual([]);
  }
  await context?.close();
  await server?.close();
  context = undefined;
  server = undefined;
  watch = undefined;
});

/**
 * Serves `dir`, opens a page and waits until the indicator says the atlas is
 * saved. With `profile`, the page opens in a browser with a profile on disk.
 */
async function visitOnce(dir: string, base = '/', path = '', profile?: string): Promise<Page> {
  server = await serve(dir, base);
  context = profile ? await launchPersistentChromium(profile) : await browser.newContext();
  const watched = await watchedPage(context, server.origin);
  watch = watched.watch;
  const page = watched.page;
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('[data-offline-status][data-state="ready"]', { timeout: 60_000 });
  return page;
}

async function cutNetwork(): Promise<void> {
  server?.cut();
  await context?.setOffline(true);
}

describe('the atlas offline', () => {
  it('after one visit, reads, searches and maps with the network cut', async () => {
    const page = await visitOnce('dist');
    expect(await page.locator('[data-offline-text]').textContent()).toBe('Available offline');
    await cutNetwork();
    const served = server?.served.length;

    // A source page never visited, in the other language.
    const response = await page.goto(`${server?.url}zh/sources/groundswell-2018/`);
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await page.locator('h1').textContent()).toBe('浪潮：为国内气候迁移做好准备');

    // A search, and a result opened on its finding.
    await page.goto(`${server?.url}search/?q=216%20million`);
    await page.waitForSelector(SEARCH_DONE);
    await page.locator('.result__locator').first().click();
    await page.waitForURL(/\/sources\/groundswell-2021\/#finding-internal-migrants-2050$/);
    expect(await page.locator('.finding:target').textContent()).toContain('216 million');

    // The map: MapLibre, the basemap and the thematic layers, all from the cache.
    await page.goto(`${server?.url}map/`);
    await page.waitForSelector(MAP_READY, { timeout: 30_000 });
    expect(await page.locator('[data-map-root] canvas').count()).toBeGreaterThan(0);

    // Every page is in the cache; one page of each kind, in each language,
    // opens with every request answered by the service worker.
    const pages = htmlPages().filter((p) => !p.endsWith('404.html'));
    const missing = await page.evaluate(
      async (urls) => {
        const found = await Promise.all(urls.map((u) => caches.match(u, { ignoreSearch: true })));
        return urls.filter((_, i) => !found[i]);
      },
      pages.map((p) => `${server?.url}${p}`),
    );
    expect(missing).toEqual([]);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (!r.fromServiceWorker()) failed.push(`${r.url()}: not from the service worker`);
    });
    const kinds = new Map(
      pages.map((p) => [p.replace(/(sources|initiatives|regions)\/[^/]+\//, '$1/*/'), p]),
    );
    for (const p of kinds.values()) {
      const res = await page.goto(`${server?.url}${p.replace(/index\.html$/, '')}`);
      expect(res?.status(), p).toBe(200);
      // Pages that fetch after load are done only when they say so: the map
      // (GeoJSON), the search page (the index), and every page's indicator.
      if (/(^|\/)map\/index\.html$/.test(p)) await page.waitForSelector(MAP_READY);
      if (/(^|\/)search\/index\.html$/.test(p)) await page.waitForSelector(SEARCH_DONE);
      await page.waitForSelector(OFFLINE_READY);
    }
    expect(failed).toEqual([]);
    expect(server?.served.length).toBe(served);
  }, 120_000);

  it('takes a new build whole, and only when the reader reloads', async () => {
    rmSync(NEXT, { recursive: true, force: true });
    cpSync('dist', NEXT, { recursive: true });
    const edit = (file: string, from: string, to: string) => {
      const html = readFileSync(`${NEXT}/${file}`, 'utf8');
      expect(html).toContain(from);
      writeFileSync(`${NEXT}/${file}`, html.replace(from, to));
    };
    edit('glossary/index.html', '<h1>Glossary</h1>', '<h1>Glossary, next build</h1>');
    edit('about/index.html', '<h1>', '<h1>Next build: ');
    const next = await generateSW(serviceWorkerOptions(resolve(NEXT)));
    expect(next.warnings).toEqual([]);

    const page = await visitOnce('dist');
    server?.serveDir(NEXT);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForSelector('[data-offline-status][data-state="update"]');
    expect(await page.locator('[data-offline-text]').textContent()).toBe(
      'A new version of the atlas is ready.',
    );

    // Until the reader reloads, every page still comes from the old build.
    await page.goto(`${server?.url}glossary/`);
    expect(await page.locator('h1').textContent()).toBe('Glossary');
    await page.goto(`${server?.url}about/`);
    expect(await page.locator('h1').textContent()).not.toContain('Next build');
    await page.waitForSelector('[data-offline-status][data-state="update"]');

    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Reload' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toContain('Next build: ');
    await page.goto(`${server?.url}glossary/`);
    expect(await page.locator('h1').textContent()).toBe('Glossary, next build');

    // The old build's files are gone: one cache, holding exactly the new list.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        urls.push(...(await cache.keys()).map((r) => new URL(r.url).pathname));
      }
      return urls;
    });
    expect(cached.sort()).toEqual(
      precacheUrls(NEXT)
        .map((u) => `/${u}`)
        .sort(),
    );
  });

  it('can be installed: a valid manifest and icons', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'atlas-profile-'));
    onTestFinished(() => rmSync(profile, { recursive: true, force: true }));
    const page = await visitOnce('dist', '/', '', profile);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toBe(`${server?.url}manifest.webmanifest`);
  });

  it('works under a base path: scope is the base, and search runs offline', async () => {
    rmSync(BASE_OUT, { recursive: true, force: true });
    const build = astroBuild(BASE_OUT, { ATLAS_BASE: '/atlas/' });
    expect(build.status, build.output).toBe(0);
    const page = await visitOnce(BASE_OUT, '/atlas/', 'zh/');
    const scope = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.scope,
    );
    expect(scope).toBe(`${server?.origin}/atlas/`);
    await cutNetwork();
    await page.goto(`${server?.url}search/?q=Groundswell`);
    await page.waitForSelector(SEARCH_DONE);
    const links = await page
      .locator('.result h3 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(1);
    expect(links.every((h) => h?.startsWith('/atlas/'))).toBe(true);
    await page.locator('.result h3 a').first().click();
    await page.waitForURL(/\/atlas\/sources\/groundswell-20(18|21)\/$/);
    expect(await page.locator('h1').textContent()).toContain('Groundswell');
  }, 240_000);
});
