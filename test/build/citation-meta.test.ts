/**
 * What Zotero and Google Scholar read on every source page — the Highwire
 * `citation_*` tags and the schema.org JSON-LD — agrees field by field with
 * the CSL record the page offers for download (dist/cite/<id>.json); each
 * finding's citation on the page and in its own downloads carries its locator.
 */
import { describe, expect, it } from 'vitest';
import type { FindingRecords } from '../../src/lib/citation-formats';
import type { CslItem } from '../../src/lib/citations';
import { parseCitations } from '../../src/lib/citations';
import { locatorText } from '../../src/lib/finding-citations';
import { locatorDocument } from '../../src/lib/finding-locator';
import { dataSources } from '../support/content';
import { read } from '../support/dist';
import { parseHtml } from '../support/html';

const sources = dataSources('content');
const byId = new Map(sources.map((s) => [s.id, s]));
const pages = sources.flatMap((s) =>
  ['', 'zh/'].map((prefix) => ({ source: s, file: `${prefix}sources/${s.id}/index.html` })),
);
const name = (n: NonNullable<CslItem['author']>[number]) =>
  'literal' in n ? n.literal : `${n.family}, ${n.given}`;
const date = (c: CslItem) =>
  (c.issued['date-parts'][0] ?? []).map((n, i) =>
    i === 0 ? String(n) : String(n).padStart(2, '0'),
  );

describe('source pages, read as a reference manager reads them', () => {
  for (const { source, file } of pages) {
    it(`${file}: citation_* tags and JSON-LD match the CSL record`, () => {
      const [csl] = JSON.parse(read(`cite/${source.id}.json`)) as CslItem[];
      if (!csl) throw new Error(`cite/${source.id}.json is empty`);
      const { elements } = parseHtml(read(file));
      const heads = elements.filter(
        (e) => e.name === 'meta' && e.attrs['name']?.startsWith('citation_'),
      );
      const all = (tag: string) =>
        heads.filter((e) => e.attrs['name'] === tag).map((e) => e.attrs['content']);
      const one = (tag: string) => {
        const values = all(tag);
        expect(values.length, `${file}: ${tag} at most once`).toBeLessThanOrEqual(1);
        return values[0];
      };
      expect(one('citation_title')).toBe(csl.title);
      expect(all('citation_author')).toEqual((csl.author ?? []).map(name));
      expect(all('citation_editor')).toEqual((csl.editor ?? []).map(name));
      expect(one('citation_publication_date')).toBe(date(csl).join('/'));
      const container = csl['container-title'];
      expect(one('citation_journal_title')).toBe(
        csl.type === 'article-journal' ? container : undefined,
      );
      expect(one('citation_inbook_title')).toBe(csl.type === 'chapter' ? container : undefined);
      const report = csl.type === 'report';
      expect(one('citation_technical_report_institution')).toBe(report ? csl.publisher : undefined);
      expect(one('citation_technical_report_number')).toBe(report ? csl.number : undefined);
      expect(one('citation_publisher')).toBe(report ? undefined : csl.publisher);
      expect(one('citation_volume')).toBe(csl.volume);
      expect(one('citation_issue')).toBe(csl.issue);
      const [first, last] = csl.page?.split(/[–-]/) ?? [];
      expect(one('citation_firstpage')).toBe(first);
      expect(one('citation_lastpage')).toBe(last);
      expect(one('citation_doi')).toBe(csl.DOI);
      expect(one('citation_isbn')).toBe(csl.ISBN);
      expect(one('citation_language')).toBe(csl.language);
      const pdf = one('citation_pdf_url');
      if (pdf !== undefined) {
        expect(pdf).toBe(csl.URL);
        expect(pdf).toMatch(/^https:\/\/.+\.pdf$/i);
      }

      const scripts = elements.filter(
        (e) => e.name === 'script' && e.attrs['type'] === 'application/ld+json',
      );
      expect(scripts).toHaveLength(1);
      const ld = JSON.parse(scripts[0]?.text ?? '') as Record<string, unknown>;
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['name']).toBe(csl.title);
      const person = (a: NonNullable<CslItem['author']>[number]) =>
        'literal' in a ? a.literal : `${a.given} ${a.family}`;
      const names = (list: unknown) => (list as { name: string }[] | undefined)?.map((a) => a.name);
      expect(names(ld['author'])).toEqual(csl.author?.map(person));
      expect(names(ld['editor'])).toEqual(csl.editor?.map(person));
      expect(ld['datePublished']).toBe(date(csl).join('-'));
      expect((ld['publisher'] as { name: string } | undefined)?.name).toBe(csl.publisher);
      expect(ld['url']).toBe(csl.URL);
      expect(ld['inLanguage']).toBe(csl.language);
      expect(ld['pagination']).toBe(csl.page);
      if (csl.DOI) expect(ld['sameAs']).toBe(`https://doi.org/${csl.DOI}`);
      const type = ld['@type'];
      const expected =
        csl.genre === 'Decision' || csl.genre === 'Declaration'
          ? 'Legislation'
          : ((
              {
                'article-journal': 'ScholarlyArticle',
                chapter: 'Chapter',
                book: 'Book',
                dataset: 'Dataset',
              } as Record<string, string>
            )[csl.type] ?? 'Report');
      expect(type).toBe(expected);
      if (type === 'Report') expect(ld['reportNumber']).toBe(csl.number);
      if (type === 'Legislation') expect(ld['legislationIdentifier']).toBe(csl.number);
      if (csl.type === 'article-journal')
        expect(JSON.stringify(ld['isPartOf'])).toContain(JSON.stringify(container));
    });
  }
});

describe('the citation of each finding', () => {
  it('carries its locator on the page, in both languages, and in its BibTeX, RIS and CSL-JSON', () => {
    let checked = 0;
    for (const { source, file } of pages) {
      const html = read(file);
      for (const f of source.findings) {
        const locator = locatorText(f.locator);
        // A finding read in another document is cited with that document's locator, said so.
        const doc = locatorDocument(f, 'en', (id) => byId.get(id));
        const apa = new RegExp(`<span id="finding-${f.id}-apa">([^<]+)</span>`).exec(html)?.[1];
        if (doc === undefined) {
          expect(apa, `${file}#finding-${f.id}`).toMatch(/^\(.+, \d{4}[a-z]?, .+\)$/);
          expect(apa?.replace(/&amp;/g, '&')).toContain(locator);
        } else {
          expect(apa, `${file}#finding-${f.id}`).toMatch(/^\(.+, \d{4}[a-z]?\), as reported in /);
          expect(apa?.replace(/&amp;/g, '&')).toContain(`as reported in ${doc}, ${locator}`);
        }
        const path = `cite/findings/${source.id}.json`;
        expect(html).toContain(`data-records="/${path}"`);
        if (file.startsWith('zh/')) continue;
        const texts = (JSON.parse(read(path)) as FindingRecords)[f.id];
        expect(texts, `${path}: ${f.id}`).toBeDefined();
        const records = [texts?.json, texts?.bib, texts?.ris].map((text) => {
          const parsed = parseCitations(text ?? '');
          expect(parsed, `${path}: ${f.id}`).toHaveLength(1);
          return parsed[0];
        });
        const stem = `${path}: ${f.id}`;
        expect(records[0]?.id, stem).toBe(`${source.id}:${f.id}`);
        for (const r of records) {
          expect(r?.note, stem).toContain(
            doc === undefined ? `Cited at ${locator}` : `As reported in ${doc}, ${locator}`,
          );
          expect(r?.note, stem).toContain(`/sources/${source.id}/#finding-${f.id}`);
        }
        checked++;
      }
    }
    expect(checked).toBe(sources.reduce((n, s) => n + s.findings.length, 0));
  });
});
