/**
 * The thematic map features as the map page uses them, following the GeoJSON
 * contract of the geo layers (`geo/<layer>.geojson`). Layer files are read in
 * the browser, so everything here checks its input and drops what does not fit
 * instead of trusting it; the properties are read by the contract's own
 * reader (`geo/contract.ts`), the same table the build checks them against.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { lonLat, readProperties, type MapFeatureProps } from '../geo/contract';
import { isFeatureId } from '../geo/ids';
import { THEMATIC_LAYERS, type ThematicLayer } from '../geo/types';

export type { MapFeatureProps };

/** The thematic layers, in drawing order (bottom to top). */
export const LAYER_IDS = THEMATIC_LAYERS;
export type LayerId = ThematicLayer;

/** A thematic feature with its geometry and bounding box. */
export interface MapFeature {
  id: string;
  props: MapFeatureProps;
  geometry: Geometry;
  /** [west, south, east, north]. */
  bbox: [number, number, number, number];
}

/**
 * The bounding box of every valid [lon, lat] position of a geometry, in one
 * walk without collecting them (a study area has thousands); undefined if it
 * has none.
 */
function geometryBbox(geometry: Geometry): MapFeature['bbox'] | undefined {
  let [w, s, e, n] = [180, 90, -180, -90];
  let found = false;
  const walk = (coords: unknown): void => {
    if (!Array.isArray(coords)) return;
    if (!Array.isArray(coords[0])) {
      const point = lonLat(coords);
      if (!point) return;
      const [x, y] = point;
      found = true;
      if (x < w) w = x;
      if (y < s) s = y;
      if (x > e) e = x;
      if (y > n) n = y;
      return;
    }
    for (const c of coords) walk(c);
  };
  const visit = (g: Geometry): void => {
    if (g.type === 'GeometryCollection') g.geometries.forEach(visit);
    else walk(g.coordinates);
  };
  visit(geometry);
  return found ? [w, s, e, n] : undefined;
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
  if (!geometry || typeof geometry !== 'object' || !GEOMETRY_TYPES.has(geometry.type))
    return undefined;
  const bbox = geometryBbox(geometry);
  if (!bbox) return undefined;
  const props = readProperties(p, layer, id);
  return props && { id, props, geometry, bbox };
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
