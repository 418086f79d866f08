import { describe, expect, it } from 'vitest';
import {
  bestSubResults,
  queryWords,
  queryWordsFound,
  type SubResult,
} from '../../src/lib/search/results';

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

describe('whether a query was really found', () => {
  const chandonnet = [
    'Research report · Mixed methods · 2016. Environment, Climate Change and Migration in the Kyrgyz Republic.',
    'Chandonnet, A., Mamadalieva, Z., Orolbaeva, L., Sagynbekova, L., Tursunaliev, U., & Umetbaeva, D. (2016).',
  ];

  it("rejects a word Pagefind could only stand in for with an author's initial", () => {
    expect(queryWordsFound('zqxjvwk', chandonnet)).toBe(false);
    expect(queryWordsFound('aqxjvwk', ['a page with a word'])).toBe(false);
  });

  it('finds a word of the text or the metadata, a different ending of it and a half-typed word', () => {
    expect(queryWordsFound('Umetbaeva', chandonnet)).toBe(true);
    expect(queryWordsFound('kyrgyzstan', chandonnet)).toBe(true);
    expect(queryWordsFound('migrants', chandonnet)).toBe(true);
    expect(queryWordsFound('envir', chandonnet)).toBe(true);
  });

  it('needs every word, at the start of a word, and reads quotes and punctuation as Pagefind does', () => {
    expect(queryWordsFound('migration zqxjvwk', chandonnet)).toBe(false);
    expect(queryWordsFound('"climate change"', chandonnet)).toBe(true);
    expect(queryWordsFound('ration', chandonnet)).toBe(false);
    expect(queryWords(' "Climate,  change" ')).toEqual(['climate', 'change']);
  });

  it('finds Chinese anywhere in the text, which has no spaces between words', () => {
    expect(queryWordsFound('荒漠化', ['防治荒漠化公约'])).toBe(true);
    expect(queryWordsFound('绿色长城', ['非洲绿色长城倡议'])).toBe(true);
    expect(queryWordsFound('长城', ['荒漠化'])).toBe(false);
  });
});
