import { describe, expect, it } from 'vitest';
import {
  isEmpty,
  parseState,
  serializeState,
  toggleFilter,
  toPagefindOptions,
} from '../../src/lib/search/state';

describe('search state in the URL', () => {
  it('reads words, repeated filters and the order', () => {
    const state = parseState('?q=+216+million+&region=Sahel&region=West%20Africa&sort=year-desc');
    expect(state.q).toBe('216 million');
    expect(state.filters.region).toEqual(['Sahel', 'West Africa']);
    expect(state.filters.country).toEqual([]);
    expect(state.sort).toBe('year-desc');
  });

  it('drops empty and repeated values, unknown parameters and unknown orders', () => {
    const state = parseState('q=&type=Report&type=Report&type=+&colour=red&sort=random');
    expect(state.q).toBe('');
    expect(state.filters.type).toEqual(['Report']);
    expect(state.sort).toBe('relevance');
    expect(serializeState(state)).toBe('type=Report');
  });

  it('round-trips Chinese values and symbols', () => {
    const query = serializeState(
      toggleFilter(parseState('q=ICCD/COP(15)/18&sort=year-asc'), 'country', '马里', true),
    );
    expect(query).toBe('q=ICCD%2FCOP%2815%29%2F18&country=%E9%A9%AC%E9%87%8C&sort=year-asc');
    expect(parseState(query).filters.country).toEqual(['马里']);
    expect(parseState(query).q).toBe('ICCD/COP(15)/18');
  });

  it('writes filters in a stable order whatever order they were picked in', () => {
    let state = parseState('');
    state = toggleFilter(state, 'year', '2021', true);
    state = toggleFilter(state, 'type', 'Report', true);
    expect(serializeState(state)).toBe('type=Report&year=2021');
    expect(serializeState(toggleFilter(state, 'year', '2021', false))).toBe('type=Report');
  });

  it('knows an empty search', () => {
    expect(isEmpty(parseState('sort=year-desc'))).toBe(true);
    expect(isEmpty(parseState('theme=Drought'))).toBe(false);
  });

  it('asks Pagefind for any of the values within a filter, and a year order', () => {
    expect(toPagefindOptions(parseState('region=Sahel&region=West%20Africa&year=2021'))).toEqual({
      filters: { region: { any: ['Sahel', 'West Africa'] }, year: { any: ['2021'] } },
    });
    expect(toPagefindOptions(parseState('sort=year-asc'))).toEqual({
      filters: {},
      sort: { year: 'asc' },
    });
  });
});
