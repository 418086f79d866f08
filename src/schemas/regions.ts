/** Schema of a region (Central Asia, Sahel, Western Balkans…). */
import { z } from 'astro/zod';
import { iso3, localized, type RefFn } from './common';

export const makeRegionSchema = <R extends z.ZodType>(ref: RefFn<R>) =>
  z
    .object({
      /** Name. */
      name: localized,
      /** Member countries; the map dissolves the region from them. */
      countries: z.array(iso3).min(1, 'at least one member country'),
      /** What the region is and why the atlas has it, in the atlas's own words. */
      description: localized,
      /** How membership was decided, and what it leaves out. */
      membershipNote: localized.optional(),
      /** Sources that deal with the region. */
      sources: z.array(ref('sources')).min(1, 'at least one source'),
    })
    .strict();
