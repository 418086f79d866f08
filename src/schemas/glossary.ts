/** Schema of a glossary term (DLDD, LDN, SLM…). */
import { z } from 'astro/zod';
import { localized, locator, type RefFn } from './common';

export const makeGlossarySchema = <R extends z.ZodType>(ref: RefFn<R>) =>
  z
    .object({
      /** The term spelled out. */
      term: localized,
      /** Abbreviation, if any (e.g. "DLDD"). */
      abbreviation: localized.optional(),
      /** Definition in the atlas's own words. */
      definition: localized,
      /** Source that defines or uses the term. */
      source: ref('sources'),
      /** Where in the source. */
      locator: locator.optional(),
    })
    .strict();
