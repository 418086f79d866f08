/**
 * The evidence map's filters: design tier, outcome, direction, year range,
 * verification status and language of the source. Within a filter a finding
 * matches any value chosen; it must match every filter. An empty filter lets
 * everything through.
 */
import type { EvidenceFinding, EvidenceIndex, Vocabulary } from './model';

/** The list filters, in display order, each a URL parameter. */
export const LIST_FILTERS = ['design', 'outcome', 'direction', 'status', 'language'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export interface Filters {
  design: string[];
  outcome: string[];
  direction: string[];
  status: string[];
  language: string[];
  /** First year of issue shown, or null. */
  from: number | null;
  /** Last year of issue shown, or null. */
  to: number | null;
}

export const emptyFilters = (): Filters => ({
  design: [],
  outcome: [],
  direction: [],
  status: [],
  language: [],
  from: null,
  to: null,
});

/** The vocabulary each list filter takes its values from. */
export function filterValues(vocabulary: Vocabulary, key: ListFilter): string[] {
  switch (key) {
    case 'design':
      return vocabulary.tiers;
    case 'outcome':
      return vocabulary.axes.outcomes;
    case 'direction':
      return vocabulary.directions;
    case 'status':
      return vocabulary.statuses;
    case 'language':
      return vocabulary.languages;
  }
}

export const isFiltered = (f: Filters): boolean =>
  LIST_FILTERS.some((k) => f[k].length > 0) || f.from !== null || f.to !== null;

/** A predicate on findings for `filters`. Findings of a dropped source never match. */
export function matcher(index: EvidenceIndex, filters: Filters): (f: EvidenceFinding) => boolean {
  const { vocabulary: v, sources } = index;
  const set = (key: ListFilter) => {
    const values = filterValues(v, key);
    return filters[key].length === 0
      ? null
      : new Set(filters[key].map((x) => values.indexOf(x)).filter((i) => i >= 0));
  };
  const design = set('design');
  const outcome = set('outcome');
  const direction = set('direction');
  const status = set('status');
  const language = set('language');
  return (f) => {
    const source = sources[f.source];
    if (!source) return false;
    if (design && !design.has(source.tier)) return false;
    if (outcome && !f.keys.outcomes.some((o) => outcome.has(o))) return false;
    if (direction && !direction.has(f.direction)) return false;
    if (status && !status.has(f.status)) return false;
    if (language && !language.has(source.language)) return false;
    if (filters.from !== null && source.year < filters.from) return false;
    if (filters.to !== null && source.year > filters.to) return false;
    return true;
  };
}

/** The years of issue in the index, oldest first (the year filter's choices). */
export function yearsOf(index: EvidenceIndex): number[] {
  return [...new Set(index.sources.map((s) => s.year))].sort((a, b) => a - b);
}

/** The values of a list filter that some finding has (the others are not offered). */
export function presentValues(index: EvidenceIndex, key: ListFilter): string[] {
  const v = index.vocabulary;
  const used = new Set<number>();
  for (const f of index.findings) {
    const source = index.sources[f.source];
    if (!source) continue;
    if (key === 'design') used.add(source.tier);
    else if (key === 'language') used.add(source.language);
    else if (key === 'status') used.add(f.status);
    else if (key === 'direction') used.add(f.direction);
    else for (const o of f.keys.outcomes) used.add(o);
  }
  return filterValues(v, key).filter((_, i) => used.has(i));
}
