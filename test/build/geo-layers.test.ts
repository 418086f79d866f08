/**
 * The published map layers in dist/geo, checked feature by feature against
 * the GeoJSON contract, the content they refer to and the budgets the catalogue states;
 * and the pages that show them (data catalogue, locator maps).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Catalogue } from '../../src/lib/geo/catalogue';
import { BUDGETS } from '../../src/lib/budgets';
import { gzipSize } from '../../src/lib/gzip';
import { dataCountries, type ResearchLike } from '../../src/lib/content/research';
import { validateContent } from '../../src/lib/content/validate';
import { geometryProblems, layerProblems, type KnownIds } from '../../src/lib/geo/validate';
import { BASEMAP_LAYERS, LAYER_NAMES, THEMATIC_LAYERS } from '../../src/lib/geo/types';
import { readLayer } from '../../src/lib/map/features';
import { NOT_ON_MAP } from '../../src/lib/geo/props';
import { LANGS } from '../../src/lib/i18n';
import { DIST, read } from '../support/dist';

const text = (layer: string) => readFileSync(join(DIST, 'geo', `${layer}.geojson`), 'utf8');
const layer = (name: string) => JSON.parse(text(name)) as FeatureCollection<Geometry>;
const catalogue = JSON.parse(read('geo/catalogue.json')) as Catalogue;

const { entries, problems } = validateContent('content');
const idsOf = (collection: string) =>
  new Set(entries.filter((e) => e.collection === collection).map((e) => e.id));
const known: KnownIds = {
  sources: idsOf('sources'),
  initiatives: idsOf('initiatives'),
  regions: idsOf('regions'),
};
const withCountries = (collection: string) =>
  entries.filter(
    (e) => e.collection === collection && (e.data['countries'] as string[]).length > 0,
  );

describe('the map layers in dist/geo', () => {
  it('are built from valid content', () => {
    expect(problems).toEqual([]);
  });

  for (const name of THEMATIC_LAYERS) {
    it(`${name}: every feature keeps the contract (valid geometry, RFC 7946 winding, ≤ 5 decimals, ids, properties, references)`, () => {
      const fc = layer(name);
      // Study areas exist only for studies that name countries: the next tests count them.
      if (name !== 'studies') expect(fc.features.length).toBeGreaterThan(0);
      expect(layerProblems(fc, name, known)).toEqual([]);
    });
  }

  for (const name of THEMATIC_LAYERS) {
    for (const lang of LANGS) {
      it(`${name}, ${lang}: the file the map page reads is the layer without geometry, with the properties the page uses in its language, and the page reads all of it`, () => {
        const props = JSON.parse(read(`geo/${name}.props.${lang}.json`)) as FeatureCollection<null>;
        const full = layer(name);
        const other = LANGS.find((l) => l !== lang);
        expect(props.type).toBe('FeatureCollection');
        expect(props.features.map((f) => f.id)).toEqual(full.features.map((f) => f.id));
        for (const [i, f] of props.features.entries()) {
          const whole = full.features[i];
          expect(f.geometry).toBeNull();
          expect(f.bbox).toEqual(whole?.bbox);
          const keys = Object.keys(f.properties ?? {});
          // Nothing the page does not read: the other language, the map's unused fields, what the file says.
          expect(keys.filter((k) => k.endsWith(`_${other}`))).toEqual([]);
          for (const k of [...NOT_ON_MAP, 'id', 'layer']) expect(keys).not.toContain(k);
          // And every other property, as the layer has it.
          for (const [k, v] of Object.entries(whole?.properties ?? {})) {
            if (k.endsWith(`_${other}`) || (NOT_ON_MAP as readonly string[]).includes(k)) continue;
            if (k === 'id' || k === 'layer') continue;
            expect(f.properties?.[k], `${f.id} ${k}`).toEqual(v);
          }
        }
        // Every feature has the bbox the page frames it by (east + 360 across the
        // antimeridian) and the page's reader drops none; its texts are in the page's language.
        const page = readLayer(props, name);
        expect(page.map((f) => [f.id, f.bbox])).toEqual(
          full.features.map(({ id, bbox }) => {
            const [w, s, e, n] = bbox ?? [];
            return [id, [w, s, w !== undefined && e !== undefined && w > e ? e + 360 : e, n]];
          }),
        );
        for (const [i, f] of page.entries()) {
          const whole = full.features[i]?.properties as Record<string, unknown> | undefined;
          expect(f.props.layer).toBe(name);
          expect(lang === 'en' ? f.props.name_en : f.props.name_zh).toBe(whole?.[`name_${lang}`]);
          expect(f.props[`note_${lang}`]).toBe(whole?.[`note_${lang}`]);
        }
      });
    }
  }

  for (const name of BASEMAP_LAYERS) {
    it(`${name}: every feature is valid (Turf booleanValid), wound and truncated as RFC 7946 says`, () => {
      const fc = layer(name);
      const bad = fc.features.flatMap((f) =>
        geometryProblems(f.geometry, { output: true }).map((r) => `${String(f.id)}: ${r}`),
      );
      expect(bad).toEqual([]);
      const ids = fc.features.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  }

  it('has one study area per research entry whose data come from named countries, with those countries and its number of findings', () => {
    const expected = entries
      .filter((e) => e.collection === 'sources' && e.data['study'] !== undefined)
      .map((e) => ({
        id: `study:${e.id}`,
        iso3: dataCountries(e.data as unknown as ResearchLike),
        findings: (e.data['findings'] as unknown[]).length,
        design: (e.data['study'] as { design: string }).design,
        sources: [e.id],
      }))
      .filter((x) => x.iso3.length > 0);
    const built = layer('studies').features.map((f) => {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      return {
        id: String(f.id),
        iso3: p['iso3'],
        findings: p['findings'],
        design: p['design'],
        sources: p['sources'],
      };
    });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(built.sort(byId)).toEqual(expected.sort(byId));
  });

  it('has ids unique across all thematic layers', () => {
    const ids = THEMATIC_LAYERS.flatMap((n) => layer(n).features.map((f) => String(f.id)));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('has a feature for every region and every initiative with countries', () => {
    const regionIds = new Set(layer('regions').features.map((f) => f.id));
    const initiativeIds = new Set(layer('initiatives').features.map((f) => f.id));
    const missing = [
      ...withCountries('regions')
        .map((e) => `region:${e.id}`)
        .filter((id) => !regionIds.has(id)),
      ...withCountries('initiatives')
        .map((e) => `initiative:${e.id}`)
        .filter((id) => !initiativeIds.has(id)),
    ];
    expect(withCountries('regions').length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('dissolves each region and initiative from exactly the countries its content entry lists', () => {
    const mismatched = [...withCountries('regions'), ...withCountries('initiatives')].flatMap(
      (e) => {
        const id = `${e.collection === 'regions' ? 'region' : 'initiative'}:${e.id}`;
        const f = layer(e.collection).features.find((x) => x.id === id);
        const iso3 = (f?.properties?.['iso3'] as string[] | undefined) ?? [];
        return [...iso3].sort().join() === [...(e.data['countries'] as string[])].sort().join()
          ? []
          : [id];
      },
    );
    expect(mismatched).toEqual([]);
  });

  it('marks the Great Green Wall corridor as schematic, with its width', () => {
    const corridor = layer('initiatives').features.find(
      (f) => f.id === 'initiative:great-green-wall:corridor',
    );
    expect(corridor?.properties?.['schematic']).toBe(true);
    expect(corridor?.properties?.['precision_note_en']).toMatch(/^Schematic, .* \d+ km wide/);
    expect(corridor?.properties?.['note_en']).toMatch(/8,000 km long and 15 km wide/);
  });

  it('never gives site precision to a point without a source for its coordinates', () => {
    const sites = layer('sites').features;
    const ethiopia = sites.find((f) => f.id === 'pilot:ethiopia-urban-rural');
    expect(ethiopia?.properties?.['precision']).toBe('country');
    expect(ethiopia?.properties?.['precision_note_en']).toMatch(/not published/);
    for (const f of sites.filter((s) => s.properties?.['precision'] === 'town')) {
      expect(f.properties?.['geometry_source_en'], String(f.id)).toMatch(/^GeoNames gazetteer/);
    }
    for (const f of sites.filter((s) => s.properties?.['precision'] === 'site')) {
      expect(f.properties?.['geometry_source_en'], String(f.id)).toMatch(/^As given by /);
    }
  });

  it('places the COP venues that decided on migration', () => {
    const venues = layer('sites')
      .features.filter((f) => f.properties?.['kind'] === 'cop-venue')
      .map((f) => f.id);
    expect(venues).toEqual([
      'venue:cop13-ordos',
      'venue:cop14-new-delhi',
      'venue:cop15-abidjan',
      'venue:cop16-riyadh',
      'venue:cop17-ulaanbaatar',
    ]);
  });

  it('keeps features crossing the antimeridian from spanning the world', () => {
    for (const name of THEMATIC_LAYERS) {
      for (const f of layer(name).features) {
        const [w, , e] = f.bbox ?? [];
        const span = ((e ?? 0) - (w ?? 0) + 360) % 360;
        expect(span, String(f.id)).toBeLessThan(350);
      }
    }
  });

  it('states in geo/catalogue.json the budgets the tests hold (src/lib/budgets.ts)', () => {
    const sum = (names: readonly string[]) => names.reduce((a, n) => a + gzipSize(text(n)), 0);
    expect(catalogue.budgets).toEqual({
      thematic_gzip: sum(THEMATIC_LAYERS),
      thematic_gzip_max: BUDGETS.thematicGeojson.bytes,
      basemap_gzip: sum(BASEMAP_LAYERS),
      basemap_gzip_max: BUDGETS.basemap.bytes,
    });
  });

  it('describes each file truthfully in geo/catalogue.json', () => {
    expect(catalogue.layers.map((l) => l.name)).toEqual([...LAYER_NAMES]);
    for (const entry of catalogue.layers) {
      const t = text(entry.name);
      expect(entry.bytes, entry.name).toBe(Buffer.byteLength(t));
      expect(entry.gzip_bytes, entry.name).toBe(gzipSize(t));
      expect(entry.feature_count, entry.name).toBe(layer(entry.name).features.length);
      expect(entry.licences.length, entry.name).toBeGreaterThan(0);
      expect(entry.steps.length, entry.name).toBeGreaterThan(0);
    }
  });
});

describe('pages that show the map data', () => {
  it('have a data catalogue in both languages, with every layer and its download', () => {
    for (const page of ['data/index.html', 'zh/data/index.html']) {
      const html = read(page);
      for (const name of LAYER_NAMES) {
        expect(html, `${page} ${name}`).toContain(`id="layer-${name}"`);
        expect(html, `${page} ${name}`).toContain(`href="/geo/${name}.geojson"`);
      }
    }
    expect(read('data/index.html')).toContain('CC BY 4.0');
    expect(read('data/index.html')).toContain('public domain');
  });

  it('link the catalogue from the footer', () => {
    expect(read('index.html')).toMatch(/<footer[\s\S]*href="\/data\/"/);
    expect(read('zh/index.html')).toMatch(/<footer[\s\S]*href="\/zh\/data\/"/);
  });

  it('show a static locator map, with a text alternative, on every region and initiative page that has a place', () => {
    const pages = [
      ...withCountries('regions').map((e) => `regions/${e.id}/index.html`),
      ...withCountries('initiatives').map((e) => `initiatives/${e.id}/index.html`),
    ];
    for (const page of pages.flatMap((p) => [p, `zh/${p}`])) {
      const html = read(page);
      const figure = /<figure class="locator[^"]*"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
      expect(figure, page).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="locator-title"/);
      expect(figure, page).toMatch(/<title id="locator-title">[^<]+<\/title>/);
      expect(figure, page).toMatch(/<figcaption[\s\S]*<li[^>]*>/);
      expect(figure, page).not.toContain('<script');
    }
  });

  it('show the countries and regions of a source on its page', () => {
    const html = read('sources/iccd-cop15-18/index.html');
    expect(html).toContain('data-locator="source:iccd-cop15-18"');
    expect(html).toContain('Countries named by the source:');
  });

  it('give every source page a locator map, or say why it has none', () => {
    const sources = entries.filter((e) => e.collection === 'sources');
    const withMap = sources.filter((e) =>
      read(`sources/${e.id}/index.html`).includes(`data-locator="source:${e.id}"`),
    );
    expect(withMap.length).toBeGreaterThan(sources.length / 2);
    for (const e of sources) {
      for (const page of [`sources/${e.id}/index.html`, `zh/sources/${e.id}/index.html`]) {
        const html = read(page);
        const map = html.includes(`data-locator="source:${e.id}"`);
        const none = html.includes(`data-locator-none="source:${e.id}"`);
        expect(map !== none, page).toBe(true);
      }
    }
  });

  it('say on the map wherever a pilot is placed only by its country', () => {
    const html = read('initiatives/changwon-greening-drylands/index.html');
    expect(html).toContain('class="pt pt-country"');
    expect(html).toContain('Exact sites not published');
  });
});
