/**
 * Citation records and formats, all produced by citation-js from one CSL-JSON
 * record per source: formatted references (APA, Harvard), BibTeX, RIS and
 * CSL-JSON. UN documents are CSL `report`s with the symbol as `number`, so
 * every style keeps the symbol in the reference.
 */
import { Cite, plugins, util } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { z } from 'astro/zod';
import type { bibliographic as bibliographicSchema, SourceType } from '../schemas/sources';
import { CITATION_FORMATS, type CitationFormat } from './citation-formats';
import { memoized } from './memo';

// BibTeX keys are the atlas ids ("groundswell-2021"), stable across builds
// and the same as the RIS ID and CSL-JSON id.
const bibtexFormat = (plugins.config.get('@bibtex') as { format: Record<string, boolean> }).format;
bibtexFormat['useIdAsLabel'] = true;
bibtexFormat['checkLabel'] = false;

type Bibliographic = z.infer<typeof bibliographicSchema>;

/** The parts of a source entry a citation needs. */
export interface CitableSource {
  id: string;
  title: string;
  type: SourceType;
  bibliographic: Bibliographic;
}

/** A CSL-JSON item (the subset the atlas writes). */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'report' | 'document' | 'article-journal' | 'chapter' | 'book' | 'dataset';
  title: string;
  author?: ({ family: string; given: string } | { literal: string })[];
  editor?: ({ family: string; given: string } | { literal: string })[];
  volume?: string;
  issue?: string;
  page?: string;
  'collection-title'?: string;
  issued: { 'date-parts': [number[]] };
  publisher?: string;
  'publisher-place'?: string;
  'container-title'?: string;
  number?: string;
  genre?: string;
  URL?: string;
  DOI?: string;
  ISBN?: string;
  language?: string;
  note?: string;
}

/** The genre printed with the symbol, per source type. */
const GENRE: Partial<Record<SourceType, string>> = {
  'secretariat-note': 'Note by the secretariat',
  decision: 'Decision',
  'session-document': 'Session document',
  'call-for-proposals': 'Call for proposals',
  memorandum: 'Memorandum of understanding',
  declaration: 'Declaration',
  'working-paper': 'Working paper',
};

/** The CSL type of each kind of source; UN documents and studies are reports. */
const CSL_TYPE: Partial<Record<SourceType, CslItem['type']>> = {
  'journal-article': 'article-journal',
  'working-paper': 'report',
  'book-chapter': 'chapter',
  book: 'book',
  dataset: 'dataset',
  'research-report': 'report',
};

/** The CSL-JSON record of a source entry's data (English title, as cited in the literature). */
export const cslOfEntry = (
  id: string,
  d: { title: { en: string }; type: SourceType; bibliographic: Bibliographic },
): CslItem => toCsl({ id, title: d.title.en, type: d.type, bibliographic: d.bibliographic });

/** Builds the CSL-JSON record of a source. */
export function toCsl(source: CitableSource): CslItem {
  const b = source.bibliographic;
  const dateParts = b.issued.split('-').map(Number);
  const item: CslItem = {
    id: source.id,
    'citation-key': source.id,
    type: CSL_TYPE[source.type] ?? 'report',
    title: source.title,
    issued: { 'date-parts': [dateParts] },
    language: b.originalLanguage,
  };
  if (b.publisher) item.publisher = b.publisher;
  if (b.place) item['publisher-place'] = b.place;
  if (b.container) item['container-title'] = b.container;
  if (b.authors.length > 0) item.author = b.authors;
  if (b.editors) item.editor = b.editors;
  if (b.volume) item.volume = b.volume;
  if (b.issue) item.issue = b.issue;
  if (b.pages) item.page = b.pages;
  if (b.series) item['collection-title'] = b.series;
  if (b.symbol) item.number = b.symbol;
  else if (b.number) item.number = b.number;
  const genre = GENRE[source.type];
  if (genre) item.genre = genre;
  if (b.doi) item.DOI = b.doi;
  if (b.isbn) item.ISBN = b.isbn;
  const url = b.url ?? (b.handle ? `https://hdl.handle.net/${b.handle}` : undefined);
  if (url) item.URL = url;
  if (b.handle) item.note = `hdl:${b.handle}`;
  return item;
}

/** Reference styles offered on every source page. */
export const STYLES = { apa: 'APA', harvard1: 'Harvard' } as const;
export type StyleId = keyof typeof STYLES;

/**
 * Memoises a per-item conversion, keyed by the record's content. A build
 * formats each source many times over (its page in two languages, the
 * bibliography, the whole-library file and every subset file it belongs to),
 * and citeproc dominates the build's time: each record is converted once, and
 * the build fills the tables ahead in a worker (`memo.ts`).
 */
const perItem = (name: string, convert: (item: CslItem) => string) =>
  memoized<CslItem>(name, (item) => JSON.stringify(item), convert);

const references = {
  apa: perItem('reference:apa', (item) => formatBibliography([item], 'apa')),
  harvard1: perItem('reference:harvard1', (item) => formatBibliography([item], 'harvard1')),
} satisfies Record<StyleId, (item: CslItem) => string>;

/** What the atlas asks of a citeproc engine. */
interface CiteprocEngine {
  updateItems(ids: string[]): void;
  makeBibliography(): [{ bibstart: string; bibend: string }, string[]];
  makeCitationCluster(items: ({ id: string } & Record<string, string>)[]): string;
}
type EngineFactory = (
  data: unknown[],
  style: string,
  lang: string,
  format: string,
) => CiteprocEngine;
const cslPlugin = plugins.config.get('@csl') as {
  engine: EngineFactory;
  templates: { add(name: string, xml: string): void; has(name: string): boolean };
};

/** citation-js's citeproc engine for `style` (one per style, kept by citation-js), holding `items`, in plain text. */
export function citeproc(items: CslItem[], style: string): CiteprocEngine {
  return cslPlugin.engine(util.downgradeCsl(items), style, 'en-US', 'text');
}

/** Adds a CSL style by name, once. */
export function addStyle(name: string, xml: string): void {
  if (!cslPlugin.templates.has(name)) cslPlugin.templates.add(name, xml);
}

/**
 * The bibliography of `items` in `style`, as citation-js's `bibliography`
 * format writes it, from its engine directly: a `Cite` would parse the records
 * again each time, which was a third of the time of a reference.
 */
function formatBibliography(items: CslItem[], style: StyleId): string {
  const engine = citeproc(items, style);
  engine.updateItems(items.map((item) => item.id));
  const [meta, entries] = engine.makeBibliography();
  return `${meta.bibstart}${entries.join('')}${meta.bibend}`.trim();
}

/** A formatted reference as plain text. */
export function formatReference(items: CslItem | CslItem[], style: StyleId): string {
  return Array.isArray(items) ? formatBibliography(items, style) : references[style](items);
}

const bibtexOf = perItem('bibtex', (item) =>
  new Cite(item).format('bibtex', { format: 'text' }).trim(),
);

/** BibTeX for the items: one entry each, as citation-js writes them. */
export function toBibtex(items: CslItem[]): string {
  return items.map(bibtexOf).join('\n') + '\n';
}

/**
 * RIS for one item. citation-js wraps long lines at a fixed width, in the
 * middle of words, and its own parser rejoins them with a space; the atlas
 * writes each tag on one line so titles survive a round trip intact.
 */
const risOf = perItem('ris', (item) => {
  const wrapped = new Cite(item).format('ris', { format: 'text' });
  return wrapped.replace(/\r?\n(?![A-Z][A-Z0-9] {2}- |$)/g, '').trim();
});

/** RIS for the items: one record each, every record closed by `ER  - `. */
export function toRis(items: CslItem[]): string {
  return items.map((item) => `${risOf(item).replace(/ER {2}-$/, 'ER  - ')}\n`).join('');
}

/** CSL-JSON for the items. */
export function toCslJson(items: CslItem[]): string {
  return JSON.stringify(items, null, 2) + '\n';
}

/** The formats in the order pages list them. */
export const CITATION_FORMAT_IDS = Object.keys(CITATION_FORMATS) as CitationFormat[];

/** The serialiser of each citation format (`citation-formats.ts` names them). */
export const WRITERS: Record<CitationFormat, (items: CslItem[]) => string> = {
  bib: toBibtex,
  ris: toRis,
  json: toCslJson,
};

/** Parses any exported file back into CSL items (used by tests and by the search page). */
export function parseCitations(text: string): CslItem[] {
  return new Cite(text).data as unknown as CslItem[];
}
