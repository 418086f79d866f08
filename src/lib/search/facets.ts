/**
 * Facets of the search page: which values of a filter to show, with what
 * count, in what order. Counts are "disjunctive": the count beside a value is
 * the number of results the search would have with that value, given the
 * query and the other filters, so a single selected value always yields
 * exactly the count that was shown beside it.
 */
import { FILTER_KEYS, type FilterKey, type SearchState } from './state';

/** Pagefind's counts: filter → value → number of pages. */
export type FilterCounts = Partial<Record<string, Record<string, number>>>;

interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

export interface Facet {
  key: FilterKey;
  values: FacetValue[];
}

/**
 * The filter sets to ask Pagefind for, so that every facet gets disjunctive
 * counts: the search itself, plus one search per filter that has a selection,
 * without that filter.
 */
export function countQueries(state: SearchState): { key: FilterKey | null; state: SearchState }[] {
  const queries: { key: FilterKey | null; state: SearchState }[] = [{ key: null, state }];
  for (const key of FILTER_KEYS) {
    if (state.filters[key].length === 0) continue;
    queries.push({ key, state: { ...state, filters: { ...state.filters, [key]: [] } } });
  }
  return queries;
}

/**
 * Builds the facets from the counts of each query of `countQueries`: a filter
 * with a selection takes its counts from the search without it. Values with
 * no result are left out unless selected; years run newest first, other
 * values in the page language's alphabetical order.
 */
export function buildFacets(
  state: SearchState,
  counts: Map<FilterKey | null, FilterCounts>,
  locale: string,
): Facet[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  return FILTER_KEYS.map((key) => {
    const source = state.filters[key].length > 0 ? counts.get(key) : counts.get(null);
    const found = source?.[key] ?? {};
    const selected = new Set(state.filters[key]);
    const names = new Set([...Object.keys(found), ...selected]);
    const values = [...names]
      .map((value) => ({ value, count: found[value] ?? 0, selected: selected.has(value) }))
      .filter((v) => v.count > 0 || v.selected)
      .sort((a, b) =>
        key === 'year' ? collator.compare(b.value, a.value) : collator.compare(a.value, b.value),
      );
    return { key, values };
  }).filter((facet) => facet.values.length > 0);
}
