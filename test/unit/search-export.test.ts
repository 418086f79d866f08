import { describe, expect, it } from 'vitest';
import {
  citationFileUrl,
  combineCitations,
  exportFileName,
  sourceIdOf,
} from '../../src/lib/search/export';
import { parseCitations, toBibtex, toCsl, toCslJson, toRis } from '../../src/lib/citations';

const item = (id: string, title: string) =>
  toCsl({
    id,
    title,
    type: 'report',
    bibliographic: {
      authors: [{ literal: 'World Bank' }],
      issued: '2021',
      publisher: 'World Bank',
      originalLanguage: 'en',
    },
  });
const a = item('groundswell-2021', 'Groundswell Part 2');
const b = item('groundswell-2018', 'Groundswell: Preparing for Internal Climate Migration');

describe('search results as one citation file', () => {
  it('finds the source of a result URL, in either language and under a base', () => {
    expect(sourceIdOf('/sources/groundswell-2021/#finding-x')).toBe('groundswell-2021');
    expect(sourceIdOf('/atlas/zh/sources/groundswell-2021/', '/atlas/')).toBe('groundswell-2021');
    expect(sourceIdOf('/atlas/regions/sahel/', '/atlas/')).toBeUndefined();
    expect(sourceIdOf('/sources/groundswell-2021/', '/atlas/')).toBeUndefined();
    expect(citationFileUrl('groundswell-2021', 'ris', '/atlas')).toBe(
      '/atlas/cite/groundswell-2021.ris',
    );
  });

  it('joins BibTeX, RIS and CSL-JSON files into files citation-js reads back whole', () => {
    for (const [ext, write] of [
      ['bib', toBibtex],
      ['ris', toRis],
      ['json', toCslJson],
    ] as const) {
      const combined = combineCitations(ext, [write([a]), write([b])]);
      const titles = parseCitations(combined).map((c) => c.title);
      expect(titles, ext).toEqual([a.title, b.title]);
    }
  });

  it('names the file after the query', () => {
    expect(exportFileName('216 million', 'bib')).toBe('atlas-search-216-million.bib');
    expect(exportFileName('ICCD/COP(15)/18', 'ris')).toBe('atlas-search-iccd-cop-15-18.ris');
    expect(exportFileName('干旱', 'json')).toBe('atlas-search.json');
  });
});
