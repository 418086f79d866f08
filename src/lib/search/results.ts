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
  excerpt: string;
  anchor?: { id: string } | undefined;
  weighted_locations?: { balanced_score: number }[] | undefined;
}

const score = (sub: SubResult) =>
  (sub.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);

/**
 * The anchored sub-results of a page (those that have a place to land on),
 * best match first, ties kept in page order; at most `limit`.
 */
export function bestSubResults<T extends SubResult>(subs: readonly T[], limit = 3): T[] {
  return subs
    .map((sub, order) => ({ sub, order, score: score(sub) }))
    .filter(({ sub }) => sub.anchor !== undefined)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ sub }) => sub);
}
