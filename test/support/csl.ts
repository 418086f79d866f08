/** CSL records of three kinds of source, as the site makes them (`toCsl`), for the citation tests. */
import { toCsl } from '../../src/lib/citations';

/** Personal names written "Family, Given". */
const people = (...names: string[]) =>
  names.map((name) => {
    const [family = '', given = ''] = name.split(', ');
    return { family, given };
  });

/** A UN document: an institutional author and a document symbol. */
export const secretariatNote = toCsl({
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

/** A report: personal authors, a place of publication and a Handle. */
export const report = toCsl({
  id: 'groundswell-2021',
  title: 'Groundswell Part 2: Acting on Internal Climate Migration',
  type: 'report',
  bibliographic: {
    authors: people('Clement, Viviane', 'Rigaud, Kanta Kumari'),
    issued: '2021',
    publisher: 'World Bank',
    place: 'Washington, DC',
    handle: '10986/36248',
    originalLanguage: 'en',
  },
});

/** A journal article: three authors, a journal, volume and pages. */
export const article = toCsl({
  id: 'hoffmann-2020',
  title: 'A meta-analysis of country-level studies on environmental change and migration',
  type: 'journal-article',
  bibliographic: {
    authors: people('Hoffmann, Roman', 'Dimitrova, Anna', 'Muttarak, Raya'),
    issued: '2020',
    container: 'Nature Climate Change',
    volume: '10',
    pages: '904–912',
    originalLanguage: 'en',
  },
});
