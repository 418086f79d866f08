import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FINDING_COLUMNS, findingsCsv, writeCsv } from '../../src/lib/evidence-map/csv';
import { exportFileName, findingRows, sourcesOf } from '../../src/lib/evidence-map/export';
import { emptyFilters } from '../../src/lib/evidence-map/filter';
import { buildDetails, buildEvidenceIndex } from '../../src/lib/evidence-map/records';
import { defaultState } from '../../src/lib/evidence-map/state';

const input = {
  regions: [{ id: 'sahel', data: { countries: ['NER'] } }],
  sources: [
    {
      id: 'study-b',
      data: {
        shortTitle: { en: 'Study B, "quoted", 2021', zh: '研究 B' },
        study: { design: 'household-survey' as const },
        bibliographic: { issued: '2021-05', originalLanguage: 'fr' },
        countries: ['NER'],
        regions: [],
        themes: [],
        findings: [
          {
            id: 'rises',
            text: { en: '=HYPERLINK("x") rises, a lot;\nthen falls', zh: '上升，然后下降' },
            locator: { kind: 'table' as const, ref: '2' },
            status: 'primary',
            effect: {
              driver: 'drought' as const,
              outcome: 'internal' as const,
              direction: 'increases' as const,
              scale: 'national' as const,
              subgroup: { en: 'women', zh: '妇女' },
            },
          },
        ],
      },
    },
    {
      id: 'note-a',
      data: {
        shortTitle: { en: 'Note A', zh: '说明 A' },
        bibliographic: { issued: '2019', originalLanguage: 'en' },
        countries: [],
        regions: [],
        themes: ['drought'],
        findings: [
          {
            id: 'says',
            text: { en: 'It says.', zh: '它说。' },
            locator: { kind: 'paragraph' as const, ref: '4' },
            status: 'secondary',
          },
        ],
      },
    },
  ],
};
const index = buildEvidenceIndex(input, { sources: new Set(), regions: new Set() });

function rowsFor(lang: 'en' | 'zh') {
  const [chunk] = buildDetails(input, lang);
  const detailed = chunk!.findings.map((details, i) => {
    const id = index.sources[index.findings[i]!.source]!.id;
    return { index: i, details, source: chunk!.sources[id]! };
  });
  return findingRows(index, detailed, 'https://atlas.example/zh/');
}

describe('findings CSV', () => {
  it('writes one row per finding with codes, texts and a link to its place', () => {
    const rows = rowsFor('en');
    expect(rows.map((r) => [r.source_id, r.tier, r.direction, r.driver, r.places])).toEqual([
      ['note-a', 'policy', '', '', '_global'],
      ['study-b', 'primary', 'increases', 'drought', 'sahel'],
    ]);
    expect(rows[1]).toMatchObject({
      design: 'household-survey',
      year: '2021',
      locator: 'table 2',
      subgroup: 'women',
      countries: 'NER',
      source_language: 'fr',
      finding_url: 'https://atlas.example/zh/sources/study-b/#finding-rises',
    });
  });

  it('quotes commas, quotes and line breaks, escapes formulas, and keeps Chinese', () => {
    const csv = findingsCsv(rowsFor('zh'));
    expect(csv.startsWith('\ufeff')).toBe(true);
    const parsed = parse<Record<string, string>>(csv.slice(1), { columns: true });
    expect(Object.keys(parsed[0] ?? {})).toEqual([...FINDING_COLUMNS]);
    expect(parsed.map((r) => r['text'])).toEqual(['它说。', '上升，然后下降']);
    const en = parse<Record<string, string>>(findingsCsv(rowsFor('en')).slice(1), {
      columns: true,
    });
    expect(en[1]?.['text']).toBe('\'=HYPERLINK("x") rises, a lot;\nthen falls');
    expect(en[1]?.['source_title']).toBe('Study B, "quoted", 2021');
  });

  it('writes a header even with no rows', () => {
    expect(writeCsv(['a', 'b'], [])).toBe('\ufeffa,b\r\n');
  });
});

describe('what a download holds', () => {
  it('cites each source of the findings once, in index order', () => {
    expect(sourcesOf(index, [1, 0, 1])).toEqual(['note-a', 'study-b']);
    expect(sourcesOf(index, [])).toEqual([]);
  });

  it('names files after the view, the choice and the filters', () => {
    const s = { ...defaultState(), row: 'drought', col: '_global' };
    expect(exportFileName(s, 'selection', 'csv', false)).toBe(
      'atlas-evidence-map-driver-region-drought-global.csv',
    );
    expect(exportFileName(s, 'shown', 'bib', true)).toBe(
      'atlas-evidence-map-driver-region-filtered.bib',
    );
    expect(
      exportFileName({ ...defaultState(), filters: emptyFilters() }, 'selection', 'ris', false),
    ).toBe('atlas-evidence-map-driver-region.ris');
  });
});
