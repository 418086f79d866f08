/**
 * `npm run add:source`: from one bibliographic record (BibTeX, RIS or
 * CSL-JSON, parsed with citation-js) to the draft of a source entry. The
 * bibliographic record is filled from the file; everything else is a
 * placeholder (`TODO`, see ./placeholders.ts) that the validator refuses,
 * with the allowed values beside it, read from the schemas. Pure: the script
 * in scripts/add-source.ts reads and writes the files.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { dump, load } from 'js-yaml';
import { themeIds } from '../../schemas/common';
import { designs, drivers, effectDirections, outcomes, readParts } from '../../schemas/research';
import { dlddLink, doiPattern, documentLanguage, type SourceType } from '../../schemas/sources';
import { placeholderPaths } from './placeholders';
import { effectScales, locatorKinds } from './research';
import { ENTRY_ID } from '../ids';
import { CITATION_FORMATS, isCitationFormat, type CitationFormat } from '../citation-formats';

/** A record that cannot become an entry; the message says why, and nothing is written. */
export class RecordError extends Error {
  override name = 'RecordError';
}

/** Input formats, by file extension: the formats the atlas exports. */
export type RecordFormat = CitationFormat;

/** citation-js's name for the input of each format. */
const CITATION_JS: Record<RecordFormat, string> = {
  bib: '@bibtex/text',
  ris: '@ris/file',
  json: '@csl/list+object',
};

/** The format of a file, from its extension (".bib", ".ris", ".json"), or undefined. */
export function formatOf(file: string): RecordFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return ext !== undefined && isCitationFormat(ext) ? ext : undefined;
}

/** The subset of a CSL-JSON item that is read. */
interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}
interface CslRecord {
  type?: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts'?: (number | string)[][]; raw?: string; literal?: string };
  'container-title'?: string;
  'collection-title'?: string;
  volume?: string | number;
  issue?: string | number;
  page?: string | number;
  number?: string | number;
  genre?: string;
  publisher?: string;
  'publisher-place'?: string;
  URL?: string;
  DOI?: string;
  ISBN?: string;
  language?: string;
}

/** Parses the text of a record file into exactly one CSL item. */
export function parseRecord(text: string, format: RecordFormat): CslRecord {
  const { label } = CITATION_FORMATS[format];
  const citationJs = CITATION_JS[format];
  let input: unknown = text;
  if (format === 'json') {
    try {
      input = JSON.parse(text);
    } catch (error) {
      throw new RecordError(`not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(input)) input = [input];
  }
  let items: CslRecord[];
  try {
    items = new Cite(input, { forceType: citationJs }).data;
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0] ?? '';
    throw new RecordError(`not a valid ${label} record (citation-js: ${reason})`);
  }
  if (items.length === 0) throw new RecordError(`no ${label} record found in the file`);
  if (items.length > 1) {
    throw new RecordError(`${items.length} records in the file: give one record per file`);
  }
  return items[0] as CslRecord;
}

/** Source type of a CSL type: a report is a working paper when it has a series number. */
function sourceTypeOf(item: CslRecord): SourceType {
  switch (item.type) {
    case 'article-journal':
      return 'journal-article';
    case 'chapter':
      return 'book-chapter';
    case 'book':
      return 'book';
    case 'dataset':
      return 'dataset';
    case 'report':
      return item.number !== undefined || /working|discussion/i.test(item.genre ?? '')
        ? 'working-paper'
        : 'research-report';
    default:
      throw new RecordError(
        `CSL type "${item.type ?? '(none)'}" is not one the atlas holds: use a journal article, chapter, book, report or dataset record`,
      );
  }
}

type Person = { family: string; given: string } | { literal: string };

const person = (n: CslName, role: string): Person => {
  const family = n.family?.trim();
  const given = n.given?.trim();
  if (family && given) return { family, given };
  const literal = n.literal?.trim() ?? family ?? given;
  if (!literal) throw new RecordError(`an ${role} without a name`);
  return { literal };
};

/** "2021", "2021-03" or "2021-03-05" from CSL date parts. */
function issuedOf(item: CslRecord): string {
  const parts = item.issued?.['date-parts']?.[0]?.map(Number) ?? [];
  const [y, m, d] = parts;
  if (y === undefined || !Number.isInteger(y) || y < 1000 || y > 2100) {
    throw new RecordError('no year of publication (issued)');
  }
  const two = (n: number) => String(n).padStart(2, '0');
  if (m === undefined || !Number.isInteger(m)) return String(y);
  if (d === undefined || !Number.isInteger(d)) return `${y}-${two(m)}`;
  return `${y}-${two(m)}-${two(d)}`;
}

const text = (v: string | number | undefined): string | undefined => {
  const s = v === undefined ? '' : String(v).trim();
  return s === '' ? undefined : s;
};

/** The bibliographic block of the entry, from the record alone. */
function bibliographicOf(item: CslRecord): Record<string, unknown> {
  const authors = (item.author ?? []).map((a) => person(a, 'author'));
  if (authors.length === 0) throw new RecordError('no author');
  const doi = text(item.DOI)?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  if (doi !== undefined && !doiPattern.test(doi)) {
    throw new RecordError(`the DOI "${doi}" is not a DOI such as 10.4054/DemRes.2019.41.18`);
  }
  const url = text(item.URL);
  const language = text(item.language)?.slice(0, 2).toLowerCase();
  const languages: readonly string[] = documentLanguage.options;
  const editors = (item.editor ?? []).map((e) => person(e, 'editor'));
  const fields: Record<string, unknown> = {
    authors,
    issued: issuedOf(item),
    publisher: text(item.publisher),
    place: text(item['publisher-place']),
    container: text(item['container-title']),
    editors: editors.length > 0 ? editors : undefined,
    volume: text(item.volume),
    issue: text(item.issue),
    // Page ranges with an en dash, as the atlas writes them ("904–912").
    pages: text(item.page)?.replace(/\s*(--?|–|—)\s*/g, '–'),
    series: text(item['collection-title']),
    number: text(item.number),
    url: url?.startsWith('https://') ? url : undefined,
    doi,
    isbn: text(item.ISBN),
    originalLanguage:
      language && languages.includes(language)
        ? language
        : `TODO: the language of the text, one of ${languages.join(', ')}`,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** An ASCII slug: diacritics dropped, lower case, hyphens. */
const slugOf = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * The id of a new entry: the first author's family name (or the first three
 * words of an institution) and the year, e.g. "sedova-2021"; "-b", "-c"… are
 * added while the id is taken.
 */
export function deriveId(bib: Record<string, unknown>, taken: ReadonlySet<string>): string {
  const first = (bib['authors'] as Person[])[0] as Person;
  const name =
    'family' in first
      ? slugOf(first.family)
      : slugOf(first.literal).split('-').slice(0, 3).join('-');
  if (name === '') {
    throw new RecordError(
      "cannot make an ASCII id from the first author's name: give one with --id",
    );
  }
  const stem = `${name}-${String(bib['issued']).slice(0, 4)}`;
  if (!taken.has(stem)) return stem;
  for (const letter of 'bcdefghijklmnopqrstuvwxyz') {
    if (!taken.has(`${stem}-${letter}`)) return `${stem}-${letter}`;
  }
  throw new RecordError(`every id from ${stem} to ${stem}-z is taken: give one with --id`);
}

/** YAML of a value, indented by `indent` spaces. */
const yaml = (value: unknown, indent: number): string =>
  dump(value, { lineWidth: -1 })
    .trimEnd()
    .split('\n')
    .map((line) => `${' '.repeat(indent)}${line}`)
    .join('\n');

const oneOf = (values: readonly string[]) => `one of: ${values.join(', ')}`;

export interface Draft {
  id: string;
  type: SourceType;
  /** The markdown file: frontmatter only. */
  markdown: string;
  /** How many placeholders it holds. */
  placeholders: number;
}

/**
 * The draft entry for a record. `taken` holds the ids in use; `dois` maps each
 * DOI in use (lower case) to its file. `added` is today's date (YYYY-MM-DD).
 */
export function draftEntry(
  item: CslRecord,
  options: {
    from: string;
    added: string;
    taken: ReadonlySet<string>;
    dois: ReadonlyMap<string, string>;
    id?: string;
  },
): Draft {
  const title = text(item.title);
  if (title === undefined) throw new RecordError('no title');
  const type = sourceTypeOf(item);
  const bib = bibliographicOf(item);
  const doi = bib['doi'] as string | undefined;
  const clash = doi === undefined ? undefined : options.dois.get(doi.toLowerCase());
  if (clash !== undefined) {
    throw new RecordError(`the DOI ${doi} is already used by ${clash}: the source is in the atlas`);
  }
  if (options.id !== undefined) {
    if (!ENTRY_ID.test(options.id)) {
      throw new RecordError(`the id "${options.id}" is not a lower-case id with hyphens`);
    }
    if (options.taken.has(options.id)) {
      throw new RecordError(`the id "${options.id}" is already taken by an entry`);
    }
  }
  const id = options.id ?? deriveId(bib, options.taken);
  const direction = dlddLink.shape.direction.options;
  const pathways = dlddLink.shape.pathways.element.options;
  const scales = dlddLink.shape.scale.element.options;
  const lines = [
    '---',
    `# Written by npm run add:source from ${options.from} on ${options.added}.`,
    '# The bibliographic record comes from that file. Every TODO is yours to fill in: the',
    '# build refuses the entry while one is left. How to code a study: CONTRIBUTING.md.',
    'title:',
    yaml({ en: title }, 2),
    "  zh: 'TODO: the title in Chinese'",
    'shortTitle:',
    `  en: 'TODO: a short title for lists, e.g. "Author et al. (year), what it is"'`,
    "  zh: 'TODO: the short title in Chinese'",
    `type: ${type}`,
    'bibliographic:',
    yaml(bib, 2),
    'study:',
    `  design: TODO # ${oneOf(designs)}`,
    '  # period: { from: 2000, to: 2010 } # the years the data cover, if the source states them',
    '  sample:',
    "    en: 'TODO: the sample as the source states it (countries, households, studies)'",
    "    zh: 'TODO: the sample in Chinese'",
    '  data:',
    "    en: 'TODO: the data used, in short'",
    "    zh: 'TODO: the data in Chinese'",
    'summary:',
    "  en: 'TODO: what the source is and reports, in the atlas''s own words'",
    "  zh: 'TODO: the summary in Chinese'",
    'dlddLink:',
    `  direction: TODO # ${oneOf(direction)}`,
    `  pathways: [] # any of: ${pathways.join(', ')}`,
    `  scale: [TODO] # ${oneOf(scales)} (one or more)`,
    '  rationale:',
    "    en: 'TODO: why coded so'",
    "    zh: 'TODO: why coded so, in Chinese'",
    'findings:',
    '  # One finding per claim and per direction; numbers exactly as printed; no quotation.',
    '  - id: TODO # an anchor id, lower case with hyphens, e.g. drought-raises-temporary-moves',
    '    text:',
    "      en: 'TODO: the finding in the atlas''s own words, hedges kept'",
    "      zh: 'TODO: the finding in Chinese'",
    `    locator: { kind: TODO, ref: TODO } # kind ${oneOf(locatorKinds)}; ref: "abstract", the page or the number`,
    '    status: TODO # primary (read in the study itself) or secondary (then add via: title, publisher, url)',
    `    readAt: { url: TODO, part: TODO } # url: the https address of the copy read; part ${oneOf(readParts)}`,
    '    effect:',
    `      driver: TODO # ${oneOf(drivers)}`,
    `      outcome: TODO # ${oneOf(outcomes)}`,
    `      direction: TODO # ${oneOf(effectDirections)}`,
    '      # subgroup: { en: poorer households, zh: 较贫困住户 } # whom or where it holds for, if the source says',
    "      # countries: [ETH] # ISO3 codes, if the finding concerns other countries than the entry's",
    `      scale: TODO # ${oneOf(effectScales)}`,
    `themes: [TODO] # ${oneOf(themeIds)} (one or more)`,
    'countries: [] # ISO 3166-1 alpha-3 codes of the countries the data come from',
    'regions: []',
    'initiatives: []',
    'cites: []',
    `added: '${options.added}'`,
    '---',
    '',
  ];
  const markdown = lines.join('\n');
  const placeholders = placeholderPaths(load(markdown.split('---\n')[1] ?? '')).length;
  return { id, type, markdown, placeholders };
}
