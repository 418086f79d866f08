/**
 * Plain geometry helpers shared by the geo build, the checks and the locator
 * maps: the area type, the output precision, positions, the bounding box
 * (antimeridian-aware), the label point and the area in km².
 */
import { area } from '@turf/turf';
import polylabel from 'polylabel';
import type { BBox, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** Decimal places kept in output coordinates (5 decimals ≈ 1 m). */
export const PRECISION = 5;

export type Area = Polygon | MultiPolygon;

/** Rounds a position to `precision` decimals. */
export function roundPosition(p: readonly number[], precision = PRECISION): [number, number] {
  const f = 10 ** precision;
  return [Math.round((p[0] ?? 0) * f) / f, Math.round((p[1] ?? 0) * f) / f];
}

/** Every position of a geometry. */
function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
  }
}

/**
 * The bounding box [west, south, east, north]. A geometry that crosses the
 * antimeridian (Russia, Fiji, Kiribati…) gets west > east, as RFC 7946 §5.2
 * says, instead of a box spanning the whole world: the box leaves out the
 * widest band of longitude the geometry does not reach.
 */
export function bboxOf(geometry: Geometry): BBox {
  const positions = positionsOf(geometry);
  if (positions.length === 0) throw new Error('empty geometry has no bounding box');
  let south = Infinity;
  let north = -Infinity;
  for (const p of positions) {
    south = Math.min(south, p[1] ?? 0);
    north = Math.max(north, p[1] ?? 0);
  }
  // 180 and -180 are the same meridian.
  const lons = [...new Set(positions.map((p) => (p[0] === 180 ? -180 : (p[0] ?? 0))))].sort(
    (a, b) => a - b,
  );
  const first = lons[0] as number;
  const last = lons[lons.length - 1] as number;
  // The gap that wraps round the antimeridian, and the widest gap inside.
  let gap = first + 360 - last;
  let west = first;
  let east = last;
  for (let i = 1; i < lons.length; i++) {
    const d = (lons[i] as number) - (lons[i - 1] as number);
    if (d > gap) {
      gap = d;
      west = lons[i] as number;
      east = lons[i - 1] as number;
    }
  }
  if (west === first && east === last) {
    // No crossing: report the plain extent (keeping 180 where it was given).
    const raw = positions.map((p) => p[0] ?? 0);
    return [Math.min(...raw), south, Math.max(...raw), north];
  }
  return [west, south, east === -180 ? 180 : east, north];
}

/** The polygons of an area, as lists of rings. */
/**
 * Bounding box of a polygon's rings by their exterior, [w, s, e, n]: the plain
 * extremes, with no wrapping round the antimeridian (see `bboxOf`).
 */
export function ringBox(rings: Position[][]): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of rings[0] ?? []) {
    w = Math.min(w, p[0] ?? 0);
    e = Math.max(e, p[0] ?? 0);
    s = Math.min(s, p[1] ?? 0);
    n = Math.max(n, p[1] ?? 0);
  }
  return [w, s, e, n];
}

export const polygonsOf = (geometry: Area): Position[][][] =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

/**
 * A point inside the area, for a label or for "somewhere in this country":
 * the pole of inaccessibility (polylabel) of its largest polygon. Turf's
 * pointOnFeature falls back to a boundary vertex for non-convex shapes
 * (Guinea, Viet Nam, Croatia at 1:110m), which would sit on a border.
 */
export function labelOf(geometry: Area, precision = PRECISION): [number, number] {
  let best: Position[][] | undefined;
  let bestArea = -1;
  for (const rings of polygonsOf(geometry)) {
    const a = area({ type: 'Polygon', coordinates: rings });
    if (a > bestArea) {
      bestArea = a;
      best = rings;
    }
  }
  if (!best) throw new Error('empty geometry has no label point');
  const pole = polylabel(best as [number, number][][], 0.01);
  return roundPosition(pole, precision);
}

/** Area in km², rounded to a whole number (at least 1 for any non-empty area). */
function areaKm2(geometry: Area): number {
  return Math.max(1, Math.round(area(geometry) / 1e6));
}

/** What the polygon pipeline gives for one feature. */
export interface ProcessedArea {
  geometry: Area;
  bbox: BBox;
  label: [number, number];
  area_km2: number;
}

/** Adds bbox, label point and area to a finished geometry. */
export function withMeasures(geometry: Area): ProcessedArea {
  return {
    geometry,
    bbox: bboxOf(geometry),
    label: labelOf(geometry),
    area_km2: areaKm2(geometry),
  };
}
