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
