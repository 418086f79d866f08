import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { writeOfflineFiles } from '../../src/lib/offline/build';
import {
  filesFor,
  SAVE_HEADER,
  SAVED_CACHE,
  SAVED_HASHES,
  SAVED_RECORD,
  type SaveManifest,
  type SaveSummary,
} from '../../src/lib/offline/precache';
import { astroBuild } from '../support/astro';
import {
  launchChromium,
  launchPersistentChromium,
  watchedPage,
  type PageWatch,
} from '../support/browser';
import { precacheUrls } from '../support/pagefind';
import { useInteractiveMap } from '../support/map';
import { serve, type StaticServer } from '../support/server';

const NEXT = '.cache/dist-next-build';
const SEARCH_DONE = '[data-search][data-state="done"]';
const OFFLINE_READY = '[data-offline-status]:is([data-state="ready"], [data-state="offline"])';
const SAVE = '[data-save-atlas]';
const BASE_OUT = '.cache/dist-offline-base';

const json = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

let browser: Browser;
let server: StaticServer | undefined;
let context: BrowserContext | undefined;
let watch: PageWatch | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  // The next build: the home page (in the shell) and the glossary (not) change.
  rmSync(NEXT, { recursive: true, force: true });
  cpSync('dist', NEXT, { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const html = readFileSync(`${NEXT}/${file}`, 'utf8');
    expect(html).toContain(from);
    writeFileSync(`${NEXT}/${file}`, html.replace(from, to));
  };
  edit('glossary/index.html', '<h1>Glossary</h1>', '<h1>Glossary, next build</h1>');
  edit('index.html', '<h1', '<h1 data-next-build');
  await writeOfflineFiles(resolve(NEXT));
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
 * Serves `dir`, opens a page and waits until the status says the shell is
 * stored. With `profile`, the page opens in a browser with a profile on disk.
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

/** The save's own requests to the server since request number `from`. */
const saveRequests = (from = 0) =>
  (server?.requests ?? []).slice(from).filter((r) => r.headers[SAVE_HEADER] !== undefined);

/** Saves from the About page (already open) and waits until it says it is saved. */
async function saveAll(page: Page): Promise<void> {
  await page.waitForSelector(`${SAVE}:not([hidden])`);
  await page.locator(`${SAVE} [data-save-start]`).click();
  await page.waitForSelector(`${SAVE}[data-state="saved"]`, { timeout: 60_000 });
}

describe('the atlas offline, page by page', () => {
  it('stores only the shell on a first visit, and each page as it is read', async () => {
    const page = await visitOnce('dist');
    expect(await page.locator('[data-offline-text]').textContent()).toBe(
      'Pages you read are kept offline',
    );
    const precached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of (await caches.keys()).filter((n) => n.includes('precache'))) {
        const cache = await caches.open(name);
        urls.push(...(await cache.keys()).map((r) => new URL(r.url).pathname));
      }
      return urls;
    });
    expect(precached.sort()).toEqual(
      precacheUrls()
        .map((u) => `/${u}`)
        .sort(),
    );
    expect(precached.some((u) => u.startsWith('/sources/'))).toBe(false);
    expect(precached).toContain('/offline/index.html');

    // One page read online.
    await page.goto(`${server?.url}sources/groundswell-2018/`);
    await page.waitForSelector(OFFLINE_READY);
    await cutNetwork();
    const served = server?.served.length;

    const read = await page.goto(`${server?.url}sources/groundswell-2018/`);
    expect(read?.fromServiceWorker()).toBe(true);
    expect(read?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe(
      'Groundswell: Preparing for Internal Climate Migration',
    );
    await page.waitForSelector(OFFLINE_READY);

    // The shell: the map with its layers, and the search page.
    await page.goto(`${server?.url}map/`);
    await useInteractiveMap(page);
    expect(await page.locator('[data-map-root] canvas').count()).toBeGreaterThan(0);
    expect(server?.served.length).toBe(served);
  }, 120_000);

  it('opens the offline page, in the page language, for a page not read, and offers the save', async () => {
    const page = await visitOnce('dist');
    await cutNetwork();
    const summary = json<SaveSummary>('dist/offline-summary.json');

    const unread = await page.goto(`${server?.url}sources/groundswell-2021/`);
    expect(unread?.fromServiceWorker()).toBe(true);
    expect(unread?.status()).toBe(200);
    expect(page.url()).toBe(`${server?.url}sources/groundswell-2021/`);
    expect(await page.locator('h1').textContent()).toBe('This page is not saved on this device');
    expect(await page.locator('[data-offline-path]').textContent()).toBe(
      '/sources/groundswell-2021/',
    );
    await page.waitForSelector(`${SAVE}[data-state="idle"]`);
    expect(await page.locator(`${SAVE} [data-save-size]`).textContent()).toBe(
      `Saving English stores ${summary.langs.en.files.toLocaleString('en')} files, ${(summary.langs.en.bytes / 1e6).toFixed(1)} MB.`,
    );
    expect(await page.getByRole('button', { name: 'Save the atlas' }).isVisible()).toBe(true);

    await page.goto(`${server?.url}zh/glossary/`);
    expect(await page.locator('h1').textContent()).toBe('此页面未保存在本设备上');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('says which results may be missing when searching offline without the index part', async () => {
    const page = await visitOnce('dist');
    await cutNetwork();
    await page.goto(`${server?.url}search/?q=groundswell`);
    await page.waitForSelector(`${SEARCH_DONE}[data-gap="missing"]`);
    const gap = await page.locator('[data-offline-gap]').textContent();
    expect(gap).toBe(
      'Offline: the part of the search index for “groundswell” is not saved on this device, so results for it may be missing. Save the atlas to search everything offline.',
    );
    expect(await page.locator('[data-offline-gap]').isVisible()).toBe(true);
    // Pagefind says so too, in the console, of each part it could not load.
    const errors = watch?.consoleErrors.splice(0) ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toMatch(/^Failed to load the index chunk \/pagefind\//);
  });

  it('says, after "Show more" offline, how many results it could not show', async () => {
    // Read online once: the index part for "drought" and the first results' fragments are stored.
    const page = await visitOnce('dist', '/', 'search/?q=drought');
    // Once more now that the service worker is in control, so that what is read is stored.
    await page.reload();
    await page.waitForSelector(SEARCH_DONE);
    await cutNetwork();
    await page.reload();
    await page.waitForSelector(SEARCH_DONE);
    expect(await page.locator('[data-offline-gap]').isHidden()).toBe(true);
    await page.locator('[data-search] [data-more]').click();
    await page.waitForSelector('[data-offline-gap]:not([hidden])');
    expect(await page.locator('[data-offline-gap]').textContent()).toMatch(
      /^\d+ results are not shown: their search data is not saved on this device\.$/,
    );
  });
});

describe('the saved atlas', () => {
  it('saves with progress; cancel and resume; then any page opens and search finds it offline', async () => {
    const manifest = json<SaveManifest>('dist/offline-files.json');
    const english = filesFor(manifest, ['en']);
    const page = await visitOnce('dist', '/', 'about/');
    await page.waitForSelector(`${SAVE}[data-state="idle"]`);
    expect(await page.locator('[data-offline-save]').isVisible()).toBe(true);

    // The server answers 30 of the save's files, then holds the rest: cancel then.
    const first = 30;
    server?.hold(first, (req) => req.headers[SAVE_HEADER] !== undefined);
    await page.locator(`${SAVE} [data-save-start]`).click();
    const count = page.locator(`${SAVE} [data-save-count]`);
    await page.waitForFunction(
      ({ selector, text }) => document.querySelector(selector)?.textContent?.startsWith(text),
      {
        selector: `${SAVE} [data-save-count]`,
        text: `${first} of ${english.length.toLocaleString('en')} files`,
      },
    );
    expect(await page.locator(`${SAVE} progress`).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForSelector(`${SAVE}[data-state="paused"]`);
    expect(await count.textContent()).toMatch(new RegExp(`^${first} of `));
    server?.release();

    // After a reload, it resumes with only the files still missing.
    await page.reload();
    await page.waitForSelector(`${SAVE}[data-state="paused"]`);
    await page.waitForSelector('[data-offline-status][data-saved="partial"]');
    const mark = server?.requests.length ?? 0;
    await page.getByRole('button', { name: 'Resume saving' }).click();
    await page.waitForSelector(`${SAVE}[data-state="saved"]`, { timeout: 60_000 });
    const resumed = saveRequests(mark).map((r) => r.url);
    expect(resumed.length).toBe(english.length - first);
    expect(new Set(resumed).size).toBe(resumed.length);
    expect(await page.locator(`${SAVE} [data-save-status]`).textContent()).toMatch(
      /^Saved for offline use: English, .+\. Every page of it opens/,
    );
    await page.waitForSelector('[data-offline-status][data-saved="complete"]');
    expect(await page.locator('[data-offline-text]').textContent()).toMatch(
      /^Saved offline \(English, .+\)$/,
    );
    // The record every page's status reads is a few fields; the files' hashes, which
    // only a save reads, are stored beside it, one for each file saved.
    const stored = await page.evaluate(
      async ({ cacheName, record, hashes }) => {
        const cache = await caches.open(cacheName);
        const read = async (name: string) =>
          (await cache.match(`${location.origin}/${name}`))?.text();
        return { record: await read(record), hashes: await read(hashes) };
      },
      { cacheName: SAVED_CACHE, record: SAVED_RECORD, hashes: SAVED_HASHES },
    );
    expect(Object.keys(JSON.parse(stored.record ?? '{}') as object).sort()).toEqual([
      'complete',
      'date',
      'langs',
      'version',
    ]);
    expect(stored.record?.length).toBeLessThan(200);
    const hashes = JSON.parse(stored.hashes ?? '{}') as Record<string, string>;
    expect(Object.keys(hashes).sort()).toEqual(english.map(([url]) => url).sort());
    expect(english.every(([url, , hash]) => hashes[url] === hash)).toBe(true);

    await cutNetwork();
    // A page never opened.
    const unread = await page.goto(`${server?.url}sources/groundswell-2021/`);
    expect(unread?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toContain('Groundswell');
    // Search finds a word from a page never opened, and opens it.
    await page.goto(`${server?.url}search/?q=216%20million`);
    await page.waitForSelector(SEARCH_DONE);
    expect(await page.locator('[data-offline-gap]').isHidden()).toBe(true);
    await page.locator('.result__locator').first().click();
    await page.waitForURL(/\/sources\/groundswell-2021\/#finding-internal-migrants-2050$/);
    expect(await page.locator('.finding:target').textContent()).toContain('216 million');
  }, 180_000);

  it('after a new build, updates only the files that changed', async () => {
    const before = json<SaveManifest>('dist/offline-files.json');
    const after = json<SaveManifest>(`${NEXT}/offline-files.json`);
    const old = new Map(filesFor(before, ['en']).map(([url, , hash]) => [url, hash]));
    const changed = filesFor(after, ['en'])
      .filter(([url, , hash]) => old.get(url) !== hash)
      .map(([url]) => `/${url}`);
    expect(changed.sort()).toEqual(['/', '/glossary/']);

    const page = await visitOnce('dist', '/', 'about/');
    await saveAll(page);
    server?.serveDir(NEXT);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForSelector('[data-offline-status][data-state="update"]');
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await page.waitForSelector(`${SAVE}[data-state="stale"]`);
    await page.waitForSelector('[data-offline-status][data-saved="stale"]');

    const mark = server?.requests.length ?? 0;
    await page.getByRole('button', { name: 'Update the saved atlas' }).click();
    await page.waitForSelector(`${SAVE}[data-state="saved"]`);
    expect(
      saveRequests(mark)
        .map((r) => r.url)
        .sort(),
    ).toEqual(changed.sort());
    expect((server?.requests ?? []).slice(mark).map((r) => r.url)).toEqual(
      expect.arrayContaining(['/offline-files.json']),
    );

    await cutNetwork();
    await page.goto(`${server?.url}glossary/`);
    expect(await page.locator('h1').textContent()).toBe('Glossary, next build');
  }, 180_000);
});

describe('a new build', () => {
  it('takes the new shell whole, and only when the reader reloads', async () => {
    const page = await visitOnce('dist');
    server?.serveDir(NEXT);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForSelector('[data-offline-status][data-state="update"]');
    expect(await page.locator('[data-offline-text]').textContent()).toBe(
      'A new version of the atlas is ready.',
    );

    // Until the reader reloads, the shell comes from the old build.
    await page.goto(server?.url ?? '');
    expect(await page.locator('h1[data-next-build]').count()).toBe(0);
    await page.waitForSelector('[data-offline-status][data-state="update"]');

    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Reload' }).click(),
    ]);
    expect(await page.locator('h1[data-next-build]').count()).toBe(1);

    // The old build's shell is gone: one precache, holding exactly the new list.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of (await caches.keys()).filter((n) => n.includes('precache'))) {
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
});

describe('installing', () => {
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

  it('works under a base path: scope is the base, and a search read once runs offline', async () => {
    rmSync(BASE_OUT, { recursive: true, force: true });
    const build = astroBuild(BASE_OUT, { ATLAS_BASE: '/atlas/' });
    expect(build.status, build.output).toBe(0);
    const page = await visitOnce(BASE_OUT, '/atlas/', 'zh/');
    const scope = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.scope,
    );
    expect(scope).toBe(`${server?.origin}/atlas/`);
    await page.goto(`${server?.url}search/?q=Groundswell`);
    await page.waitForSelector(SEARCH_DONE);
    await cutNetwork();
    await page.goto(`${server?.url}search/?q=Groundswell`);
    await page.waitForSelector(SEARCH_DONE);
    const links = await page
      .locator('.result h3 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(1);
    expect(links.every((h) => h?.startsWith('/atlas/'))).toBe(true);
    expect(await page.locator('[data-offline-gap]').isHidden()).toBe(true);
    const offline = await page.goto(`${server?.url}sources/groundswell-2018/`);
    expect(offline?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('This page is not saved on this device');
  }, 240_000);
});
