/**
 * The state of a search, kept in the URL so a search can be shared and
 * bookmarked: `?q=drought&region=Sahel&region=West%20Africa&sort=year-desc`.
 * Filter values are the labels shown on the page, in the page's language
 * (Pagefind keeps one index per language).
 */

/** Filters offered on the search page, in display order; each is a URL parameter. */
export const FILTER_KEYS = [
  'type',
  'design',
  'region',
  'country',
  'theme',
  'driver',
  'outcome',
  'direction',
  'year',
  'status',
  'language',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Orders of results: Pagefind's relevance, or by year. */
export const SORTS = ['relevance', 'year-desc', 'year-asc'] as const;
type Sort = (typeof SORTS)[number];

export interface SearchState {
  /** The words typed, trimmed; "" for none. */
  q: string;
  /** Selected values per filter; a page matches any value within a filter, and every filter. */
  filters: Record<FilterKey, string[]>;
  sort: Sort;
}

function emptyFilters(): Record<FilterKey, string[]> {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, []])) as unknown as Record<
    FilterKey,
    string[]
  >;
}

const isSort = (value: string | null): value is Sort =>
  value !== null && (SORTS as readonly string[]).includes(value);

/** Reads a search from a query string; unknown parameters and empty values are dropped. */
export function parseState(query: string | URLSearchParams): SearchState {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const filters = emptyFilters();
  for (const key of FILTER_KEYS) {
    const values = params
      .getAll(key)
      .map((v) => v.trim())
      .filter(Boolean);
    filters[key] = [...new Set(values)];
  }
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: isSort(sort) ? sort : 'relevance',
  };
}

/** Writes a search as a query string without "?", in a stable order; "" for an empty search. */
export function serializeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FILTER_KEYS) for (const value of state.filters[key]) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params.toString();
}

/** True when nothing is asked: no words and no filter. */
export function isEmpty(state: SearchState): boolean {
  return state.q === '' && FILTER_KEYS.every((k) => state.filters[k].length === 0);
}

/** Adds or removes one filter value, returning a new state. */
export function toggleFilter(
  state: SearchState,
  key: FilterKey,
  value: string,
  on: boolean,
): SearchState {
  const current = state.filters[key].filter((v) => v !== value);
  return {
    ...state,
    filters: { ...state.filters, [key]: on ? [...current, value] : current },
  };
}

/** The options Pagefind's `search()` takes for this state. */
export interface PagefindSearchOptions {
  filters: Partial<Record<FilterKey, { any: string[] }>>;
  sort?: { year: 'asc' | 'desc' };
}

export function toPagefindOptions(state: SearchState): PagefindSearchOptions {
  const filters: PagefindSearchOptions['filters'] = {};
  for (const key of FILTER_KEYS) {
    if (state.filters[key].length > 0) filters[key] = { any: state.filters[key] };
  }
  if (state.sort === 'relevance') return { filters };
  return { filters, sort: { year: state.sort === 'year-desc' ? 'desc' : 'asc' } };
}
