/**
 * The thematic map features as the map page uses them, following the GeoJSON
 * contract of the geo layers. The page reads each layer without its geometry
 * (`geo/<layer>.props.json`: ids, bounding boxes, properties); MapLibre draws
 * the whole layer (`geo/<layer>.geojson`) from its own worker, showing only the
 * ids read here. Layer files are read in the browser, so everything here
 * checks its input and drops what does not fit instead of trusting it; the
 * properties are read by the contract's own reader (`geo/contract.ts`), the
 * same table the build checks them against.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { lonLat, readProperties, type MapFeatureProps } from '../geo/contract';
import { isFeatureId } from '../geo/ids';
import { THEMATIC_LAYERS, type ThematicLayer } from '../geo/types';

export type { MapFeatureProps };

/** The thematic layers, in drawing order (bottom to top). */
export const LAYER_IDS = THEMATIC_LAYERS;
export type LayerId = ThematicLayer;

/** A thematic feature: its id, properties and bounding box. */
export interface MapFeature {
  id: string;
  props: MapFeatureProps;
  /**
   * [west, south, east, north], west ≤ east. A box that crosses the
   * antimeridian has east > 180 (east + 360), so MapLibre frames it across
   * the Pacific instead of round the world.
   */
  bbox: [number, number, number, number];
}

/**
 * A GeoJSON `bbox` member: four valid numbers, south ≤ north; west > east is
 * a box across the antimeridian (RFC 7946 §5.2), read as east + 360.
 * Undefined if it is not one.
 */
function readBbox(raw: unknown): MapFeature['bbox'] | undefined {
  if (!Array.isArray(raw) || raw.length !== 4) return undefined;
  const sw = lonLat(raw.slice(0, 2));
  const ne = lonLat(raw.slice(2, 4));
  if (!sw || !ne || sw[1] > ne[1]) return undefined;
  return [sw[0], sw[1], sw[0] > ne[0] ? ne[0] + 360 : ne[0], ne[1]];
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
  let [w, s, e, n] = [Infinity, 90, -Infinity, -90];
  for (const [x, y] of points) {
    w = Math.min(w, x);
    s = Math.min(s, y);
    e = Math.max(e, x);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}

/** The union of bounding boxes; no wider than the world. */
export function unionBbox(boxes: readonly MapFeature['bbox'][]): MapFeature['bbox'] | undefined {
  const box = bboxOf(boxes.flatMap(([w, s, e, n]) => [[w, s] as [number, number], [e, n]]));
  return box && box[2] - box[0] > 360 ? [-180, box[1], 180, box[3]] : box;
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
 * Reads one thematic feature of `layer`. Its bounding box is its `bbox` member
 * if that is valid (a props file has no geometry), else its geometry's.
 * Returns undefined (the feature is dropped) if it has no valid id, kind,
 * precision or bounding box; unknown or malformed optional fields become
 * empty. Texts stay texts: they are only ever shown with `textContent`.
 */
export function readFeature(raw: unknown, layer: LayerId): MapFeature | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const f = raw as Partial<Feature>;
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const geometry = f.geometry;
  const id = typeof p['id'] === 'string' ? p['id'] : typeof f.id === 'string' ? f.id : '';
  if (!isFeatureId(id)) return undefined;
  const bbox =
    readBbox(f.bbox) ??
    (geometry && typeof geometry === 'object' && GEOMETRY_TYPES.has(geometry.type)
      ? geometryBbox(geometry)
      : undefined);
  if (!bbox) return undefined;
  const props = readProperties(p, layer, id);
  return props && { id, props, bbox };
}

/**
 * Reads a layer file one feature at a time: its valid features, first of each
 * id. A generator, so that the page can read a large layer in short tasks.
 */
export function* readFeatures(json: unknown, layer: LayerId): Generator<MapFeature> {
  const fc = json as Partial<FeatureCollection> | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return;
  const seen = new Set<string>();
  for (const raw of fc.features) {
    const feature = readFeature(raw, layer);
    if (feature && !seen.has(feature.id)) {
      seen.add(feature.id);
      yield feature;
    }
  }
}

/** Reads a layer file: its valid features, first of each id. */
export const readLayer = (json: unknown, layer: LayerId): MapFeature[] => [
  ...readFeatures(json, layer),
];

/** The name of a feature in `lang`. */
export const featureName = (p: MapFeatureProps, lang: 'en' | 'zh'): string =>
  lang === 'zh' ? p.name_zh : p.name_en;
