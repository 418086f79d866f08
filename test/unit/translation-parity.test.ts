import { describe, expect, it } from 'vitest';
import { readNumbers } from '../../src/lib/content/numbers';
import { parityProblems } from '../../src/lib/content/parity';
import { validateContent } from '../../src/lib/content/validate';
import { checkContentCase } from '../support/bad-input';

const values = (text: string, lang: 'en' | 'zh') =>
  readNumbers(text, lang).quantities.map((q) => q.value);

describe('numbers as values', () => {
  it('apply scale words in each language: million and billion, 万 and 亿', () => {
    expect(values('216 million people', 'en')).toEqual([216e6]);
    expect(values('2.16亿人', 'zh')).toEqual([216e6]);
    expect(values('10 million green jobs and 100 million ha', 'en')).toEqual([1e7, 1e8]);
    expect(values('1,000 万个绿色就业机会和 1 亿公顷', 'zh')).toEqual([1e7, 1e8]);
    expect(values('30 多亿人口', 'zh')).toEqual([3e9]);
  });

  it('read a range as two values with the scale of both', () => {
    expect(values('2.5–4.3 million people', 'en')).toEqual([2.5e6, 4.3e6]);
    expect(values('from 48 to 216 million', 'en')).toEqual([48e6, 216e6]);
    expect(values('250 万至 430 万人', 'zh')).toEqual([2.5e6, 4.3e6]);
    expect(values('2.92–4.76 亿人', 'zh')).toEqual([2.92e8, 4.76e8]);
  });

  it('read a date as day, month and year in either order', () => {
    expect(values('on 3 June 2026', 'en').sort()).toEqual([2026, 3, 6].sort());
    expect(values('2026 年 6 月 3 日', 'zh').sort()).toEqual([2026, 3, 6].sort());
    expect(values('in May 2022 the COP may act', 'en').sort()).toEqual([2022, 5].sort());
  });

  it('keep symbols, paragraph signs and names with a number apart', () => {
    expect(readNumbers('decision 22/COP.15 and ICCD/COP(17)/8.', 'en')).toMatchObject({
      quantities: [],
      symbols: ['22/COP.15', 'ICCD/COP(17)/8'],
    });
    expect(readNumbers('(¶8–¶10; ¶4(a))', 'en').paragraphs).toEqual(['8', '10', '4']);
    expect(readNumbers('（第8至10段；第 4(a) 段）', 'zh').paragraphs).toEqual(['8', '10', '4']);
    expect(values('COP 15, the 105th session, the G7/G20 database, Part 2', 'en')).toEqual([]);
    expect(values('第十五届会议、第 105 届会议、七国集团、第二部分', 'zh')).toEqual([]);
  });
});

describe('translation parity', () => {
  it('holds when both languages carry the same numbers, locators and symbols', () => {
    expect(
      parityProblems({
        en: 'By 2050, 216 million people could move (¶10; ICCD/COP(17)/8).',
        zh: '到 2050 年，可能有 2.16亿人迁移（第10段；ICCD/COP(17)/8）。',
      }),
    ).toEqual([]);
  });

  it('names what one language has and the other lacks', () => {
    expect(
      parityProblems({
        en: 'There are 11 countries and 10 million jobs (¶6; decision 22/COP.15).',
        zh: '共有 11 个国家和 100 万个就业机会（第7段；第 22/COP.14 号决定）。',
      }),
    ).toEqual([
      'numbers differ between en and zh: en only has 10,000,000; zh only has 1,000,000',
      'paragraph locators differ between en and zh: en only has 6; zh only has 7',
      'document symbols differ between en and zh: en only has 22/COP.15; zh only has 22/COP.14',
    ]);
    expect(parityProblems({ en: 'In 2021 it began.', zh: '它开始于 2021 年 7 月。' })).toEqual([
      'numbers differ between en and zh: en only has none; zh only has 7',
    ]);
  });

  it('holds for every finding of every source in content/, text and locator label', () => {
    const { entries, problems } = validateContent();
    expect(entries.some((e) => e.collection === 'sources')).toBe(true);
    expect(problems.filter((p) => p.includes('differ between en and zh'))).toEqual([]);
  });

  it('fails the translation-mismatch bad-input case, and for that reason only', () => {
    expect(checkContentCase('translation-mismatch')).toEqual({ missing: [], unexpected: [] });
  });
});
