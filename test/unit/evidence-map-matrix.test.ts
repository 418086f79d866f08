import { describe, expect, it } from 'vitest';
import { cellView } from '../../src/lib/evidence-map/cell-view';
import {
  decodeDetails,
  decodeIndex,
  encodeDetails,
  encodeIndex,
} from '../../src/lib/evidence-map/codec';
import {
  emptyFilters,
  presentValues,
  yearsOf,
  type Filters,
} from '../../src/lib/evidence-map/filter';
import {
  barSegments,
  computeMatrix,
  driverSummary,
  mapFocus,
  selectFindings,
} from '../../src/lib/evidence-map/matrix';
import { ELSEWHERE_COLUMN, GLOBAL_COLUMN } from '../../src/lib/evidence-map/model';
import {
  buildDetails,
  buildEvidenceIndex,
  type FindingEntry,
  type SourceEntry,
} from '../../src/lib/evidence-map/records';
import type { Design, Effect } from '../../src/schemas/research';

const L = (en: string) => ({ en, zh: `中${en}` });

function source(
  id: string,
  findings: FindingEntry[],
  extra: Partial<SourceEntry['data']> & { design?: Design; year?: string } = {},
): SourceEntry {
  const { design, year = '2020', ...data } = extra;
  return {
    id,
    data: {
      shortTitle: L(id),
      bibliographic: { issued: year, originalLanguage: 'en' },
      countries: [],
      regions: [],
      themes: ['livelihoods'],
      findings,
      ...(design ? { study: { design } } : {}),
      ...data,
    },
  };
}

const finding = (
  id: string,
  effect?: Partial<Effect>,
  more: Partial<FindingEntry> = {},
): FindingEntry => ({
  id,
  text: L(`text of ${id}`),
  locator: { kind: 'page', ref: '4' },
  status: 'primary',
  ...(effect
    ? {
        effect: {
          driver: 'drought',
          outcome: 'internal',
          direction: 'increases',
          scale: 'national',
          ...effect,
        },
      }
    : {}),
  ...more,
});

const regions = [
  { id: 'sahel', data: { countries: ['NER', 'MLI'] } },
  { id: 'west-africa', data: { countries: ['NER', 'SEN'] } },
];

const input = {
  regions,
  sources: [
    source(
      'meta',
      [
        finding('a', { direction: 'increases' }),
        finding('b', { direction: 'mixed', driver: 'temperature' }),
      ],
      {
        design: 'meta-analysis',
        year: '2018',
      },
    ),
    source('panel', [finding('c', { direction: 'decreases', countries: ['NER'] })], {
      design: 'single-country-panel',
      countries: ['SEN'],
      regions: [{ id: 'west-africa' }],
      year: '2022',
    }),
    source(
      'un-doc',
      [
        finding('d', undefined, { themes: ['drought', 'food-security'] }),
        finding('e', undefined, { status: 'secondary' }),
      ],
      {
        themes: ['climate-change', 'desertification', 'livelihoods'],
        countries: ['MLI', 'KEN'],
        regions: [{ id: 'sahel' }],
      },
    ),
  ],
};
const onMap = { sources: new Set(['panel']), regions: new Set(['sahel']) };
const index = buildEvidenceIndex(input, onMap);
const v = index.vocabulary;

/** The ids of the findings in a cell, "source/finding". */
function cellIds(
  view: Parameters<typeof computeMatrix>[1],
  row: string,
  col: string,
  filters: Filters = emptyFilters(),
) {
  const m = computeMatrix(index, view, filters);
  const cell = m.cells[m.rows.indexOf(row)]?.[m.cols.indexOf(col)];
  const all = input.sources
    .flatMap((s) => s.data.findings.map((f) => `${s.id}/${f.id}`).sort())
    .sort();
  // Index order is source id order, then file order.
  const ordered = input.sources
    .slice()
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((s) => s.data.findings.map((f) => `${s.id}/${f.id}`));
  expect(ordered.slice().sort()).toEqual(all);
  return (cell?.findings ?? []).map((i) => ordered[i]);
}

describe('placing findings on the axes', () => {
  it('puts global and elsewhere columns around the regions, and the policy-only driver themes after the drivers', () => {
    expect(v.axes.regions).toEqual([GLOBAL_COLUMN, 'sahel', 'west-africa', ELSEWHERE_COLUMN]);
    expect(v.axes.drivers.at(-1)).toBe('climate-change');
    expect(v.axes.drivers.filter((d) => d === 'drought')).toHaveLength(1);
  });

  it('places a coded finding under its driver and outcome, and a study without countries in the global column', () => {
    expect(cellIds('driver-region', 'drought', GLOBAL_COLUMN)).toEqual(['meta/a']);
    expect(cellIds('driver-region', 'temperature', GLOBAL_COLUMN)).toEqual(['meta/b']);
    expect(cellIds('driver-outcome', 'drought', 'internal')).toEqual(['meta/a', 'panel/c']);
  });

  it("uses a finding's own countries before its source's, and then not the source's regions", () => {
    // panel/c is about Niger: Sahel and West Africa, not Senegal's "elsewhere" or only the named region.
    expect(cellIds('driver-region', 'drought', 'sahel')).toContain('panel/c');
    expect(cellIds('driver-region', 'drought', 'west-africa')).toContain('panel/c');
  });

  it("places a policy finding by its own themes, else its source's, in its source's regions and countries", () => {
    // un-doc/d: themes drought + food-security; countries MLI (Sahel) and KEN (no region); region Sahel.
    expect(cellIds('driver-region', 'drought', 'sahel')).toEqual(['panel/c', 'un-doc/d']);
    expect(cellIds('driver-region', 'drought', ELSEWHERE_COLUMN)).toEqual(['un-doc/d']);
    expect(cellIds('driver-region', 'drought', 'west-africa')).toEqual(['panel/c']);
    // un-doc/e inherits desertification and climate change from its source.
    expect(cellIds('driver-region', 'desertification', 'sahel')).toEqual(['un-doc/e']);
    expect(cellIds('driver-region', 'climate-change', 'sahel')).toEqual(['un-doc/e']);
    expect(cellIds('pathway-region', 'food-security', 'sahel')).toEqual(['un-doc/d']);
    expect(cellIds('pathway-region', 'livelihoods', GLOBAL_COLUMN)).toEqual(['meta/a', 'meta/b']);
  });

  it('keeps policy findings out of the outcome view', () => {
    const m = computeMatrix(index, 'driver-outcome', emptyFilters());
    expect(m.findings).toBe(3);
    expect(m.sources).toBe(2);
  });

  it('gives each source its tier from its design', () => {
    const tiers = Object.fromEntries(index.sources.map((s) => [s.id, v.tiers[s.tier]]));
    expect(tiers).toEqual({ meta: 'synthesis', panel: 'primary', 'un-doc': 'policy' });
    expect(index.regionsOnMap).toEqual(['sahel']);
    expect(index.sources.find((s) => s.id === 'panel')?.onMap).toBe(true);
  });
});

describe('counting cells', () => {
  const cellOf = (
    view: Parameters<typeof computeMatrix>[1],
    row: string,
    col: string,
    filters = emptyFilters(),
  ) => {
    const m = computeMatrix(index, view, filters);
    return m.cells[m.rows.indexOf(row)]?.[m.cols.indexOf(col)];
  };

  it('splits a cell by tier and by direction, and counts its studies', () => {
    const cell = cellOf('driver-region', 'drought', 'sahel');
    expect(cell?.tiers).toEqual([0, 1, 1]);
    expect(cell?.directions[v.directions.indexOf('decreases')]).toBe(1);
    expect(cell?.directions.reduce((a, b) => a + b)).toBe(1);
    expect(cell?.studies).toBe(1);
  });

  it('marks gaps, policy-only cells, one-study cells and cells with evidence', () => {
    expect(cellOf('driver-region', 'salinity', 'sahel')?.state).toBe('gap');
    expect(cellOf('driver-region', 'desertification', 'sahel')?.state).toBe('policy-only');
    expect(cellOf('driver-region', 'drought', 'sahel')?.state).toBe('one-study');
    expect(cellOf('driver-outcome', 'drought', 'internal')?.state).toBe('evidence');
  });

  it('filters by tier, outcome, direction, years, status and language', () => {
    const f = (over: Partial<Filters>) => ({ ...emptyFilters(), ...over });
    expect(cellIds('driver-region', 'drought', 'sahel', f({ design: ['policy'] }))).toEqual([
      'un-doc/d',
    ]);
    expect(cellIds('driver-region', 'drought', 'sahel', f({ direction: ['decreases'] }))).toEqual([
      'panel/c',
    ]);
    expect(cellIds('driver-region', 'drought', 'sahel', f({ outcome: ['internal'] }))).toEqual([
      'panel/c',
    ]);
    expect(cellIds('driver-region', 'drought', 'sahel', f({ from: 2021 }))).toEqual(['panel/c']);
    expect(cellIds('driver-region', 'drought', 'sahel', f({ to: 2020 }))).toEqual(['un-doc/d']);
    expect(cellIds('driver-region', 'climate-change', 'sahel', f({ status: ['primary'] }))).toEqual(
      [],
    );
    expect(cellIds('driver-region', 'drought', 'sahel', f({ language: ['fr'] }))).toEqual([]);
  });

  it('lists the findings of a row, a column or a cell once each', () => {
    const row = selectFindings(index, 'driver-region', emptyFilters(), {
      row: 'drought',
      col: null,
    });
    // panel/c falls in two columns of the row but is listed once.
    expect(row).toHaveLength(3);
    const col = selectFindings(index, 'driver-region', emptyFilters(), { row: null, col: 'sahel' });
    expect(col).toHaveLength(3);
    const all = selectFindings(index, 'driver-outcome', emptyFilters(), { row: null, col: null });
    expect(all).toHaveLength(3);
  });

  it('draws a bar whose length follows the count and whose segments follow the directions', () => {
    const names = ['increases', 'decreases', 'mixed'];
    expect(barSegments([2, 0, 2], names, 8)).toEqual([
      { direction: 'increases', x: 0, width: 25 },
      { direction: 'mixed', x: 25, width: 25 },
    ]);
    expect(barSegments([1, 0, 0], names, 100)).toEqual([
      { direction: 'increases', x: 0, width: 12 },
    ]);
    expect(barSegments([0, 0, 0], names, 4)).toEqual([]);
  });

  it('gives a cell view with only the marks that have findings', () => {
    const m = computeMatrix(index, 'driver-outcome', emptyFilters());
    const cell = m.cells[m.rows.indexOf('drought')]?.[m.cols.indexOf('internal')];
    const view = cellView(cell!, v, m.maxDirected);
    expect(view.total).toBe(2);
    expect(view.directions.map((d) => [d.id, d.glyph, d.count])).toEqual([
      ['increases', '↑', 1],
      ['decreases', '↓', 1],
    ]);
    expect(view.tiers.map((d) => d.id)).toEqual(['synthesis', 'primary']);
  });

  it('summarises each driver for the home page from research findings only', () => {
    expect(driverSummary(index).map((s) => [s.driver, s.findings, s.studies])).toEqual([
      ['drought', 2, 2],
      ['temperature', 1, 1],
    ]);
  });

  it('links a region column to the region on the map, one mapped source to its places, and global findings nowhere', () => {
    const sel = (row: string | null, col: string | null) => ({ row, col });
    const of = (
      view: 'driver-region' | 'driver-outcome',
      s: { row: string | null; col: string | null },
    ) => mapFocus(index, view, s, selectFindings(index, view, emptyFilters(), s));
    expect(of('driver-region', sel('drought', 'sahel'))).toEqual({ select: 'region:sahel' });
    expect(of('driver-region', sel('drought', 'west-africa'))).toEqual({ source: 'panel' });
    expect(of('driver-region', sel('drought', GLOBAL_COLUMN))).toBeNull();
    expect(of('driver-outcome', sel('drought', 'internal'))).toBeNull();
  });

  it('offers only the filter values and years that some finding has', () => {
    expect(presentValues(index, 'design')).toEqual(['synthesis', 'primary', 'policy']);
    expect(presentValues(index, 'direction')).toEqual(['increases', 'decreases', 'mixed']);
    expect(presentValues(index, 'status')).toEqual(['primary', 'secondary']);
    expect(yearsOf(index)).toEqual([2018, 2020, 2022]);
  });
});

describe('the published files', () => {
  it('round-trips the index', () => {
    expect(decodeIndex(JSON.parse(JSON.stringify(encodeIndex(index))))).toEqual(index);
  });

  it('refuses a file of another format and drops what does not fit', () => {
    expect(() => decodeIndex({ v: 99 })).toThrow(/format/);
    expect(() => decodeIndex(null)).toThrow();
    const encoded = JSON.parse(JSON.stringify(encodeIndex(index))) as {
      sources: unknown[];
      findings: unknown[];
    };
    encoded.sources[0] = ['<script>', 0, 2020, 0, 0];
    encoded.findings[2] = [1, 99, 0, [], [], [], []];
    encoded.findings[3] = [1, 0, 0, [1e9], [], [], []];
    const decoded = decodeIndex(encoded);
    expect(decoded.sources.map((s) => s.id)).toEqual(['panel', 'un-doc']);
    // Dropped findings keep their place (details stay aligned) but count nowhere.
    expect(decoded.findings).toHaveLength(index.findings.length);
    // Left: un-doc/e, the one finding neither dropped nor of a dropped source.
    const m = computeMatrix(decoded, 'driver-region', emptyFilters());
    expect(m.findings).toBe(1);
    expect(m.sources).toBe(1);
  });

  it("round-trips details, writing a finding's countries only where they are not its source's", () => {
    const [chunk] = buildDetails(input, 'zh');
    const sourceOf = index.findings.map((f) => index.sources[f.source]?.id ?? '');
    const encoded = encodeDetails(chunk!, sourceOf);
    expect(encoded.findings.filter((f) => f.length === 5)).toEqual([
      ['c', '中text of c', '', chunk!.findings[2]!.locator, ['NER']],
    ]);
    expect(decodeDetails(JSON.parse(JSON.stringify(encoded)), sourceOf)).toEqual(chunk);
  });

  it('reads hostile details as plain values', () => {
    const out = decodeDetails(
      {
        sources: { x: ['<b>t</b>', 'not a design!', []], y: [1, '', []] },
        findings: [['bad id', 7, null, {}, ['xx']]],
      },
      ['x'],
    );
    expect(out.sources).toEqual({});
    expect(out.findings).toEqual([{ id: '', text: '', subgroup: '', locator: '', countries: [] }]);
  });
});
