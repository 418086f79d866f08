/**
 * The geometry checks (Turf style: `valid/` and `invalid/` fixture folders)
 * and the rejection of bad definitions with `file: feature id: reason`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { buildAtlasGeo } from '../../src/lib/geo/build';
import { GeoError } from '../../src/lib/geo/errors';
import { THEMATIC_PROPERTIES } from '../../src/lib/geo/contract';
import { featureProblems, geometryProblems } from '../../src/lib/geo/validate';

const DIR = 'test/fixtures/geo';
const read = (folder: string, name: string) =>
  JSON.parse(readFileSync(join(DIR, folder, name), 'utf8')) as {
    geometry: Geometry;
    expect?: string;
  };

describe('geometry checks', () => {
  for (const name of readdirSync(join(DIR, 'valid'))) {
    it(`accepts valid/${name}`, () => {
      expect(geometryProblems(read('valid', name).geometry, { output: true })).toEqual([]);
    });
  }
  for (const name of readdirSync(join(DIR, 'invalid'))) {
    it(`rejects invalid/${name}, saying why`, () => {
      const fixture = read('invalid', name);
      expect(fixture.expect).toBeTypeOf('string');
      expect(geometryProblems(fixture.geometry, { output: true })).toContain(fixture.expect);
    });
  }
});

describe('feature contract', () => {
  const known = {
    sources: new Set(['good-note']),
    initiatives: new Set(['good-initiative']),
    regions: new Set(['good-region']),
  };
  const feature = (props: Record<string, unknown>) => ({
    type: 'Feature',
    id: 'pilot:x',
    bbox: [1, 2, 1, 2],
    geometry: { type: 'Point', coordinates: [1, 2] },
    properties: {
      id: 'pilot:x',
      layer: 'sites',
      kind: 'pilot',
      name_en: 'X',
      name_zh: '某',
      precision: 'country',
      precision_note_en: 'Only the country is known.',
      precision_note_zh: '仅知道国家。',
      schematic: false,
      sources: ['good-note'],
      initiatives: ['good-initiative'],
      regions: ['good-region'],
      iso3: ['SEN'],
      note_en: 'n',
      note_zh: '注',
      themes: [],
      source_types: [],
      geometry_source_en: 'g',
      geometry_source_zh: '几',
      ...props,
    },
  });

  it('accepts a complete feature', () => {
    expect(featureProblems(feature({}), 'sites', known)).toEqual([]);
  });

  it('names missing properties and dangling references', () => {
    expect(
      featureProblems(
        feature({ name_zh: undefined, sources: ['nope'], regions: ['atlantis'], iso3: ['XXA'] }),
        'sites',
        known,
      ),
    ).toEqual([
      'properties.name_zh: required (a non-empty string)',
      'properties.sources: no source "nope"',
      'properties.regions: no region "atlantis"',
      'properties.iso3: unknown ISO3 code "XXA"',
    ]);
  });

  it('checks, by name, every property the contract says a feature always has', () => {
    const always = Object.entries(THEMATIC_PROPERTIES).filter(([, s]) => s.required === 'always');
    expect(always.length).toBeGreaterThan(15);
    for (const [key] of always) {
      const reasons = featureProblems(feature({ [key]: undefined }), 'sites', known);
      expect(
        reasons.some((r) => r.startsWith(`properties.${key}: `)),
        `${key}: ${reasons.join('; ')}`,
      ).toBe(true);
    }
  });

  it('rejects an id the map would not read', () => {
    const bad = { ...feature({ id: 'Pilot X' }), id: 'Pilot X' };
    expect(featureProblems(bad, 'sites', known)).toEqual([
      'properties.id: required (a feature id, "kind:slug")',
    ]);
  });

  it('requires a label inside every area and an area in km²', () => {
    const square = {
      ...feature({}),
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
      },
    };
    expect(featureProblems(square, 'sites', known)).toEqual([
      'properties.area_km2: required for areas (a whole number of km² above 0)',
      'properties.label: required for areas (a [lon, lat] point inside the area)',
    ]);
  });
});

describe('bad definitions', () => {
  it('fail the build with one line per problem: file, feature id, reason', () => {
    let error: unknown;
    try {
      buildAtlasGeo({ contentDir: 'test/fixtures/content/good', geoDir: `${DIR}/defs-invalid` });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GeoError);
    const file = `${DIR}/defs-invalid/sites.json`;
    expect((error as GeoError).lines).toEqual([
      `${file}: pilot:self-intersecting: placement.geometry: ring 0 intersects itself at [-14.5, 14.5]`,
      `${file}: pilot:unclosed-ring: placement.geometry: ring 0 is not closed: it starts at [-15, 14] and ends at [-15, 15]`,
      `${file}: pilot:unknown-country: iso3: unknown ISO3 code "XXA"`,
      `${file}: pilot:missing-source: sources[0]: no source "no-such-source" in content/sources`,
      `${file}: pilot:coordinates-without-source: placement.coordinatesSource: required; a coordinate without a source is not site precision (use "town" with a gazetteer entry, or "country")`,
    ]);
    expect((error as GeoError).message).toMatch(/^Invalid map data: 5 problem\(s\)\n {2}- /);
  });

  it('report schema problems under the feature id', () => {
    let error: unknown;
    try {
      buildAtlasGeo({ contentDir: 'test/fixtures/content/good', geoDir: `${DIR}/defs-schema` });
    } catch (e) {
      error = e;
    }
    expect((error as GeoError).lines).toEqual([
      `${DIR}/defs-schema/sites.json: pilot:bad-precision: placement.precision: expected one of "country", "town", "site"`,
      `${DIR}/defs-schema/sites.json: venue:no-note: note: required (expected object)`,
    ]);
  });
});
