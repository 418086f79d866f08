/**
 * The layer build over fixture content and definitions: what each feature
 * carries, where points are placed and why, and the catalogue's figures.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Point } from 'geojson';
import { buildAtlasGeo, type BuiltAtlasGeo } from '../../src/lib/geo/build';
import { gzipSize } from '../../src/lib/gzip';
import { entriesNamed, lookUp } from '../../src/lib/geo/gazetteer';
import type { Area } from '../../src/lib/geo/geometry';
import { locatorSubject } from '../../src/lib/geo/subject';
import type { ThematicFeature } from '../../src/lib/geo/types';

let geo: BuiltAtlasGeo;
beforeAll(() => {
  geo = buildAtlasGeo({
    contentDir: 'test/fixtures/content/good',
    geoDir: 'test/fixtures/geo/defs-valid',
  });
}, 60_000);

const feature = (
  layer: 'regions' | 'initiatives' | 'studies' | 'sites',
  id: string,
): ThematicFeature => {
  const f = geo.layers[layer].features.find((x) => x.id === id);
  if (!f) throw new Error(`no ${id} in ${layer}`);
  return f;
};

describe('the layer build', () => {
  it('dissolves a region from its member countries, with label, area and bbox', () => {
    const f = feature('regions', 'region:good-region');
    expect(f.properties).toMatchObject({
      layer: 'regions',
      kind: 'region',
      precision: 'country',
      iso3: ['KAZ', 'KGZ'],
      regions: ['good-region'],
      initiatives: [],
      schematic: false,
    });
    expect(f.geometry.type).toMatch(/Polygon/);
    expect(booleanPointInPolygon(f.properties.label as [number, number], f.geometry as Area)).toBe(
      true,
    );
    // Kazakhstan and Kyrgyzstan together: about 2.9 million km².
    expect(f.properties.area_km2).toBeGreaterThan(2_700_000);
    expect(f.properties.area_km2).toBeLessThan(3_100_000);
    expect(f.bbox[0]).toBeLessThan(f.bbox[2]);
  });

  it('gives every feature the themes and types of its sources', () => {
    const f = feature('regions', 'region:good-region');
    // good-note lists the region; good-region lists good-note.
    expect(f.properties.sources).toEqual(['good-note']);
    expect(f.properties.themes).toEqual(['livelihoods']);
    expect(f.properties.source_types).toEqual(['secretariat-note']);
  });

  it('builds the schematic band, marked as such, with the width in its note', () => {
    const f = feature('initiatives', 'initiative:good-initiative:corridor');
    expect(f.properties.kind).toBe('corridor');
    expect(f.properties.schematic).toBe(true);
    expect(f.properties.precision).toBe('region');
    expect(f.properties.precision_note_en).toBe('Schematic band 80 km wide.');
    expect(f.properties.iso3).toContain('SEN');
  });

  it('places a pilot known only by country at a point inside that country, and says so', () => {
    const f = feature('sites', 'pilot:somewhere-in-senegal');
    const senegal = geo.country('SEN') as Area;
    expect(f.properties.precision).toBe('country');
    expect(booleanPointInPolygon(f.geometry as Point, senegal)).toBe(true);
    expect(f.properties.geometry_source_en).toMatch(/^Not a surveyed location: a point inside/);
  });

  it('places a town from the GeoNames gazetteer and cites it', () => {
    const f = feature('sites', 'venue:dakar');
    expect(f.properties.precision).toBe('town');
    expect((f.geometry as Point).coordinates).toEqual([-17.44406, 14.6937]);
    expect(f.properties.geometry_source_en).toMatch(/GeoNames gazetteer \(CC BY 4\.0\)/);
  });

  it('keeps a site with a sourced coordinate at site precision', () => {
    const f = feature('sites', 'pilot:surveyed-site');
    expect(f.properties.precision).toBe('site');
    expect(f.properties.geometry_source_en).toBe('As given by Good study, p. 12');
  });

  it("generates one pilot per initiative country from the initiative's list", () => {
    const f = feature('sites', 'pilot:good:mar');
    expect(f.properties.name_en).toBe('Pilot country: Morocco');
    expect(f.properties.name_zh).toBe('试点国家：摩洛哥');
    expect(f.properties.initiatives).toEqual(['good-initiative']);
    expect(geo.layers.sites.features.some((x) => x.id === 'pilot:good:sen')).toBe(false);
  });

  it('draws a study area from the countries of the study and of its findings, weighted by its findings', () => {
    const f = feature('studies', 'study:good-research');
    expect(f.properties).toMatchObject({
      layer: 'studies',
      kind: 'study-area',
      precision: 'country',
      // MLI is the source's country, NER a finding's.
      iso3: ['MLI', 'NER'],
      sources: ['good-research'],
      source_types: ['journal-article'],
      themes: ['drought'],
      findings: 2,
      design: 'single-country-panel',
      schematic: false,
    });
    expect(f.properties.note_en).toBe('Single-country panel; 2 coded findings.');
    expect(f.properties.precision_note_en).toMatch(/^Whole territory of the 2 countries/);
    // Mali and Niger together: about 2.5 million km².
    expect(f.properties.area_km2).toBeGreaterThan(2_300_000);
    expect(f.properties.area_km2).toBeLessThan(2_700_000);
  });

  it('draws study areas for research entries only', () => {
    expect(geo.layers.studies.features.map((f) => f.id)).toEqual(['study:good-research']);
  });

  it("highlights a study's finding countries on its locator map", () => {
    expect(locatorSubject(geo, 'source', 'good-research')?.countries).toEqual(['MLI', 'NER']);
  });

  it('reports sizes in the catalogue that match the published files', () => {
    for (const layer of geo.catalogue.layers) {
      const text = geo.files[layer.name];
      expect(layer.bytes, layer.name).toBe(Buffer.byteLength(text));
      expect(layer.gzip_bytes, layer.name).toBe(gzipSize(text));
      expect(layer.feature_count, layer.name).toBe(
        (JSON.parse(text) as { features: unknown[] }).features.length,
      );
    }
  });

  it('draws a locator map for a region, an initiative and a source', () => {
    const region = locatorSubject(geo, 'region', 'good-region');
    expect(region?.items.map((i) => i.id)).toEqual(['region:good-region']);
    expect(region?.drawing.shapes[0]?.d).toMatch(/^M\d/);
    const initiative = locatorSubject(geo, 'initiative', 'good-initiative');
    expect(initiative?.items.map((i) => i.role)).toEqual(['highlight', 'band', 'point', 'point']);
    const source = locatorSubject(geo, 'source', 'good-note');
    expect(source?.countries).toEqual(['SEN']);
    expect(locatorSubject(geo, 'source', 'no-such-source')).toBeUndefined();
  });
});

describe('the gazetteer', () => {
  const sample =
    '[{"name":"Riyadh","lat":"24.68773","lng":"46.72185","country":"SA","admin1":"10","admin2":""},' +
    '{"name":"Riyadh","lat":"15.5834","lng":"32.5677","country":"SD","admin1":"29","admin2":""}]';

  it('finds every entry of a name and only that name', () => {
    expect(entriesNamed('Riyadh', sample).map((e) => e.country)).toEqual(['SA', 'SD']);
    expect(entriesNamed('Riya', sample)).toEqual([]);
  });

  it('tells towns of the same name apart by country and admin1', () => {
    expect(lookUp({ name: 'Riyadh', country: 'SA', admin1: '10' }, sample)).toHaveLength(1);
  });
});
