/**
 * A thematic layer as the map page reads it (`geo/<layer>.props.<lang>.json`):
 * no geometry, and only the properties the page uses, in its language. No
 * imports but types, so that the test and benchmark harness can load it in
 * Node as it is.
 */
import type { THEMATIC_PROPERTIES } from './contract';
import type { ThematicCollection, ThematicFeature } from './types';

type PropertyKey = keyof typeof THEMATIC_PROPERTIES;

/**
 * Properties of the contract that the map does not use (the data page and
 * the downloads show them): the contract's reader leaves them out, and so do
 * the page's files.
 */
export const NOT_ON_MAP = [
  'geometry_source_en',
  'geometry_source_zh',
  'label',
] as const satisfies readonly PropertyKey[];

/**
 * Properties the page's files leave out because the reader knows them: the
 * id is the feature's own `id`, the layer is the file's.
 */
const KNOWN_FROM_FILE: readonly string[] = ['id', 'layer'] satisfies readonly PropertyKey[];

/** A property in another language than `lang` ("name_zh" on an English page). */
const otherLanguage = (key: string, lang: string): boolean => {
  const suffix = /_([a-z]{2})$/.exec(key)?.[1];
  return suffix !== undefined && suffix !== lang;
};

/** The name of a layer's file for the map page in `lang`, under `geo/`. */
export const pageLayerFile = (layer: string, lang: string): string => `${layer}.props.${lang}.json`;

export interface PageFeature extends Omit<ThematicFeature, 'geometry' | 'properties'> {
  geometry: null;
  properties: Partial<ThematicFeature['properties']>;
}

/**
 * A layer for the map page in `lang`: each feature's geometry left out (GeoJSON
 * allows a null geometry) and its bounding box kept, since a study-area layer
 * is megabytes of country outlines and the list needs only boxes; and of its
 * properties, only those the page reads in that language. At 5,000 sources
 * the study areas' file is 0.7 MB instead of 1.2 MB, which the page parses
 * while the reader waits.
 */
export function pageLayer(
  collection: ThematicCollection,
  lang: string,
): { type: 'FeatureCollection'; features: PageFeature[] } {
  const drop = new Set<string>([...NOT_ON_MAP, ...KNOWN_FROM_FILE]);
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f) => ({
      ...f,
      geometry: null,
      properties: Object.fromEntries(
        Object.entries(f.properties).filter(([key]) => !drop.has(key) && !otherLanguage(key, lang)),
      ),
    })),
  };
}
