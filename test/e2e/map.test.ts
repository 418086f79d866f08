import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axTree, disclosure } from '../support/ax-tree';
import { watchedPage, type PageWatch } from '../support/browser';
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

/** Opens the map page (path relative to the site root) and waits until the map has loaded. */
async function openMap(
  path = 'map/',
  options: BrowserContextOptions & { ready?: boolean; before?: (page: Page) => Promise<void> } = {},
): Promise<Opened> {
  const { ready = true, before, ...contextOptions } = options;
  const context = await site.browser.newContext(contextOptions);
  const { page, watch } = await watchedPage(context, site.server.origin);
  await before?.(page);
  await page.goto(`${site.server.url}${path}`);
  if (ready) await waitForStatus(page, 'ready');
  return { page, watch, close: () => context.close() };
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.waitForFunction(
    (s) => document.querySelector('[data-map-root]')?.getAttribute('data-map-status') === s,
    status,
    { timeout: 30_000 },
  );
}

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

  it('restores layers, selection and view from a deep link, and back and forward work', async () => {
    const { page, watch, close } = await openMap(
      `map/#layers=regions,sites&select=${ETHIOPIA}&view=4/9/40`,
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

  it('works by keyboard alone, with visible focus', async () => {
    const { page, close } = await openMap();
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
    expect(await renderedIds(page, 'initiatives')).toEqual([]);
    expect(await renderedIds(page, 'regions')).toEqual([]);

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
    const sites = JSON.parse(readFileSync('dist/geo/sites.geojson', 'utf8')) as {
      features: { id: string; properties: Record<string, unknown> }[];
    };
    const first = sites.features[0];
    if (!first) throw new Error('empty sites layer');
    sites.features.push({
      ...first,
      id: 'pilot:hostile',
      properties: { ...first.properties, id: 'pilot:hostile', name_en: hostile, note_en: hostile },
    });
    let dialogs = 0;
    const { page, watch, close } = await openMap('map/#select=pilot:hostile', {
      before: async (p) => {
        p.on('dialog', async (d) => {
          dialogs += 1;
          await d.dismiss();
        });
        await p.route('**/geo/sites.geojson', (route) =>
          route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(sites) }),
        );
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

  it('says when WebGL is missing, and keeps the list without loading MapLibre', async () => {
    const scripts: string[] = [];
    const { page, watch, close } = await openMap('map/', {
      ready: false,
      before: async (p) => {
        p.on('request', (r) => {
          if (r.resourceType() === 'script') scripts.push(r.url());
        });
        await p.addInitScript(() => {
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
        });
      },
    });
    await waitForStatus(page, 'unavailable');
    expect(await page.locator('[data-map-message]').textContent()).toMatch(/WebGL/);
    expect(await page.locator('[data-map-canvas]').isHidden()).toBe(true);
    expect(await page.locator(`[data-feature-id="${ETHIOPIA}"]`).isVisible()).toBe(true);
    await page.locator(`[data-show="${ETHIOPIA}"]`).click();
    expect(await panelTitle(page).textContent()).toBe(ETHIOPIA_NAME);
    expect(scripts.filter((s) => /engine|maplibre/.test(s))).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await close();
  });

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

  it('speaks Chinese on the Chinese map, MapLibre controls included', async () => {
    const { page, watch, close } = await openMap('zh/map/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
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
      await live.close();
    });
  }

  it('keeps the legend one tap away on a phone, and works it by keyboard and screen reader', async () => {
    const { page, close } = await openMap('map/', PHONE);
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
    expect(await renderedIds(page, 'regions')).toEqual([]);

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await regions.isVisible()).toBe(false);
    await close();
  });
});
