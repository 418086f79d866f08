/**
 * The row model of the atlas's open data: one row per finding
 * (`findings.csv`, `findings.json`) and one per source (`sources.csv`,
 * `sources.json`). Each table is a list of columns, and each column says once
 * its name, type, vocabulary and how to read its value from the content; the
 * CSV and JSON writers and the Table Schema of `datapackage.json` all read
 * these lists, so adding a column is one edit. Pure: no Astro, no files.
 */
import type { z } from 'astro/zod';
import {
  locator as locatorSchema,
  slugPattern,
  themeIds,
  verification,
  type Localized,
  type Theme,
} from '../../schemas/common';
import {
  designs,
  designTier,
  designTiers,
  drivers,
  effectDirections,
  effectScale,
  outcomes,
  readParts,
  type Study,
} from '../../schemas/research';
import {
  dlddLink as dlddLinkSchema,
  documentLanguage,
  sourceTypes,
  type bibliographic,
  type Finding,
  type SourceType,
} from '../../schemas/sources';
import { formatReference, type CslItem } from '../citations';
import { citeFinding, citeReported, citeSource, locatorText } from '../finding-citations';
import { locatorDocument } from '../finding-locator';

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
export type FieldType = 'string' | 'integer' | 'date';

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

const opt = <T>(x: T | undefined): T | null => x ?? null;
const ISO3 = '[A-Z]{3}';
/** Patterns in a Table Schema match the whole value: no anchors. */
const unanchored = (re: RegExp) => re.source.replace(/^\^|\$$/g, '');
const SLUG = unanchored(slugPattern);
/**
 * Addresses as patterns, not Table Schema's `uri` format: the Frictionless
 * library's check rejects valid URIs, such as the `localhost` of a local
 * build or a fully qualified host name ending in a dot. Content URLs are
 * `https:` (the content schema checks them); the atlas's own pages are
 * `https:` when deployed.
 */
const PAGE_URL = String.raw`https?://\S+`;
const HTTPS_URL = String.raw`https://\S+`;
const ISSUED = String.raw`\d{4}(-\d{2}(-\d{2})?)?`;
const author = (a: { family: string; given: string } | { literal: string }) =>
  'literal' in a ? a.literal : `${a.family}, ${a.given}`;
const locatorKinds = locatorSchema.shape.kind.options;

/**
 * Columns that describe the source, in both tables: a finding row reads them
 * through its source as a source row does (a `FindingInput` is a `SourceInput`).
 */
const SOURCE_ID: Column<SourceInput> = {
  name: 'source_id',
  type: 'string',
  required: true,
  description: 'Id of the source (its page is sources/<source_id>/).',
  value: (x) => x.source.id,
};
const SHORT_CITATION: Column<SourceInput> = {
  name: 'short_citation',
  type: 'string',
  required: true,
  description: 'In-text citation of the source, APA style, e.g. "(UNCCD secretariat, 2026)".',
  value: (x) => citeSource(x.csl, 'apa'),
};
const YEAR: Column<SourceInput> = {
  name: 'year',
  type: 'integer',
  required: true,
  description: 'Year the source was issued.',
  value: (x) => Number(x.source.bibliographic.issued.slice(0, 4)),
};
const TYPE: Column<SourceInput> = {
  name: 'type',
  type: 'string',
  required: true,
  vocabulary: sourceTypes,
  description: 'Kind of source.',
  value: (x) => x.source.type,
};
const DESIGN: Column<SourceInput> = {
  name: 'design',
  type: 'string',
  vocabulary: designs,
  description: 'Study design of a research source; empty for UN and policy documents.',
  value: (x) => opt(x.source.study?.design),
};
const REGIONS: Column<SourceInput> = {
  name: 'regions',
  type: 'string',
  list: true,
  pattern: SLUG,
  description: 'Ids of the regions of the source, separated by ;.',
  value: (x) => x.source.regions,
};

/** The columns of `findings.csv`, in order. */
export const FINDING_COLUMNS: readonly Column<FindingInput>[] = [
  SOURCE_ID,
  {
    name: 'finding_id',
    type: 'string',
    required: true,
    description: 'Id of the finding, unique within its source.',
    value: (x) => x.finding.id,
  },
  SHORT_CITATION,
  {
    name: 'citation',
    type: 'string',
    required: true,
    description:
      'In-text citation of the finding with its locator, APA style, e.g. "(UNCCD secretariat, 2026, para. 9)".',
    value: (x) =>
      x.locatedIn === undefined
        ? citeFinding(x.csl, x.finding.locator, 'apa')
        : citeReported(x.csl, x.finding.locator, 'apa', x.locatedIn),
  },
  YEAR,
  { ...TYPE, name: 'source_type' },
  DESIGN,
  {
    name: 'design_tier',
    type: 'string',
    required: true,
    vocabulary: designTiers,
    description: 'Synthesis, primary study, or policy document (no design).',
    value: (x) => designTier(x.source.study?.design),
  },
  {
    name: 'text_en',
    type: 'string',
    required: true,
    description: "The finding in English, in the atlas's words.",
    value: (x) => x.finding.text.en,
  },
  {
    name: 'text_zh',
    type: 'string',
    required: true,
    description: "The finding in Chinese, in the atlas's words.",
    value: (x) => x.finding.text.zh,
  },
  {
    name: 'locator_kind',
    type: 'string',
    required: true,
    vocabulary: locatorKinds,
    description: 'Kind of place in the source where the finding is stated.',
    value: (x) => x.finding.locator.kind,
  },
  {
    name: 'locator_ref',
    type: 'string',
    required: true,
    description: 'The paragraph, page, section, footnote, table or figure.',
    value: (x) => x.finding.locator.ref,
  },
  {
    name: 'locator',
    type: 'string',
    required: true,
    description:
      'The locator as a citation writes it, e.g. "para. 9", "p. 12"; for a finding read in another document, that document first: "ICCD/COP(17)/8, para. 10".',
    value: (x) =>
      x.locatedIn === undefined
        ? locatorText(x.finding.locator)
        : `${x.locatedIn}, ${locatorText(x.finding.locator)}`,
  },
  {
    name: 'status',
    type: 'string',
    required: true,
    vocabulary: verification.options,
    description:
      'How the atlas knows it: read in the source (primary), in another source (secondary), or unverified.',
    value: (x) => x.finding.status,
  },
  {
    name: 'via_url',
    type: 'string',
    pattern: HTTPS_URL,
    description: 'Where a secondary finding was read.',
    value: (x) => opt(x.finding.via?.url),
  },
  {
    name: 'driver',
    type: 'string',
    vocabulary: drivers,
    description: 'Environmental driver of a research finding; empty for UN documents.',
    value: (x) => opt(x.finding.effect?.driver),
  },
  {
    name: 'outcome',
    type: 'string',
    vocabulary: outcomes,
    description: 'Mobility outcome of a research finding; empty for UN documents.',
    value: (x) => opt(x.finding.effect?.outcome),
  },
  {
    name: 'direction',
    type: 'string',
    vocabulary: effectDirections,
    description: 'Direction of the effect of the driver on the outcome, as the source reports it.',
    value: (x) => opt(x.finding.effect?.direction),
  },
  {
    name: 'subgroup_en',
    type: 'string',
    description: 'Population or condition the effect holds for, in English.',
    value: (x) => opt(x.finding.effect?.subgroup?.en),
  },
  {
    name: 'subgroup_zh',
    type: 'string',
    description: 'Population or condition the effect holds for, in Chinese.',
    value: (x) => opt(x.finding.effect?.subgroup?.zh),
  },
  {
    name: 'scale',
    type: 'string',
    vocabulary: effectScale.options,
    description: 'Scale of a research finding.',
    value: (x) => opt(x.finding.effect?.scale),
  },
  {
    name: 'countries',
    type: 'string',
    list: true,
    pattern: ISO3,
    description:
      "Countries of the finding (ISO 3166-1 alpha-3, separated by ;): the finding's own, or else the source's.",
    value: (x) => x.finding.effect?.countries ?? x.source.countries,
  },
  REGIONS,
  {
    name: 'themes',
    type: 'string',
    list: true,
    vocabulary: themeIds,
    description: 'Themes of the finding, separated by ;.',
    value: (x) => x.finding.themes ?? [],
  },
  {
    name: 'read_part',
    type: 'string',
    vocabulary: readParts,
    description: 'Which part of a research source the atlas read.',
    value: (x) => opt(x.finding.readAt?.part),
  },
  {
    name: 'read_url',
    type: 'string',
    pattern: HTTPS_URL,
    description: 'The copy of a research source the atlas read.',
    value: (x) => opt(x.finding.readAt?.url),
  },
  {
    name: 'permalink',
    type: 'string',
    pattern: PAGE_URL,
    required: true,
    description: "The finding on the atlas's source page.",
    value: (x) => `${x.pageUrl}#finding-${x.finding.id}`,
  },
];

/** The columns of `sources.csv`, in order. */
export const SOURCE_COLUMNS: readonly Column<SourceInput>[] = [
  SOURCE_ID,
  TYPE,
  DESIGN,
  {
    name: 'title_en',
    type: 'string',
    required: true,
    description: 'Title in English.',
    value: (x) => x.source.title.en,
  },
  {
    name: 'title_zh',
    type: 'string',
    required: true,
    description: 'Title in Chinese.',
    value: (x) => x.source.title.zh,
  },
  {
    name: 'authors',
    type: 'string',
    list: true,
    description:
      'Authors in order ("Family, Given", or an institution), separated by ;. Empty only for an edited book (see editors).',
    value: (x) => x.source.bibliographic.authors.map(author),
  },
  {
    name: 'editors',
    type: 'string',
    list: true,
    description: 'Editors of an edited book, or of the book a chapter belongs to, separated by ;.',
    value: (x) => (x.source.bibliographic.editors ?? []).map(author),
  },
  {
    name: 'issued',
    type: 'string',
    required: true,
    pattern: ISSUED,
    description: 'Date issued, as precise as known: YYYY, YYYY-MM or YYYY-MM-DD.',
    value: (x) => x.source.bibliographic.issued,
  },
  YEAR,
  ...(
    [
      ['publisher', 'Publisher.'],
      ['place', 'Place of publication.'],
      ['container', 'Journal, book, series or meeting the source belongs to.'],
      ['volume', 'Journal volume.'],
      ['issue', 'Journal issue.'],
      ['pages', 'Page range.'],
      ['series', 'Working-paper or report series.'],
      ['number', 'Number in the series.'],
      ['symbol', 'UN document symbol.'],
      ['doi', 'DOI, without resolver.'],
      ['handle', 'Handle.'],
      ['isbn', 'ISBN.'],
    ] as const
  ).map(([field, description]): Column<SourceInput> => ({
    name: field,
    type: 'string',
    description,
    value: (x) => opt(x.source.bibliographic[field]),
  })),
  {
    name: 'url',
    type: 'string',
    pattern: HTTPS_URL,
    description: 'Where to read the source.',
    value: (x) => opt(x.source.bibliographic.url),
  },
  {
    name: 'original_language',
    type: 'string',
    required: true,
    vocabulary: documentLanguage.options,
    description: 'Language the source was written in.',
    value: (x) => x.source.bibliographic.originalLanguage,
  },
  {
    name: 'dldd_direction',
    type: 'string',
    required: true,
    vocabulary: dlddLinkSchema.shape.direction.options,
    description: 'What the source says about the DLDD–migration link, as the atlas codes it.',
    value: (x) => x.source.dlddLink.direction,
  },
  {
    name: 'themes',
    type: 'string',
    required: true,
    list: true,
    vocabulary: themeIds,
    description: 'Themes of the source, separated by ;.',
    value: (x) => x.source.themes,
  },
  {
    name: 'countries',
    type: 'string',
    list: true,
    pattern: ISO3,
    description: 'Countries concerned (ISO 3166-1 alpha-3), separated by ;.',
    value: (x) => x.source.countries,
  },
  REGIONS,
  {
    name: 'initiatives',
    type: 'string',
    list: true,
    pattern: SLUG,
    description: 'Ids of the related initiatives, separated by ;.',
    value: (x) => x.source.initiatives,
  },
  {
    name: 'findings',
    type: 'integer',
    required: true,
    description: 'Number of findings (rows of findings.csv).',
    value: (x) => x.source.findings.length,
  },
  ...verification.options.map((status): Column<SourceInput> => ({
    name: `findings_${status}`,
    type: 'integer',
    required: true,
    description: `Number of findings with status ${status}.`,
    value: (x) => x.source.findings.filter((f) => f.status === status).length,
  })),
  SHORT_CITATION,
  {
    name: 'reference',
    type: 'string',
    required: true,
    description: 'Reference, APA style, as on the source page.',
    value: (x) => formatReference(x.csl, 'apa'),
  },
  {
    name: 'added',
    type: 'date',
    required: true,
    description: 'Date the source was added to the atlas.',
    value: (x) => x.source.added,
  },
  {
    name: 'updated',
    type: 'date',
    description: 'Date the entry was last revised in substance.',
    value: (x) => opt(x.source.updated),
  },
  {
    name: 'permalink',
    type: 'string',
    pattern: PAGE_URL,
    required: true,
    description: "The source's page in the atlas.",
    value: (x) => x.pageUrl,
  },
];

/** The inputs of the finding rows, sources in the order given, findings in content order. */
export function findingInputs(sources: readonly DataSource[], ctx: DataContext): FindingInput[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return sources.flatMap((source) => {
    const csl = ctx.csl(source);
    const pageUrl = ctx.pageUrl(source);
    return source.findings.map((finding) => ({
      source,
      finding,
      csl,
      pageUrl,
      locatedIn: locatorDocument(finding, 'en', (id) => byId.get(id)),
    }));
  });
}

/** The inputs of the source rows. */
export function sourceInputs(sources: readonly DataSource[], ctx: DataContext): SourceInput[] {
  return sources.map((source) => ({ source, csl: ctx.csl(source), pageUrl: ctx.pageUrl(source) }));
}

/** The row of one input: column name → cell. */
export function toRow<T>(columns: readonly Column<T>[], input: T): Row {
  return Object.fromEntries(columns.map((c) => [c.name, c.value(input)]));
}

/** The tables of the data package, with their keys. */
export const TABLES = {
  sources: {
    title: 'Sources',
    description: 'One row per source of the atlas, with its bibliographic record and counts.',
    columns: SOURCE_COLUMNS,
    primaryKey: ['source_id'],
    foreignKeys: [],
  },
  findings: {
    title: 'Findings',
    description:
      'One row per located finding: what a source says, where it says it, how the atlas knows it, and its coding.',
    columns: FINDING_COLUMNS,
    primaryKey: ['source_id', 'finding_id'],
    foreignKeys: [
      { fields: ['source_id'], reference: { resource: 'sources', fields: ['source_id'] } },
    ],
  },
} as const;
export type TableName = keyof typeof TABLES;

/** All rows of both tables. */
export function dataTables(
  sources: readonly DataSource[],
  ctx: DataContext,
): Record<TableName, Row[]> {
  return {
    sources: sourceInputs(sources, ctx).map((x) => toRow(SOURCE_COLUMNS, x)),
    findings: findingInputs(sources, ctx).map((x) => toRow(FINDING_COLUMNS, x)),
  };
}
