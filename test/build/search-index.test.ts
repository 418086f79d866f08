import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexTag, INDEX_TAG_PLACEHOLDER, UNUSED_BUNDLE_FILES } from '../../src/lib/search/bundle';
import { dictionaries, type UiKey } from '../../src/i18n';
import { countryName } from '../../src/lib/countries';
import { dataCountries, effectValues, type ResearchLike } from '../../src/lib/content/research';
import { validateContent } from '../../src/lib/content/validate';
import { FILTER_KEYS } from '../../src/lib/search/state';
import { DIST, htmlPages, listFiles, read } from '../support/dist';
import { readFragments } from '../support/pagefind';

const fragments = readFragments();
const byUrl = new Map(fragments.map((f) => [f.url, f]));
const kinds = /^\/(?:zh\/)?(?:sources|initiatives|regions)\/[a-z0-9-]+\/$|^\/(?:zh\/)?glossary\/$/;

describe('the search index', () => {
  it('holds the source, initiative, region and glossary pages of both languages, and nothing else', () => {
    const expected = htmlPages()
      .map((p) => `/${p.replace(/index\.html$/, '')}`)
      .filter((url) => kinds.test(url) && !url.includes('/sources/by/'));
    expect(fragments.map((f) => f.url).sort()).toEqual(expected.sort());
    expect(expected.filter((u) => u.startsWith('/zh/')).length).toBe(expected.length / 2);
  });

  it('leaves navigation, footers, the citation block and labels out of the text', () => {
    for (const f of fragments) {
      for (const boilerplate of [
        'Skip to main content',
        'How to cite the atlas',
        'CC BY 4.0',
        'Cite this',
        'Sources it cites',
        'Document symbol',
        'Locator map',
        'See on the map',
        '跳到正文',
      ])
        expect(f.content, `${f.url}: ${boilerplate}`).not.toContain(boilerplate);
    }
  });

  it('makes each key finding its own sub-result, titled with its locator', () => {
    const page = byUrl.get('/sources/groundswell-2021/');
    const anchor = page?.anchors.find((a) => a.id === 'finding-internal-migrants-2050');
    expect(anchor?.title).toBe('World Bank infographic, 13 September 2021');
    for (const f of fragments.filter((x) => x.url.includes('/sources/'))) {
      const html = read(`${f.url.slice(1)}index.html`);
      const findings = [...html.matchAll(/<section class="finding" id="(finding-[^"]+)"/g)].map(
        (m) => m[1],
      );
      const titled = f.anchors.filter((a) => a.title).map((a) => a.id);
      expect(titled, f.url).toEqual(findings);
    }
  });

  it('makes the citation searchable and shown: symbol, year, publisher, DOI or handle', () => {
    const note = byUrl.get('/sources/iccd-cop15-18/');
    expect(note?.meta['symbol']).toBe('ICCD/COP(15)/18');
    expect(note?.meta['year']).toBe('2022');
    expect(note?.meta['citation']).toContain('ICCD/COP(15)/18');
    expect(note?.content).toContain('ICCD/COP(15)/18.');
    const groundswell = byUrl.get('/sources/groundswell-2021/');
    expect(groundswell?.meta['handle']).toBe('10986/36248');
    expect(groundswell?.meta['publisher']).toBe('World Bank');
    expect(groundswell?.content).toContain('10986/36248');
  });

  it('gives every source the filters of the search page, in its own language', () => {
    for (const f of fragments)
      expect(FILTER_KEYS).toEqual(expect.arrayContaining(Object.keys(f.filters)));
    const en = byUrl.get('/sources/groundswell-2021/');
    expect(en?.filters).toMatchObject({
      type: ['Report'],
      year: ['2021'],
      status: ['Secondary'],
      language: ['English'],
    });
    expect(en?.filters['region']).toContain('Sub-Saharan Africa');
    expect(byUrl.get('/zh/sources/groundswell-2021/')?.filters['type']).toEqual(['报告']);
    expect(byUrl.get('/regions/sahel/')?.filters['type']).toEqual(['Region']);
  });

  it('filters each study by its design, and by the drivers, outcomes and directions of its findings and their countries, in each language', () => {
    const studies = validateContent('content').entries.filter(
      (e) => e.collection === 'sources' && e.data['study'] !== undefined,
    );
    expect(studies.length).toBeGreaterThan(0);
    for (const e of studies) {
      const coding = e.data as unknown as ResearchLike & { study: { design: string } };
      const values = effectValues(coding);
      for (const lang of ['en', 'zh'] as const) {
        const t = (key: string) => dictionaries[lang][key as UiKey];
        const f = byUrl.get(`/${lang === 'zh' ? 'zh/' : ''}sources/${e.id}/`);
        expect(f?.filters['design'], e.id).toEqual([t(`design.${coding.study.design}`)]);
        expect(f?.filters['driver']?.sort()).toEqual(
          values.driver.map((v) => t(`driver.${v}`)).sort(),
        );
        expect(f?.filters['outcome']?.sort()).toEqual(
          values.outcome.map((v) => t(`outcome.${v}`)).sort(),
        );
        expect(f?.filters['direction']?.sort()).toEqual(
          values.direction.map((v) => t(`effect.${v}`)).sort(),
        );
        expect((f?.filters['country'] ?? []).sort()).toEqual(
          dataCountries(coding)
            .map((c) => countryName(c, lang))
            .sort(),
        );
      }
    }
  });

  it('ships the JS API bundle only, and stamps every page with the index tag', () => {
    const files = listFiles();
    for (const unused of UNUSED_BUNDLE_FILES) expect(files).not.toContain(`pagefind/${unused}`);
    const tag = indexTag(readFileSync(`${DIST}/pagefind/pagefind-entry.json`));
    for (const page of htmlPages()) {
      expect(read(page), page).toContain(`data-index-tag="${tag}"`);
      expect(read(page), page).not.toContain(INDEX_TAG_PLACEHOLDER);
    }
  });
});
