/**
 * Research evidence in a real browser: a study's page (design, coded effects
 * with their direction in words, where each finding was read, the record and
 * its DOI) in both languages, light, dark and print; a driver facet on the
 * search page; the study-areas layer of the map, drawn and listed, weighted
 * by findings, with the layer toggle and the filters.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Feature, FeatureCollection } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { dictionaries, type UiKey } from '../../src/i18n';
import { dataCountries, effectValues, type ResearchLike } from '../../src/lib/content/research';
import { validateContent } from '../../src/lib/content/validate';
import type { Finding } from '../../src/schemas/sources';
import { watchedPage, type PageWatch } from '../support/browser';
import { routeLayer, useInteractiveMap } from '../support/map';
import { servedSite } from '../support/site';

const site = servedSite();
let close: (() => Promise<void>) | undefined;
let watch: PageWatch | undefined;
afterEach(async () => {
  // Every test: no console error, no request to another origin.
  if (watch) {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.otherOrigins).toEqual([]);
  }
  await close?.();
  close = undefined;
  watch = undefined;
});

async function open(
  path: string,
  options: { colorScheme?: 'light' | 'dark'; before?: (page: Page) => Promise<void> } = {},
): Promise<Page> {
  const context = await site.browser.newContext({
    serviceWorkers: 'block',
    colorScheme: options.colorScheme ?? 'light',
  });
  const watched = await watchedPage(context, site.server.origin);
  watch = watched.watch;
  close = () => context.close();
  await options.before?.(watched.page);
  await watched.page.goto(`${site.server.url}${path}`);
  return watched.page;
}

type CodedFinding = Finding & {
  effect: NonNullable<Finding['effect']>;
  readAt: NonNullable<Finding['readAt']>;
};
interface Study {
  id: string;
  data: {
    study: { design: string; sample: { en: string; zh: string } };
    findings: CodedFinding[];
    bibliographic: { doi?: string; container?: string; volume?: string; pages?: string };
    countries: string[];
  };
}
/** The coding of a study, as the research helpers read it. */
const coding = (s: Study) => s.data as unknown as ResearchLike;
/** The research entries of content/, most findings first. */
const studies = (
  validateContent('content').entries as unknown as (Study & { collection: string })[]
)
  .filter((e) => e.collection === 'sources' && e.data.study !== undefined)
  .sort((a, b) => b.data.findings.length - a.data.findings.length || a.id.localeCompare(b.id));
const label = (lang: 'en' | 'zh', key: string) => dictionaries[lang][key as UiKey];

describe('a study page', () => {
  const study = studies[0];

  it('exists: the atlas holds research entries', () => {
    expect(study).toBeDefined();
  });

  it.each(['en', 'zh'] as const)(
    'shows the study and each finding as driver → outcome with its direction in words (%s)',
    async (lang) => {
      const s = study as Study;
      const page = await open(`${lang === 'zh' ? 'zh/' : ''}sources/${s.id}/`);
      const block = page.locator('section[aria-labelledby="study"]');
      expect(await block.textContent()).toContain(label(lang, `design.${s.data.study.design}`));
      expect(await block.textContent()).toContain(s.data.study.sample[lang]);
      for (const f of s.data.findings) {
        const section = page.locator(`#finding-${f.id}`);
        // What the eye reads (the words for screen readers and the badge aside), and what a screen reader hears.
        const path = section.locator('.effect__path');
        const seen = await path.evaluate((p) => {
          const copy = p.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.visually-hidden, .effect-badge').forEach((e) => e.remove());
          return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
        });
        const driver = label(lang, `driver.${f.effect.driver}`);
        const outcome = label(lang, `outcome.${f.effect.outcome}`);
        expect(seen).toBe(`${driver} → ${outcome}`);
        const heard = await path.evaluate((p) => {
          const copy = p.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
          return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
        });
        expect(heard).toContain(`${driver} ${label(lang, 'effect.on')} ${outcome}`);
        const badge = section.locator('.effect-badge');
        expect((await badge.innerText()).trim()).toBe(label(lang, `effect.${f.effect.direction}`));
        expect(await badge.getAttribute('href')).toBe(
          `/${lang === 'zh' ? 'zh/' : ''}method/#directions`,
        );
        const readAt = section.getByRole('link', { name: new URL(f.readAt.url).hostname });
        expect(await readAt.getAttribute('href')).toBe(f.readAt.url);
        expect(await readAt.locator('..').innerText()).toContain(
          label(lang, `readPart.${f.readAt.part}`),
        );
      }
    },
  );

  it('gives the record with journal, volume, pages and the DOI through doi.org, as published on the Chinese page too', async () => {
    const s = study as Study;
    const b = s.data.bibliographic;
    for (const prefix of ['', 'zh/']) {
      const page = await open(`${prefix}sources/${s.id}/`);
      const record = await page.locator('section[aria-labelledby="record"]').innerText();
      for (const value of [b.container, b.volume, b.pages])
        if (value) expect(record).toContain(value);
      if (b.doi) {
        expect(
          await page.locator('#record ~ dl a[href^="https://doi.org/"]').getAttribute('href'),
        ).toBe(`https://doi.org/${b.doi}`);
        expect(await page.locator('#ref-apa').textContent()).toContain(b.doi);
      }
      await close?.();
      close = undefined;
    }
  });

  it.each(['light', 'dark'] as const)(
    'keeps the direction badges readable in %s mode and in print',
    async (scheme) => {
      const s = study as Study;
      const page = await open(`sources/${s.id}/`, { colorScheme: scheme });
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMedia({ media, colorScheme: scheme });
        const contrasts = await page.locator('.effect-badge').evaluateAll((badges) => {
          const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
          const lum = ([r = 0, g = 0, b = 0]: number[]) => {
            const ch = (v: number) => {
              const x = v / 255;
              return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
            };
            return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
          };
          const background = (el: Element | null): string => {
            for (let e = el; e; e = e.parentElement) {
              const bg = getComputedStyle(e).backgroundColor;
              if (!/rgba\(0, 0, 0, 0\)|transparent/.test(bg)) return bg;
            }
            return getComputedStyle(document.documentElement).backgroundColor;
          };
          return badges.map((b) => {
            const [l1, l2] = [lum(rgb(getComputedStyle(b).color)), lum(rgb(background(b)))];
            return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
          });
        });
        expect(contrasts.length).toBe(s.data.findings.length);
        for (const c of contrasts) expect(c, `${scheme} ${media}`).toBeGreaterThanOrEqual(4.5);
        expect(await page.locator('.effect-badge').first().isVisible()).toBe(true);
      }
    },
  );
});

describe('the driver facet of search', () => {
  /** A driver the research entries use, and the source pages that use it. */
  const driver = studies.map((s) => effectValues(coding(s)).driver[0]).find((d) => d !== undefined);
  const expected = studies
    .filter((s) => driver !== undefined && effectValues(coding(s)).driver.includes(driver))
    .map((s) => `/sources/${s.id}/`)
    .sort();

  it('offers each driver with its count, and narrows the results to the studies coded with it', async () => {
    expect(driver).toBeDefined();
    const name = label('en', `driver.${driver}`);
    const page = await open('search/');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForSelector('[data-search][data-state="done"]');
    const facet = page.locator('fieldset.facet', {
      has: page.locator('legend', { hasText: /^Driver$/ }),
    });
    const box = facet.getByRole('checkbox', {
      name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`),
    });
    expect(await box.locator('..').innerText()).toContain(`(${expected.length})`);
    await box.check();
    await page.waitForFunction(
      (value) => new URLSearchParams(location.search).get('driver') === value,
      name,
    );
    await page.waitForSelector('[data-search][data-state="done"]');
    const links = await page
      .locator('.result h3 a')
      .evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').split('#')[0] ?? ''));
    expect(links.sort()).toEqual(expected);
    expect(await page.locator('[data-status]').textContent()).toMatch(
      expected.length === 1 ? /^1 result$/ : new RegExp(`^${expected.length} results$`),
    );
  });

  it('lands a query on the finding, a sub-result titled with its locator, with the driver filter on', async () => {
    const s = studies.find(
      (x) => driver !== undefined && effectValues(coding(x)).driver.includes(driver),
    ) as Study;
    const f = s.data.findings.find(
      (x) => x.effect.driver === driver,
    ) as Study['data']['findings'][number];
    const word = f.text.en.split(/\W+/).filter((w) => w.length > 6)[0] ?? '';
    const page = await open(
      `search/?q=${encodeURIComponent(word)}&driver=${encodeURIComponent(label('en', `driver.${driver}`))}`,
    );
    await page.waitForSelector('[data-search][data-state="done"]');
    const result = page.locator('.result', { has: page.locator(`h3 a[href="/sources/${s.id}/"]`) });
    const locators = await result
      .locator('a.result__locator')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(locators.some((href) => href?.startsWith(`/sources/${s.id}/#finding-`))).toBe(true);
  });
});

describe('the study-areas layer of the map', () => {
  /** Two study areas drawn on real country outlines, with one and eight findings, beside the real ones. */
  const countries = JSON.parse(
    readFileSync('dist/geo/countries.geojson', 'utf8'),
  ) as FeatureCollection;
  const built = JSON.parse(readFileSync('dist/geo/studies.geojson', 'utf8')) as FeatureCollection;
  // A study the built layer draws, so the page's lookup has its title and page.
  const source = String(
    (built.features[0]?.properties?.['sources'] as string[] | undefined)?.[0] ?? '',
  );
  const area = (iso3: string, id: string, findings: number): Feature => {
    const country = countries.features.find((f) => f.properties?.['iso3'] === iso3) as Feature;
    return {
      type: 'Feature',
      id,
      bbox: country.bbox,
      geometry: country.geometry,
      properties: {
        id,
        layer: 'studies',
        kind: 'study-area',
        name_en: `Test study ${id}`,
        name_zh: `测试研究 ${id}`,
        precision: 'country',
        precision_note_en: 'Whole territory of the country the study’s data come from.',
        precision_note_zh: '研究数据所来自国家的全部领土。',
        schematic: false,
        sources: [source],
        initiatives: [],
        regions: [],
        iso3: [iso3],
        note_en: '',
        note_zh: '',
        themes: ['drought'],
        source_types: ['journal-article'],
        findings,
        design: 'household-survey',
        area_km2: 1,
      },
    };
  };
  const layer: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      ...built.features,
      area('MLI', 'study:e2e-one', 1),
      area('ETH', 'study:e2e-many', 8),
    ],
  };
  const serve = (page: Page): Promise<void> => routeLayer(page, 'studies', layer);
  /** Brings MapLibre as a reader does (the pointer onto the static map) and waits for it. */
  const ready = (page: Page) => useInteractiveMap(page);
  /** The drawn study areas and their fill opacity, from MapLibre once it is idle. */
  const drawn = (page: Page) =>
    page.evaluate(async () => {
      const map = window.__atlasMap;
      if (!map) throw new Error('no map');
      if (!map.loaded() || map.isMoving()) await new Promise((r) => map.once('idle', r));
      const out: Record<string, number> = {};
      for (const f of map.queryRenderedFeatures({ layers: ['studies-fill'] })) {
        out[String(f.properties['id'])] = Number(f.layer.paint?.['fill-opacity' as never]);
      }
      return out;
    });

  it('draws each study area, darker the more findings it has, and lists it with its weight', async () => {
    const page = await open('map/', { before: serve });
    await ready(page);
    const shown = await drawn(page);
    expect(Object.keys(shown)).toEqual(expect.arrayContaining(['study:e2e-one', 'study:e2e-many']));
    expect(shown['study:e2e-many']).toBeGreaterThan(shown['study:e2e-one'] ?? 1);
    expect(await page.getByRole('checkbox', { name: /^Study areas/ }).isChecked()).toBe(true);
    expect(await page.locator('[data-count="studies"]').textContent()).toBe(
      `(${layer.features.length})`,
    );
    const item = page.locator('[data-feature-id="study:e2e-many"]');
    // The list is laid out only near the screen (content-visibility): scroll to it, as a reader would.
    // It is rendered a frame or more after it comes near the screen: read it once shown.
    await item.scrollIntoViewIfNeeded();
    await expect
      .poll(() => item.locator('.map-list__line').innerText(), { timeout: 5000 })
      .toContain('Study area · Country only · 8 coded findings');
    // The item is one line linking to the study's page, which says what the panel says.
    expect(await item.locator('.map-list__name').getAttribute('href')).toBe(`/sources/${source}/`);
    expect(await item.locator('details').count()).toBe(0);
    await item.getByRole('button', { name: /Show on map/ }).click();
    const panel = page.locator('#map-panel');
    await page.waitForFunction(() => !document.querySelector('#map-panel')?.hasAttribute('hidden'));
    expect(await panel.innerText()).toContain('Household survey');
    expect(await panel.innerText()).toContain('8 coded findings');
    expect(page.url()).toContain('#select=study:e2e-many');
  });

  it('says how many studies name no country, and so are not drawn', async () => {
    const unplaced = studies.filter((s) => dataCountries(coding(s)).length === 0).length;
    const page = await open('map/', { before: serve });
    const note = page.locator('[data-list-layer="studies"] [data-list-note]');
    if (unplaced === 0) expect(await note.count()).toBe(0);
    else
      expect(await note.innerText()).toMatch(
        new RegExp(`^${unplaced} research entr(y names|ies name) no country`),
      );
  });

  it('turns off with its checkbox, and follows the source-type filter', async () => {
    // Both test areas are journal articles: a filter on COP decisions hides them.
    const page = await open('map/', { before: serve });
    await ready(page);
    await page.getByRole('checkbox', { name: /^Study areas/ }).uncheck();
    await page.waitForFunction(() => location.hash === '#layers=regions,initiatives,sites');
    expect(Object.keys(await drawn(page))).toEqual([]);
    expect(await page.locator('[data-feature-id="study:e2e-one"]').isVisible()).toBe(false);
    await page.getByRole('checkbox', { name: /^Study areas/ }).check();
    expect(Object.keys(await drawn(page))).toContain('study:e2e-one');
    await page.locator('select[data-filter="type"]').selectOption('decision');
    expect(Object.keys(await drawn(page))).toEqual([]);
    expect(await page.locator('[data-count="studies"]').textContent()).toBe('(0)');
    await page.locator('select[data-filter="type"]').selectOption('');
    expect(Object.keys(await drawn(page))).toEqual(
      expect.arrayContaining(['study:e2e-one', 'study:e2e-many']),
    );
  });
});
