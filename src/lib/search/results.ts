/**
 * Shapes Pagefind results for display. Pagefind returns a page's
 * sub-results (one per heading or titled anchor: a finding, a glossary term,
 * an initiative's target) in page order; the atlas shows the best ones first,
 * so a query lands on the claim that matches it, with its locator.
 */

/** The parts of a Pagefind sub-result the atlas uses. */
export interface SubResult {
  title: string;
  url: string;
  /** Pagefind's excerpt: escaped text with the matched words in <mark>. */
  excerpt: string;
  anchor?: { id: string } | undefined;
  weighted_locations?: { balanced_score: number }[] | undefined;
}

const fold = (text: string) => text.toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/** The excerpt's text, without the <mark> tags (for comparison only, never for display). */
const plain = (excerpt: string) => fold(excerpt.replace(/<\/?mark>/g, ''));

/** How many different words of the query the excerpt shows marked. */
const coverage = (excerpt: string) =>
  new Set([...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => fold(m[1] ?? ''))).size;

const score = (sub: SubResult) =>
  (sub.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);

/**
 * The anchored sub-results of a page (those that have a place to land on),
 * best first: those whose excerpt holds the query as typed, then those that
 * match more of its words, then by Pagefind's score; ties keep page order.
 */
export function bestSubResults<T extends SubResult>(
  subs: readonly T[],
  query = '',
  limit = 3,
): T[] {
  const phrase = fold(query);
  return subs
    .map((sub, order) => ({
      sub,
      order,
      phrase: phrase !== '' && plain(sub.excerpt).includes(phrase) ? 1 : 0,
      coverage: coverage(sub.excerpt),
      score: score(sub),
    }))
    .filter(({ sub }) => sub.anchor !== undefined)
    .sort(
      (a, b) =>
        b.phrase - a.phrase || b.coverage - a.coverage || b.score - a.score || a.order - b.order,
    )
    .slice(0, limit)
    .map(({ sub }) => sub);
}

/** Leading characters a query word and a word of the page must share. */
const FOUND_PREFIX = 3;

/** Scripts written without spaces between words: a match may start anywhere. */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words of a query as Pagefind reads them: lower case, without quotes or punctuation. */
export function queryWords(query: string): string[] {
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
}

/**
 * Whether every word of the query is really on a page (its text and its
 * metadata: title, citation…), and not only a stand-in Pagefind chose.
 *
 * When a word is not in its index, Pagefind searches for the longest prefix
 * of it that is (pagefind/pagefind#315): tolerant of a half-typed word, but a
 * word it cannot find at all falls back to a one-letter word — an author's
 * initial in a citation, the article "a" — and then nonsense such as
 * "zqxjvwk" "finds" every page with a "Z.". A word counts as found where the
 * page holds a word that begins with its first three characters (all of them
 * for a shorter word), so "droughts" finds "drought" and "installa" finds
 * "installation", but "zqxjvwk" finds nothing. The search pages ask this of
 * the best result: Pagefind gives every result the same stand-in.
 */
export function queryWordsFound(query: string, texts: readonly string[]): boolean {
  const haystack = texts.join('\n').toLocaleLowerCase();
  return queryWords(query).every((word) => {
    const head = [...word].slice(0, FOUND_PREFIX).join('');
    if (UNSPACED.test(head)) return haystack.includes(head);
    return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(head)}`, 'u').test(haystack);
  });
}
