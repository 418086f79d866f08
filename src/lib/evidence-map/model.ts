/**
 * The evidence map's data model: the axes of its three views, the findings
 * placed on them, and the published index the page reads. Browser-safe: the
 * vocabularies arrive as data (from `records.ts` at build time, from
 * `index.json` in the browser), so nothing here loads the schema library.
 */
import type { DesignTier, EffectDirection } from '../../schemas/research';

/**
 * The axes a view can put on its rows or columns. `drivers` holds the coded
 * drivers and the driver themes the UN documents are tagged with;
 * `codedDrivers` only the coded drivers (the rows of research-only views).
 */
export const AXES = ['drivers', 'codedDrivers', 'regions', 'outcomes', 'pathways'] as const;
export type Axis = (typeof AXES)[number];

/** The three views: rows × columns. */
export const VIEWS = {
  'driver-region': { rows: 'drivers', cols: 'regions' },
  'driver-outcome': { rows: 'codedDrivers', cols: 'outcomes' },
  'pathway-region': { rows: 'pathways', cols: 'regions' },
} as const satisfies Record<string, { rows: Axis; cols: Axis }>;
export type ViewId = keyof typeof VIEWS;
export const VIEW_IDS = Object.keys(VIEWS) as ViewId[];
export const DEFAULT_VIEW: ViewId = 'driver-region';

/**
 * The two columns of the region views that are not regions. Region ids are
 * lower-case slugs (the content validator checks file names), so a key with
 * an underscore can never clash with one.
 */
export const GLOBAL_COLUMN = '_global';
export const ELSEWHERE_COLUMN = '_elsewhere';

/** The vocabularies of the map, in display order. */
export interface Vocabulary {
  axes: Record<Axis, string[]>;
  /** Design tiers (`designTiers`): synthesis, primary, policy. */
  tiers: string[];
  /** Directions of effect (`effectDirections`). */
  directions: string[];
  /** Verification statuses of a finding. */
  statuses: string[];
  /** Languages a source can be written in. */
  languages: string[];
}

/** A source, as the map needs it. */
export interface EvidenceSource {
  id: string;
  /** Index into `tiers`. */
  tier: number;
  /** Year of issue. */
  year: number;
  /** Index into `languages`: the language it was written in. */
  language: number;
  /** True if the map page has features of this source (`#source=<id>` shows them). */
  onMap: boolean;
}

/** A finding placed on the axes. */
export interface EvidenceFinding {
  /** Index into `sources`. */
  source: number;
  /** Index into `directions`, or -1 when the finding carries no coded effect. */
  direction: number;
  /** Index into `statuses`. */
  status: number;
  /** Indices into each axis: the rows or columns the finding counts in. */
  keys: Record<Axis, number[]>;
}

/** The whole map, as built from content and as published in `index.json`. */
export interface EvidenceIndex {
  vocabulary: Vocabulary;
  sources: EvidenceSource[];
  findings: EvidenceFinding[];
  /** Region columns the map page has a feature for (`#select=region:<id>`). */
  regionsOnMap: string[];
  /** Findings per details file: finding i is in details file floor(i / chunk). */
  chunk: number;
}

/** The texts of one finding in one language, loaded when a panel or a download needs them. */
export interface FindingDetails {
  /** Anchor id on its source page (`#finding-<id>`). */
  id: string;
  text: string;
  /** The population or condition it holds for; "" if none. */
  subgroup: string;
  /** Where it is in the source, written out ("¶10", "Abstract"). */
  locator: string;
  /** ISO3 codes of the countries it is about (its own, else its source's). */
  countries: string[];
}

/** The texts of a source in one language. */
export interface SourceDetails {
  title: string;
  /** Study design id, or "" for a document without one. */
  design: string;
  /** ISO3 codes of the countries it is about. */
  countries: string[];
}

/** One details file: the findings of a chunk, and their sources. */
export interface DetailsChunk {
  sources: Record<string, SourceDetails>;
  findings: FindingDetails[];
}

/** The file names the build publishes under `evidence-map/`. */
export const INDEX_FILE = 'index.json';
export const detailsFile = (lang: string, chunk: number) => `details-${lang}-${chunk}.json`;

/**
 * Marks drawn besides colour. Directions are arrows and signs, tiers are
 * shapes (after the Sightsavers maps, which give confidence a shape): the
 * two never share a glyph.
 */
export const DIRECTION_GLYPHS: Record<EffectDirection, string> = {
  increases: '↑',
  decreases: '↓',
  mixed: '↕',
  'no-significant-effect': '=',
  'not-assessed': '?',
};
export const TIER_GLYPHS: Record<DesignTier, string> = {
  synthesis: '◆',
  primary: '●',
  policy: '□',
};
