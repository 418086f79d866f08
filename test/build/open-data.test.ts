/**
 * The open data as built in dist/data/: findings.csv read back by a CSV
 * parser (not the writer) matches the content entry by entry, the JSON files
 * hold the same rows, and the data package validates with the Frictionless
 * Data library, version and licence included.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DATA_FILES } from '../../src/lib/data/files';
import { locatorText } from '../../src/lib/finding-citations';
import { locatorDocument } from '../../src/lib/finding-locator';
import { RELEASE } from '../../src/lib/release';
import { dataSources } from '../support/content';
import { validateDataPackage } from '../support/datapackage';
import { DIST, read } from '../support/dist';

const sources = dataSources('content');
const csv = (file: string) =>
  parse<Record<string, string>>(read(`data/${file}`), { columns: true });

describe('dist/data/', () => {
  it('has one findings.csv row per finding, each matching its content entry', () => {
    const rows = csv(DATA_FILES.findings.csv);
    const byKey = new Map(rows.map((r) => [`${r['source_id']}#${r['finding_id']}`, r]));
    const findings = sources.flatMap((s) => s.findings.map((f) => ({ s, f })));
    expect(rows).toHaveLength(findings.length);
    expect(byKey.size).toBe(findings.length);
    for (const { s, f } of findings) {
      const row = byKey.get(`${s.id}#${f.id}`);
      expect(row, `${s.id}#${f.id}`).toBeDefined();
      expect(row).toMatchObject({
        source_type: s.type,
        year: s.bibliographic.issued.slice(0, 4),
        design: s.study?.design ?? '',
        text_en: f.text.en,
        text_zh: f.text.zh,
        locator_kind: f.locator.kind,
        locator_ref: f.locator.ref,
        status: f.status,
        driver: f.effect?.driver ?? '',
        outcome: f.effect?.outcome ?? '',
        direction: f.effect?.direction ?? '',
        subgroup_en: f.effect?.subgroup?.en ?? '',
        countries: (f.effect?.countries ?? s.countries).join(';'),
        regions: s.regions.join(';'),
        themes: (f.themes ?? []).join(';'),
      });
      // A finding read in another document carries that document's name with its locator.
      const doc = locatorDocument(f, 'en', (id) => sources.find((x) => x.id === id));
      if (doc === undefined) {
        expect(row?.['citation']).toMatch(/^\(.+, \d{4}[a-z]?, .+\)$/);
        expect(row?.['locator']).toBe(locatorText(f.locator));
      } else {
        expect(row?.['citation']).toContain(`as reported in ${doc}, ${locatorText(f.locator)}`);
        expect(row?.['locator']).toBe(`${doc}, ${locatorText(f.locator)}`);
      }
      expect(row?.['permalink']).toMatch(new RegExp(`/sources/${s.id}/#finding-${f.id}$`));
    }
  });

  it('has one sources.csv row per source, with its counts', () => {
    const rows = csv(DATA_FILES.sources.csv);
    expect(rows.map((r) => r['source_id']).sort()).toEqual(sources.map((s) => s.id).sort());
    for (const s of sources) {
      const row = rows.find((r) => r['source_id'] === s.id);
      expect(row).toMatchObject({
        title_en: s.title.en,
        type: s.type,
        added: s.added,
        findings: String(s.findings.length),
        findings_primary: String(s.findings.filter((f) => f.status === 'primary').length),
      });
    }
  });

  it('has the same rows as JSON', () => {
    for (const files of Object.values(DATA_FILES)) {
      const json = JSON.parse(read(`data/${files.json}`)) as Record<
        string,
        string | number | boolean | null | string[]
      >[];
      const rows = csv(files.csv);
      expect(json).toHaveLength(rows.length);
      json.forEach((record, i) => {
        for (const [key, value] of Object.entries(record)) {
          const text = value === null ? '' : Array.isArray(value) ? value.join(';') : String(value);
          expect(rows[i]?.[key], `${files.json}[${i}].${key}`).toBe(text);
        }
      });
    }
  });

  it('is a valid Frictionless data package, with the release version and CC BY 4.0', async () => {
    expect(await validateDataPackage(`${DIST}/data`)).toEqual([]);
    const descriptor = JSON.parse(read('data/datapackage.json')) as Record<string, unknown>;
    expect(descriptor['version']).toBe(RELEASE.version);
    expect(descriptor['licenses']).toEqual([expect.objectContaining({ name: 'CC-BY-4.0' })]);
    expect(Date.parse(String(descriptor['created']))).not.toBeNaN();
  });

  it('is listed on the data page in both languages, with the row counts', () => {
    const findings = sources.reduce((n, s) => n + s.findings.length, 0);
    for (const page of ['data/index.html', 'zh/data/index.html']) {
      const html = read(page);
      for (const file of Object.values(DATA_FILES).flatMap((f) => [f.csv, f.json]))
        expect(html, page).toContain(`href="/data/${file}"`);
      expect(html).toContain('href="/data/datapackage.json"');
      expect(html).toContain(`<td>${findings.toLocaleString('en')}</td>`);
    }
  });
});
