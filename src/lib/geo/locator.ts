/**
 * Static locator maps: SVG drawn at build time from the same layers as the
 * GeoJSON files (no client JavaScript). Projection and paths come from
 * d3-geo; this module returns plain data (path strings, circles, a view
 * box) that a component renders as elements, never as an HTML string.
 */
import { rewind, simplify } from '@turf/turf';
import { geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import type { BBox, Feature, MultiPoint, Position } from 'geojson';
import { polygonsOf, ringBox, type Area } from './geometry';
import type { Precision } from './types';

/** Size of the drawing, in SVG units. */
export const LOCATOR_SIZE = { width: 640, height: 340 } as const;

/** Smallest extent shown, in degrees, so that a small country keeps its surroundings. */
const MIN_SPAN = { lon: 50, lat: 28 } as const;

export interface LocatorShape {
  /** "highlight" for the subject, "outline" for related areas, "band" for a schematic band. */
  role: 'highlight' | 'outline' | 'band';
  geometry: Area;
}

export interface LocatorPoint {
  coordinates: Position;
  precision: Precision;
}

export interface LocatorDrawing {
  viewBox: string;
  width: number;
  height: number;
  /** The land, as one path. */
  land: string;
  shapes: { role: LocatorShape['role']; d: string }[];
  points: { x: number; y: number; precision: Precision }[];
}

/** Turns an RFC 7946 geometry (counter-clockwise exteriors) into d3's winding (clockwise). */
const forD3 = (geometry: Area): Area =>
  (
    rewind(
      { type: 'Feature', properties: {}, geometry },
      {
        reverse: true,
      },
    ) as Feature<Area>
  ).geometry;

/** The longitude span of a box, allowing west > east across the antimeridian. */
const span = (b: BBox): number => (b[2] - b[0] + 360) % 360 || (b[2] === b[0] ? 0 : 360);

/** The smallest box holding all boxes, taking the antimeridian into account. */
export function unionBox(boxes: readonly BBox[]): BBox {
  if (boxes.length === 0) return [-180, -60, 180, 85];
  // Candidate west edges: each box's west; keep the one giving the narrowest span.
  let best: BBox | undefined;
  for (const start of boxes) {
    const west = start[0];
    let east = west;
    for (const b of boxes) {
      const w = ((b[0] - west + 360) % 360) + west;
      const e = w + span(b);
      east = Math.max(east, e);
    }
    const candidate: BBox = [west, 0, east, 0];
    if (!best || east - west < best[2] - best[0]) best = candidate;
  }
  const south = Math.min(...boxes.map((b) => b[1]));
  const north = Math.max(...boxes.map((b) => b[3]));
  const [west, , east] = best as BBox;
  return [west, south, east, north];
}

/** Widens a box to the minimum span and a margin, and keeps it within the map. */
export function padBox(box: BBox): BBox {
  const [west, south, east, north] = box;
  const lonSpan = Math.max(east - west, 0) * 1.3;
  const latSpan = Math.max(north - south, 0) * 1.3;
  const cx = west + (east - west) / 2;
  const cy = south + (north - south) / 2;
  const halfLon = Math.min(Math.max(lonSpan, MIN_SPAN.lon) / 2, 180);
  const halfLat = Math.max(latSpan, MIN_SPAN.lat) / 2;
  return [cx - halfLon, Math.max(cy - halfLat, -60), cx + halfLon, Math.min(cy + halfLat, 85)];
}

/** A grid of points covering a box (unwrapped longitudes), for fitting the projection. */
function gridOf(box: BBox): MultiPoint {
  const coordinates: Position[] = [];
  for (let i = 0; i <= 6; i++) {
    for (let j = 0; j <= 4; j++) {
      const lon = box[0] + ((box[2] - box[0]) * i) / 6;
      coordinates.push([((lon + 540) % 360) - 180, box[1] + ((box[3] - box[1]) * j) / 4]);
    }
  }
  return { type: 'MultiPoint', coordinates };
}

/**
 * A d3 path context that rounds to whole units, writes each segment relative
 * to the previous point ("l3,-2" is shorter than "L310,96" and compresses
 * better), and drops points closer than one unit.
 */
class CompactPath {
  private parts: string[] = [];
  /** The last point written, rounded. */
  private last: [number, number] | undefined;
  private start = false;
  moveTo(x: number, y: number): void {
    this.last = [r(x), r(y)];
    this.parts.push(`M${this.last[0]},${this.last[1]}`);
    this.start = true;
  }
  lineTo(x: number, y: number): void {
    const next: [number, number] = [r(x), r(y)];
    if (!this.last) {
      this.moveTo(x, y);
      return;
    }
    const dx = next[0] - this.last[0];
    const dy = next[1] - this.last[1];
    if (!this.start && dx === 0 && dy === 0) return;
    if (this.parts.at(-1) === 'Z') this.start = true;
    // After a first "l", SVG reads further coordinate pairs as more "l" segments.
    this.parts.push(this.start ? `l${dx},${dy}` : `,${dx},${dy}`);
    this.start = false;
    this.last = next;
  }
  closePath(): void {
    this.parts.push('Z');
  }
  beginPath(): void {
    // Each geometry starts with moveTo; nothing to do.
  }
  arc(): void {
    // Points are drawn as circles by the component, never as path arcs.
  }
  result(): string {
    const out = this.parts.join('');
    this.parts = [];
    this.last = undefined;
    return out;
  }
}
const r = (v: number) => Math.round(v);

/** The longitude a view of `box` is centred on. */
export const centreOf = (box: BBox): number => box[0] + (box[2] - box[0]) / 2;

/** The projection for a box: Equal Earth centred on the box, fitted to the drawing. */
export function projectionFor(box: BBox): GeoProjection {
  const { width, height } = LOCATOR_SIZE;
  return geoEqualEarth()
    .rotate([-centreOf(box), 0])
    .fitExtent(
      [
        [4, 4],
        [width - 4, height - 4],
      ],
      gridOf(box),
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

/**
 * A geometry simplified for a drawing where one unit is `degPerUnit`
 * degrees: parts smaller than a unit are left out and vertices closer than
 * about a unit and a half are merged (Turf simplify), so a world map stays
 * small: a source page with its locator map keeps within its 15 KB gzip budget.
 */
function forScale(geometry: Area, degPerUnit: number): Area | undefined {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const big = polygons.filter((rings) => {
    const xs = (rings[0] ?? []).map((p) => p[0] ?? 0);
    const ys = (rings[0] ?? []).map((p) => p[1] ?? 0);
    return (
      Math.max(...xs) - Math.min(...xs) >= degPerUnit ||
      Math.max(...ys) - Math.min(...ys) >= degPerUnit
    );
  });
  // Keep at least the largest part, however small: the subject must show.
  const kept = big.length > 0 ? big : polygons.slice(0, 1);
  if (kept.length === 0) return undefined;
  const multi: Area = { type: 'MultiPolygon', coordinates: kept };
  return simplify(
    { type: 'Feature', properties: {}, geometry: multi },
    {
      tolerance: degPerUnit * 1.5,
      highQuality: false,
    },
  ).geometry;
}

/**
 * The scale a drawing is simplified for: its degrees per unit, rounded to a
 * quarter step of a power of two (steps of about 19 %). The land is on every
 * page's map, and most pages' scales fall on a few steps, so each geometry is
 * simplified once per step, not once per page.
 */
const scaleStep = (degPerUnit: number): number => 2 ** (Math.round(Math.log2(degPerUnit) * 4) / 4);

const simplified = new WeakMap<Area, Map<number, Area | undefined>>();

/** `forScale` at the drawing's scale step, simplified once per geometry and step. */
function atScale(geometry: Area, degPerUnit: number): Area | undefined {
  const step = scaleStep(degPerUnit);
  let byStep = simplified.get(geometry);
  if (!byStep) {
    byStep = new Map();
    simplified.set(geometry, byStep);
  }
  if (!byStep.has(step)) byStep.set(step, forScale(geometry, step));
  return byStep.get(step);
}

/** A geometry as d3 draws it: its polygons wound for d3, each with its exterior's box [w, s, e, n]. */
interface Prepared {
  polygons: Position[][][];
  boxes: BBox[];
}

const preparedOf = new WeakMap<Area, Prepared>();

/** A simplified geometry rewound for d3 and boxed, once per geometry and scale step. */
function prepare(geometry: Area): Prepared {
  let p = preparedOf.get(geometry);
  if (!p) {
    const polygons = polygonsOf(forD3(geometry));
    p = { polygons, boxes: polygons.map(ringBox) };
    preparedOf.set(geometry, p);
  }
  return p;
}

/** A longitude relative to `centre`, in −180…180. */
const relative = (lon: number, centre: number): number => ((lon - centre + 540) % 360) - 180;

/** Points along the drawing's edges, for `visibleBox`. */
const EDGE_POINTS: [number, number][] = (() => {
  const { width, height } = LOCATOR_SIZE;
  const out: [number, number][] = [];
  for (let i = 0; i <= 32; i++) {
    out.push([(width * i) / 32, 0], [(width * i) / 32, height]);
    out.push([0, (height * i) / 32], [width, (height * i) / 32]);
  }
  return out;
})();

/** Degrees added round the visible box: the edges are sampled, not traced. */
const VISIBLE_MARGIN = 2;

/**
 * What a view can show, as a box [w, s, e, n] with longitudes relative to
 * the view's centre, or undefined when that cannot be told cheaply (the
 * drawing shows the edge of the world, a pole or nearly all longitudes):
 * then every polygon is drawn. The projection is continuous inside the
 * world, so what the drawing shows lies within the extremes of its edges.
 */
export function visibleBox(projection: GeoProjection, centre: number): BBox | undefined {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const xy of EDGE_POINTS) {
    const lonLat = projection.invert?.(xy);
    const back = lonLat && projection(lonLat);
    // A point off the world has no true inverse: it does not project back to itself.
    if (!lonLat || !back || Math.hypot(back[0] - xy[0], back[1] - xy[1]) > 0.5) return undefined;
    const lon = relative(lonLat[0], centre);
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lonLat[1]);
    n = Math.max(n, lonLat[1]);
  }
  if (e - w > 300 || n > 85 || s < -85) return undefined;
  const m = VISIBLE_MARGIN;
  return [w - m, s - m, e + m, n + m];
}

/**
 * Whether a polygon's box meets what the view shows. A polygon across the
 * view's antimeridian (which d3 cuts it at) is taken to span every longitude.
 */
export function meets(box: BBox, visible: BBox, centre: number): boolean {
  if (box[3] < visible[1] || box[1] > visible[3]) return false;
  const west = relative(box[0], centre);
  const east = west + (box[2] - box[0]);
  if (east > 180) return true;
  return east >= visible[0] && west <= visible[2];
}

/** A view of the map: its projection, and each geometry's path in it, drawn once. */
interface View {
  projection: GeoProjection;
  draw: (geometry: Area) => string;
}

/**
 * Views by their box. Pages whose subjects span the same box (a region's
 * sources, the studies of one country) share one: the land, the largest
 * geometry on every map, is projected once per box, not once per page, and
 * only the polygons the box can show are projected at all (the rest would be
 * clipped away to nothing: the drawing is the same).
 */
const views = new Map<string, View>();

function viewOf(box: BBox): View {
  const key = box.join(',');
  let view = views.get(key);
  if (!view) {
    const projection = projectionFor(box);
    const centre = centreOf(box);
    const visible = visibleBox(projection, centre);
    const degPerUnit = (box[2] - box[0]) / LOCATOR_SIZE.width;
    const context = new CompactPath();
    const path = geoPath(projection, context);
    const paths = new WeakMap<Area, string>();
    const draw = (geometry: Area): string => {
      let d = paths.get(geometry);
      if (d === undefined) {
        const simple = atScale(geometry, degPerUnit);
        d = '';
        if (simple) {
          const { polygons, boxes } = prepare(simple);
          const shown = visible
            ? polygons.filter((_, i) => meets(boxes[i] as BBox, visible, centre))
            : polygons;
          if (shown.length > 0) {
            path({ type: 'MultiPolygon', coordinates: shown });
            d = context.result();
          }
        }
        paths.set(geometry, d);
      }
      return d;
    };
    view = { projection, draw };
    views.set(key, view);
  }
  return view;
}

/** Draws a locator map: land, then the shapes, then the points. */
export function drawLocator(
  land: Area,
  shapes: readonly LocatorShape[],
  points: readonly LocatorPoint[],
  boxes: readonly BBox[],
): LocatorDrawing {
  const { width, height } = LOCATOR_SIZE;
  const { projection, draw } = viewOf(padBox(unionBox(boxes)));
  return {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    land: draw(land),
    shapes: shapes.map((s) => ({ role: s.role, d: draw(s.geometry) })).filter((s) => s.d !== ''),
    points: points.flatMap((p) => {
      const xy = projection([p.coordinates[0] ?? 0, p.coordinates[1] ?? 0]);
      if (!xy || xy[0] < 0 || xy[1] < 0 || xy[0] > width || xy[1] > height) return [];
      return [{ x: r(xy[0]), y: r(xy[1]), precision: p.precision }];
    }),
  };
}
