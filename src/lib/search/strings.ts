/** UI strings handed from the page to browser code, and their placeholders. */
import { format, plural } from '../format';

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
  'search.offlineMissing',
  'search.offlineUnshown',
  'search.more',
  'search.matches',
  'search.exportDone',
  'search.exportNone',
  'search.exportFailed',
  'search.filter.type',
  'search.filter.design',
  'search.filter.region',
  'search.filter.country',
  'search.filter.theme',
  'search.filter.driver',
  'search.filter.outcome',
  'search.filter.direction',
  'search.filter.year',
  'search.filter.status',
  'search.filter.language',
] as const;
type SearchStringKey = (typeof SEARCH_STRING_KEYS)[number];

/**
 * The strings of the header's quick results and offline indicator. Every page
 * has both, and needs their words only once something happens, so they are
 * fetched then from `strings.json` (one per language) rather than carried by
 * every page.
 */
export const HEADER_STRING_KEYS = [
  'search.empty',
  'search.none',
  'search.noneFiltered',
  'search.results.one',
  'search.results.other',
  'search.resultsFor',
  'search.matches',
  'search.quickHint',
  'search.all',
  'offline.saving',
  'offline.ready',
  'offline.readyHelp',
  'offline.offline',
  'offline.update',
  'offline.failed',
  'offline.saved',
  'offline.savePartial',
  'offline.stale',
  'save.lang.en',
  'save.lang.zh',
] as const;
export type HeaderStrings = Record<(typeof HEADER_STRING_KEYS)[number], string>;
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
  /** The page's `<html lang>`, whose plural rules pick the `.one` or `.other` string. */
  locale: string,
): string {
  if (empty) return strings['search.empty'];
  if (count === 0) {
    return query ? format(strings['search.none'], { q: query }) : strings['search.noneFiltered'];
  }
  const results = format(strings[`search.results.${plural(count, locale)}`], { count });
  return query ? format(strings['search.resultsFor'], { results, q: query }) : results;
}
