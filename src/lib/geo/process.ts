/**
 * The geoprocessing steps, pure and deterministic, built on Turf:
 * dissolve (union) → simplify → truncate → clean → rewind (RFC 7946), then
 * bounding box, label point and area (`geometry.ts`). Golden-file tests
 * cover them (test/fixtures/geo/in → out).
 */
import {
  area,
  bboxPolygon,
  booleanIntersects,
  buffer,
  featureCollection,
  intersect,
  kinks,
  lineString,
  rewind,
  simplify,
  truncate,
  union,
} from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import {
  polygonsOf,
  PRECISION,
  ringBox,
  withMeasures,
  type Area,
  type ProcessedArea,
} from './geometry';

/** Options of the polygon steps. */
export interface FinishOptions {
  /** Douglas–Peucker tolerance in degrees (Turf simplify); 0 keeps every vertex. */
  tolerance: number;
  /** Decimal places kept (Turf truncate). Default 5. */
  precision?: number;
}

/**
 * Dissolves polygons into one geometry with Turf union. Polygons are first
 * grouped into clusters whose bounding boxes overlap or touch; each cluster
 * is unioned on its own (islands far from everything need no union), which
 * gives the same result as one union of everything, several times faster.
 */
export function dissolve(parts: readonly Area[]): Area {
  if (parts.length === 0) throw new Error('nothing to dissolve');
  if (parts.length === 1) return parts[0] as Area;
  const polygons = parts.flatMap(polygonsOf);
  const boxes = polygons.map(ringBox);
  // Union–find over overlapping boxes.
  const parent = polygons.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i] as number[];
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j] as number[];
      if (a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!) {
        parent[root(i)] = root(j);
      }
    }
  }
  const clusters = new Map<number, Position[][][]>();
  polygons.forEach((rings, i) => {
    const r = root(i);
    clusters.set(r, [...(clusters.get(r) ?? []), rings]);
  });
  const out: Position[][][] = [];
  for (const members of clusters.values()) {
    if (members.length === 1) {
      out.push(members[0] as Position[][]);
      continue;
    }
    const features = members.map((rings): Feature<Polygon> => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: rings },
    }));
    const merged = union(featureCollection(features));
    if (merged) out.push(...polygonsOf(merged.geometry));
  }
  if (out.length === 0) throw new Error('the union of the parts is empty');
  return dropSlivers(
    out.length === 1
      ? { type: 'Polygon', coordinates: out[0] as Position[][] }
      : { type: 'MultiPolygon', coordinates: out },
  );
}

/**
 * Repairs a geometry whose rings touch or cross themselves (Natural Earth's
 * 1:110m Sudan has a spike) by a Turf union with itself, which rebuilds
 * the rings, then drops the slivers left over.
 */
export function repair(geometry: Area): Area {
  const f: Feature<Area> = { type: 'Feature', properties: {}, geometry };
  const merged = union(featureCollection([f, f]));
  if (!merged) throw new Error('the geometry is empty');
  return dropSlivers(merged.geometry);
}

/** Largest sliver dropped by `dropSlivers`, in km². */
export const SLIVER_KM2 = 10;

/**
 * Drops slivers: parts under 10 km² that touch another part. Union leaves
 * them where 1:110m borders do not quite match (a spike of one country
 * becomes a triangle touching the rest at one point); Turf booleanValid
 * rejects parts that touch. Small islands, which touch nothing, stay.
 */
function dropSlivers(geometry: Area): Area {
  if (geometry.type === 'Polygon') return geometry;
  const parts = geometry.coordinates;
  const polygon = (rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
  const keep = parts.filter((rings, i) => {
    if (area(polygon(rings)) >= SLIVER_KM2 * 1e6) return true;
    return !parts.some((other, j) => j !== i && booleanIntersects(polygon(rings), polygon(other)));
  });
  return keep.length === 1
    ? polygon(keep[0] as Position[][])
    : { type: 'MultiPolygon', coordinates: keep };
}

/** Whether a ring has an edge that jumps more than 180° of longitude (it wraps round the antimeridian). */
const wraps = (ring: Position[]): boolean =>
  ring.some((p, i) => i > 0 && Math.abs((p[0] ?? 0) - (ring[i - 1]?.[0] ?? 0)) > 180);

/** Makes longitudes continuous along a ring (they may then leave −180…180), starting near `near`. */
function unwrap(ring: Position[], near: number): Position[] {
  const out: Position[] = [];
  let prev = near;
  for (const p of ring) {
    let lon = p[0] ?? 0;
    while (lon - prev > 180) lon -= 360;
    while (lon - prev < -180) lon += 360;
    out.push([lon, p[1] ?? 0]);
    prev = lon;
  }
  return out;
}

/**
 * Cuts polygons that wrap round the antimeridian (world-atlas keeps
 * Fiji, Chukotka and Antarctica whole, with edges jumping from 180° to
 * −180°). Their rings are unwrapped, clipped to the three copies of the
 * world with Turf intersect and shifted back, so no edge crosses ±180°
 * and nothing spans the map. A ring round a pole is closed along the pole.
 */
export function cutAntimeridian(geometry: Area): Area {
  const polygons = polygonsOf(geometry);
  if (!polygons.some((rings) => rings.some(wraps))) return geometry;
  const out: Position[][][] = [];
  for (const rings of polygons) {
    if (!rings.some(wraps)) {
      out.push(rings);
      continue;
    }
    const [outer, ...holes] = rings as [Position[], ...Position[][]];
    let exterior = unwrap(outer, outer[0]?.[0] ?? 0);
    const first = exterior[0] as Position;
    const last = exterior[exterior.length - 1] as Position;
    if (Math.abs((last[0] ?? 0) - (first[0] ?? 0)) > 180) {
      // The ring goes round a pole: close it along that pole.
      const pole = (first[1] ?? 0) < 0 ? -90 : 90;
      exterior = [...exterior, [last[0] ?? 0, pole], [first[0] ?? 0, pole], first];
    }
    const unwrapped: Polygon = {
      type: 'Polygon',
      coordinates: [exterior, ...holes.map((h) => unwrap(h, first[0] ?? 0))],
    };
    for (const shift of [-360, 0, 360]) {
      const box = bboxPolygon([-180 + shift, -90, 180 + shift, 90]);
      const piece = intersect(
        featureCollection([{ type: 'Feature', properties: {}, geometry: unwrapped }, box]),
      );
      if (!piece) continue;
      for (const part of polygonsOf(piece.geometry)) {
        out.push(part.map((ring) => ring.map((p) => [(p[0] ?? 0) - shift, p[1] ?? 0])));
      }
    }
  }
  return out.length === 1
    ? { type: 'Polygon', coordinates: out[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates: out };
}

/** Removes repeated consecutive positions; a ring left with under 3 distinct points is dropped. */
function cleanRing(ring: Position[]): Position[] | undefined {
  const out = ring.filter(
    (p, i) => i === 0 || p[0] !== ring[i - 1]?.[0] || p[1] !== ring[i - 1]?.[1],
  );
  return out.length >= 4 ? out : undefined;
}

/**
 * Drops degenerate rings (quantised TopoJSON turns some tiny islands into
 * a few repeated points) and polygons whose exterior ring is degenerate.
 * Returns undefined if nothing is left.
 */
function dropDegenerate(geometry: Area): Area | undefined {
  const polygons = polygonsOf(geometry).flatMap((rings) => {
    const [outer, ...holes] = rings;
    const exterior = outer && cleanRing(outer);
    if (!exterior) return [];
    return [[exterior, ...holes.map(cleanRing).filter((r) => r !== undefined)]];
  });
  if (polygons.length === 0) return undefined;
  return polygons.length === 1 && geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygons[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

const asFeature = (geometry: Area): Feature<Area> => ({
  type: 'Feature',
  properties: {},
  geometry,
});

/** Truncates to `precision` decimals and removes the repeated points that leaves. */
function truncateClean(geometry: Area, precision: number): Area | undefined {
  const cut = truncate(asFeature(geometry), { precision, coordinates: 2 }).geometry;
  return dropDegenerate(cut);
}

/** Whether any ring of a polygon crosses itself (Turf kinks). */
const hasKinks = (rings: Position[][]): boolean =>
  rings.some((ring) => kinks({ type: 'Polygon', coordinates: [ring] }).features.length > 0);

/**
 * Simplify → truncate → clean → rewind to RFC 7946 (exterior rings
 * counter-clockwise). Simplification works part by part: a part that
 * simplifying would make cross itself (a thin atoll, say) keeps its
 * unsimplified outline.
 */
export function finish<G extends Area>(geometry: G, options: FinishOptions): G {
  const precision = options.precision ?? PRECISION;
  const clean = dropDegenerate(geometry);
  if (!clean) throw new Error('every ring is degenerate (fewer than 3 distinct points)');
  const parts = polygonsOf(clean).flatMap((rings): Position[][][] => {
    const part: Polygon = { type: 'Polygon', coordinates: rings };
    const exact = truncateClean(part, precision);
    if (!exact) return [];
    if (options.tolerance <= 0) return polygonsOf(exact);
    const simple = truncateClean(
      simplify(part, { tolerance: options.tolerance, highQuality: true }),
      precision,
    );
    if (!simple || polygonsOf(simple).some(hasKinks)) return polygonsOf(exact);
    return polygonsOf(simple);
  });
  if (parts.length === 0) throw new Error('nothing is left after truncation');
  const out: Area =
    parts.length === 1 && clean.type === 'Polygon'
      ? { type: 'Polygon', coordinates: parts[0] as Position[][] }
      : { type: 'MultiPolygon', coordinates: parts };
  return (rewind(asFeature(out), { reverse: false }) as Feature<Area>).geometry as G;
}

/**
 * A schematic band: the line through `points` buffered by half of
 * `widthKm` on each side (Turf buffer), then finished like any area.
 */
export function band(
  points: readonly [number, number][],
  widthKm: number,
  options: FinishOptions,
): Polygon {
  if (points.length < 2) throw new Error('a band needs at least two points');
  const line = lineString(points.map((p) => [...p]));
  const buffered = buffer(line, widthKm / 2, { units: 'kilometers', steps: 8 });
  if (!buffered || buffered.geometry.type !== 'Polygon')
    throw new Error('the buffered line is not a single polygon');
  return finish(buffered.geometry, options);
}

/** Cut at the antimeridian → dissolve → simplify → truncate → clean → rewind, then bbox, label and area. */
export function processArea(parts: readonly Area[], options: FinishOptions): ProcessedArea {
  const geometry = finish(dissolve(parts.map(cutAntimeridian)), options);
  return withMeasures(geometry);
}
