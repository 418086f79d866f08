/**
 * The source table (`sources.csv`, `sources.json`): one row per source, with
 * its bibliographic record, coding, counts of findings and reference.
 */
import { themeIds, verification } from '../../schemas/common';
import { dlddLink as dlddLinkSchema, documentLanguage } from '../../schemas/sources';
import { formatReference } from '../citations';
import {
  bilingual,
  HTTPS_URL,
  ISO3,
  ISSUED,
  opt,
  PAGE_URL,
  SOURCE_COLUMNS_SHARED as SHARED,
  SLUG,
  type Column,
  type DataContext,
  type DataSource,
  type SourceInput,
} from './columns';

const author = (a: { family: string; given: string } | { literal: string }) =>
  'literal' in a ? a.literal : `${a.family}, ${a.given}`;

/** The columns of `sources.csv`, in order. */
export const SOURCE_COLUMNS: readonly Column<SourceInput>[] = [
  SHARED.sourceId,
  SHARED.type,
  SHARED.design,
  ...bilingual<SourceInput>(
    'title',
    (language) => `Title in ${language}.`,
    (x) => x.source.title,
    true,
  ),
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
  SHARED.year,
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
  SHARED.regions,
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
  SHARED.shortCitation,
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

/** The inputs of the source rows. */
export function sourceInputs(sources: readonly DataSource[], ctx: DataContext): SourceInput[] {
  return sources.map((source) => ({ source, csl: ctx.csl(source), pageUrl: ctx.pageUrl(source) }));
}
