/**
 * The data files and their Frictionless description: CSV written with
 * csv-stringify, JSON with lists as arrays, and `datapackage.json` (Tabular
 * Data Package, v1) whose Table Schemas come from the row model's columns.
 */
import { stringify } from 'csv-stringify/sync';
import { DATA_FILES } from './files';
import { LIST_SEPARATOR, TABLES, type Cell, type Column, type Row, type TableName } from './rows';

const csvCell = (cell: Cell): string | number =>
  cell === null ? '' : Array.isArray(cell) ? cell.join(LIST_SEPARATOR) : (cell as string | number);

/** A table as CSV (RFC 4180: comma, double quotes, CRLF), header first, UTF-8 without BOM. */
export function toCsv<T>(columns: readonly Column<T>[], rows: readonly Row[]): string {
  return stringify(
    rows.map((row) => columns.map((c) => csvCell(row[c.name] ?? null))),
    { header: true, columns: columns.map((c) => c.name), record_delimiter: 'windows' },
  );
}

/** A table as JSON: an array of rows, lists as arrays, missing values as null. */
export function toJson(rows: readonly Row[]): string {
  return JSON.stringify(rows, null, 1) + '\n';
}

/** A Table Schema field of a column. */
export interface SchemaField {
  name: string;
  type: string;
  format?: string;
  description: string;
  constraints?: { required?: boolean; enum?: readonly string[]; pattern?: string };
}

const alternatives = (values: readonly string[]) =>
  `(${values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;

/** The Table Schema field of a column: vocabularies as `enum` (as a pattern for list columns). */
export function schemaField<T>(column: Column<T>): SchemaField {
  const constraints: NonNullable<SchemaField['constraints']> = {};
  if (column.required) constraints.required = true;
  const item = column.vocabulary ? alternatives(column.vocabulary) : column.pattern;
  if (column.list) {
    if (item) constraints.pattern = `^(${item}(${LIST_SEPARATOR}${item})*)?$`;
  } else if (column.vocabulary) {
    constraints.enum = column.vocabulary;
  } else if (column.pattern) {
    constraints.pattern = `^${column.pattern}$`;
  }
  return {
    name: column.name,
    type: column.type,
    description: column.list
      ? `${column.description} A list: items separated by "${LIST_SEPARATOR}".`
      : column.description,
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

/** The Table Schema of a table, with its primary and foreign keys. */
export function tableSchema(name: TableName) {
  const table = TABLES[name];
  return {
    fields: (table.columns as readonly Column<unknown>[]).map(schemaField),
    missingValues: [''],
    primaryKey: [...table.primaryKey],
    ...(table.foreignKeys.length > 0 ? { foreignKeys: table.foreignKeys } : {}),
  };
}

/** What the descriptor says about the atlas and this build. */
export interface PackageInfo {
  version: string;
  /** Release date (YYYY-MM-DD). */
  released: string;
  /** When the files were built (ISO 8601). */
  created: string;
  /** The atlas's home page. */
  homepage: string;
  /** The data page. */
  dataPage: string;
  /** Row counts, for the resource descriptions. */
  counts: Record<TableName, number>;
}

/** `datapackage.json`: a Tabular Data Package describing the CSV files. */
export function dataPackage(info: PackageInfo) {
  return {
    profile: 'tabular-data-package',
    name: 'dldd-migration-evidence-atlas',
    id: info.dataPage,
    title: 'DLDD–Migration Evidence Atlas: sources and findings',
    description:
      'The sources of the DLDD–Migration Evidence Atlas and their located findings on desertification, land degradation and drought (DLDD) as a driver of migration, in English and Chinese. The same rows are published as JSON (lists as arrays) beside the CSV files.',
    homepage: info.homepage,
    version: info.version,
    created: info.created,
    keywords: ['desertification', 'land degradation', 'drought', 'migration', 'UNCCD', 'evidence'],
    licenses: [
      {
        name: 'CC-BY-4.0',
        title: 'Creative Commons Attribution 4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
      },
    ],
    sources: [{ title: 'DLDD–Migration Evidence Atlas', path: info.homepage }],
    resources: (Object.keys(TABLES) as TableName[]).map((name) => ({
      profile: 'tabular-data-resource',
      name,
      path: DATA_FILES[name].csv,
      title: TABLES[name].title,
      description: `${TABLES[name].description} Release ${info.version} (${info.released}): ${info.counts[name]} rows.`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: {
        delimiter: ',',
        lineTerminator: '\r\n',
        quoteChar: '"',
        doubleQuote: true,
        header: true,
      },
      schema: tableSchema(name),
    })),
  };
}
