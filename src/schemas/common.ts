/**
 * Building blocks shared by every content schema.
 *
 * Schemas are written as factories that take a `ref` function, so the same
 * definitions serve Astro's content layer (which passes `reference()` from
 * `astro:content`) and the stand-alone validator in `src/lib/content`
 * (which passes a plain id check and resolves links itself).
 */
import countries from 'i18n-iso-countries';
import { z } from 'astro/zod';
import { ENTRY_ID, ISO3 } from '../lib/ids';

// Zod's JIT probes `new Function('')` the first time it parses an object. In
// the browser (the search page imports the vocabularies) the CSP forbids eval,
// and the blocked probe is reported as a policy violation: never probe.
z.config({ jitless: true });

/** The collections that entries may link to. */
export type CollectionName = 'sources' | 'initiatives' | 'regions' | 'glossary';

/** Makes the schema of a link to another entry of `collection`. */
export type RefFn<R extends z.ZodType = z.ZodType> = (collection: CollectionName) => R;

/** The languages the atlas is written in. English is the default. */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** A text given in every language of the atlas; a missing language fails the build. */
export const localized = z.object({
  /** English text. Required. */
  en: z.string().trim().min(1, 'English text (en) is required'),
  /** Simplified Chinese text. Required. */
  zh: z.string().trim().min(1, 'Chinese text (zh) is required'),
});
export type Localized = z.infer<typeof localized>;

/** An ISO 3166-1 alpha-3 country code known to i18n-iso-countries. */
export const iso3 = z
  .string()
  .regex(ISO3, 'an ISO 3166-1 alpha-3 code in capitals, e.g. "KAZ"')
  .refine((code) => countries.isValid(code), {
    message: 'an ISO 3166-1 alpha-3 code that exists (see i18n-iso-countries)',
  });

/** An absolute `https:` URL. Other schemes (http:, javascript:, data:) are rejected. */
export const httpsUrl = z.url({ protocol: /^https$/, error: 'an absolute https: URL' });

/**
 * An address a fact was read at: the document or the page that states it,
 * never a site's home page. The path must be other than "/", unless a query
 * names the page (e.g. a blog's `?p=738361`).
 */
export const documentUrl = httpsUrl.refine(
  (url) => {
    try {
      const { pathname, search } = new URL(url);
      return pathname.replace(/\/+$/, '') !== '' || search.length > 1;
    } catch {
      return false;
    }
  },
  { message: "the address of the document or page that states it, not a site's home page" },
);

/** A calendar date as precise as it is known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const partialDate = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'a date as YYYY, YYYY-MM or YYYY-MM-DD',
  );

/** A full calendar date, `YYYY-MM-DD`. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD');

/** The pattern of an id: lower case, hyphenated (`ENTRY_ID` of `lib/ids.ts`). */
export const slugPattern = ENTRY_ID;

/** A lower-case, hyphenated identifier usable in URLs and anchors. */
export const slug = z
  .string()
  .regex(slugPattern, 'a lower-case id with hyphens, e.g. "central-asia"');

/**
 * How sure the atlas is of a fact.
 * - `primary`: read in the document itself.
 * - `secondary`: reported by another source (named in `via`).
 * - `unverified`: not read anywhere the atlas can point to; shown only with a warning.
 */
export const verification = z.enum(['primary', 'secondary', 'unverified']);
export type Verification = z.infer<typeof verification>;

/**
 * Where in a source a fact is found.
 * - `paragraph`: numbered paragraph (¶), e.g. "10" or "4(a)".
 * - `page`: page number of the document.
 * - `section`: a named section, chapter or heading.
 * - `footnote`: numbered footnote.
 * - `criterion`: a numbered item of a list (e.g. selection criteria).
 * - `web`: a web page; the page itself is the locator (give `url`).
 * - `abstract`: the abstract of a study (`ref`: "abstract", or a sentence number).
 * - `table` / `figure`: a numbered table or figure, e.g. "2".
 */
export const locator = z.object({
  /** The kind of locator. */
  kind: z.enum([
    'paragraph',
    'page',
    'section',
    'footnote',
    'criterion',
    'web',
    'abstract',
    'table',
    'figure',
  ]),
  /** The paragraph, page, footnote or item number, or the section name. */
  ref: z.string().trim().min(1, 'the paragraph, page or section (ref) is required'),
  /** Translated name of a section when `kind` is `section` or `web`. Defaults to `ref`. */
  label: localized.optional(),
  /** Deep link to the place in the source (e.g. a PDF page), never a home page. Optional. */
  url: documentUrl.optional(),
});
export type Locator = z.infer<typeof locator>;

/**
 * Where a secondary fact was actually read. A second-hand finding's locator
 * (other than `web`) points into this document, and is shown with its name:
 * "ICCD/COP(17)/8 ¶10", never a bare "¶10" that reads as the source's own.
 */
export const via = z
  .object({
    /** Title of the page or document read. */
    title: z.string().trim().min(1),
    /** Its publisher (e.g. "World Bank", "UNCCD", a newspaper). */
    publisher: z.string().trim().min(1),
    /** The address of the document or page read, never a site's home page. Optional when no address is known and `source` names it. */
    url: documentUrl.optional(),
    /** The atlas entry of the document read, e.g. "iccd-cop17-8": names it (by its symbol) and links to it. Optional. */
    source: slug.optional(),
    /** Its date, if known. */
    date: partialDate.optional(),
  })
  .refine((v) => v.url !== undefined || v.source !== undefined, {
    message: 'the address of the document read (url), or its atlas entry (source)',
    path: ['url'],
  });
export type Via = z.infer<typeof via>;

/** Controlled vocabulary of themes: drivers, pathways and responses. */
export const THEMES = {
  drivers: ['desertification', 'land-degradation', 'drought', 'climate-change'],
  pathways: [
    'livelihoods',
    'food-security',
    'water-scarcity',
    'crop-productivity',
    'urban-rural-linkages',
    'conflict-security',
    'employment',
  ],
  responses: [
    'restoration',
    'sustainable-land-management',
    'renewable-energy',
    'remittances',
    'governance',
    'finance',
    'early-warning',
    'land-tenure',
    'ecological-connectivity',
  ],
} as const;
export const themeIds = [...THEMES.drivers, ...THEMES.pathways, ...THEMES.responses] as const;
/** A theme from the controlled vocabulary. */
export const theme = z.enum(themeIds);
export type Theme = z.infer<typeof theme>;
