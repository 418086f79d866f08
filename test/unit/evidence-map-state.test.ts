import { describe, expect, it } from 'vitest';
import { emptyFilters } from '../../src/lib/evidence-map/filter';
import type { Vocabulary } from '../../src/lib/evidence-map/model';
import {
  defaultState,
  evidenceMapLink,
  MAX_QUERY_LENGTH,
  parseState,
  serializeState,
  type EvidenceMapState,
} from '../../src/lib/evidence-map/state';

const vocabulary: Vocabulary = {
  axes: {
    drivers: ['drought', 'aridity', 'climate-change'],
    codedDrivers: ['drought', 'aridity'],
    regions: ['_global', 'sahel', 'central-asia', '_elsewhere'],
    outcomes: ['internal', 'international'],
    pathways: ['livelihoods', 'food-security'],
  },
  tiers: ['synthesis', 'primary', 'policy'],
  directions: ['increases', 'decreases', 'mixed'],
  statuses: ['primary', 'secondary'],
  languages: ['en', 'zh', 'fr'],
};
const parse = (q: string) => parseState(q, vocabulary);
const state = (over: Partial<EvidenceMapState>, filters = {}): EvidenceMapState => ({
  ...defaultState(),
  ...over,
  filters: { ...emptyFilters(), ...filters },
});

describe('the evidence map URL', () => {
  it('reads the example of the issue', () => {
    expect(parse('?view=driver-region&cell=drought~sahel&design=synthesis')).toEqual(
      state({ row: 'drought', col: 'sahel' }, { design: ['synthesis'] }),
    );
  });

  it('writes only what differs from the default, in a fixed order', () => {
    expect(serializeState(defaultState())).toBe('');
    const s = state(
      { view: 'pathway-region', row: 'livelihoods', col: '_global' },
      { direction: ['mixed', 'increases'], from: 2001, to: 2020, language: ['zh'] },
    );
    expect(serializeState(s)).toBe(
      '?view=pathway-region&cell=livelihoods~_global&direction=mixed,increases&language=zh&from=2001&to=2020',
    );
  });

  it('round-trips every kind of state, in vocabulary order', () => {
    const states = [
      state({ row: 'aridity', col: null }),
      state(
        { row: null, col: 'central-asia' },
        { status: ['secondary'], outcome: ['international'] },
      ),
      state(
        { view: 'driver-outcome', row: 'drought', col: 'internal' },
        { design: ['synthesis', 'policy'] },
      ),
      state({}, { from: 1990 }),
    ];
    for (const s of states) expect(parse(serializeState(s))).toEqual(s);
    expect(parse('?design=policy,synthesis').filters.design).toEqual(['synthesis', 'policy']);
  });

  it('drops a cell, row or column the view does not have', () => {
    expect(parse('?view=driver-outcome&cell=drought~sahel')).toEqual(
      state({ view: 'driver-outcome' }),
    );
    expect(parse('?cell=drought')).toEqual(defaultState());
    expect(parse('?cell=drought~sahel~x')).toEqual(defaultState());
    expect(parse('?row=livelihoods')).toEqual(defaultState());
    // The outcome view has the coded drivers only: no row for a policy theme.
    expect(parse('?view=driver-outcome&row=climate-change')).toEqual(
      state({ view: 'driver-outcome' }),
    );
    expect(parse('?col=internal')).toEqual(defaultState());
    // A cell wins over a row or column given beside it.
    expect(parse('?row=aridity&cell=drought~sahel')).toEqual(
      state({ row: 'drought', col: 'sahel' }),
    );
  });

  it('drops hostile and malformed parameters one by one', () => {
    const hostile = [
      'view=<script>alert(1)</script>',
      'cell=drought~%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      'design=synthesis,"><b>x</b>,constructor,__proto__',
      'outcome=%E0%A4%A',
      'from=99999',
      'to=20x0',
      'direction=',
      '__proto__=1',
      'toString=2',
      'row=constructor',
    ].join('&');
    expect(parse(hostile)).toEqual(state({}, { design: ['synthesis'] }));
  });

  it('keeps the first of repeated keys, and turns a backward year range round', () => {
    expect(parse('?design=policy&design=synthesis').filters.design).toEqual(['policy']);
    expect(parse('?from=2020&to=2010').filters).toMatchObject({ from: 2010, to: 2020 });
    expect(parse('?from=1700').filters.from).toBeNull();
  });

  it('ignores an overlong query string whole', () => {
    expect(parse(`?design=synthesis&x=${'a'.repeat(MAX_QUERY_LENGTH)}`)).toEqual(defaultState());
    expect(parseState(undefined as unknown as string, vocabulary)).toEqual(defaultState());
  });

  it('links to the map page with a state', () => {
    expect(evidenceMapLink('/zh/evidence-map/', { row: 'drought', col: 'sahel' })).toBe(
      '/zh/evidence-map/?cell=drought~sahel',
    );
    expect(evidenceMapLink('/evidence-map/', {})).toBe('/evidence-map/');
  });
});
