/** Schema of an initiative or programme (Great Green Wall, 3S, LDN TSP 2.0…). */
import { z } from 'astro/zod';
import { iso3, localized, locator, partialDate, slug, verification, type RefFn } from './common';

export const makeInitiativeSchema = <R extends z.ZodType>(ref: RefFn<R>) => {
  /** A quantified target, always with the source and place that state it. */
  const target = z.object({
    /** Anchor id, unique within the initiative. */
    id: slug,
    /** What is counted, e.g. "degraded land restored". */
    label: localized,
    /** The number. */
    value: z.number(),
    /** Unit, e.g. "ha", "t of carbon", "jobs". */
    unit: localized,
    /** Year by which the target is to be met. */
    year: z.number().int().min(1990).max(2100),
    /** Where the source states it. */
    locator,
    /** The source that states it. */
    source: ref('sources'),
    /** How the atlas knows it. */
    status: verification,
  });
  return z
    .object({
      /** Full name. */
      name: localized,
      /** Short name or acronym. */
      shortName: localized,
      /** Lead organisations. */
      leads: z.array(localized).min(1),
      /** When and where it was launched, if known. */
      launched: z
        .object({
          date: partialDate,
          place: localized.optional(),
          /** Source for the date and place. */
          source: ref('sources'),
          locator,
        })
        .optional(),
      /** What it is, in the atlas's own words. */
      description: localized,
      /** Member or participating countries that the sources confirm. */
      countries: z.array(iso3).default([]),
      /** What is known and not known about the country list. */
      countriesNote: localized.optional(),
      /** Quantified targets. */
      targets: z.array(target).default([]),
      /** Sources that describe it. */
      sources: z.array(ref('sources')).min(1, 'at least one source'),
      /** Regions it works in. */
      regions: z.array(ref('regions')).default([]),
    })
    .strict();
};
