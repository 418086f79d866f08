import { describe, expect, it } from 'vitest';
import { quantityWordsIn, unlocatedQuantityWords } from '../../src/lib/content/quantity-words';
import { validateContent } from '../../src/lib/content/validate';
import { checkContentCase } from '../support/bad-input';

describe('words of quantity', () => {
  it('are found by family in English, superlatives and idioms aside', () => {
    expect(quantityWordsIn('Most of the note, and all of it, half the time', 'en')).toEqual([
      'most',
      'all',
      'half',
    ]);
    expect(quantityWordsIn('It works mostly with boundaries; two thirds live there', 'en')).toEqual(
      ['mostly', 'third'],
    );
    expect(
      quantityWordsIn('the most critical factors, above all, a third-party copy', 'en'),
    ).toEqual([]);
  });

  it('are found by family in Chinese', () => {
    expect(quantityWordsIn('说明的大部分篇幅涉及所有国家', 'zh')).toEqual(['大部分', '所有']);
    expect(quantityWordsIn('大多数移民主要为就业而迁移', 'zh')).toEqual(['大部分', '主要']);
  });

  it('in a summary must be said by a located finding', () => {
    const findings = ['Most migrants move to find better work.'];
    expect(unlocatedQuantityWords('Most migrants move for work.', findings, 'en')).toEqual([]);
    expect(
      unlocatedQuantityWords(
        'Most of the note is about towns.',
        ['It works mostly with maps.'],
        'en',
      ),
    ).toEqual(['most']);
  });

  it('in every summary, rationale and description of content/ are said by a located finding', () => {
    const { entries, problems } = validateContent();
    expect(entries.length).toBeGreaterThan(0);
    expect(problems.filter((p) => p.includes('word(s) of quantity'))).toEqual([]);
  });

  it('fail the unlocated-quantity-word bad-input case, and for that reason only', () => {
    expect(checkContentCase('unlocated-quantity-word')).toEqual({ missing: [], unexpected: [] });
  });
});
