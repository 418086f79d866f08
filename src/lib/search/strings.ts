/** UI strings handed from the page to browser code, and their placeholders. */

/** Fills `{name}` placeholders: `format('{count} results', { count: 3 })`. */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars[name] === undefined ? whole : String(vars[name]),
  );
}

/** The keys of the dictionaries the search page passes to its script. */
export const SEARCH_STRING_KEYS = [
  'search.empty',
  'search.loading',
  'search.results.one',
  'search.results.other',
  'search.resultsFor',
  'search.none',
  'search.noneFiltered',
  'search.noneHelp',
  'search.error',
  'search.more',
  'search.matches',
  'search.exportDone',
  'search.exportNone',
  'search.exportFailed',
  'search.filter.type',
  'search.filter.region',
  'search.filter.country',
  'search.filter.theme',
  'search.filter.year',
  'search.filter.status',
  'search.filter.language',
] as const;
export type SearchStringKey = (typeof SEARCH_STRING_KEYS)[number];

/** The keys the header's quick results need. */
export const QUICK_STRING_KEYS = [
  'search.empty',
  'search.none',
  'search.noneFiltered',
  'search.results.one',
  'search.results.other',
  'search.resultsFor',
  'search.matches',
  'search.quickHint',
] as const;
export type QuickStrings = Record<(typeof QUICK_STRING_KEYS)[number], string>;
export type SearchStrings = Record<SearchStringKey, string>;

/** What the live region says after a search: the count, for the words if any. */
export function resultsText(
  strings: Pick<
    SearchStrings,
    | 'search.empty'
    | 'search.none'
    | 'search.noneFiltered'
    | 'search.results.one'
    | 'search.results.other'
    | 'search.resultsFor'
  >,
  query: string,
  count: number,
  empty: boolean,
): string {
  if (empty) return strings['search.empty'];
  if (count === 0) {
    return query ? format(strings['search.none'], { q: query }) : strings['search.noneFiltered'];
  }
  const results = format(strings[count === 1 ? 'search.results.one' : 'search.results.other'], {
    count,
  });
  return query ? format(strings['search.resultsFor'], { results, q: query }) : results;
}
