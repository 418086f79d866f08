import { describe, expect, it } from 'vitest';
import { bestSubResults, type SubResult } from '../../src/lib/search/results';

const sub = (id: string | undefined, scores: number[], excerpt = ''): SubResult => ({
  title: id ?? 'page',
  url: id ? `/sources/x/#${id}` : '/sources/x/',
  excerpt,
  anchor: id ? { id } : undefined,
  weighted_locations: scores.map((balanced_score) => ({ balanced_score })),
});

describe('sub-results of a page', () => {
  it('puts the best-matching finding first, and leaves out the unanchored part', () => {
    const subs = [
      sub(undefined, [50]),
      sub('summary', [10]),
      sub('finding-a', [10, 10, 10]),
      sub('finding-b', [5]),
    ];
    expect(bestSubResults(subs).map((s) => s.anchor?.id)).toEqual([
      'finding-a',
      'summary',
      'finding-b',
    ]);
  });

  it('prefers the passage that holds the query as typed, then the one matching more words', () => {
    const subs = [
      sub('regional', [9, 9, 9, 9], '86 <mark>million</mark> and 49 <mark>million</mark>'),
      sub('headline', [3, 3], 'could push <mark>216</mark> <mark>million</mark> people'),
      sub('range', [2, 2], 'from 48 <mark>million</mark> to <mark>216</mark> people'),
    ];
    expect(bestSubResults(subs, '216  Million').map((s) => s.anchor?.id)).toEqual([
      'headline',
      'range',
      'regional',
    ]);
  });

  it('keeps page order between equal matches and stops at the limit', () => {
    const subs = [sub('a', [1]), sub('b', [1]), sub('c', [1])];
    expect(bestSubResults(subs, '', 2).map((s) => s.anchor?.id)).toEqual(['a', 'b']);
  });
});
