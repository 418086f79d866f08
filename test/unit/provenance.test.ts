import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate';
import { documentUrl } from '../../src/schemas/common';
import { checkContentCase } from '../support/bad-input';

describe('provenance addresses', () => {
  it("are the document or page that states a fact, never a site's home page", () => {
    const ok = (url: string) => documentUrl.safeParse(url).success;
    expect(ok('https://www.unccd.int/news-stories/stories/x')).toBe(true);
    expect(ok('https://sdg.iisd.org/?p=738361')).toBe(true);
    expect(ok('https://www.unccd.int/')).toBe(false);
    expect(ok('https://www.unccd.int')).toBe(false);
    expect(ok('http://www.unccd.int/page')).toBe(false);
  });

  it('in content/ name a page or an atlas entry for every second-hand finding', () => {
    const { entries, problems } = validateContent();
    const vias = entries.flatMap((e) =>
      e.collection === 'sources'
        ? (e.data['findings'] as { via?: { url?: string; source?: string } }[]).flatMap((f) =>
            f.via ? [f.via] : [],
          )
        : [],
    );
    expect(problems.filter((p) => p.includes('.via.') || p.includes('.url:'))).toEqual([]);
    for (const via of vias) expect(via.url ?? via.source).toBeDefined();
  });

  it('fail the home-page-address bad-input case, and for that reason only', () => {
    expect(checkContentCase('home-page-address')).toEqual({ missing: [], unexpected: [] });
  });

  it('fail the dangling-via-source bad-input case, and for that reason only', () => {
    expect(checkContentCase('dangling-via-source')).toEqual({ missing: [], unexpected: [] });
  });
});
