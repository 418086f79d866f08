import { describe, expect, it } from 'vitest';
import { reachability } from '../support/reachability';

/**
 * Every page of the built site can be found by following links from `/` or
 * `/zh/`, and not only through its own language switch: a page added later
 * and linked from nowhere fails here (the walk is unit-tested on a fixture).
 */
describe('reachability of the built site', () => {
  const { pages, reached, problems } = reachability();

  it(`reaches every page from the home pages (${pages.length} pages)`, () => {
    expect(pages.length).toBeGreaterThan(2);
    expect(problems).toEqual([]);
    expect(reached.size).toBe(pages.length);
  });
});
