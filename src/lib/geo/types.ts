/**
 * The GeoJSON contract shared by the geo layers, the map page and the locator
 * maps: layers, kinds, precisions and feature types; the properties of a
 * thematic feature are defined in `contract.ts`. Files are served under the
 * base path as `geo/<layer>.geojson`.
 */
import type { BBox, Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { ThematicProps } from './contract';

/** The thematic layers, bottom to top. */
export const THEMATIC_LAYERS = ['regions', 'initiatives', 'studies', 'sites'] as const;
export type ThematicLayer = (typeof THEMATIC_LAYERS)[number];

/** The basemap layers (Natural Earth via world-atlas). */
export const BASEMAP_LAYERS = ['land', 'countries'] as const;
type BasemapLayer = (typeof BASEMAP_LAYERS)[number];

export type LayerName = ThematicLayer | BasemapLayer;
export const LAYER_NAMES: readonly LayerName[] = [...BASEMAP_LAYERS, ...THEMATIC_LAYERS];

/** Kinds of thematic feature. */
export const KINDS = [
  'region',
  'initiative',
  'corridor',
  'pilot',
  'cop-venue',
  'study-area',
] as const;
export type Kind = (typeof KINDS)[number];

/**
 * How precisely a feature is placed.
 * - `site`: exact coordinates or boundary given by a source.
 * - `town`: a town's coordinates from a gazetteer (GeoNames).
 * - `region`: an area drawn at regional scale, e.g. a schematic band.
 * - `country`: only the country is known, or the feature is whole countries.
 */
export const PRECISIONS = ['site', 'town', 'region', 'country'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Properties of every thematic feature: inferred from the contract (`contract.ts`). */
export type { ThematicProps } from './contract';

type ThematicGeometry = Polygon | MultiPolygon | Point;
export type ThematicFeature = Feature<ThematicGeometry, ThematicProps> & { id: string; bbox: BBox };

/** Properties of a basemap feature. */
interface BasemapProps {
  id: string;
  /** ISO3 code, or "" for areas Natural Earth draws without one (e.g. Somaliland). */
  iso3: string;
  name_en: string;
  name_zh: string;
}
export type BasemapFeature = Feature<Polygon | MultiPolygon, BasemapProps> & {
  id: string;
  bbox: BBox;
};

export interface ThematicCollection {
  type: 'FeatureCollection';
  features: ThematicFeature[];
}
export interface BasemapCollection {
  type: 'FeatureCollection';
  features: BasemapFeature[];
}
