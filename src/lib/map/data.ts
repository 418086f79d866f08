/**
 * The thematic features of the map at build time, read with the same checks
 * as in the browser (`readLayer`), for the list, the counts and the links to
 * the map from entry pages.
 */
import { readFileSync } from 'node:fs';
import { LAYER_IDS, readLayer, type MapFeature } from './features';

let cache: MapFeature[] | undefined;

/** Every thematic feature, in layer order. */
export function getMapFeatures(): MapFeature[] {
  // Until the geo layers land, the map is built on the hand-made test layers.
  cache ??= LAYER_IDS.flatMap((layer) =>
    readLayer(JSON.parse(readFileSync(`test/fixtures/geo/map/${layer}.geojson`, 'utf8')), layer),
  );
  return cache;
}
