/**
 * What the pages, search and the map derive from research entries: the
 * countries a study's data come from, the effect values of its findings,
 * grouping by design and the tallies of the method page.
 */
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../src/i18n';
import {
  byDesign,
  dataCountries,
  effectScales,
  effectValues,
  locatorKinds,
  studiesFrom,
  tallyCoding,
  type ResearchLike,
} from '../../src/lib/content/research';
import {
  designs,
  designTiers,
  drivers,
  effectDirections,
  outcomes,
  readParts,
} from '../../src/schemas/research';

const finding = (
  direction: 'increases' | 'decreases' | 'mixed',
  extra: { countries?: string[]; part?: 'abstract' | 'full-text' } = {},
): ResearchLike['findings'][number] => ({
  status: 'primary',
  locator: { kind: 'abstract' },
  effect: {
    driver: 'drought',
    outcome: direction === 'mixed' ? 'internal' : 'international',
    direction,
    scale: 'household',
    countries: extra.countries,
  },
  readAt: { url: 'https://example.org/paper', part: extra.part ?? 'abstract' },
});

const panel: ResearchLike = {
  countries: ['SEN'],
  study: { design: 'single-country-panel' },
  findings: [finding('increases', { countries: ['MLI', 'SEN'] }), finding('decreases')],
};
const review: ResearchLike = {
  countries: [],
  study: { design: 'meta-analysis' },
  findings: [finding('mixed', { part: 'full-text' })],
};
const note: ResearchLike = {
  countries: ['MLI'],
  findings: [{ status: 'secondary', locator: { kind: 'paragraph' } }],
};

describe('research entries', () => {
  it('take their data countries from the source and from each finding, once each', () => {
    expect(dataCountries(panel)).toEqual(['MLI', 'SEN']);
    expect(dataCountries(review)).toEqual([]);
  });

  it('list the drivers, outcomes and directions their findings use, in vocabulary order', () => {
    expect(effectValues(panel)).toEqual({
      driver: ['drought'],
      outcome: ['international'],
      direction: ['increases', 'decreases'],
    });
    expect(effectValues(note)).toEqual({ driver: [], outcome: [], direction: [] });
  });

  it('are found by the countries their findings name, and policy documents are not', () => {
    const all = [panel, review, note];
    expect(studiesFrom(all, (s) => s, ['MLI'])).toEqual([panel]);
    expect(studiesFrom(all, (s) => s, ['KAZ'])).toEqual([]);
  });

  it('group by tier, then design, syntheses first and policy documents last', () => {
    const groups = byDesign([note, panel, review], (s) => s);
    expect(groups.map((g) => [g.tier, g.designs.map((d) => d.design)])).toEqual([
      ['synthesis', ['meta-analysis']],
      ['primary', ['single-country-panel']],
      ['policy', [null]],
    ]);
    expect(byDesign([], (s: ResearchLike) => s)).toEqual([]);
  });

  it('are tallied value by value, counting findings and, for designs, studies', () => {
    const tally = tallyCoding([panel, review, note]);
    expect(tally.studies).toBe(2);
    expect(tally.findings).toBe(3);
    expect(tally.design['meta-analysis']).toBe(1);
    expect(tally.direction).toMatchObject({
      increases: 1,
      decreases: 1,
      mixed: 1,
      'not-assessed': 0,
    });
    expect(tally.readPart).toMatchObject({ abstract: 2, 'full-text': 1 });
    expect(tally.locator.abstract).toBe(3);
    expect(tally.locator.paragraph).toBe(0);
    expect(tally.status).toEqual({ primary: 3 });
  });
});

describe('the vocabularies', () => {
  const vocabularies: [string, readonly string[]][] = [
    ['design', designs],
    ['tier', designTiers],
    ['driver', drivers],
    ['outcome', outcomes],
    ['effect', effectDirections],
    ['effectScale', effectScales],
    ['readPart', readParts],
    ['locator', locatorKinds],
  ];

  it.each(vocabularies)(
    'give every %s value a label and a meaning in both languages (the method page lists them)',
    (prefix, values) => {
      for (const lang of ['en', 'zh'] as const) {
        const missing = values
          .flatMap((v) => [`${prefix}.${v}`, `${prefix}.${v}.help`])
          .filter((key) => !(dictionaries[lang] as Record<string, string>)[key]?.trim());
        expect(missing, lang).toEqual([]);
      }
    },
  );
});
