import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEMATIC_LAYERS } from '../../src/lib/geo/types';
import { bundleClosure, gzipBytes, pageScripts } from '../support/bundle';
import { DIST, htmlPages, read } from '../support/dist';

/** Budget of the map page's JavaScript, MapLibre and its worker included (gzip). */
const MAP_JS_BUDGET = 470 * 1024;

const MAP_PAGES = ['map/index.html', 'zh/map/index.html'];
const closureOf = (page: string) => bundleClosure(pageScripts(read(page)));
const isMapLibre = (file: string) =>
  /maplibre|\.mjs$/.test(file) || read(file).includes('maplibregl');

describe('the map page in dist', () => {
  it('exists in both languages', () => {
    for (const page of MAP_PAGES) expect(htmlPages(), page).toContain(page);
  });

  it('keeps its JavaScript, MapLibre and worker included, within budget', () => {
    const files = closureOf('map/index.html').filter((f) => /\.m?js$/.test(f));
    expect(files.some((f) => f.includes('maplibre-gl-worker'))).toBe(true);
    expect(gzipBytes(files)).toBeLessThanOrEqual(MAP_JS_BUDGET);
  });

  it('ships MapLibre on the map page only', () => {
    expect(closureOf('map/index.html').some(isMapLibre)).toBe(true);
    for (const page of htmlPages().filter((p) => !MAP_PAGES.includes(p))) {
      expect(closureOf(page).filter(isMapLibre), page).toEqual([]);
    }
  });

  it("bundles MapLibre's CSS with the site, not from a CDN", () => {
    const css = closureOf('map/index.html').filter((f) => f.endsWith('.css'));
    const text = css.map((f) => read(f)).join('\n');
    expect(text).toContain('.maplibregl-map');
    expect(text).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
  });

  it('lists every feature of every thematic layer, in both languages, without JavaScript', () => {
    for (const layer of THEMATIC_LAYERS) {
      const fc = JSON.parse(readFileSync(`${DIST}/geo/${layer}.geojson`, 'utf8')) as {
        features: { properties: { id: string } }[];
      };
      // Study areas exist only for studies that name countries (test/build/geo-layers.test.ts).
      if (layer !== 'studies') expect(fc.features.length, layer).toBeGreaterThan(0);
      for (const page of MAP_PAGES) {
        const html = read(page);
        for (const f of fc.features) {
          expect(html, `${page}: ${f.properties.id}`).toContain(
            `data-feature-id="${f.properties.id}"`,
          );
        }
      }
    }
  });
});
