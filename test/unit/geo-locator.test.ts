/** Locator map geometry: extents across the antimeridian, padding, and d3 winding. */
import { rewind } from '@turf/turf';
import { geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  centreOf,
  drawLocator,
  LOCATOR_SIZE,
  meets,
  padBox,
  projectionFor,
  unionBox,
  visibleBox,
} from '../../src/lib/geo/locator';

const square = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

describe('locator extents', () => {
  it('joins boxes the short way round, across the antimeridian', () => {
    // Fiji-like box (west > east) and one just east of 170°E.
    expect(
      unionBox([
        [177, -19, -179, -16],
        [170, -20, 172, -15],
      ]),
    ).toEqual([170, -20, 181, -15]);
  });

  it('keeps plain boxes plain', () => {
    expect(
      unionBox([
        [0, 0, 10, 10],
        [20, -5, 30, 5],
      ]),
    ).toEqual([0, -5, 30, 10]);
  });

  it('widens a small box so that its surroundings show', () => {
    const [w, s, e, n] = padBox([20, 42, 22, 44]);
    expect(e - w).toBeGreaterThanOrEqual(50);
    expect(n - s).toBeGreaterThanOrEqual(28);
    expect((w + e) / 2).toBeCloseTo(21);
  });
});

describe('drawLocator', () => {
  const land = square(-20, -10, 40, 40);
  it('fills the subject only, not the whole globe (RFC 7946 rings are rewound for d3)', () => {
    const subject = square(0, 0, 10, 10);
    const drawing = drawLocator(
      land,
      [{ role: 'highlight', geometry: subject }],
      [],
      [[0, 0, 10, 10]],
    );
    const d = drawing.shapes[0]?.d ?? '';
    // A globe-wide fill would be clipped to the frame: its path would run along the edges.
    const xs = absolutePoints(d).map(([x]) => x);
    expect(xs.length).toBeGreaterThanOrEqual(4);
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(LOCATOR_SIZE.width);
  });

  it('puts points inside the frame and drops those outside it', () => {
    const drawing = drawLocator(
      land,
      [],
      [
        { coordinates: [5, 5], precision: 'town' },
        { coordinates: [150, -30], precision: 'country' },
      ],
      [[5, 5, 5, 5]],
    );
    expect(drawing.points).toHaveLength(1);
    expect(drawing.points[0]?.precision).toBe('town');
  });

  it('draws a region that crosses the antimeridian in one piece of the frame', () => {
    const west = square(175, -20, 180, -15);
    const east = square(-180, -20, -175, -15);
    const drawing = drawLocator(
      land,
      [
        {
          role: 'highlight',
          geometry: { type: 'MultiPolygon', coordinates: [west.coordinates, east.coordinates] },
        },
      ],
      [],
      [[175, -20, -175, -15]],
    );
    const xs = absolutePoints(drawing.shapes[0]?.d ?? '').map(([x]) => x);
    // Both halves sit near the centre of the frame, side by side.
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(LOCATOR_SIZE.width / 2);
  });
});

describe('locator views', () => {
  const land = square(-60, -50, 60, 60);
  const west = square(-30, 0, -20, 10);
  const east = square(20, 0, 30, 10);
  const draw = (subject: Polygon, box: [number, number, number, number]) =>
    drawLocator(land, [{ role: 'highlight', geometry: subject }], [], [box]);

  it('draws the same land in each box as it would alone, whatever was drawn before', () => {
    const first = draw(west, [-30, 0, -20, 10]);
    const other = draw(east, [20, 0, 30, 10]);
    const again = draw(west, [-30, 0, -20, 10]);
    // Each page's map is its own: the land projected for another box is not reused.
    expect(other.land).not.toBe(first.land);
    expect(again).toEqual(first);
    // The same shape in a box of its own and in a shared one is drawn for each box.
    const both = drawLocator(
      land,
      [{ role: 'highlight', geometry: west }],
      [],
      [
        [-30, 0, -20, 10],
        [20, 0, 30, 10],
      ],
    );
    expect(both.shapes[0]?.d).not.toBe(first.shapes[0]?.d);
    expect(draw(west, [-30, 0, -20, 10])).toEqual(first);
  });
});

/** The absolute points of a path written as "M x,y l dx,dy,dx,dy… Z" (see CompactPath). */
function absolutePoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  for (const [, command, args] of d.matchAll(/([MlZ])([^MlZ]*)/g)) {
    const n = (args ?? '').split(',').filter(Boolean).map(Number);
    for (let i = 0; i + 1 < n.length; i += 2) {
      const prev = points.at(-1) ?? [0, 0];
      const [a = 0, b = 0] = [n[i], n[i + 1]];
      points.push(command === 'M' ? [a, b] : [prev[0] + a, prev[1] + b]);
    }
  }
  return points;
}

describe('what a locator view projects', () => {
  // Land as a grid of 8° squares over the world, some across the antimeridian.
  const squares: Polygon[] = [];
  for (let lon = -180; lon < 180; lon += 15) {
    for (let lat = -56; lat <= 76; lat += 12) squares.push(square(lon, lat, lon + 8, lat + 8));
  }
  squares.push(square(176, -20, 180, -12), square(-180, -20, -176, -12));
  const boxes: [number, number, number, number][] = [
    [30, 35, 60, 50], // Central Asia
    [-20, 5, 15, 25], // the Sahel
    [165, -25, -170, -10], // across the antimeridian
    [-80, -55, -65, -20], // far south
    [-170, 50, 170, 72], // nearly every longitude
    [90, 60, 140, 80], // near the top of the world
  ];

  it('leaves out only polygons that would be clipped away to nothing', () => {
    let left = 0;
    for (const box of boxes) {
      const padded = padBox(box);
      const projection = projectionFor(padded);
      const centre = centreOf(padded);
      const visible = visibleBox(projection, centre);
      const path = geoPath(projection);
      for (const polygon of squares) {
        const wound = rewind(polygon, { reverse: true }) as Polygon;
        const [w = 0, s = 0] = polygon.coordinates[0]?.[0] ?? [];
        const [e = 0, n = 0] = polygon.coordinates[0]?.[2] ?? [];
        if (visible && !meets([w, s, e, n], visible, centre)) {
          left++;
          expect(path(wound), `${JSON.stringify(box)}: ${JSON.stringify([w, s, e, n])}`).toBeNull();
        }
      }
    }
    // Small boxes leave most of the world out.
    expect(left).toBeGreaterThan(squares.length * 2);
  });

  // With the test above: leaving out what is clipped away changes nothing in the drawing.
  it('draws many polygons as it draws each alone, one after another', () => {
    const land: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: squares.map((p) => p.coordinates),
    };
    for (const box of boxes) {
      const { land: drawn } = drawLocator(land, [], [], [box]);
      // Each square drawn alone as the land: those the view shows, in the same order.
      const alone = squares
        .map((p) => drawLocator(p, [], [], [box]).land)
        .filter((d) => d !== '')
        .join('');
      expect(drawn, JSON.stringify(box)).toBe(alone);
    }
  });
});
