/**
 * A source's bibliographic record as rows, in the order the source page
 * shows them: symbol, date, authors (full names, so that search finds a
 * source by any of them), container (a journal or book title as published,
 * in every language), editors, volume, issue, pages, series and number,
 * publisher, ISBN, languages, and identifiers (DOI and Handle linked through
 * their resolvers, the URL as a link). A field the source does not have gives
 * no row. `Source/Record.astro` renders the rows; this decides what they say.
 */
import type { UiKey } from '../../i18n';
import { formatDate, type Lang, type Translate } from '../i18n';
import type { Source } from './store';

export interface RecordRow {
  label: string;
  value: string;
  /** Where the value links to. */
  href?: string;
  /** Pagefind attributes of the value: a filter, a meta field, or left out of the index. */
  index?: { filter: string } | { meta: string } | 'ignore';
}

type Person = NonNullable<Source['data']['bibliographic']['editors']>[number];
const names = (people: readonly Person[]) =>
  people.map((p) => ('literal' in p ? p.literal : `${p.given} ${p.family}`)).join(', ');

const CONTAINER: Partial<Record<Source['data']['type'], UiKey>> = {
  'journal-article': 'source.journal',
  'book-chapter': 'source.book',
};

export function recordRows(data: Source['data'], lang: Lang, t: Translate): RecordRow[] {
  const b = data.bibliographic;
  const plain: [UiKey, string | undefined][] = [
    ['source.symbol', b.symbol],
    ['source.issued', formatDate(b.issued, lang)],
    ['source.authors', b.authors.length > 0 ? names(b.authors) : undefined],
    [CONTAINER[data.type] ?? 'source.container', b.container],
    ['source.editors', b.editors && names(b.editors)],
    ['source.volume', b.volume],
    ['source.issue', b.issue],
    ['source.pages', b.pages],
    ['source.series', b.series],
    ['source.number', b.number],
    ['source.publisher', b.publisher && (b.place ? `${b.publisher}, ${b.place}` : b.publisher)],
    ['source.isbn', b.isbn],
  ];
  const rows: (RecordRow | undefined)[] = [
    ...plain.map(([key, value]) => (value === undefined ? undefined : { label: t(key), value })),
    {
      label: t('source.originalLanguage'),
      value: t(`language.${b.originalLanguage}`),
      index: { filter: 'language' },
    },
    b.readIn && b.readIn.length > 0
      ? {
          label: t('source.readInLanguages'),
          value: b.readIn.map((l) => t(`language.${l}`)).join(', '),
        }
      : undefined,
    b.doi
      ? { label: 'DOI', value: b.doi, href: `https://doi.org/${b.doi}`, index: { meta: 'doi' } }
      : undefined,
    b.handle
      ? {
          label: 'Handle',
          value: b.handle,
          href: `https://hdl.handle.net/${b.handle}`,
          index: { meta: 'handle' },
        }
      : undefined,
    b.url ? { label: 'URL', value: t('source.open'), href: b.url, index: 'ignore' } : undefined,
  ];
  return rows.filter((row) => row !== undefined);
}
