/**
 * The coding scheme for research evidence: study designs, drivers, mobility
 * outcomes and directions of effect. Every vocabulary is defined here once and
 * read by the schemas, the validator, the pages, search, the evidence map and
 * the data exports. Labels live in the dictionaries (`design.*`, `driver.*`,
 * `outcome.*`, `effect.*`, `readPart.*`); the method page explains each value.
 */
import { z } from 'astro/zod';
import { documentUrl, iso3, localized } from './common';

/**
 * Study designs, strongest synthesis first.
 * - `meta-analysis`: pools estimates from many studies statistically (incl. meta-regression).
 * - `systematic-review`: a reproducible search and appraisal of studies, without pooling.
 * - `narrative-review`: a review or synthesis without a systematic search.
 * - `cross-country-panel`: repeated observations of many countries.
 * - `single-country-panel`: repeated observations of units (districts, households) in one country.
 * - `household-survey`: survey of households or individuals (cross-section or retrospective).
 * - `census-microdata`: individual census records.
 * - `qualitative`: interviews, focus groups, ethnography.
 * - `mixed-methods`: quantitative and qualitative together.
 * - `projection-modelling`: scenarios or simulations of future migration.
 * - `displacement-data`: counts of displacement compiled by a monitoring body.
 */
export const designs = [
  'meta-analysis',
  'systematic-review',
  'narrative-review',
  'cross-country-panel',
  'single-country-panel',
  'household-survey',
  'census-microdata',
  'qualitative',
  'mixed-methods',
  'projection-modelling',
  'displacement-data',
] as const;
const design = z.enum(designs);
export type Design = z.infer<typeof design>;

/** Design tiers shown on the evidence map: syntheses, primary studies, policy documents. */
export const designTiers = ['synthesis', 'primary', 'policy'] as const;
export type DesignTier = (typeof designTiers)[number];

/** The tier of a design; sources without a design (UN documents) are `policy`. */
export function designTier(d: Design | undefined): DesignTier {
  if (d === undefined) return 'policy';
  return d === 'meta-analysis' || d === 'systematic-review' || d === 'narrative-review'
    ? 'synthesis'
    : 'primary';
}

/**
 * Environmental drivers, kept apart from the atlas's themes.
 * - `drought`: drought events or indices (SPEI, SPI, PDSI…).
 * - `rainfall-deficit`: below-normal rainfall, rainfall shocks.
 * - `rainfall-variability`: variability or anomalies of rainfall in either direction.
 * - `aridity`: aridity or long-term drying.
 * - `soil-moisture`: soil moisture.
 * - `land-degradation`: soil or land degradation, loss of soil fertility.
 * - `desertification`: desertification.
 * - `temperature`: heat or temperature (levels, anomalies, extremes).
 * - `salinity`: soil or water salinity.
 * - `sudden-onset`: sudden-onset hazards (floods, storms, cyclones).
 * - `environmental-change`: a composite of several environmental factors, as a source pools them.
 */
export const drivers = [
  'drought',
  'rainfall-deficit',
  'rainfall-variability',
  'aridity',
  'soil-moisture',
  'land-degradation',
  'desertification',
  'temperature',
  'salinity',
  'sudden-onset',
  'environmental-change',
] as const;
const driver = z.enum(drivers);
export type Driver = z.infer<typeof driver>;

/**
 * Mobility outcomes.
 * - `migration`: migration in general, or of a kind the source does not specify.
 * - `internal`: within a country. `international`: across borders.
 * - `rural-urban`: from the countryside to towns and cities.
 * - `temporary`: temporary, seasonal or circular. `permanent`: long-term or permanent.
 * - `displacement`: forced displacement.
 * - `immobility`: staying, immobility or trapped populations.
 * - `marriage`: marriage migration. `asylum`: asylum applications or refugee flows.
 * - `labour`: labour migration.
 */
export const outcomes = [
  'migration',
  'internal',
  'international',
  'rural-urban',
  'temporary',
  'permanent',
  'displacement',
  'immobility',
  'marriage',
  'asylum',
  'labour',
] as const;
const outcome = z.enum(outcomes);
export type Outcome = z.infer<typeof outcome>;

/**
 * Direction of the effect of the driver on the outcome, as the source reports it
 * for this finding.
 * - `increases` / `decreases`: the outcome rises / falls with the driver.
 * - `mixed`: the source itself calls the effect context-dependent or finds both.
 * - `no-significant-effect`: the source finds no statistically significant effect.
 * - `not-assessed`: the finding describes the evidence without a direction.
 */
export const effectDirections = [
  'increases',
  'decreases',
  'mixed',
  'no-significant-effect',
  'not-assessed',
] as const;
const effectDirection = z.enum(effectDirections);
export type EffectDirection = z.infer<typeof effectDirection>;

/** Scales of an effect. `multi-country` for cross-country studies. */
export const effectScale = z.enum([
  'household',
  'local',
  'subnational',
  'national',
  'multi-country',
  'global',
]);

/** The structured effect of a research finding: driver → outcome, with its direction. */
export const effect = z
  .object({
    /** The environmental driver. */
    driver,
    /** The mobility outcome. */
    outcome,
    /** Which way the driver moves the outcome, as the source reports it. */
    direction: effectDirection,
    /** The population or condition it holds for (e.g. "poor countries", "women"). Optional. */
    subgroup: localized.optional(),
    /** Countries the finding is about (ISO 3166-1 alpha-3); defaults to the source's countries. */
    countries: z.array(iso3).optional(),
    /** The scale of the finding. */
    scale: effectScale,
  })
  .strict();
export type Effect = z.infer<typeof effect>;

/**
 * The part of a source that the atlas read.
 * - `abstract`: the abstract only. `first-pages`: the first pages (title page, abstract, introduction).
 * - `full-text`: the whole text. `summary`: an executive or non-technical summary.
 * - `record`: a catalogue or publisher record with a description.
 */
export const readParts = ['abstract', 'first-pages', 'full-text', 'summary', 'record'] as const;
const readPart = z.enum(readParts);
export type ReadPart = z.infer<typeof readPart>;

/** Where the atlas read a research finding: the copy and the part of it. */
export const readAt = z
  .object({
    /** The https address of the copy read (publisher page, repository, index). */
    url: documentUrl,
    /** Which part of the source that copy gives. */
    part: readPart,
  })
  .strict();

/** Years the data of a study cover. */
const period = z
  .object({
    /** First year of data. */
    from: z.number().int().min(1800).max(2100),
    /** Last year of data. */
    to: z.number().int().min(1800).max(2100),
  })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['to'] });

/** Study-level description of a research entry. */
export const study = z
  .object({
    /** Design of the study. */
    design,
    /** Years the data cover, when the source states them. Optional. */
    period: period.optional(),
    /** The sample as the source states it: countries, households, estimates, studies. */
    sample: localized,
    /** The data used, in short (e.g. "Mexican census microdata 2000 and 2010"). */
    data: localized,
  })
  .strict();
export type Study = z.infer<typeof study>;
