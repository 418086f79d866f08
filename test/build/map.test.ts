import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEMATIC_LAYERS } from '../../src/lib/geo/types';
import { MAX_SOURCES } from '../../src/lib/map/panel';
import { loadsOf } from '../support/budget';
import { DIST, htmlPages, read } from '../support/dist';
import { parseHtml } from '../support/html';

const MAP_PAGES = ['map/index.html', 'zh/map/index.html'];
/** Everything a page can load, on-demand code included (its byte budget: test/build/budgets.test.ts). */
const loads = new Map<string, string[]>();
for (const file of htmlPages()) {
  loads.set(file, await loadsOf({ file, ...parseHtml(read(file)) }, { dynamic: true }));
}
const closureOf = (page: string) => loads.get(page) ?? [];
const isMapLibre = (file: string) =>
  /maplibre|\.mjs$/.test(file) || read(file).includes('maplibregl');

describe('the map page in dist', () => {
  it('lists at most MAX_SOURCES sources per feature, the rest on the page that lists them all', () => {
    for (const page of MAP_PAGES) {
      const zh = page.startsWith('zh/');
      const html = read(page);
      for (const layer of ['regions', 'initiatives'] as const) {
        const geo = JSON.parse(readFileSync(`${DIST}/geo/${layer}.geojson`, 'utf8')) as {
          features: { properties: { id: string; sources: string[] } }[];
        };
        for (const { properties: p } of geo.features) {
          const item = new RegExp(
            `<li class="map-list__item" data-feature-id="${p.id}">[\\s\\S]*?</details>`,
          ).exec(html)?.[0];
          expect(item, `${page} ${p.id}`).toBeDefined();
          const listed = [...(item ?? '').matchAll(/href="\/(?:zh\/)?sources\/([^/"]+)\/"/g)];
          expect(new Set(listed.map((m) => m[1])).size, `${page} ${p.id}`).toBe(
            Math.min(p.sources.length, MAX_SOURCES),
          );
          if (p.sources.length <= MAX_SOURCES) continue;
          const [kind, id] = p.id.split(':') as [string, string];
          const own = `${zh ? 'zh/' : ''}${kind}s/${id}/`;
          expect(item, p.id).toContain(`data-more-sources>`);
          expect(item, p.id).toContain(`href="/${own}"`);
          // That page does list every one of them.
          const target = read(`${own}index.html`);
          for (const source of p.sources)
            expect(target, `${own} ${source}`).toContain(`/sources/${source}/"`);
        }
      }
    }
  });

  it('exists in both languages', () => {
    for (const page of MAP_PAGES) expect(htmlPages(), page).toContain(page);
  });

  it('loads MapLibre’s worker, which its JS budget counts', () => {
    expect(closureOf('map/index.html').some((f) => f.includes('maplibre-gl-worker'))).toBe(true);
  });

  it('ships MapLibre on the map page only', () => {
    expect(closureOf('map/index.html').some(isMapLibre)).toBe(true);
    for (const page of htmlPages().filter((p) => !MAP_PAGES.includes(p))) {
      expect(closureOf(page).filter(isMapLibre), page).toEqual([]);
    }
  });

  it('loads nothing of MapLibre with the page itself: its files come when the reader asks for the map', async () => {
    for (const page of MAP_PAGES) {
      const eager = await loadsOf({ file: page, ...parseHtml(read(page)) });
      expect(eager.length, page).toBeGreaterThan(0);
      expect(
        eager.filter((f) => /engine|maplibre/.test(f)),
        page,
      ).toEqual([]);
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
