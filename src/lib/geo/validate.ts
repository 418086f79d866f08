/**
 * Checks for map geometry and features. The same checks run on the
 * definitions in `geo/` (before processing), on every feature the build
 * produces (a failure is fatal), and in the tests over `dist/geo/`.
 * Each returns reasons a person can act on; callers add file and feature id.
 */
import { booleanClockwise, booleanPointInPolygon, booleanValid, kinks } from '@turf/turf';
import countries from 'i18n-iso-countries';
import type { Geometry, Position } from 'geojson';
import { PRECISION } from './geometry';
import { propertyProblems, requirement } from './contract';
import type { ThematicLayer } from './types';
import { ISO3 } from '../ids';

const fmt = (p: Position) => `[${p[0]}, ${p[1]}]`;

/** Options of the geometry check. */
export interface GeometryCheck {
  /** Also require RFC 7946 output form: counter-clockwise exteriors and at most 5 decimals. */
  output?: boolean;
  /**
   * Skip Turf booleanValid, whose spike test is quadratic in ring length
   * (2 s on the land polygons, 0.7 s on the thematic layers at 1,000
   * sources). The build uses it for what it makes from Natural Earth and its
   * own processing (the basemap, the thematic features); the definitions in
   * `geo/` get the full check before processing, and the build tests run it
   * on every feature of `dist/geo/`.
   */
  cheap?: boolean;
}

/** The rings of a polygonal geometry, with a label for messages. */
function ringsOf(geometry: Geometry): { label: string; ring: Position[]; exterior: boolean }[] {
  if (geometry.type === 'Polygon') {
    return geometry.coordinates.map((ring, i) => ({
      label: `ring ${i}`,
      ring,
      exterior: i === 0,
    }));
  }
  if (geometry.type === 'MultiPolygon') {
    return geometry.coordinates.flatMap((poly, p) =>
      poly.map((ring, i) => ({ label: `polygon ${p} ring ${i}`, ring, exterior: i === 0 })),
    );
  }
  return [];
}

/** Reasons a geometry is not valid. An empty list means valid. */
export function geometryProblems(geometry: Geometry, check: GeometryCheck = {}): string[] {
  const reasons: string[] = [];
  const positions: Position[] = [];
  if (geometry.type === 'Point') positions.push(geometry.coordinates);
  else if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    for (const { ring } of ringsOf(geometry)) positions.push(...ring);
  } else {
    return [`expected a Point, Polygon or MultiPolygon, not a ${geometry.type}`];
  }

  for (const p of positions) {
    const [lon, lat] = p;
    if (p.length < 2 || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      reasons.push(`position ${JSON.stringify(p)} is not a pair of finite numbers`);
      return reasons;
    }
    if (Math.abs(lon as number) > 180 || Math.abs(lat as number) > 90) {
      reasons.push(`position ${fmt(p)} is out of range (longitude −180…180, latitude −90…90)`);
    }
  }
  if (check.output) {
    const f = 10 ** PRECISION;
    const loose = positions.find((p) => p.some((v) => Math.round(v * f) / f !== v));
    if (loose) reasons.push(`position ${fmt(loose)} has more than ${PRECISION} decimals`);
  }

  for (const { label, ring, exterior } of ringsOf(geometry)) {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length < 4) {
      reasons.push(`${label} has ${ring.length} positions; a ring needs at least 4`);
      continue;
    }
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      reasons.push(
        `${label} is not closed: it starts at ${fmt(first ?? [])} and ends at ${fmt(last ?? [])}`,
      );
      continue;
    }
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1] as Position;
      const b = ring[i] as Position;
      const alongPole = Math.abs(a[1] as number) === 90 && a[1] === b[1];
      if (!alongPole && Math.abs((b[0] as number) - (a[0] as number)) > 180) {
        reasons.push(
          `${label} has an edge from ${fmt(a)} to ${fmt(b)} that crosses the antimeridian (split it at ±180°)`,
        );
        break;
      }
    }
    const crossings = kinks({ type: 'Polygon', coordinates: [ring] }).features;
    if (crossings.length > 0) {
      const at = crossings[0]?.geometry.coordinates ?? [];
      reasons.push(
        `${label} intersects itself at ${fmt(at.map((v) => Math.round(v * 1e5) / 1e5))}`,
      );
    }
    if (check.output && booleanClockwise(ring) === exterior) {
      reasons.push(
        `${label} is ${exterior ? 'clockwise' : 'counter-clockwise'}; RFC 7946 wants exterior rings counter-clockwise and holes clockwise`,
      );
    }
  }
  if (reasons.length === 0 && !check.cheap && !booleanValid(geometry)) {
    reasons.push('Turf booleanValid rejects it (a spike, a puncture, or parts that cross)');
  }
  return reasons;
}

/** Ids of the content entries features may refer to. */
export interface KnownIds {
  sources: ReadonlySet<string>;
  initiatives: ReadonlySet<string>;
  regions: ReadonlySet<string>;
}

/** Whether a code is a known ISO 3166-1 alpha-3 code. */
export const isIso3 = (code: string): boolean => ISO3.test(code) && countries.isValid(code);

/**
 * Reasons a thematic feature breaks the contract: its properties by their
 * rules (`contract.ts`), then what the rules cannot see alone — the id on
 * top, the corridor's schematic flag, references to content, ISO3 codes,
 * the geometry, the bbox and the label point inside an area.
 */
export function featureProblems(
  feature: unknown,
  layer: ThematicLayer,
  known: KnownIds,
  check: Pick<GeometryCheck, 'cheap'> = {},
): string[] {
  const f = feature as {
    type?: unknown;
    id?: unknown;
    bbox?: unknown;
    geometry?: Geometry | null;
    properties?: Record<string, unknown> | null;
  };
  const reasons: string[] = [];
  if (f.type !== 'Feature') reasons.push('expected a GeoJSON Feature');
  const props = f.properties ?? {};
  const geometry = f.geometry;
  const area = geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';
  reasons.push(...propertyProblems(props, layer, area));
  if (typeof f.id !== 'string' || f.id !== props['id']) {
    reasons.push('id: the feature id must be a string equal to properties.id');
  }
  if (props['kind'] === 'corridor' && props['schematic'] !== true) {
    reasons.push('properties.schematic: a corridor band is schematic (true)');
  }
  const list = (key: string) =>
    Array.isArray(props[key]) ? (props[key] as unknown[]).map(String) : [];
  if (list('sources').length === 0) reasons.push('properties.sources: at least one source');
  for (const id of list('sources')) {
    if (!known.sources.has(id)) reasons.push(`properties.sources: no source "${id}"`);
  }
  for (const id of list('initiatives')) {
    if (!known.initiatives.has(id)) reasons.push(`properties.initiatives: no initiative "${id}"`);
  }
  for (const id of list('regions')) {
    if (!known.regions.has(id)) reasons.push(`properties.regions: no region "${id}"`);
  }
  if (list('iso3').length === 0) reasons.push('properties.iso3: at least one country');
  for (const code of list('iso3')) {
    if (!isIso3(code)) reasons.push(`properties.iso3: unknown ISO3 code "${code}"`);
  }

  if (!geometry) return [...reasons, 'geometry: required'];
  reasons.push(
    ...geometryProblems(geometry, { output: true, ...check }).map((r) => `geometry: ${r}`),
  );
  const bbox = f.bbox;
  if (!Array.isArray(bbox) || bbox.length !== 4 || bbox.some((v) => !Number.isFinite(v))) {
    reasons.push('bbox: required ([west, south, east, north])');
  }
  // A label that has the form of a point (the contract passed it) must lie inside the area.
  const labelled = !reasons.some((r) => r.startsWith('properties.label:'));
  if (area && labelled && !booleanPointInPolygon(props['label'] as [number, number], geometry)) {
    reasons.push(`properties.label: ${requirement('label')}`);
  }
  return reasons;
}

/** One line per problem, as `feature id: reason`, for a whole layer (ids must be unique). */
export function layerProblems(
  collection: unknown,
  layer: ThematicLayer,
  known: KnownIds,
  check: Pick<GeometryCheck, 'cheap'> = {},
): { id: string; reason: string }[] {
  const out: { id: string; reason: string }[] = [];
  const fc = collection as { type?: unknown; features?: unknown[] };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return [{ id: '(layer)', reason: 'expected a GeoJSON FeatureCollection' }];
  }
  const seen = new Set<string>();
  fc.features.forEach((feature, i) => {
    const raw = (feature as { id?: unknown }).id;
    const id = typeof raw === 'string' ? raw : `features[${i}]`;
    if (seen.has(id)) out.push({ id, reason: 'duplicate id' });
    seen.add(id);
    for (const reason of featureProblems(feature, layer, known, check)) out.push({ id, reason });
  });
  return out;
}
