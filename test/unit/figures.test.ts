import { describe, expect, it } from 'vitest';
import { figuresIn, unlocatedFigures } from '../../src/lib/content/figures';

describe('figures in prose', () => {
  it('finds numbers but not years, dates, paragraph signs or UN symbols', () => {
    expect(
      figuresIn(
        'In 2021, ICCD/COP(17)/8 ¶10 and decision 22/COP.15 said 216 million people (4.2%) on 3 June 2026.',
      ),
    ).toEqual(['216', '4.2']);
  });

  it('ignores Chinese dates and paragraph numbers', () => {
    expect(figuresIn('2026 年 8 月，第10段指出 2.16亿人')).toEqual(['2.16']);
    expect(figuresIn('主要通过生计（第8至10段）；证据（第9、10段）')).toEqual([]);
  });

  it('normalises thousands separators', () => {
    expect(figuresIn('350,000 jobs')).toEqual(['350000']);
  });

  it('reports the figures of a summary that no located text contains', () => {
    expect(unlocatedFigures('From 48 to 216 million.', ['216 million people by 2050'])).toEqual([
      '48',
    ]);
  });
});
