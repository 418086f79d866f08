import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axTree, disclosure } from '../support/ax-tree';
import { watchedPage, type PageWatch } from '../support/browser';
import {
  MAP_AREA,
  MAP_START,
  MAPLIBRE_FILE,
  routeLayer,
  showMapIntent,
  useInteractiveMap,
  waitForMapStatus as waitForStatus,
  type MapIntent,
} from '../support/map';
import { servedSite } from '../support/site';

const site = servedSite();

const ETHIOPIA = 'pilot:ethiopia-urban-rural';
/** A common phone: 390 × 844 CSS pixels, touch. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

interface Opened {
  page: Page;
  watch: PageWatch;
  close: () => Promise<void>;
}

interface OpenOptions extends BrowserContextOptions {
  /** Wait until MapLibre is ready (default true). */
  ready?: boolean;
  /**
   * How the reader asks for the interactive map before it is awaited: the
   * mouse onto the map (default; a tap with `hasTouch`), or `none` for a page
   * that must start MapLibre on its own (a deep link).
   */
  intent?: MapIntent | 'none';
  /** Runs on the new page before it navigates (routes, listeners); awaited if it returns a promise. */
  before?: (page: Page) => unknown;
}

/** Opens the map page (path relative to the site root), shows intent, and waits until the map has loaded. */
async function openMap(path = 'map/', options: OpenOptions = {}): Promise<Opened> {
  const {
    ready = true,
    intent = options.hasTouch ? 'tap' : 'hover',
    before,
    ...contextOptions
  } = options;
  const context = await site.browser.newContext(contextOptions);
  const { page, watch } = await watchedPage(context, site.server.origin);
  await before?.(page);
  await page.goto(`${site.server.url}${path}`);
  if (ready && intent !== 'none') await useInteractiveMap(page, intent);
  else if (ready) await waitForStatus(page, 'ready');
  return { page, watch, close: () => context.close() };
}

/** URLs of MapLibre's files (engine chunk, CSS, worker) the page has requested, and its workers. */
function watchMapLibre(page: Page): { files: string[]; workers: string[] } {
  const seen = { files: [] as string[], workers: [] as string[] };
  page.on('request', (r) => {
    if (MAPLIBRE_FILE.test(new URL(r.url()).pathname)) seen.files.push(r.url());
  });
  page.on('worker', (w) => seen.workers.push(w.url()));
  return seen;
}

/** Every layout shift of the page, with or without recent input (none is allowed). */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __allShifts: number[] };
    w.__allShifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__allShifts.push((e as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const shiftsOf = async (page: Page): Promise<number[]> => {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  return page.evaluate(() => (window as unknown as { __allShifts: number[] }).__allShifts);
};

/** The box of an element in the page (not the viewport: intent may scroll the map into view). */
const boxOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
  });

/** True once the list has its "Show on map" buttons: the page script has read the layers. */
const listReady = (page: Page) => page.locator(`[data-show="${ETHIOPIA}"]`).waitFor();

/** Ids of the thematic features the map has drawn, per MapLibre's own query API, once it is idle. */
async function renderedIds(page: Page, layer?: string): Promise<string[]> {
  return page.evaluate(async (only) => {
    const map = window.__atlasMap;
    if (!map) throw new Error('no map');
    if (!map.loaded() || map.isMoving()) await new Promise((r) => map.once('idle', r));
    const ids = map
      .queryRenderedFeatures()
      .filter((f) => ['regions', 'initiatives', 'sites'].includes(f.source))
      .filter((f) => only === undefined || f.properties['layer'] === only)
      .map((f) => String(f.properties['id']));
    return [...new Set(ids)].sort();
  }, layer);
}

const panelTitle = (page: Page) => page.locator('#map-panel-title');

/** The properties of a feature as published in dist/geo/<layer>.geojson. */
function layerFeature(layer: string, id: string): Record<string, string> {
  const fc = JSON.parse(readFileSync(`dist/geo/${layer}.geojson`, 'utf8')) as {
    features: { properties: Record<string, string> }[];
  };
  const f = fc.features.find((x) => x.properties['id'] === id);
  if (!f) throw new Error(`${id} is not in dist/geo/${layer}.geojson`);
  return f.properties;
}

/** The published English name of the Ethiopia pilot, as the panel must show it. */
const ETHIOPIA_NAME = layerFeature('sites', ETHIOPIA)['name_en'] ?? '';

describe('the atlas map', () => {
  it('loads with no console error and no request to another origin', async () => {
    const { page, watch, close } = await openMap();
    expect(await renderedIds(page, 'sites')).toContain(ETHIOPIA);
    expect((await renderedIds(page, 'regions')).length).toBeGreaterThan(0);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.otherOrigins).toEqual([]);
    await close();
  });

  it('removes a layer from the rendered map and from the list when it is turned off', async () => {
    const { page, watch, close } = await openMap();
    expect((await renderedIds(page, 'sites')).length).toBeGreaterThan(0);
    const item = page.locator(`[data-feature-id="${ETHIOPIA}"]`);
    expect(await item.isVisible()).toBe(true);
    await page.getByRole('checkbox', { name: /Pilot sites/ }).uncheck();
    await page.waitForFunction(() => location.hash === '#layers=regions,initiatives,studies');
    expect(await renderedIds(page, 'sites')).toEqual([]);
    expect((await renderedIds(page, 'regions')).length).toBeGreaterThan(0);
    expect(await item.isVisible()).toBe(false);
    await page.getByRole('checkbox', { name: /Pilot sites/ }).check();
    expect(await renderedIds(page, 'sites')).toContain(ETHIOPIA);
    expect(await item.isVisible()).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  it('shows the precision of the Ethiopia pilot and links to the source behind it', async () => {
    const { page, watch, close } = await openMap();
    await page.locator(`[data-show="${ETHIOPIA}"]`).click();
    const panel = page.locator('#map-panel');
    expect(await panelTitle(page).textContent()).toBe(ETHIOPIA_NAME);
    const note = layerFeature('sites', ETHIOPIA)['precision_note_en'];
    expect(note).toMatch(/^Exact sites not published/);
    expect(await panel.textContent()).toContain(note);
    expect(await panel.textContent()).toContain('Country only');
    expect(page.url()).toContain(`#select=${ETHIOPIA}`);
    await panel.getByRole('link', { name: /ICCD\/COP\(15\)\/18/ }).click();
    await page.waitForURL(/\/sources\/iccd-cop15-18\/$/);
    expect(await page.locator('main [data-pagefind-meta="symbol"]').textContent()).toBe(
      'ICCD/COP(15)/18',
    );
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  it('selects a feature clicked on the map', async () => {
    const { page, close } = await openMap();
    const position = await page.evaluate((id) => {
      const map = window.__atlasMap;
      const f = map?.queryRenderedFeatures().find((x) => x.properties['id'] === id);
      if (!map || !f || f.geometry.type !== 'Point') throw new Error('not drawn');
      const p = map.project(f.geometry.coordinates as [number, number]);
      return { x: p.x, y: p.y };
    }, ETHIOPIA);
    // Clicks at the point on the canvas (Playwright scrolls it into view first).
    await page.locator('.maplibregl-canvas').click({ position });
    await page.waitForFunction(() => !document.querySelector('#map-panel')?.hasAttribute('hidden'));
    expect(await panelTitle(page).textContent()).toBe(ETHIOPIA_NAME);
    await close();
  });

  it('is linked from a source page, focused on the places of that source', async () => {
    const { page, watch, close } = await openMap('sources/iccd-cop15-18/', { ready: false });
    await page.getByRole('link', { name: 'See on the map' }).click();
    await page.waitForURL(/\/map\/#source=iccd-cop15-18$/);
    await waitForStatus(page, 'ready');
    const shown = await renderedIds(page);
    const listed = await page
      .locator('[data-feature-id]:visible')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-feature-id')).sort());
    expect(shown).toContain(ETHIOPIA);
    expect(shown).toEqual(listed);
    expect(await page.locator('[data-source-filter]').textContent()).toContain('ICCD/COP(15)/18');
    await page.getByRole('button', { name: 'Show all places' }).click();
    expect((await renderedIds(page)).length).toBeGreaterThan(shown.length);
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  it('names a source the list does not show by the title in its record', async () => {
    // On the map, but among the first ten sources of no feature: not in the page's lookup.
    const id = 'unhabitat-gc25-2015';
    const [record] = JSON.parse(readFileSync(`dist/cite/${id}.json`, 'utf8')) as {
      title: string;
    }[];
    expect(readFileSync('dist/map/index.html', 'utf8')).not.toContain(`&quot;${id}&quot;`);
    const { page, watch, close } = await openMap(`map/#source=${id}`, { intent: 'none' });
    await page.waitForFunction(
      (title) => document.querySelector('[data-source-filter-text]')?.textContent?.includes(title),
      record?.title ?? '',
    );
    expect(await page.locator('[data-source-filter]').isVisible()).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  it('restores layers, selection and view from a deep link, and back and forward work', async () => {
    // No intent: the link asks for that view, so MapLibre starts on its own.
    const { page, watch, close } = await openMap(
      `map/#layers=regions,sites&select=${ETHIOPIA}&view=4/9/40`,
      { intent: 'none' },
    );
    expect(await page.getByRole('checkbox', { name: /Initiatives/ }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: /Regions/ }).isChecked()).toBe(true);
    expect(await renderedIds(page, 'initiatives')).toEqual([]);
    expect(await panelTitle(page).textContent()).toBe(ETHIOPIA_NAME);
    const view = await page.evaluate(() => {
      const map = window.__atlasMap;
      return { zoom: map?.getZoom(), center: map?.getCenter().toArray() };
    });
    expect(view.zoom).toBeCloseTo(4, 5);
    expect(view.center?.[0]).toBeCloseTo(40, 5);
    expect(view.center?.[1]).toBeCloseTo(9, 5);

    const otherId = await page
      .locator('[data-list-layer="regions"] [data-show]')
      .first()
      .getAttribute('data-show');
    await page.locator(`[data-show="${otherId}"]`).click();
    await page.waitForFunction((id) => location.hash.includes(`select=${id}`), otherId);
    expect(await panelTitle(page).textContent()).not.toBe(ETHIOPIA_NAME);
    await page.goBack();
    await page.waitForFunction((id) => location.hash.includes(`select=${id}`), ETHIOPIA);
    expect(await panelTitle(page).textContent()).toBe(ETHIOPIA_NAME);
    await page.goForward();
    await page.waitForFunction((id) => location.hash.includes(`select=${id}`), otherId);
    expect(await panelTitle(page).textContent()).not.toBe(ETHIOPIA_NAME);
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  it('ignores a garbage or hostile hash and shows the default map', async () => {
    const viewOf = async (page: Page) =>
      page.evaluate(() => {
        const map = window.__atlasMap;
        return { zoom: map?.getZoom(), center: map?.getCenter().toArray() };
      });
    const plain = await openMap();
    const defaults = await viewOf(plain.page);
    const defaultIds = await renderedIds(plain.page);
    await plain.close();

    const { page, watch, close } = await openMap(
      'map/#%E0%A4%A&layers=roads&select=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&view=NaN/1e9/x&theme=__proto__',
    );
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    for (const box of await page.getByRole('checkbox').all())
      expect(await box.isChecked()).toBe(true);
    expect(await page.locator('#map-panel').isHidden()).toBe(true);
    expect(await viewOf(page)).toEqual(defaults);
    expect(await renderedIds(page)).toEqual(defaultIds);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  it('works by keyboard alone, with visible focus, focus reaching the map starting MapLibre', async () => {
    const { page, close } = await openMap('map/', { ready: false });
    await listReady(page);
    /** Presses Tab until the focused element matches, and checks its focus is visible. */
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 300; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
          const visible = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const style = getComputedStyle(el);
            return (
              el.matches(':focus-visible') &&
              style.outlineStyle !== 'none' &&
              parseFloat(style.outlineWidth) > 0
            );
          });
          expect(visible, `focus visible on ${selector}`).toBe(true);
          return;
        }
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    // Legend: turn regions and initiatives off, leaving the study areas and the sites.
    await tabTo('input[value="regions"]');
    await page.keyboard.press('Space');
    await tabTo('input[value="initiatives"]');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.hash === '#layers=studies,sites');
    expect(await page.evaluate(() => window.__atlasMap)).toBeUndefined();

    // Focus on the static map's button starts MapLibre, and goes on to its canvas.
    await tabTo(MAP_START);
    await waitForStatus(page, 'ready');
    expect(
      await page.evaluate(() =>
        document.activeElement?.matches('.maplibregl-canvas:focus-visible'),
      ),
    ).toBe(true);
    // The layers turned off before MapLibre loaded are off on the map it drew.
    expect(await renderedIds(page, 'initiatives')).toEqual([]);
    expect(await renderedIds(page, 'regions')).toEqual([]);
    expect((await renderedIds(page, 'sites')).length).toBeGreaterThan(0);

    await tabTo(`[data-show="${ETHIOPIA}"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'map-panel-title');
    expect(await panelTitle(page).textContent()).toBe(ETHIOPIA_NAME);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#map-panel') !== null)).toBe(
      true,
    );
    await page.keyboard.press('Escape');
    expect(await page.locator('#map-panel').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-show'))).toBe(
      ETHIOPIA,
    );
    expect(page.url()).not.toContain('select=');

    // The list's own disclosure reads a feature without the map.
    await tabTo(`[data-feature-id="${ETHIOPIA}"] summary`);
    await page.keyboard.press('Enter');
    expect(await page.locator(`[data-feature-id="${ETHIOPIA}"] details`).getAttribute('open')).toBe(
      '',
    );
    await close();
  });

  it('shows a hostile feature name as text and runs nothing', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    // The published sites layer, plus one feature whose texts are markup.
    const sites = JSON.parse(readFileSync('dist/geo/sites.geojson', 'utf8')) as FeatureCollection;
    const first = sites.features[0];
    if (!first) throw new Error('empty sites layer');
    sites.features.push({
      ...first,
      id: 'pilot:hostile',
      properties: { ...first.properties, id: 'pilot:hostile', name_en: hostile, note_en: hostile },
    });
    let dialogs = 0;
    const { page, watch, close } = await openMap('map/#select=pilot:hostile', {
      intent: 'none',
      before: async (p) => {
        p.on('dialog', async (d) => {
          dialogs += 1;
          await d.dismiss();
        });
        await routeLayer(p, 'sites', sites);
      },
    });
    expect(await panelTitle(page).textContent()).toBe(hostile);
    expect(await page.locator('#map-panel').textContent()).toContain(hostile);
    expect(
      await page.locator('[data-feature-id="pilot:hostile"] .map-list__name').textContent(),
    ).toBe(hostile);
    expect(await renderedIds(page, 'sites')).toContain('pilot:hostile');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  // A browser without the WebGL 2 API is known at load; one that refuses a context (a GPU on the
  // blocklist), only when the page tries to make one: creating it is a long task, so not at load.
  for (const missing of ['the WebGL 2 API', 'a WebGL context'] as const) {
    it(`says when WebGL is missing (${missing}), and keeps the list without loading MapLibre`, async () => {
      let files: string[] = [];
      const { page, watch, close } = await openMap('map/', {
        ready: false,
        before: async (p) => {
          files = watchMapLibre(p).files;
          await p.addInitScript((api) => {
            if (api) {
              delete (window as { WebGL2RenderingContext?: unknown }).WebGL2RenderingContext;
              return;
            }
            // Called with .call(this) below, so unbound is safe.
            // eslint-disable-next-line @typescript-eslint/unbound-method
            const original = HTMLCanvasElement.prototype.getContext;
            HTMLCanvasElement.prototype.getContext = function (
              this: HTMLCanvasElement,
              type: string,
              ...rest: unknown[]
            ) {
              return type.startsWith('webgl')
                ? null
                : original.call(this, type as '2d', ...(rest as []));
            } as typeof original;
          }, missing === 'the WebGL 2 API');
        },
      });
      await listReady(page);
      if (missing === 'a WebGL context') {
        await page.locator(MAP_START).waitFor();
        await showMapIntent(page, 'hover');
      }
      await waitForStatus(page, 'unavailable');
      expect(await page.locator('[data-map-message]').textContent()).toMatch(/WebGL/);
      expect(await page.locator('[data-map-canvas]').isHidden()).toBe(true);
      // Nothing offers the interactive map any more, and the reader's intent loads nothing.
      expect(await page.locator(MAP_START).isHidden()).toBe(true);
      await page.locator(MAP_AREA).hover();
      await page.locator(MAP_AREA).click();
      expect(await page.locator('[data-map-static] svg').isVisible()).toBe(true);
      expect(await page.locator(`[data-feature-id="${ETHIOPIA}"]`).isVisible()).toBe(true);
      await page.locator(`[data-show="${ETHIOPIA}"]`).click();
      expect(await panelTitle(page).textContent()).toBe(ETHIOPIA_NAME);
      await page.waitForLoadState('networkidle');
      expect(files).toEqual([]);
      expect(await page.getAttribute('[data-map-root]', 'data-map-status')).toBe('unavailable');
      expect(watch.consoleErrors).toEqual([]);
      await close();
    });
  }

  it('filters the list and the map by theme and source type', async () => {
    const { page, close } = await openMap();
    const all = await renderedIds(page);
    const theme = await page
      .locator('select[name="theme"] option:not([value=""])')
      .first()
      .getAttribute('value');
    await page.selectOption('select[name="theme"]', theme ?? '');
    await page.waitForFunction((t) => location.hash.includes(`theme=${t}`), theme);
    const filtered = await renderedIds(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.length);
    const listed = await page
      .locator('[data-feature-id]:visible')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-feature-id')).sort());
    expect(listed).toEqual(filtered);
    expect(await page.locator('[data-list-status]').textContent()).toBe(
      `${filtered.length} features shown.`,
    );
    await page.selectOption('select[name="theme"]', '');
    expect(await renderedIds(page)).toEqual(all);
    await close();
  });

  it('follows reduced motion: framing a feature does not animate', async () => {
    const { page, close } = await openMap('map/', { reducedMotion: 'reduce' });
    const before = await page.evaluate(() => window.__atlasMap?.getCenter().toArray());
    await page.locator(`[data-show="${ETHIOPIA}"]`).click();
    const after = await page.evaluate(() => ({
      moving: window.__atlasMap?.isMoving(),
      center: window.__atlasMap?.getCenter().toArray(),
    }));
    expect(after.moving).toBe(false);
    expect(after.center).not.toEqual(before);
    await close();
  });

  it('speaks Chinese on the Chinese map, its button and MapLibre controls included', async () => {
    const { page, watch, close } = await openMap('zh/map/', { ready: false });
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByRole('button', { name: '缩放和平移地图' }).click();
    await waitForStatus(page, 'ready');
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('放大');
    expect(await page.locator('.maplibregl-ctrl-zoom-out').getAttribute('aria-label')).toBe('缩小');
    expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe('交互式地图');
    await page.locator(`[data-show="${ETHIOPIA}"]`).click();
    expect(await page.locator('#map-panel').textContent()).toContain('仅知国家');
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  for (const root of ['', 'zh/']) {
    it(`puts the map in a phone's first screen, before and after MapLibre (${root || 'en'})`, async () => {
      /** The box of `selector`, checked to lie within the first screen of the page. */
      const inFirstScreen = async (page: Page, selector: string) => {
        const box = await page.locator(selector).boundingBox();
        if (!box) throw new Error(`${selector} is not shown`);
        expect(box.y, `${selector} top`).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height, `${selector} bottom`).toBeLessThanOrEqual(PHONE.viewport.height);
        expect(box.width).toBeGreaterThan(300);
        expect(box.height).toBeGreaterThan(250);
        return box;
      };
      // The static picture, as it stands until MapLibre is ready (and without JavaScript).
      const still = await openMap(`${root}map/`, {
        ...PHONE,
        javaScriptEnabled: false,
        ready: false,
      });
      const picture = await inFirstScreen(still.page, '[data-map-static] svg');
      expect(await still.page.locator('[data-feature-id]').count()).toBeGreaterThan(0);
      // Without the script nothing could show a feature on the map: no "Show on map" button.
      expect(await still.page.locator('[data-show]').first().isVisible()).toBe(false);
      await still.close();

      const live = await openMap(`${root}map/`, PHONE);
      const map = await inFirstScreen(live.page, '.maplibregl-canvas');
      expect(
        await live.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      // The same place and size (MapLibre rounds its canvas to whole pixels): the swap moves nothing.
      for (const side of ['x', 'y', 'width', 'height'] as const)
        expect(Math.abs(map[side] - picture[side]), side).toBeLessThanOrEqual(1);
      expect(await live.page.locator('[data-feature-id]').count()).toBeGreaterThan(0);
      expect(await live.page.locator('[data-show]').first().isVisible()).toBe(true);
      await live.close();
    });
  }

  it('keeps the legend one tap away on a phone, and works it by keyboard and screen reader', async () => {
    const { page, close } = await openMap('map/', { ...PHONE, ready: false });
    await listReady(page);
    const regions = page.getByRole('checkbox', { name: /^Regions/ });
    expect(await regions.isVisible()).toBe(false);
    expect((await disclosure(page, 'Layers and legend'))?.props['expanded']).toBe(false);

    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.matches('.map-controls > summary')))
        break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Layers and legend',
    );
    await page.keyboard.press('Enter');
    expect(await regions.isVisible()).toBe(true);
    expect((await disclosure(page, 'Layers and legend'))?.props['expanded']).toBe(true);
    const boxes = (await axTree(page)).filter((n) => n.role === 'checkbox');
    expect(boxes.map((n) => n.name)).toEqual([
      expect.stringMatching(/^Regions/),
      expect.stringMatching(/^Initiatives/),
      expect.stringMatching(/^Study areas/),
      expect.stringMatching(/^Pilot sites/),
    ]);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      'regions',
    );
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.hash === '#layers=initiatives,studies,sites');

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await regions.isVisible()).toBe(false);
    // A tap on the map starts MapLibre, which draws the layers as the legend left them.
    await useInteractiveMap(page, 'tap');
    expect(await renderedIds(page, 'regions')).toEqual([]);
    expect((await renderedIds(page, 'sites')).length).toBeGreaterThan(0);
    await close();
  });
});

describe('the static map first, MapLibre on intent', () => {
  it('requests nothing of MapLibre on a plain visit until the reader shows intent', async () => {
    let seen: ReturnType<typeof watchMapLibre> = { files: [], workers: [] };
    // The service worker's precache downloads (and never runs) the chunk for offline use: blocked, so
    // what is counted is what the page itself asks for.
    const { page, watch, close } = await openMap('map/', {
      ready: false,
      serviceWorkers: 'block',
      before: (p) => {
        seen = watchMapLibre(p);
      },
    });
    await listReady(page);
    await page.locator(MAP_START).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getAttribute('[data-map-root]', 'data-map-status')).toBe('static');
    expect(await page.locator('[data-map-static] svg').isVisible()).toBe(true);
    expect(await page.locator(MAP_START).textContent()).toContain('Zoom and pan the map');
    expect(await page.evaluate(() => window.__atlasMap)).toBeUndefined();
    expect(seen).toEqual({ files: [], workers: [] });

    // The list, the legend and the filters work meanwhile, and still load nothing of it.
    await page.selectOption('select[name="theme"]', { index: 1 });
    await page.locator(`[data-feature-id="${ETHIOPIA}"] summary`).click();
    await page.waitForLoadState('networkidle');
    expect(seen).toEqual({ files: [], workers: [] });

    await showMapIntent(page, 'hover');
    await waitForStatus(page, 'ready');
    const names = seen.files.map((u) => new URL(u).pathname.split('/').pop() ?? '');
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^engine\..+\.js$/),
        expect.stringMatching(/^maplibre-gl\..+\.css$/),
        expect.stringMatching(/^maplibre-gl-worker\..+\.mjs$/),
      ]),
    );
    expect(seen.workers.length).toBeGreaterThan(0);
    expect(await page.locator('[data-map-static]').isHidden()).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

  for (const how of ['hover', 'button'] as const) {
    it(`puts the canvas in the static map's box with no layout shift, on intent by ${how}`, async () => {
      const { page, watch, close } = await openMap('map/', {
        ready: false,
        viewport: { width: 1280, height: 800 },
        before: recordShifts,
      });
      await page.locator(MAP_START).waitFor();
      const picture = await boxOf(page, '[data-map-static] svg');
      await useInteractiveMap(page, how);
      const canvas = await boxOf(page, '.maplibregl-canvas');
      // The same place and size (MapLibre rounds its canvas to whole pixels): the swap moves nothing.
      for (const side of ['x', 'y', 'width', 'height'] as const)
        expect(Math.abs(canvas[side] - picture[side]), side).toBeLessThanOrEqual(1);
      expect(await page.locator('[data-map-static]').isHidden()).toBe(true);
      // Shifts counted even right after input: the browser's own score leaves those out.
      expect(await shiftsOf(page)).toEqual([]);
      // A press of the button goes on to the map; a pointer passing over it takes no focus.
      expect(await page.evaluate(() => document.activeElement?.matches('.maplibregl-canvas'))).toBe(
        how === 'button',
      );
      expect(watch.consoleErrors).toEqual([]);
      await close();
    });
  }

  for (const hash of ['#view=3/10/20', '#source=iccd-cop15-18']) {
    it(`starts MapLibre at once, with no intent, for a deep link (${hash})`, async () => {
      let seen: ReturnType<typeof watchMapLibre> = { files: [], workers: [] };
      const { page, watch, close } = await openMap(`map/${hash}`, {
        intent: 'none',
        before: (p) => {
          seen = watchMapLibre(p);
        },
      });
      expect(seen.files.length).toBeGreaterThan(0);
      expect(await page.locator('.maplibregl-canvas').isVisible()).toBe(true);
      if (hash.startsWith('#view')) {
        const zoom = await page.evaluate(() => window.__atlasMap?.getZoom());
        expect(zoom).toBeCloseTo(3, 5);
      } else {
        expect(await renderedIds(page)).toContain(ETHIOPIA);
      }
      expect(watch.consoleErrors).toEqual([]);
      await close();
    });
  }

  it('opens the panel from the list before MapLibre has loaded, and MapLibre starts with what changed meanwhile', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { page, watch, close } = await openMap('map/', {
      ready: false,
      before: (p) =>
        // MapLibre's chunk is held back until the test lets it through.
        p.route(/\/_astro\/engine[^/]*\.js$/, async (route) => {
          await held;
          await route.continue();
        }),
    });
    await listReady(page);
    await page.locator(`[data-show="${ETHIOPIA}"]`).click();
    expect(await panelTitle(page).textContent()).toBe(ETHIOPIA_NAME);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('map-panel-title');
    expect(page.url()).toContain(`#select=${ETHIOPIA}`);
    // "Show on map" asks for the map: it loads, and the page says so.
    await waitForStatus(page, 'loading');
    expect(await page.locator('[data-map-message]').textContent()).toBe(
      'Loading the interactive map…',
    );
    expect(await page.evaluate(() => window.__atlasMap)).toBeUndefined();
    expect(await page.locator('[data-map-static] svg').isVisible()).toBe(true);
    await page.getByRole('checkbox', { name: /^Regions/ }).uncheck();
    await page.waitForFunction(() => location.hash.startsWith('#layers=initiatives,studies,sites'));

    release();
    await waitForStatus(page, 'ready');
    expect(await renderedIds(page, 'regions')).toEqual([]);
    expect(await renderedIds(page, 'sites')).toContain(ETHIOPIA);
    expect(await panelTitle(page).textContent()).toBe(ETHIOPIA_NAME);
    expect(await page.locator('[data-map-message]').textContent()).toBe('');
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });
});
