import { describe, expect, it } from 'vitest';
import { subsets } from '../../src/lib/content/facets';

describe('library subsets', () => {
  it('gives each facet value the sources that have it', () => {
    const result = subsets([
      { id: 'a', type: 'report', regions: ['sahel'], themes: ['drought'], issued: '2020-09' },
      { id: 'b', type: 'report', regions: [], themes: ['drought', 'finance'], issued: '2021' },
    ]);
    expect(Object.fromEntries(result)).toEqual({
      'type-report': ['a', 'b'],
      'region-sahel': ['a'],
      'theme-drought': ['a', 'b'],
      'theme-finance': ['b'],
      'year-2020': ['a'],
      'year-2021': ['b'],
    });
  });
});
