import { describe, expect, it } from 'vitest';
import {
  formatReference,
  parseCitations,
  toBibtex,
  toCslJson,
  toRis,
} from '../../src/lib/citations';
import { report, secretariatNote } from '../support/csl';

const note = secretariatNote;

describe('formatted references', () => {
  it('keep the UN document symbol in APA and Harvard', () => {
    expect(formatReference(note, 'apa')).toContain('ICCD/COP(17)/8');
    expect(formatReference(note, 'harvard1')).toContain('ICCD/COP(17)/8');
  });

  it('format personal authors in APA', () => {
    expect(formatReference(report, 'apa')).toBe(
      'Clement, V., & Rigaud, K. K. (2021). Groundswell Part 2: Acting on Internal Climate Migration. World Bank. https://hdl.handle.net/10986/36248',
    );
  });
});

describe('exports', () => {
  it.each([
    ['BibTeX', toBibtex],
    ['RIS', toRis],
    ['CSL-JSON', toCslJson],
  ])('%s parses back to the same titles, years and identifiers', (_, write) => {
    const back = parseCitations(write([note, report]));
    expect(back.map((i) => i.title)).toEqual([note.title, report.title]);
    expect(back.map((i) => i.issued['date-parts'][0]?.[0])).toEqual([2026, 2021]);
    expect(back[0]?.number).toBe('ICCD/COP(17)/8');
    expect(back[1]?.URL).toBe('https://hdl.handle.net/10986/36248');
  });
});
