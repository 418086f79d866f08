import { describe, expect, it } from 'vitest';
import { firstParagraph, format, formatList, paragraphs, plural } from '../../src/lib/format';
import { resultsText } from '../../src/lib/search/strings';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';

describe('placeholders', () => {
  it('fills each {name} and leaves an unknown one as written', () => {
    expect(format('{count} results for {q}', { count: 3, q: 'drought' })).toBe(
      '3 results for drought',
    );
    expect(format('{count} of {total}', { count: 1 })).toBe('1 of {total}');
  });

  it('never reads a name from the prototype', () => {
    expect(format('{a} and {toString}', { a: 1 })).toBe('1 and {toString}');
  });
});

describe('plurals and lists', () => {
  it('picks the plural form by the language’s own rules', () => {
    expect([0, 1, 2].map((n) => plural(n, 'en'))).toEqual(['other', 'one', 'other']);
    expect([0, 1, 2].map((n) => plural(n, 'zh-CN'))).toEqual(['other', 'other', 'other']);
  });

  it('says “1 result” in both languages', () => {
    expect(resultsText(en, '', 1, false, 'en')).toBe('1 result');
    expect(resultsText(en, '', 2, false, 'en')).toBe('2 results');
    expect(resultsText(zh, '', 1, false, 'zh-CN')).toBe('1 条结果');
  });

  it('lists names with the language’s separator', () => {
    expect(formatList(['Mali', 'Niger', 'Chad'], 'en')).toBe('Mali, Niger, Chad');
    expect(formatList(['马里', '尼日尔', '乍得'], 'zh-CN')).toBe('马里、尼日尔、乍得');
    expect(formatList(['Mali'], 'en')).toBe('Mali');
  });
});

describe('paragraphs', () => {
  it('split at blank lines, however they are indented', () => {
    expect(paragraphs('One.\n\nTwo,\nstill two.\n  \n Three. ')).toEqual([
      'One.',
      'Two,\nstill two.',
      'Three.',
    ]);
    expect(firstParagraph('One,\nstill one.\n\nTwo.')).toBe('One,\nstill one.');
    expect(firstParagraph('')).toBe('');
  });
});
