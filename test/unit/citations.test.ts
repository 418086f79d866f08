import { describe, expect, it } from 'vitest';
import {
  formatReference,
  parseCitations,
  toBibtex,
  toCsl,
  toCslJson,
  toRis,
} from '../../src/lib/citations';

const note = toCsl({
  id: 'iccd-cop17-8',
  title:
    'The positive role that measures taken under the Convention can play to address desertification, land degradation and drought as one of the drivers that causes migration',
  type: 'secretariat-note',
  bibliographic: {
    authors: [{ literal: 'UNCCD secretariat' }],
    issued: '2026-06-03',
    publisher: 'United Nations Convention to Combat Desertification',
    symbol: 'ICCD/COP(17)/8',
    originalLanguage: 'en',
  },
});
const report = toCsl({
  id: 'groundswell-2021',
  title: 'Groundswell Part 2: Acting on Internal Climate Migration',
  type: 'report',
  bibliographic: {
    authors: [
      { family: 'Clement', given: 'Viviane' },
      { family: 'Rigaud', given: 'Kanta Kumari' },
    ],
    issued: '2021',
    publisher: 'World Bank',
    place: 'Washington, DC',
    handle: '10986/36248',
    originalLanguage: 'en',
  },
});

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
