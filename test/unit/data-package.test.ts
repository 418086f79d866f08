/**
 * The open data: rows written to CSV by csv-stringify and read back by
 * csv-parse, and the data package validated by the Frictionless Data library
 * (test/support/datapackage.ts) — the real content passes, and a broken row,
 * a duplicate key or a dangling source id fails it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_FILES } from '../../src/lib/data/files';
import { dataPackage, schemaField, tableSchema, toCsv, toJson } from '../../src/lib/data/package';
import {
  dataTables,
  FINDING_COLUMNS,
  TABLES,
  type Row,
  type TableName,
} from '../../src/lib/data/rows';
import { themeIds, verification } from '../../src/schemas/common';
import { designs, drivers, effectDirections, outcomes } from '../../src/schemas/research';
import { sourceTypes } from '../../src/schemas/sources';
import { dataSources, testContext } from '../support/content';
import { validateDataPackage } from '../support/datapackage';

const sources = dataSources('content');
const tables = dataTables(sources, testContext());
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Writes the package of `rows` to a fresh folder and validates it. */
async function validate(rows: Record<TableName, Row[]>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-data-'));
  dirs.push(dir);
  for (const name of Object.keys(TABLES) as TableName[]) {
    writeFileSync(join(dir, DATA_FILES[name].csv), toCsv(TABLES[name].columns, rows[name]));
  }
  const descriptor = dataPackage({
    version: '0.0.0',
    released: '2026-01-01',
    created: '2026-01-01T00:00:00.000Z',
    homepage: 'https://atlas.example/',
    dataPage: 'https://atlas.example/data/',
    counts: { sources: rows.sources.length, findings: rows.findings.length },
  });
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(descriptor));
  return validateDataPackage(dir);
}

const withFinding = (change: (row: Row) => Row, at = 0) => ({
  ...tables,
  findings: tables.findings.map((r, i) => (i === at ? change(r) : r)),
});

describe('the findings table', () => {
  it('has one row per finding, read back by a CSV parser with every column', () => {
    const csv = toCsv(FINDING_COLUMNS, tables.findings);
    const records = parse<Record<string, string>>(csv, { columns: true });
    const findings = sources.flatMap((s) => s.findings.map((f) => ({ s, f })));
    expect(findings.length).toBeGreaterThan(0);
    expect(records).toHaveLength(findings.length);
    records.forEach((r, i) => {
      const { s, f } = findings[i]!;
      expect(r['source_id']).toBe(s.id);
      expect(r['finding_id']).toBe(f.id);
      expect(r['text_en']).toBe(f.text.en);
      expect(r['text_zh']).toBe(f.text.zh);
      expect(r['locator_ref']).toBe(f.locator.ref);
      expect(r['status']).toBe(f.status);
      expect(r['driver']).toBe(f.effect?.driver ?? '');
      expect(r['themes']).toBe((f.themes ?? []).join(';'));
    });
  });

  it('quotes commas, quotes and line breaks (CSV from csv-stringify, never by hand)', () => {
    const tricky = 'A "quoted", comma\nand a new line';
    const csv = toCsv(FINDING_COLUMNS, withFinding((r) => ({ ...r, text_en: tricky })).findings);
    const [first] = parse<Record<string, string>>(csv, { columns: true });
    expect(first?.['text_en']).toBe(tricky);
  });

  it('gives lists as arrays in JSON and as ";"-joined text in CSV', () => {
    const json = JSON.parse(toJson(tables.findings)) as Row[];
    const withThemes = json.find((r) => Array.isArray(r['themes']) && r['themes'].length > 1);
    expect(withThemes).toBeDefined();
    const csv = parse<Record<string, string>>(toCsv(FINDING_COLUMNS, tables.findings), {
      columns: true,
    });
    const same = csv.find(
      (r) =>
        r['source_id'] === withThemes?.['source_id'] &&
        r['finding_id'] === withThemes?.['finding_id'],
    );
    expect(same?.['themes']).toBe((withThemes?.['themes'] as string[]).join(';'));
  });
});

describe('the Table Schemas', () => {
  const field = (table: TableName, name: string) =>
    tableSchema(table).fields.find((f) => f.name === name);

  it('take their enums from the coding scheme and the schemas', () => {
    expect(field('findings', 'driver')?.constraints?.enum).toEqual(drivers);
    expect(field('findings', 'outcome')?.constraints?.enum).toEqual(outcomes);
    expect(field('findings', 'direction')?.constraints?.enum).toEqual(effectDirections);
    expect(field('findings', 'design')?.constraints?.enum).toEqual(designs);
    expect(field('findings', 'status')?.constraints?.enum).toEqual(verification.options);
    expect(field('sources', 'type')?.constraints?.enum).toEqual(sourceTypes);
    for (const theme of themeIds) {
      expect(new RegExp(field('findings', 'themes')?.constraints?.pattern ?? '').test(theme)).toBe(
        true,
      );
    }
  });

  it('key findings by source and finding, and point each finding at its source', () => {
    expect(tableSchema('findings').primaryKey).toEqual(['source_id', 'finding_id']);
    expect(tableSchema('findings').foreignKeys).toEqual([
      { fields: ['source_id'], reference: { resource: 'sources', fields: ['source_id'] } },
    ]);
    expect(tableSchema('sources').primaryKey).toEqual(['source_id']);
  });

  it('anchor list patterns, so one bad item fails the whole cell', () => {
    const pattern = new RegExp(
      schemaField(FINDING_COLUMNS.find((c) => c.name === 'countries')!).constraints?.pattern ?? '',
    );
    expect(pattern.test('MNG;KAZ')).toBe(true);
    expect(pattern.test('')).toBe(true);
    expect(pattern.test('MNG;kaz')).toBe(false);
  });
});

describe('the data package, validated by the Frictionless Data library', () => {
  it('is valid for the real content', async () => {
    expect(await validate(tables)).toEqual([]);
  });

  it('fails on a value outside a vocabulary', async () => {
    const problems = await validate(withFinding((r) => ({ ...r, direction: 'sideways' })));
    expect(problems.join('\n')).toMatch(/"sideways".*enum.*"direction"/);
  });

  it('fails on a missing required value', async () => {
    const problems = await validate(withFinding((r) => ({ ...r, text_zh: null })));
    expect(problems.join('\n')).toMatch(/"required" constraint for column "text_zh"/);
  });

  it('fails on a wrong type', async () => {
    const problems = await validate(withFinding((r) => ({ ...r, year: 'twenty' })));
    expect(problems.join('\n')).toMatch(/"twenty" in column "year" is not type "integer"/);
  });

  it('fails on a duplicate finding', async () => {
    const problems = await validate({
      ...tables,
      findings: [...tables.findings, tables.findings[0]!],
    });
    expect(problems.join('\n')).toMatch(/unique constraint|primary key/i);
  });

  it('fails on a finding whose source is not in the sources table', async () => {
    const problems = await validate(withFinding((r) => ({ ...r, source_id: 'no-such-source' })));
    expect(problems.join('\n')).toMatch(/Foreign key/);
  });
});
