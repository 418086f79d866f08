import { describe, expect, it } from 'vitest';
import { buildFacets, countQueries, type FilterCounts } from '../../src/lib/search/facets';
import { parseState, type FilterKey } from '../../src/lib/search/state';

describe('search facets', () => {
  it('asks for one extra count per filter that has a selection, without that filter', () => {
    const state = parseState('q=drought&region=Sahel&year=2021');
    const queries = countQueries(state);
    expect(queries.map((q) => q.key)).toEqual([null, 'region', 'year']);
    expect(queries[1]?.state.filters.region).toEqual([]);
    expect(queries[1]?.state.filters.year).toEqual(['2021']);
    expect(queries[1]?.state.q).toBe('drought');
  });

  it('counts a selected filter without itself, so its other values show what they would add', () => {
    const state = parseState('region=Sahel');
    const counts = new Map<FilterKey | null, FilterCounts>([
      [null, { region: { Sahel: 4, 'West Africa': 2 }, year: { '2021': 3 } }],
      ['region', { region: { Sahel: 4, 'West Africa': 5 } }],
    ]);
    const facets = buildFacets(state, counts, 'en');
    expect(facets.find((f) => f.key === 'region')?.values).toEqual([
      { value: 'Sahel', count: 4, selected: true },
      { value: 'West Africa', count: 5, selected: false },
    ]);
    expect(facets.find((f) => f.key === 'year')?.values).toEqual([
      { value: '2021', count: 3, selected: false },
    ]);
  });

  it('hides values with no result unless selected, and filters with no value', () => {
    const state = parseState('theme=Drought');
    const counts = new Map<FilterKey | null, FilterCounts>([
      [null, { theme: { Drought: 0 }, type: { Report: 0, Study: 2 } }],
      ['theme', { theme: { Drought: 0, Restoration: 0 } }],
    ]);
    const facets = buildFacets(state, counts, 'en');
    expect(facets.map((f) => f.key)).toEqual(['type', 'theme']);
    expect(facets[0]?.values.map((v) => v.value)).toEqual(['Study']);
    expect(facets[1]?.values).toEqual([{ value: 'Drought', count: 0, selected: true }]);
  });

  it('orders years newest first and other values alphabetically in the page language', () => {
    const counts = new Map<FilterKey | null, FilterCounts>([
      [
        null,
        {
          year: { '2018': 1, '2026': 1, '2021': 2 },
          country: { 马里: 1, 尼日尔: 1, 埃塞俄比亚: 1 },
        },
      ],
    ]);
    const facets = buildFacets(parseState(''), counts, 'zh-CN');
    expect(facets.find((f) => f.key === 'year')?.values.map((v) => v.value)).toEqual([
      '2026',
      '2021',
      '2018',
    ]);
    const zh = new Intl.Collator('zh-CN');
    const countries = facets.find((f) => f.key === 'country')?.values.map((v) => v.value) ?? [];
    expect(countries).toEqual([...countries].sort(zh.compare));
  });
});
