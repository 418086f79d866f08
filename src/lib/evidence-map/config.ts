/**
 * What the evidence map page hands to its script: the vocabularies (so the
 * URL is read before the index arrives), every label in the page language,
 * the UI strings and where the data files are. Browser-safe.
 */
import type { Axis, Vocabulary } from './model';

/** The dictionary keys the page script needs. */
export const EVIDENCE_STRING_KEYS = [
  'evidence.cell.findings',
  'evidence.flag.gap',
  'evidence.flag.policy-only',
  'evidence.flag.one-study',
  'evidence.shown',
  'evidence.loading',
  'evidence.loadError',
  'evidence.panel.cell',
  'evidence.panel.row',
  'evidence.panel.col',
  'evidence.panel.count',
  'evidence.panel.empty',
  'evidence.panel.loading',
  'evidence.panel.noEffect',
  'evidence.panel.for',
  'evidence.panel.countries',
  'evidence.download.done',
  'evidence.download.failed',
  'evidence.copied',
  'evidence.notOnMap',
] as const;
type EvidenceStringKey = (typeof EVIDENCE_STRING_KEYS)[number];

/** Labels of every id the page shows, in the page language. */
export interface Labels {
  axes: Record<Axis, Record<string, string>>;
  tiers: Record<string, string>;
  directions: Record<string, string>;
  statuses: Record<string, string>;
  languages: Record<string, string>;
  designs: Record<string, string>;
  countries: Record<string, string>;
}

export interface EvidenceConfig {
  lang: string;
  /** The base path of the site ("/" or "/atlas/"). */
  base: string;
  /** The language root of the pages ("/", "/zh/"), for links to source pages. */
  root: string;
  /** The map page of this language. */
  mapPage: string;
  /** `evidence-map/` under the base: where index.json and the details files are. */
  data: string;
  vocabulary: Vocabulary;
  labels: Labels;
  strings: Record<EvidenceStringKey, string>;
}
