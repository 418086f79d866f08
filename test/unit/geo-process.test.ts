/**
 * Golden files for the Turf processing: every `test/fixtures/geo/in/*.geojson`
 * goes through the pipeline and must equal `out/<same name>`. Regenerate
 * with `UPDATE=1 npx vitest run test/unit/geo-process.test.ts` and review
 * the diff. Each input says its options in a foreign member `atlas`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry, LineString } from 'geojson';
import { withMeasures, type Area } from '../../src/lib/geo/geometry';
import { band, processArea } from '../../src/lib/geo/process';
import { geometryProblems } from '../../src/lib/geo/validate';

const IN = 'test/fixtures/geo/in';
const OUT = 'test/fixtures/geo/out';

interface Fixture extends FeatureCollection<Geometry> {
  atlas: { tolerance: number; band?: { widthKm: number } };
}

/** Runs one fixture through the pipeline; returns a FeatureCollection of one feature. */
function run(input: Fixture): FeatureCollection {
  const { tolerance } = input.atlas;
  const result = input.atlas.band
    ? withMeasures(
        band(
          (input.features[0]?.geometry as LineString).coordinates as [number, number][],
          input.atlas.band.widthKm,
          { tolerance },
        ),
      )
    : processArea(
        input.features.map((f) => f.geometry as Area),
        { tolerance },
      );
  const feature: Feature = {
    type: 'Feature',
    bbox: result.bbox,
    properties: { label: result.label, area_km2: result.area_km2 },
    geometry: result.geometry,
  };
  return { type: 'FeatureCollection', features: [feature] };
}

const names = readdirSync(IN).filter((n) => n.endsWith('.geojson'));

describe('Turf processing (golden files)', () => {
  it('has fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
  });

  for (const name of names) {
    it(name, () => {
      const output = run(JSON.parse(readFileSync(join(IN, name), 'utf8')) as Fixture);
      const text = `${JSON.stringify(output, null, 2)}\n`;
      if (process.env['UPDATE']) writeFileSync(join(OUT, name), text);
      expect(text).toBe(readFileSync(join(OUT, name), 'utf8'));
      const geometry = output.features[0]?.geometry as Geometry;
      expect(geometryProblems(geometry, { output: true })).toEqual([]);
    });
  }
});
