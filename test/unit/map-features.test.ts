import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bboxOf,
  readFeature,
  readFeatures,
  readLayer,
  unionBbox,
} from '../../src/lib/map/features';
import { NOT_ON_MAP, pageLayer } from '../../src/lib/geo/props';
import type { ThematicCollection } from '../../src/lib/geo/types';
import { collectInSlices } from '../../src/lib/browser/tasks';
import { THEMATIC_PROPERTIES } from '../../src/lib/geo/contract';
import { DEFAULT_STATE, type MapState } from '../../src/lib/map/state';
import {
  countByLayer,
  focusFor,
  frameFor,
  isShown,
  reconcileState,
  shownByLayer,
} from '../../src/lib/map/filter';

const fixture = (layer: string): unknown =>
  JSON.parse(readFileSync(`test/fixtures/geo/map/${layer}.geojson`, 'utf8'));
const features = [
  ...readLayer(fixture('regions'), 'regions'),
  ...readLayer(fixture('initiatives'), 'initiatives'),
  ...readLayer(fixture('sites'), 'sites'),
];
const state = (partial: Partial<MapState>): MapState => ({ ...DEFAULT_STATE, ...partial });
const ethiopia = {
  type: 'Feature',
  properties: {
    id: 'pilot:ethiopia-urban-rural',
    kind: 'pilot',
    precision: 'country',
    name_en: 'Ethiopia urban–rural pilot',
    name_zh: '埃塞俄比亚城乡试点',
  },
  geometry: { type: 'Point', coordinates: [39.5, 9.1] },
};

describe('reading a layer file', () => {
  it('reads every feature of the fixtures', () => {
    expect(features.map((f) => f.id)).toEqual([
      'region:central-asia',
      'region:sahel',
      'initiative:3s-initiative',
      'initiative:3s-initiative:corridor',
      'pilot:ethiopia-urban-rural',
      'venue:cop13-ordos',
    ]);
  });

  it('computes the bounding box from the geometry', () => {
    expect(features[0]?.bbox).toEqual([46, 35, 87, 55]);
    expect(features[4]?.bbox).toEqual([39.5, 9.1, 39.5, 9.1]);
  });

  it('reads a feature without geometry by its bbox member, as in a props file', () => {
    const f = readFeature({ ...ethiopia, geometry: null, bbox: [33, 3.4, 48, 14.9] }, 'sites');
    expect(f?.id).toBe('pilot:ethiopia-urban-rural');
    expect(f?.bbox).toEqual([33, 3.4, 48, 14.9]);
  });

  it('prefers a valid bbox member to the geometry, and falls back on the geometry', () => {
    expect(readFeature({ ...ethiopia, bbox: [39, 9, 40, 10] }, 'sites')?.bbox).toEqual([
      39, 9, 40, 10,
    ]);
    expect(readFeature({ ...ethiopia, bbox: [40, 12, 39, 10] }, 'sites')?.bbox).toEqual([
      39.5, 9.1, 39.5, 9.1,
    ]);
  });

  it('reads a bbox member across the antimeridian (west > east) as one box over the Pacific', () => {
    // RFC 7946 §5.2: Fiji's box runs from 177° E to 178° W.
    const f = readFeature({ ...ethiopia, geometry: null, bbox: [177, -21, -178, -12] }, 'sites');
    expect(f?.bbox).toEqual([177, -21, 182, -12]);
  });

  it('fills missing optional fields with empty values', () => {
    const f = readFeature(ethiopia, 'sites');
    expect(f?.props).toMatchObject({
      sources: [],
      iso3: [],
      schematic: false,
      note_en: '',
      precision_note_en: '',
    });
    expect(f?.props.area_km2).toBeUndefined();
  });

  it('reads the properties the contract lists for the map, and no others', () => {
    const forMap = Object.keys(THEMATIC_PROPERTIES).filter(
      (key) => !(NOT_ON_MAP as readonly string[]).includes(key),
    );
    const read = features.flatMap((f) => Object.keys(f.props));
    expect(read.every((key) => forMap.includes(key))).toBe(true);
    expect(read).not.toContain('geometry_source_en');
    expect(read).not.toContain('label');
    const always = forMap.filter(
      (key) => THEMATIC_PROPERTIES[key as keyof typeof THEMATIC_PROPERTIES].required === 'always',
    );
    for (const f of features) expect(Object.keys(f.props)).toEqual(expect.arrayContaining(always));
  });

  it('takes the layer from the file it was read from', () => {
    expect(
      readFeature(
        { ...ethiopia, properties: { ...ethiopia.properties, layer: 'regions' } },
        'sites',
      )?.props.layer,
    ).toBe('sites');
  });

  it.each([
    ['no id', { ...ethiopia, properties: { ...ethiopia.properties, id: undefined } }],
    ['a bad id', { ...ethiopia, properties: { ...ethiopia.properties, id: '<img src=x>' } }],
    ['an unknown kind', { ...ethiopia, properties: { ...ethiopia.properties, kind: 'city' } }],
    [
      'an unknown precision',
      { ...ethiopia, properties: { ...ethiopia.properties, precision: 'exact' } },
    ],
    ['no name', { ...ethiopia, properties: { ...ethiopia.properties, name_en: '', name_zh: ' ' } }],
    ['no geometry and no bbox', { ...ethiopia, geometry: null }],
    ['no geometry and a bbox out of range', { ...ethiopia, geometry: null, bbox: [0, 0, 200, 1] }],
    [
      'no geometry and a bbox south of its north',
      { ...ethiopia, geometry: null, bbox: [0, 5, 1, 1] },
    ],
    ['no geometry and a bbox of text', { ...ethiopia, geometry: null, bbox: ['0', 0, 1, 1] }],
    ['no geometry and a short bbox', { ...ethiopia, geometry: null, bbox: [0, 0, 1] }],
    ['an unknown geometry', { ...ethiopia, geometry: { type: 'Circle', coordinates: [1, 2] } }],
    [
      'coordinates out of range',
      { ...ethiopia, geometry: { type: 'Point', coordinates: [200, 9] } },
    ],
    ['no object', 'Feature'],
  ])('drops a feature with %s', (_, raw) => {
    expect(readFeature(raw, 'sites')).toBeUndefined();
  });

  it('keeps a hostile name as text, unchanged', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(
      readFeature({ ...ethiopia, properties: { ...ethiopia.properties, name_en: name } }, 'sites')
        ?.props.name_en,
    ).toBe(name);
  });

  it('drops invalid ids from lists and repeated values', () => {
    const f = readFeature(
      {
        ...ethiopia,
        properties: {
          ...ethiopia.properties,
          sources: ['iccd-cop15-18', 'javascript:alert(1)', 'iccd-cop15-18', 7],
          iso3: ['ETH', 'eth', 'ETHI'],
          area_km2: -5,
          label: [1, 'x'],
        },
      },
      'sites',
    );
    expect(f?.props.sources).toEqual(['iccd-cop15-18']);
    expect(f?.props.iso3).toEqual(['ETH']);
    expect(f?.props.area_km2).toBeUndefined();
    // The map does not use the label point (NOT_ON_MAP): the reader leaves it out.
    expect(f && 'label' in f.props).toBe(false);
  });

  it('keeps the first feature of a repeated id and ignores what is not a collection', () => {
    expect(
      readLayer({ type: 'FeatureCollection', features: [ethiopia, ethiopia] }, 'sites'),
    ).toHaveLength(1);
    expect(readLayer({ type: 'Feature' }, 'sites')).toEqual([]);
    expect(readLayer(null, 'sites')).toEqual([]);
  });

  it('joins bounding boxes', () => {
    expect(
      unionBbox([
        [0, 0, 1, 1],
        [-5, 2, 0, 8],
      ]),
    ).toEqual([-5, 0, 1, 8]);
    // A box across the antimeridian and one far west of it: no wider than the world.
    expect(
      unionBbox([
        [177, -21, 182, -12],
        [-179.5, 0, -175, 10],
      ]),
    ).toEqual([-180, -21, 180, 10]);
    expect(bboxOf([])).toBeUndefined();
  });
});

describe('a layer as the map page of one language reads it', () => {
  const layers = ['regions', 'initiatives', 'sites'] as const;

  it('reads, in its language, what the page reads of the whole layer, from a smaller file', () => {
    for (const name of layers) {
      const whole = fixture(name) as ThematicCollection;
      const full = readLayer(whole, name);
      for (const lang of ['en', 'zh'] as const) {
        const file = pageLayer(whole, lang);
        const page = readLayer(file, name);
        expect(JSON.stringify(file).length).toBeLessThan(JSON.stringify(whole).length);
        expect(page.map((f) => [f.id, f.bbox])).toEqual(full.map((f) => [f.id, f.bbox]));
        for (const [i, f] of page.entries()) {
          const { props } = full[i]!;
          const same = (key: keyof typeof props) =>
            expect(f.props[key], `${f.id} ${key}`).toEqual(props[key]);
          for (const key of [
            'layer',
            'kind',
            'precision',
            'schematic',
            'sources',
            'initiatives',
            'regions',
            'iso3',
            'themes',
            'source_types',
            'area_km2',
            'findings',
            'design',
          ] as const)
            same(key);
          for (const key of [`name_${lang}`, `precision_note_${lang}`, `note_${lang}`] as const)
            same(key);
        }
      }
    }
  });

  it('leaves out geometry, the other language, what the map does not use and what the file says', () => {
    const file = pageLayer(fixture('regions') as ThematicCollection, 'zh');
    for (const f of file.features) {
      expect(f.geometry).toBeNull();
      const keys = Object.keys(f.properties);
      expect(keys.filter((k) => k.endsWith('_en'))).toEqual([]);
      for (const k of [...NOT_ON_MAP, 'id', 'layer']) expect(keys).not.toContain(k);
      expect(keys).toContain('name_zh');
      expect(typeof f.id).toBe('string');
    }
  });

  it('is read in slices that pause when their time is up, and gives the same features', async () => {
    const whole = fixture('regions');
    let clock = 0;
    let pauses = 0;
    const read = await collectInSlices(
      (function* () {
        for (const f of readFeatures(whole, 'regions')) {
          clock += 5; // each feature "takes" 5 ms
          yield f;
        }
      })(),
      { budgetMs: 8, now: () => clock, pause: () => Promise.resolve(void (pauses += 1)) },
    );
    expect(read).toEqual(readLayer(whole, 'regions'));
    // A pause once 8 ms have passed: after every second feature.
    expect(pauses).toBe(Math.floor(read.length / 2));
    expect(await collectInSlices([], { pause: () => Promise.resolve(void (pauses += 1)) })).toEqual(
      [],
    );
  });
});

describe('what the map and the list show', () => {
  it('shows every feature by default', () => {
    const shown = shownByLayer(features, DEFAULT_STATE);
    expect(shown.regions).toHaveLength(2);
    expect(shown.initiatives).toHaveLength(2);
    expect(shown.sites).toHaveLength(2);
  });

  it('hides the features of a layer that is off', () => {
    const shown = shownByLayer(features, state({ layers: ['regions'] }));
    expect(shown.sites).toEqual([]);
    expect(shown.regions).toHaveLength(2);
  });

  it('filters by theme, source type and source', () => {
    const ids = (s: MapState) => features.filter((f) => isShown(f, s)).map((f) => f.id);
    expect(ids(state({ theme: 'drought' }))).toEqual(['region:sahel']);
    expect(ids(state({ type: 'decision' }))).toEqual(['venue:cop13-ordos']);
    expect(ids(state({ source: 'iccd-cop15-18' }))).toEqual(['pilot:ethiopia-urban-rural']);
    expect(ids(state({ theme: 'drought', type: 'decision' }))).toEqual([]);
  });

  it('counts per layer with the filters, whether the layer is on or off', () => {
    expect(countByLayer(features, state({ type: 'secretariat-note' }))).toEqual({
      regions: 2,
      initiatives: 2,
      studies: 0,
      sites: 0,
    });
  });

  it('drops a selection that is unknown, hidden or filtered out', () => {
    expect(reconcileState(state({ select: 'pilot:nowhere' }), features).select).toBeNull();
    expect(
      reconcileState(state({ select: 'pilot:ethiopia-urban-rural', layers: ['regions'] }), features)
        .select,
    ).toBeNull();
    expect(
      reconcileState(state({ select: 'pilot:ethiopia-urban-rural', theme: 'drought' }), features)
        .select,
    ).toBeNull();
    expect(reconcileState(state({ select: 'pilot:ethiopia-urban-rural' }), features).select).toBe(
      'pilot:ethiopia-urban-rural',
    );
  });

  it('drops a source filter that matches no feature', () => {
    expect(reconcileState(state({ source: 'groundswell-2018' }), features).source).toBeNull();
    expect(reconcileState(state({ source: 'iccd-cop17-8' }), features).source).toBe('iccd-cop17-8');
  });

  it('frames the selection, else the features of a source, else nothing', () => {
    expect(frameFor(state({ select: 'venue:cop13-ordos' }), features)).toEqual([
      109.78, 39.61, 109.78, 39.61,
    ]);
    expect(frameFor(state({ source: 'iccd-cop17-8' }), features)).toEqual([-17, 4, 87, 55]);
    expect(frameFor(DEFAULT_STATE, features)).toBeUndefined();
  });
});

describe('links from entry pages to the map', () => {
  it('selects a region or an initiative that has a feature', () => {
    expect(focusFor('region', 'central-asia', features)).toEqual({ select: 'region:central-asia' });
    expect(focusFor('initiative', '3s-initiative', features)).toEqual({
      select: 'initiative:3s-initiative',
    });
  });

  it('filters the map to the places of a source', () => {
    expect(focusFor('source', 'iccd-cop15-18', features)).toEqual({ source: 'iccd-cop15-18' });
  });

  it('gives no link for an entry with nothing on the map', () => {
    expect(focusFor('region', 'latin-america', features)).toBeUndefined();
    expect(focusFor('initiative', 'iom-unccd-cooperation', features)).toBeUndefined();
    expect(focusFor('source', 'groundswell-2018', features)).toBeUndefined();
  });
});
