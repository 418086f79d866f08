/**
 * Build time: places every finding of the content on the evidence map's axes
 * and writes the index and the per-language details the page publishes.
 * Works on plain entries (the shape of Astro's collection entries), so it is
 * tested without Astro.
 *
 * Placement rules (the page's method notes say the same):
 * - Rows of the driver views: a finding with a coded `effect` counts under its
 *   driver; a finding without one (the UN documents) counts under each driver
 *   theme it is tagged with (desertification, land degradation, drought,
 *   climate change). Climate change is a theme but not a coded driver: its
 *   row holds only such findings.
 * - Rows and columns of the driver × outcome view: the coded driver and
 *   outcome. Findings without an effect have neither, so this view holds
 *   research coding only.
 * - Rows of the pathway view: the pathway themes of the finding.
 * - A finding's themes are its own `themes`, else its source's.
 * - Region columns: a finding's countries are `effect.countries`, else its
 *   source's `countries`; it counts in every region that has one of them as a
 *   member, in "elsewhere" if one of them is in no region, and, when it takes
 *   its place from its source, in every region its source names. A finding
 *   with no country and no region is global.
 */
import { formatLocator, type Lang } from '../i18n';
import { THEMES, verification, type Locator, type Localized } from '../../schemas/common';
import {
  designTier,
  designTiers,
  drivers,
  effectDirections,
  outcomes,
  type Design,
  type Effect,
} from '../../schemas/research';
import { documentLanguage } from '../../schemas/sources';
import {
  ELSEWHERE_COLUMN,
  GLOBAL_COLUMN,
  type Axis,
  type DetailsChunk,
  type EvidenceFinding,
  type EvidenceIndex,
  type EvidenceSource,
  type Vocabulary,
} from './model';

/** Findings per details file: about 20 KB gzip of text each. */
const DEFAULT_CHUNK = 200;

/** A finding as the content collection gives it. */
export interface FindingEntry {
  id: string;
  text: Localized;
  locator: Locator;
  status: string;
  themes?: readonly string[] | undefined;
  effect?: Effect | undefined;
}

/** A source as the content collection gives it (links resolved to `{ id }`). */
export interface SourceEntry {
  id: string;
  data: {
    shortTitle: Localized;
    study?: { design: Design } | undefined;
    bibliographic: { issued: string; originalLanguage: string };
    countries: readonly string[];
    regions: readonly { id: string }[];
    themes: readonly string[];
    findings: readonly FindingEntry[];
  };
}

interface RegionEntry {
  id: string;
  data: { countries: readonly string[] };
}

export interface EvidenceInput {
  sources: readonly SourceEntry[];
  regions: readonly RegionEntry[];
}

/** What the map page can show: sources with features, regions with a feature. */
export interface OnMap {
  sources: ReadonlySet<string>;
  regions: ReadonlySet<string>;
}

const byId = <T extends { id: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The vocabularies of the map: every list read from the schemas, regions from content. */
function vocabularyOf(regions: readonly RegionEntry[]): Vocabulary {
  const driverRows: string[] = [...drivers];
  for (const theme of THEMES.drivers) if (!driverRows.includes(theme)) driverRows.push(theme);
  return {
    axes: {
      drivers: driverRows,
      codedDrivers: [...drivers],
      regions: [GLOBAL_COLUMN, ...byId(regions).map((r) => r.id), ELSEWHERE_COLUMN],
      outcomes: [...outcomes],
      pathways: [...THEMES.pathways],
    },
    tiers: [...designTiers],
    directions: [...effectDirections],
    statuses: [...verification.options],
    languages: [...documentLanguage.options],
  };
}

/** The countries and regions a finding is about, by the rules above. */
export function placeOf(
  source: SourceEntry,
  finding: FindingEntry,
): { countries: string[]; regions: string[] } {
  const own = finding.effect?.countries;
  return {
    countries: [...(own ?? source.data.countries)],
    regions: own === undefined ? source.data.regions.map((r) => r.id) : [],
  };
}

function keysOf(
  source: SourceEntry,
  finding: FindingEntry,
  vocabulary: Vocabulary,
  memberOf: ReadonlyMap<string, readonly string[]>,
): Record<Axis, number[]> {
  const { axes } = vocabulary;
  const indices = (axis: Axis, ids: Iterable<string>) => {
    const out = new Set<number>();
    for (const id of ids) {
      const i = axes[axis].indexOf(id);
      if (i >= 0) out.add(i);
    }
    return [...out].sort((a, b) => a - b);
  };
  const themes = finding.themes ?? source.data.themes;
  const driverThemes: readonly string[] = THEMES.drivers;
  const { countries, regions } = placeOf(source, finding);
  const columns = new Set(regions);
  for (const code of countries) {
    const of = memberOf.get(code) ?? [];
    if (of.length === 0) columns.add(ELSEWHERE_COLUMN);
    for (const r of of) columns.add(r);
  }
  if (columns.size === 0) columns.add(GLOBAL_COLUMN);
  return {
    drivers: indices(
      'drivers',
      finding.effect ? [finding.effect.driver] : themes.filter((t) => driverThemes.includes(t)),
    ),
    codedDrivers: indices('codedDrivers', finding.effect ? [finding.effect.driver] : []),
    regions: indices('regions', columns),
    outcomes: indices('outcomes', finding.effect ? [finding.effect.outcome] : []),
    pathways: indices('pathways', themes),
  };
}

/** Sources in id order; their findings in file order. Finding i of the index is `ordered()[i]`. */
function ordered(input: EvidenceInput): { source: SourceEntry; finding: FindingEntry }[] {
  return byId(input.sources).flatMap((source) =>
    source.data.findings.map((finding) => ({ source, finding })),
  );
}

/** Places every finding of `input` on the axes. */
export function buildEvidenceIndex(
  input: EvidenceInput,
  onMap: OnMap,
  chunk = DEFAULT_CHUNK,
): EvidenceIndex {
  const vocabulary = vocabularyOf(input.regions);
  const memberOf = new Map<string, string[]>();
  for (const region of input.regions)
    for (const code of region.data.countries)
      memberOf.set(code, [...(memberOf.get(code) ?? []), region.id]);
  const sourceIds = byId(input.sources).map((s) => s.id);
  const sources: EvidenceSource[] = byId(input.sources).map((s) => ({
    id: s.id,
    tier: vocabulary.tiers.indexOf(designTier(s.data.study?.design)),
    year: Number(s.data.bibliographic.issued.slice(0, 4)),
    language: vocabulary.languages.indexOf(s.data.bibliographic.originalLanguage),
    onMap: onMap.sources.has(s.id),
  }));
  const findings: EvidenceFinding[] = ordered(input).map(({ source, finding }) => ({
    source: sourceIds.indexOf(source.id),
    direction: finding.effect ? vocabulary.directions.indexOf(finding.effect.direction) : -1,
    status: vocabulary.statuses.indexOf(finding.status),
    keys: keysOf(source, finding, vocabulary, memberOf),
  }));
  return {
    vocabulary,
    sources,
    findings,
    regionsOnMap: vocabulary.axes.regions.filter((id) => onMap.regions.has(id)),
    chunk,
  };
}

/** The texts of every finding in `lang`, in index order, cut into files of `chunk` findings. */
export function buildDetails(
  input: EvidenceInput,
  lang: Lang,
  chunk = DEFAULT_CHUNK,
): DetailsChunk[] {
  const all = ordered(input);
  const files: DetailsChunk[] = [];
  for (let start = 0; start < all.length; start += chunk) {
    const file: DetailsChunk = { sources: {}, findings: [] };
    for (const { source, finding } of all.slice(start, start + chunk)) {
      file.sources[source.id] ??= {
        title: source.data.shortTitle[lang],
        design: source.data.study?.design ?? '',
        countries: [...source.data.countries],
      };
      file.findings.push({
        id: finding.id,
        text: finding.text[lang],
        subgroup: finding.effect?.subgroup?.[lang] ?? '',
        locator: formatLocator(finding.locator, lang),
        countries: placeOf(source, finding).countries,
      });
    }
    files.push(file);
  }
  return files;
}
