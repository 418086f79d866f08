/**
 * The map page as a reader drives it. On a plain visit the static map stays
 * until the reader shows intent to use the interactive one (the pointer on the
 * map, a tap, keyboard focus on its button, a press of it); these helpers do
 * that the way a reader would and wait for MapLibre, for the browser tests and
 * the benchmark alike.
 */
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { pageLayer, pageLayerFile } from '../../src/lib/geo/props.ts';
import type { ThematicCollection, ThematicLayer } from '../../src/lib/geo/types';

/** The box the static map and MapLibre's canvas share. */
export const MAP_AREA = '[data-map-view]';
/** The button over the static map that asks for the interactive one. */
export const MAP_START = '[data-map-start]';
/** URLs of MapLibre's files: the engine chunk (with MapLibre), its CSS and its worker. */
export const MAPLIBRE_FILE = /\/_astro\/(?:engine|maplibre)[^/]*$/;

/** How a reader shows intent: the mouse onto the map, a finger on it, or a click on its button. */
export type MapIntent = 'hover' | 'tap' | 'button';

/** Waits until the map page's status (`data-map-status`) is `status`. */
export async function waitForMapStatus(
  page: Page,
  status: string,
  timeout = 30_000,
): Promise<void> {
  await page.waitForFunction(
    (s) => document.querySelector('[data-map-root]')?.getAttribute('data-map-status') === s,
    status,
    { timeout },
  );
}

/** Shows intent to use the interactive map, as a reader would, without waiting for it. */
export async function showMapIntent(page: Page, how: MapIntent = 'hover'): Promise<void> {
  if (how === 'hover') await page.locator(MAP_AREA).hover();
  else if (how === 'tap') await page.locator(MAP_AREA).tap();
  else await page.locator(MAP_START).click();
}

/** Shows intent to use the interactive map and waits until MapLibre has replaced the static one. */
export async function useInteractiveMap(
  page: Page,
  how: MapIntent = 'hover',
  timeout = 30_000,
): Promise<void> {
  await showMapIntent(page, how);
  await waitForMapStatus(page, 'ready', timeout);
}

/**
 * Serves `collection` as one thematic layer in the files the page asks for,
 * as the build writes them: the whole layer for MapLibre (`<layer>.geojson`)
 * and, for the list and panel, the same features as the page of each language
 * reads them (`<layer>.props.<lang>.json`).
 */
export async function routeLayer(
  page: Page,
  layer: ThematicLayer,
  collection: FeatureCollection,
): Promise<void> {
  // MapLibre fetches the full layer in its worker: Debian's Chromium 150 passes a
  // dedicated worker's requests through the context's routes, not the page's.
  await page
    .context()
    .route(`**/geo/${layer}.geojson`, (route) =>
      route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(collection) }),
    );
  for (const lang of ['en', 'zh']) {
    const props = pageLayer(collection as ThematicCollection, lang);
    await page.route(`**/geo/${pageLayerFile(layer, lang)}`, (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(props) }),
    );
  }
}
