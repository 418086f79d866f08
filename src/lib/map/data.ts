/**
 * The thematic features of the map at build time, from the geo build, read
 * with the same checks as in the browser (`readLayer`): for the list, the
 * counts, the static map and the links to the map from entry pages.
 */
import { getAtlasGeo } from '../geo/build';
import { LAYER_IDS, readLayer, type MapFeature } from './features';

let cache: MapFeature[] | undefined;

/** Every thematic feature, in layer order. */
export function getMapFeatures(): MapFeature[] {
  cache ??= LAYER_IDS.flatMap((layer) => readLayer(getAtlasGeo().layers[layer], layer));
  return cache;
}
