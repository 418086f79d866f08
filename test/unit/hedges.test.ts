import { describe, expect, it } from 'vitest';
import { boundsIn, hedgeGuard, hedgesIn } from '../../src/lib/content/hedges';
import { validateContent } from '../../src/lib/content/validate';
import { checkContentCase } from '../support/bad-input';

const bounds = (text: string, lang: 'en' | 'zh') =>
  Object.fromEntries([...boundsIn(text, lang)].map(([v, b]) => [v, [...b].sort()]));

describe('hedges', () => {
  it('are found in English as whole words and phrases, and May the month is none', () => {
    expect(hedgesIn('DLDD can contribute, and may play a role', 'en')).toEqual(['can', 'may']);
    expect(hedgesIn('The COP may wish to explore ways', 'en')).toEqual(['may']);
    expect(hedgesIn('Up to 80% could be avoided', 'en')).toEqual(['up to', 'could']);
    expect(hedgesIn('DLDD contributes to migration', 'en')).toEqual([]);
    expect(hedgesIn('launched on 12 May 2023; a candidate canal', 'en')).toEqual([]);
  });

  it('are found in Chinese, but not inside 会议, 社会, 可持续, 可再生 or 能源', () => {
    expect(hedgesIn('荒漠化、土地退化和干旱会助长移民动态', 'zh')).toEqual(['会']);
    expect(hedgesIn('缔约方会议不妨探讨如何加强', 'zh')).toEqual(['不妨']);
    expect(hedgesIn('最多将有 30 多亿人口', 'zh')).toEqual(['最多']);
    expect(hedgesIn('缔约方会议在社会和可持续发展方面推广可再生能源', 'zh')).toEqual([]);
    expect(hedgesIn('大部分篇幅涉及城乡联系', 'zh')).toEqual([]);
  });
});

describe('bounds', () => {
  it('bind the number they stand before, in English', () => {
    expect(bounds('up to 3 billion people', 'en')).toEqual({ 3e9: ['upper'] });
    // "up to just over" bounds it both ways, as 最多…30 多亿 does
    expect(bounds('up to just over 3 billion people', 'en')).toEqual({ 3e9: ['lower', 'upper'] });
    expect(bounds('more than 143 million people and 80%', 'en')).toEqual({
      143e6: ['lower'],
      80: [],
    });
    expect(bounds('by as much as 80%, or about 44 million', 'en')).toEqual({
      80: ['upper'],
      44e6: ['about'],
    });
    expect(bounds('moreover 5 countries, overall 6', 'en')).toEqual({ 5: [], 6: [] });
  });

  it('bind the number in Chinese, before it (最多, 超过, 约) or after it (30 多亿, 以上)', () => {
    expect(bounds('未来 35 年内最多将有 30 多亿人口进入城市', 'zh')).toEqual({
      35: [],
      3e9: ['lower', 'upper'],
    });
    expect(bounds('超过 1.43亿人，约 80% 的产值，1,000 万人以上', 'zh')).toEqual({
      1.43e8: ['lower'],
      80: ['about'],
      1e7: ['lower'],
    });
  });
});

describe('the hedge guard', () => {
  it('asks for a hedge where the quotation has one ("can contribute" became "contributes")', () => {
    expect(
      hedgeGuard(
        'DLDD contributes to migration dynamics',
        'DLDD can contribute to migration dynamics',
        'en',
      ),
    ).toEqual([
      'a hedge, as the quotation has "can" (the finding must not sound surer than its source)',
    ]);
    expect(hedgeGuard('DLDD can contribute to migration', 'DLDD can contribute', 'en')).toEqual([]);
  });

  it('keeps the bound the quotation puts on a number the text states ("最多…30 多亿" became "可能有 30 多亿")', () => {
    expect(hedgeGuard('可能有 30 多亿人进入城市', '最多将有 30 多亿人口进入城市', 'zh')).toEqual([
      'the upper bound the quotation puts on 3,000,000,000 (keep it: 最多, 至多)',
    ]);
    expect(
      hedgeGuard('最多将有 30 多亿人口进入城市', '最多将有 30 多亿人口进入城市', 'zh'),
    ).toEqual([]);
  });

  it('leaves alone the numbers of the quotation that the text does not state', () => {
    expect(hedgeGuard('Cities will grow.', 'up to 3 billion people will move', 'en')).toEqual([
      'a hedge, as the quotation has "up to" (the finding must not sound surer than its source)',
    ]);
    expect(hedgeGuard('Cities may grow.', 'up to 3 billion people will move', 'en')).toEqual([]);
  });

  it('holds for every quoted finding in content/', () => {
    const { entries, problems } = validateContent();
    const quoted = entries.filter(
      (e) =>
        e.collection === 'sources' &&
        (e.data['findings'] as { quote?: unknown }[]).some((f) => f.quote !== undefined),
    );
    expect(quoted.length).toBeGreaterThan(0);
    expect(problems.filter((p) => p.includes('the quotation'))).toEqual([]);
  });

  it('fails the dropped-hedge bad-input case, and for that reason only', () => {
    expect(checkContentCase('dropped-hedge')).toEqual({ missing: [], unexpected: [] });
  });
});
