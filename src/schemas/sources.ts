/** Schema of an evidence source: one entry per document in `content/sources/`. */
import { z } from 'astro/zod';
import {
  httpsUrl,
  isoDate,
  iso3,
  localized,
  locator,
  partialDate,
  slug,
  theme,
  verification,
  via,
  type RefFn,
} from './common';
import { effect, readAt, study } from './research';

/** Kinds of source. Decides the CSL type used for citations (see `src/lib/citations.ts`). */
export const sourceTypes = [
  'secretariat-note',
  'decision',
  'session-document',
  'study',
  'report',
  'declaration',
  'call-for-proposals',
  'memorandum',
  'journal-article',
  'working-paper',
  'book-chapter',
  'book',
  'dataset',
  'research-report',
] as const;
const sourceType = z.enum(sourceTypes);

/**
 * Types of research evidence: each needs a `study` block (design, sample,
 * data) and a structured `effect` and `readAt` on every finding.
 */
const researchTypes = [
  'journal-article',
  'working-paper',
  'book-chapter',
  'book',
  'dataset',
  'research-report',
] as const satisfies readonly SourceType[];
export type ResearchType = (typeof researchTypes)[number];
export const isResearchType = (t: SourceType): t is ResearchType =>
  (researchTypes as readonly SourceType[]).includes(t);
export type SourceType = z.infer<typeof sourceType>;

/** Languages a source can be written in (the six UN languages). */
export const documentLanguage = z.enum(['en', 'zh', 'fr', 'es', 'ar', 'ru']);

/** A DOI without its resolver prefix: `10.NNNN/suffix`. */
export const doiPattern = /^10\.\d{4,9}\/[^\s]+$/;

/** A person or an institution as author. */
const author = z.union([
  z.object({
    /** Family name. */ family: z.string().trim().min(1),
    /** Given names. */ given: z.string().trim().min(1),
  }),
  z.object({
    /** Institutional author, written in full (e.g. "World Bank"). */
    literal: z.string().trim().min(1),
  }),
]);

/** The bibliographic record, rich enough to produce CSL-JSON, BibTeX and RIS. */
export const bibliographic = z
  .object({
    /** Authors in order; institutions as `{ literal }`. Empty only for an edited book (give `editors`). */
    authors: z.array(author).default([]),
    /** Date issued, as precise as known. */
    issued: partialDate,
    /** Publisher, e.g. "UNCCD". Required except for journal articles, whose journal is the `container`. */
    publisher: z.string().trim().min(1).optional(),
    /** Place of publication, e.g. "Bonn". Optional. */
    place: z.string().trim().min(1).optional(),
    /** Series, journal, book or meeting the document belongs to (a journal article's journal, a chapter's book). Optional. */
    container: z.string().trim().min(1).optional(),
    /** Editors of the book a chapter belongs to, or of an edited book. Optional. */
    editors: z.array(author).min(1).optional(),
    /** Journal volume. Optional. */
    volume: z.string().trim().min(1).optional(),
    /** Journal issue. Optional. */
    issue: z.string().trim().min(1).optional(),
    /** Page range, e.g. "904–912" or "e0123"; an article number counts. Optional. */
    pages: z
      .string()
      .regex(/^[A-Za-z]?\d+([–-][A-Za-z]?\d+)?$/, 'a page or page range such as 904–912')
      .optional(),
    /** Working-paper or report series, e.g. "CEPA Discussion Paper". Optional. */
    series: z.string().trim().min(1).optional(),
    /** Number in the series, e.g. "29". Optional. */
    number: z.string().trim().min(1).optional(),
    /** Where to read it. `https:` only. */
    url: httpsUrl.optional(),
    /** DOI without prefix, e.g. "10.4060/cd7067en". */
    doi: z
      .string()
      .regex(doiPattern, 'a DOI such as 10.4060/cd7067en, without https://doi.org/')
      .optional(),
    /** Handle, e.g. "10986/36248". */
    handle: z
      .string()
      .regex(/^\d+(\.\d+)*\/\S+$/, 'a Handle such as 10986/36248')
      .optional(),
    /** UN document symbol, e.g. "ICCD/COP(17)/8". Kept in every formatted reference. */
    symbol: z.string().trim().min(1).optional(),
    /** ISBN, if the source has one. */
    isbn: z.string().trim().min(10).optional(),
    /** Language the source was originally written in. */
    originalLanguage: documentLanguage,
    /** Languages of the texts the atlas has read (e.g. a seed in Chinese). */
    readIn: z.array(documentLanguage).min(1).optional(),
  })
  .strict()
  .refine((b) => b.authors.length > 0 || (b.editors?.length ?? 0) > 0, {
    message: 'at least one author (or, for an edited book, its editors)',
    path: ['authors'],
  });

/** What a source says about the DLDD–migration link, as coded by the atlas. */
export const dlddLink = z.object({
  /**
   * Direction reported: DLDD `increases` migration, `decreases` it (trapped
   * populations), acts `indirect`ly (through livelihoods), `no-direct-link`
   * found, `not-addressed` (the source does not speak to it), or `not-assessed`
   * (the atlas has not read enough of the source to code it).
   */
  direction: z.enum([
    'increases',
    'decreases',
    'indirect',
    'no-direct-link',
    'not-addressed',
    'not-assessed',
  ]),
  /** Pathways through which the link runs. */
  pathways: z.array(
    z.enum([
      'livelihoods',
      'food-security',
      'water-scarcity',
      'crop-productivity',
      'urban-rural-flows',
      'conflict-security',
      'employment',
    ]),
  ),
  /** Scales at which the source looks. */
  scale: z.array(z.enum(['household', 'local', 'national', 'regional', 'global'])).min(1),
  /** Why the atlas coded it this way. */
  rationale: localized,
});

/** A short verbatim quotation, in the language(s) the source text exists in. */
const quote = z
  .object({
    /** Quotation from the English text. */
    en: z.string().trim().min(1).optional(),
    /** Quotation from the Chinese text. */
    zh: z.string().trim().min(1).optional(),
  })
  .refine((q) => q.en !== undefined || q.zh !== undefined, {
    message: 'a quotation in at least one language (en or zh)',
  });

/** A key finding: one claim, with where it is in the source. */
const finding = z
  .object({
    /** Anchor id, unique within the source, e.g. "dldd-contributes". */
    id: slug,
    /** The claim, in the atlas's own words. */
    text: localized,
    /** Where the claim is in the source. Required: no claim without a locator. */
    locator,
    /** Optional short verbatim quotation. */
    quote: quote.optional(),
    /** How the atlas knows it. */
    status: verification,
    /** Where a secondary claim was read. Required when `status` is `secondary`. */
    via: via.optional(),
    /** Themes of this claim. Optional. */
    themes: z.array(theme).optional(),
    /** Research findings: driver → outcome, direction, subgroup, countries, scale. */
    effect: effect.optional(),
    /** Research findings: the copy read and which part of it. */
    readAt: readAt.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.status === 'secondary' && f.via === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['via'],
        message: 'where a secondary finding was read (via: title, publisher, url)',
      });
    }
  });
export type Finding = z.infer<typeof finding>;

export const makeSourceSchema = <R extends z.ZodType>(ref: RefFn<R>) =>
  z
    .object({
      /** Full title. */
      title: localized,
      /** Short title for lists and maps. */
      shortTitle: localized,
      /** Kind of source. */
      type: sourceType,
      /** Bibliographic record. */
      bibliographic,
      /** Summary in the atlas's own words (no copied prose). Paragraphs separated by a blank line. */
      summary: localized,
      /** What the source says about the DLDD–migration link. */
      dlddLink,
      /** Key findings, each with its locator. */
      findings: z.array(finding).min(1, 'at least one finding'),
      /** A caveat shown on the page, e.g. "known only from ICCD/COP(17)/8 ¶10". */
      caveat: localized.optional(),
      /** Themes from the controlled vocabulary. */
      themes: z.array(theme).min(1, 'at least one theme'),
      /** Countries concerned (ISO 3166-1 alpha-3). */
      countries: z.array(iso3).default([]),
      /** Regions concerned. */
      regions: z.array(ref('regions')).default([]),
      /** Related initiatives. */
      initiatives: z.array(ref('initiatives')).default([]),
      /** Sources this one cites. "Cited by" is computed. */
      cites: z.array(ref('sources')).default([]),
      /** Research entries: design, period, sample and data of the study. */
      study: study.optional(),
      /** Date the entry was added to the atlas (YYYY-MM-DD). Dates the feed. */
      added: isoDate,
      /** Date the entry was last revised in substance (YYYY-MM-DD). Optional. */
      updated: isoDate.optional(),
    })
    .strict()
    .superRefine((s, ctx) => {
      if (s.type !== 'journal-article' && s.bibliographic.publisher === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['bibliographic', 'publisher'],
          message: 'the publisher (required for every type but journal-article)',
        });
      }
      if (s.type === 'journal-article' && s.bibliographic.container === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['bibliographic', 'container'],
          message: 'the journal of a journal article (container)',
        });
      }
      if (s.updated !== undefined && s.updated < s.added) {
        ctx.addIssue({ code: 'custom', path: ['updated'], message: 'a date on or after added' });
      }
      if (!isResearchType(s.type)) return;
      if (s.study === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['study'],
          message: `a study block (design, sample, data) for a research entry of type "${s.type}"`,
        });
      }
      s.findings.forEach((f, i) => {
        if (f.effect === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['findings', i, 'effect'],
            message: 'the effect of a research finding (driver, outcome, direction, scale)',
          });
        }
        if (f.readAt === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['findings', i, 'readAt'],
            message: 'where a research finding was read (readAt: url, part)',
          });
        }
        if (f.quote !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['findings', i, 'quote'],
            message:
              "no verbatim quotation of a research text: write the finding in the atlas's own words",
          });
        }
      });
    });
