/**
 * What the two tables of the open data share (`finding-rows.ts`,
 * `source-rows.ts`): the column model, the inputs a row reads, the value
 * patterns, the columns that describe a source in both tables, and the one
 * way a row is made from its columns. Pure: no Astro, no files.
 */
import type { z } from 'astro/zod';
import { slugPattern, type Localized, type Theme } from '../../schemas/common';
import { designs, type Study } from '../../schemas/research';
import {
  dlddLink as dlddLinkSchema,
  sourceTypes,
  type bibliographic,
  type Finding,
  type SourceType,
} from '../../schemas/sources';
import type { CslItem } from '../citations';
import { citeSource } from '../finding-citations';
import { ISO3 as ISO3_PATTERN, unanchored } from '../ids';

/** A source as the data tables need it: its content, with links as ids. */
export interface DataSource {
  id: string;
  title: Localized;
  shortTitle: Localized;
  type: SourceType;
  bibliographic: z.infer<typeof bibliographic>;
  dlddLink: z.infer<typeof dlddLinkSchema>;
  study?: Study | undefined;
  findings: readonly Finding[];
  themes: readonly Theme[];
  countries: readonly string[];
  regions: readonly string[];
  initiatives: readonly string[];
  added: string;
  updated?: string | undefined;
}

/** What the tables need besides content: the CSL record and the page address of each source. */
export interface DataContext {
  /** The source's CSL record (the one its citations and downloads use). */
  csl: (source: DataSource) => CslItem;
  /** The absolute address of the source's page ("https://…/sources/<id>/"). */
  pageUrl: (source: DataSource) => string;
}

/** A cell: text, a number, a list, or nothing. */
export type Cell = string | number | readonly string[] | null;
export type Row = Record<string, Cell>;

/** Table Schema types used by the atlas's columns. */
type FieldType = 'string' | 'integer' | 'date';

export interface Column<T> {
  /** Column name, snake_case. */
  name: string;
  type: FieldType;
  /** What the column holds, for the Table Schema and the data page. */
  description: string;
  /** A value is always present. */
  required?: true;
  /** The controlled vocabulary of the value (or of each item of a list). */
  vocabulary?: readonly string[];
  /** A regular expression each value (or each item of a list) matches. */
  pattern?: string;
  /** The value is a list: an array in JSON, items joined by `;` in CSV. */
  list?: true;
  value: (x: T) => Cell;
}

/** Items of a list column are joined by this in CSV. */
export const LIST_SEPARATOR = ';';

/** One source, as a source row reads it. */
export interface SourceInput {
  source: DataSource;
  csl: CslItem;
  pageUrl: string;
}
/** One finding with its source, as a finding row reads it. */
export interface FindingInput extends SourceInput {
  finding: Finding;
  /** The document the locator points into when the finding was read there, not in the source. */
  locatedIn: string | undefined;
}

export const opt = <T>(x: T | undefined): T | null => x ?? null;
/** Patterns in a Table Schema match the whole value: no anchors. */
export const ISO3 = unanchored(ISO3_PATTERN);
export const SLUG = unanchored(slugPattern);
/**
 * Addresses as patterns, not Table Schema's `uri` format: the Frictionless
 * library's check rejects valid URIs, such as the `localhost` of a local
 * build or a fully qualified host name ending in a dot. Content URLs are
 * `https:` (the content schema checks them); the atlas's own pages are
 * `https:` when deployed.
 */
export const PAGE_URL = String.raw`https?://\S+`;
export const HTTPS_URL = String.raw`https://\S+`;
export const ISSUED = String.raw`\d{4}(-\d{2}(-\d{2})?)?`;

/**
 * Columns that describe the source, in both tables: a finding row reads them
 * through its source as a source row does (a `FindingInput` is a `SourceInput`).
 */
export const SOURCE_COLUMNS_SHARED = {
  sourceId: {
    name: 'source_id',
    type: 'string',
    required: true,
    description: 'Id of the source (its page is sources/<source_id>/).',
    value: (x) => x.source.id,
  },
  shortCitation: {
    name: 'short_citation',
    type: 'string',
    required: true,
    description: 'In-text citation of the source, APA style, e.g. "(UNCCD secretariat, 2026)".',
    value: (x) => citeSource(x.csl, 'apa'),
  },
  year: {
    name: 'year',
    type: 'integer',
    required: true,
    description: 'Year the source was issued.',
    value: (x) => Number(x.source.bibliographic.issued.slice(0, 4)),
  },
  type: {
    name: 'type',
    type: 'string',
    required: true,
    vocabulary: sourceTypes,
    description: 'Kind of source.',
    value: (x) => x.source.type,
  },
  design: {
    name: 'design',
    type: 'string',
    vocabulary: designs,
    description: 'Study design of a research source; empty for UN and policy documents.',
    value: (x) => opt(x.source.study?.design),
  },
  regions: {
    name: 'regions',
    type: 'string',
    list: true,
    pattern: SLUG,
    description: 'Ids of the regions of the source, separated by ;.',
    value: (x) => x.source.regions,
  },
} as const satisfies Record<string, Column<SourceInput>>;

/**
 * A pair of text columns, `<name>_en` and `<name>_zh`, one per language of
 * a localized value; `describe` words the description for each language.
 */
export function bilingual<T>(
  name: string,
  describe: (language: 'English' | 'Chinese') => string,
  value: (x: T) => Localized | undefined,
  required?: true,
): Column<T>[] {
  return (
    [
      ['en', 'English'],
      ['zh', 'Chinese'],
    ] as const
  ).map(([lang, language]) => ({
    name: `${name}_${lang}`,
    type: 'string',
    ...(required ? { required } : {}),
    description: describe(language),
    value: (x) => opt(value(x)?.[lang]),
  }));
}

/** The row of one input: column name → cell. */
export function toRow<T>(columns: readonly Column<T>[], input: T): Row {
  return Object.fromEntries(columns.map((c) => [c.name, c.value(input)]));
}
