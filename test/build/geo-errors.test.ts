import { describe, expect, it } from 'vitest';
import { astroBuild } from '../support/astro';

describe('a build over bad map definitions', () => {
  it('fails before rendering, listing every problem as file: feature id: reason', () => {
    const { status, output } = astroBuild('.cache/geo-fixture-dist', {
      ATLAS_CONTENT_DIR: 'test/fixtures/content/good',
      ATLAS_GEO_DIR: 'test/fixtures/geo/defs-invalid',
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/Invalid map data: 5 problem\(s\)/);
    const file = 'test/fixtures/geo/defs-invalid/sites.json';
    for (const line of [
      `${file}: pilot:self-intersecting: placement.geometry: ring 0 intersects itself at [-14.5, 14.5]`,
      `${file}: pilot:unclosed-ring: placement.geometry: ring 0 is not closed`,
      `${file}: pilot:unknown-country: iso3: unknown ISO3 code "XXA"`,
      `${file}: pilot:missing-source: sources[0]: no source "no-such-source" in content/sources`,
    ]) {
      expect(output).toContain(line);
    }
  });
});
