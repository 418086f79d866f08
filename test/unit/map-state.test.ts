import { describe, expect, it } from 'vitest';
import {
  asksForPreciseMap,
  DEFAULT_STATE,
  MAX_HASH_LENGTH,
  mapLink,
  parseMapState,
  parseView,
  sameState,
  serializeMapState,
  serializeView,
  type MapState,
} from '../../src/lib/map/state';
import { themeIds } from '../../src/schemas/common';
import { sourceTypes } from '../../src/schemas/sources';

const vocabulary = { themes: themeIds, types: sourceTypes };
const parse = (hash: string) => parseMapState(hash, vocabulary);
const state = (partial: Partial<MapState>): MapState => ({ ...DEFAULT_STATE, ...partial });

describe('map state in the URL hash', () => {
  it('gives the default state for an empty hash, with or without "#"', () => {
    expect(parse('')).toEqual(DEFAULT_STATE);
    expect(parse('#')).toEqual(DEFAULT_STATE);
  });

  it('reads every part of a full hash', () => {
    expect(
      parse(
        '#layers=regions,sites&select=pilot:ethiopia-urban-rural&theme=drought&type=decision&source=iccd-cop15-18&view=3.5/9.15/40.49',
      ),
    ).toEqual({
      layers: ['regions', 'sites'],
      select: 'pilot:ethiopia-urban-rural',
      theme: 'drought',
      type: 'decision',
      source: 'iccd-cop15-18',
      view: { zoom: 3.5, lat: 9.15, lng: 40.49 },
    });
  });

  it('reads percent-encoded values', () => {
    expect(parse('#select=pilot%3Aethiopia-urban-rural&layers=regions%2Csites')).toMatchObject({
      select: 'pilot:ethiopia-urban-rural',
      layers: ['regions', 'sites'],
    });
  });

  it('puts layers in drawing order and drops repeats and unknown layers', () => {
    expect(parse('#layers=sites,regions,sites,roads').layers).toEqual(['regions', 'sites']);
  });

  it('reads an empty layer list as "all layers off"', () => {
    expect(parse('#layers=').layers).toEqual([]);
  });

  it('keeps the default layers when no listed layer is known', () => {
    expect(parse('#layers=roads,rivers').layers).toEqual(DEFAULT_STATE.layers);
  });

  it.each([
    ['a garbage hash', '#%%%&&&==&&foo'],
    ['text that is no key=value list', '#hello world'],
    ['a script in the hash', '#<script>alert(1)</script>'],
    ['a script as a value', '#select=<img src=x onerror=alert(1)>'],
    ['an encoded script', '#select=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'],
    ['a javascript: URL as selection', '#select=javascript:alert(1)'],
    ['prototype keys', '#__proto__=x&constructor=y&select=__proto__'],
    ['a malformed escape', '#select=%E0%A4%A'],
    ['an unknown theme and type', '#theme=weather&type=tweet'],
    ['a non-slug source', '#source=../../etc/passwd'],
    ['an upper-case id', '#select=PILOT:ETHIOPIA'],
    ['an id with spaces', '#select=pilot:ethiopia%20urban'],
    ['keys without values', '#select&view&layers'],
    ['empty keys', '#=pilot:x&=3/1/1'],
  ])('ignores %s', (_, hash) => {
    expect(parse(hash)).toEqual(DEFAULT_STATE);
  });

  it('does not change Object.prototype whatever the hash says', () => {
    parse('#__proto__[polluted]=1&constructor.prototype.polluted=1');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('ignores a hash longer than the limit', () => {
    const long = `#select=pilot:ethiopia-urban-rural&theme=drought&x=${'a'.repeat(MAX_HASH_LENGTH)}`;
    expect(parse(long)).toEqual(DEFAULT_STATE);
  });

  it('drops a bad part and keeps the good ones', () => {
    expect(parse('#select=pilot:ok&theme=weather&view=nope&layers=sites')).toEqual(
      state({ select: 'pilot:ok', layers: ['sites'] }),
    );
  });

  it('uses the first of repeated keys', () => {
    expect(parse('#select=pilot:first&select=pilot:second').select).toBe('pilot:first');
  });

  it('rejects a feature id that is too long', () => {
    expect(parse(`#select=pilot:${'a'.repeat(200)}`).select).toBeNull();
  });

  it('accepts nested ids such as a corridor of an initiative', () => {
    expect(parse('#select=initiative:great-green-wall:corridor').select).toBe(
      'initiative:great-green-wall:corridor',
    );
  });

  it('never returns the frozen default arrays', () => {
    const s = parse('');
    s.layers.push('sites');
    expect(DEFAULT_STATE.layers).toEqual(['regions', 'initiatives', 'studies', 'sites']);
  });

  it('does not throw on values that are not strings', () => {
    expect(parseMapState(undefined as unknown as string, vocabulary)).toEqual(DEFAULT_STATE);
  });
});

describe('map view "zoom/lat/lng"', () => {
  it('reads plain numbers in range', () => {
    expect(parseView('2/10.5/-20.25')).toEqual({ zoom: 2, lat: 10.5, lng: -20.25 });
  });

  it.each([
    ['a latitude beyond Web Mercator', '2/89/10'],
    ['a longitude beyond 180', '2/10/181'],
    ['a zoom beyond 22', '23/10/10'],
    ['a negative zoom', '-1/10/10'],
    ['NaN', 'NaN/1/1'],
    ['Infinity', 'Infinity/1/1'],
    ['exponents', '1e1/1/1'],
    ['hex', '0x10/1/1'],
    ['two parts', '2/10'],
    ['four parts', '2/10/10/10'],
    ['empty parts', '2//10'],
    ['spaces', ' 2/10/10'],
  ])('rejects %s', (_, view) => {
    expect(parseView(view)).toBeNull();
  });

  it('writes zoom to 2 decimals and coordinates to 4, without "-0"', () => {
    expect(serializeView({ zoom: 3.14159, lat: 9.123456, lng: -0.00001 })).toBe('3.14/9.1235/0');
  });
});

describe('writing the state', () => {
  it('writes nothing for the default state', () => {
    expect(serializeMapState(DEFAULT_STATE)).toBe('');
  });

  it('writes only what differs from the default, in a fixed order', () => {
    expect(
      serializeMapState(
        state({
          view: { zoom: 4, lat: 9, lng: 40 },
          select: 'pilot:ethiopia-urban-rural',
          layers: ['sites', 'regions'],
        }),
      ),
    ).toBe('#layers=regions,sites&select=pilot:ethiopia-urban-rural&view=4/9/40');
  });

  it('writes "layers=" when every layer is off', () => {
    expect(serializeMapState(state({ layers: [] }))).toBe('#layers=');
  });

  it.each([
    state({}),
    state({ layers: [] }),
    state({ layers: ['initiatives'] }),
    state({ select: 'initiative:great-green-wall:corridor', theme: 'drought' }),
    state({ type: 'call-for-proposals', source: 'ldn-tsp2-call-2023' }),
    state({ view: { zoom: 1.25, lat: -33.5, lng: 151.2 } }),
  ])('reads back what it writes (%#)', (s) => {
    expect(parse(serializeMapState(s))).toEqual(s);
  });

  it('compares states by their URL', () => {
    expect(
      sameState(state({ layers: ['sites', 'regions'] }), state({ layers: ['regions', 'sites'] })),
    ).toBe(true);
    expect(sameState(state({ select: 'pilot:a' }), state({}))).toBe(false);
  });

  it('makes links to the map page', () => {
    expect(mapLink('/atlas/zh/map/', { select: 'region:central-asia' })).toBe(
      '/atlas/zh/map/#select=region:central-asia',
    );
    expect(mapLink('/map/', {})).toBe('/map/');
  });

  it.each([
    ['', false],
    ['#layers=regions,sites', false],
    ['#theme=drought&type=decision', false],
    ['#view=NaN/1e9/x&select=%3Cimg%3E', false],
    ['#view=4/9/40', true],
    ['#select=pilot:ethiopia-urban-rural', true],
    ['#source=iccd-cop15-18', true],
  ])('tells a precise map (%s: %s) from the whole map', (hash, precise) => {
    expect(asksForPreciseMap(parse(hash))).toBe(precise);
  });
});
