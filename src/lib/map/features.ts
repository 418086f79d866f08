/**
 * The thematic map features as the map page uses them, following the GeoJSON
 * contract of the geo layers (`geo/<layer>.geojson`). Layer files are read in
 * the browser, so everything here checks its input and drops what does not fit
 * instead of trusting it.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';

import {
  KINDS,
  PRECISIONS,
  THEMATIC_LAYERS,
  type Kind,
  type Precision,
  type ThematicLayer,
  type ThematicProps,
} from '../geo/types';

export { KINDS, PRECISIONS, type Kind, type Precision };

/** The thematic layers, in drawing order (bottom to top). */
export const LAYER_IDS = THEMATIC_LAYERS;
export type LayerId = ThematicLayer;

/** A feature id: "kind:slug", with optional further ":slug" parts, e.g. "initiative:great-green-wall:corridor". */
export const FEATURE_ID = /^[a-z][a-z0-9-]{0,30}(:[a-z0-9]+(-[a-z0-9]+)*){1,3}$/;
/** An entry id (source, initiative, region): a lower-case slug. */
export const ENTRY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Longest id accepted from a URL or a layer file. */
export const MAX_ID_LENGTH = 120;

export const isFeatureId = (value: string): boolean =>
  value.length <= MAX_ID_LENGTH && FEATURE_ID.test(value);
export const isEntryId = (value: string): boolean =>
  value.length <= MAX_ID_LENGTH && ENTRY_ID.test(value);

/**
 * The properties of a thematic feature, as the contract defines them; the map
 * does not use where the geometry comes from (the data page shows it).
 */
export type MapFeatureProps = Omit<ThematicProps, 'geometry_source_en' | 'geometry_source_zh'>;

/** A thematic feature with its geometry and bounding box. */
export interface MapFeature {
  id: string;
  props: MapFeatureProps;
  geometry: Geometry;
  /** [west, south, east, north]. */
  bbox: [number, number, number, number];
}

const includes = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const strings = (value: unknown, valid: (s: string) => boolean = () => true): string[] =>
  Array.isArray(value)
    ? [...new Set(value.filter((v): v is string => typeof v === 'string' && valid(v)))]
    : [];

const finite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

const lonLat = (value: unknown): [number, number] | undefined =>
  Array.isArray(value) &&
  value.length >= 2 &&
  finite(value[0]) &&
  finite(value[1]) &&
  Math.abs(value[0]) <= 180 &&
  Math.abs(value[1]) <= 90
    ? [value[0], value[1]]
    : undefined;

/** Every [lon, lat] position of a geometry. */
export function positions(geometry: Geometry): [number, number][] {
  const out: [number, number][] = [];
  const walk = (coords: unknown): void => {
    if (!Array.isArray(coords)) return;
    const point = lonLat(coords);
    if (point && !Array.isArray(coords[0])) out.push(point);
    else for (const c of coords) walk(c);
  };
  if (geometry.type === 'GeometryCollection')
    geometry.geometries.forEach((g) => out.push(...positions(g)));
  else walk(geometry.coordinates);
  return out;
}

/** The bounding box of a list of positions, or undefined if empty. */
export function bboxOf(points: readonly [number, number][]): MapFeature['bbox'] | undefined {
  if (points.length === 0) return undefined;
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const [x, y] of points) {
    w = Math.min(w, x);
    s = Math.min(s, y);
    e = Math.max(e, x);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}

/** The union of bounding boxes. */
export function unionBbox(boxes: readonly MapFeature['bbox'][]): MapFeature['bbox'] | undefined {
  return bboxOf(boxes.flatMap(([w, s, e, n]) => [[w, s] as [number, number], [e, n]]));
}

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
]);

/**
 * Reads one thematic feature of `layer`. Returns undefined (the feature is
 * dropped) if it has no valid id, kind, precision or geometry; unknown or
 * malformed optional fields become empty. Texts stay texts: they are only ever
 * shown with `textContent`.
 */
export function readFeature(raw: unknown, layer: LayerId): MapFeature | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const f = raw as Partial<Feature>;
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const geometry = f.geometry;
  const id = typeof p['id'] === 'string' ? p['id'] : typeof f.id === 'string' ? f.id : '';
  if (!isFeatureId(id)) return undefined;
  if (!includes(KINDS, p['kind']) || !includes(PRECISIONS, p['precision'])) return undefined;
  if (!geometry || typeof geometry !== 'object' || !GEOMETRY_TYPES.has(geometry.type))
    return undefined;
  const points = positions(geometry);
  const bbox = bboxOf(points);
  if (!bbox) return undefined;
  const nameEn = text(p['name_en']).trim();
  const nameZh = text(p['name_zh']).trim();
  if (!nameEn && !nameZh) return undefined;
  const props: MapFeatureProps = {
    id,
    layer,
    kind: p['kind'],
    name_en: nameEn || nameZh,
    name_zh: nameZh || nameEn,
    precision: p['precision'],
    precision_note_en: text(p['precision_note_en']),
    precision_note_zh: text(p['precision_note_zh']),
    schematic: p['schematic'] === true,
    sources: strings(p['sources'], isEntryId),
    initiatives: strings(p['initiatives'], isEntryId),
    regions: strings(p['regions'], isEntryId),
    iso3: strings(p['iso3'], (s) => /^[A-Z]{3}$/.test(s)),
    note_en: text(p['note_en']),
    note_zh: text(p['note_zh']),
    themes: strings(p['themes'], isEntryId),
    source_types: strings(p['source_types'], isEntryId),
  };
  if (finite(p['area_km2']) && p['area_km2'] >= 0) props.area_km2 = p['area_km2'];
  const label = lonLat(p['label']);
  if (label) props.label = label;
  const findings = p['findings'];
  if (finite(findings) && Number.isInteger(findings) && findings >= 0) props.findings = findings;
  if (typeof p['design'] === 'string' && isEntryId(p['design'])) props.design = p['design'];
  return { id, props, geometry, bbox };
}

/** Reads a layer file: its valid features, first of each id. */
export function readLayer(json: unknown, layer: LayerId): MapFeature[] {
  const fc = json as Partial<FeatureCollection> | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return [];
  const seen = new Set<string>();
  const out: MapFeature[] = [];
  for (const raw of fc.features) {
    const feature = readFeature(raw, layer);
    if (feature && !seen.has(feature.id)) {
      seen.add(feature.id);
      out.push(feature);
    }
  }
  return out;
}

/** The GeoJSON that the map draws: the features read, with their id on top. */
export function toFeatureCollection(features: readonly MapFeature[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      id: f.id,
      properties: { ...f.props },
      geometry: f.geometry,
    })),
  };
}

/** The name of a feature in `lang`. */
export const featureName = (p: MapFeatureProps, lang: 'en' | 'zh'): string =>
  lang === 'zh' ? p.name_zh : p.name_en;
