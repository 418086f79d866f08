/**
 * The GeoJSON contract shared by the geo layers, the map page and the locator
 * maps. Files are served under the base path as `geo/<layer>.geojson`.
 */
import type { BBox, Feature, MultiPolygon, Point, Polygon } from 'geojson';

/** The thematic layers, bottom to top. */
export const THEMATIC_LAYERS = ['regions', 'initiatives', 'studies', 'sites'] as const;
export type ThematicLayer = (typeof THEMATIC_LAYERS)[number];

/** The basemap layers (Natural Earth via world-atlas). */
export const BASEMAP_LAYERS = ['land', 'countries'] as const;
export type BasemapLayer = (typeof BASEMAP_LAYERS)[number];

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

/** Properties of every thematic feature. */
export interface ThematicProps {
  /** Stable id, also the feature's top-level `id`, e.g. "region:central-asia". */
  id: string;
  layer: ThematicLayer;
  kind: Kind;
  name_en: string;
  name_zh: string;
  precision: Precision;
  /** What the precision means for this feature. */
  precision_note_en: string;
  precision_note_zh: string;
  /** True for drawings that show an idea, not a surveyed line (the Great Green Wall band). */
  schematic: boolean;
  /** Ids of the sources that support the feature. */
  sources: string[];
  /** Ids of related initiatives. */
  initiatives: string[];
  /** Ids of related regions. */
  regions: string[];
  /** ISO 3166-1 alpha-3 codes of the countries concerned. */
  iso3: string[];
  note_en: string;
  note_zh: string;
  /** Union of the themes of its sources. */
  themes: string[];
  /** Union of the types of its sources. */
  source_types: string[];
  /** Where the geometry comes from (boundaries, gazetteer, construction). */
  geometry_source_en: string;
  geometry_source_zh: string;
  /** Area in km², rounded (polygons only). */
  area_km2?: number;
  /** A point inside the feature, [lon, lat]. */
  label?: [number, number];
  /** Study areas: the number of coded findings of the study, the weight the map draws. */
  findings?: number;
  /** Study areas: the design of the study (a code of `designs` in src/schemas/research.ts). */
  design?: string;
}

export type ThematicGeometry = Polygon | MultiPolygon | Point;
export type ThematicFeature = Feature<ThematicGeometry, ThematicProps> & { id: string; bbox: BBox };

/** Properties of a basemap feature. */
export interface BasemapProps {
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
