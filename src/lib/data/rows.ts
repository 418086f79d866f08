/**
 * The row model of the atlas's open data: one row per finding
 * (`findings.csv`, `findings.json`, columns in `finding-rows.ts`) and one per
 * source (`sources.csv`, `sources.json`, columns in `source-rows.ts`). Each
 * table is a list of columns, and each column says once its name, type,
 * vocabulary and how to read its value from the content (`columns.ts`); the
 * CSV and JSON writers and the Table Schema of `datapackage.json` all read
 * these lists, so adding a column is one edit. Pure: no Astro, no files.
 */
import {
  LIST_SEPARATOR,
  toRow,
  type Cell,
  type Column,
  type DataContext,
  type DataSource,
  type Row,
} from './columns';
import { FINDING_COLUMNS, findingInputs } from './finding-rows';
import { SOURCE_COLUMNS, sourceInputs } from './source-rows';

export { FINDING_COLUMNS, LIST_SEPARATOR };
export type { Cell, Column, DataContext, DataSource, Row };

/** The tables of the data package, with their keys. */
export const TABLES = {
  sources: {
    title: 'Sources',
    description: 'One row per source of the atlas, with its bibliographic record and counts.',
    columns: SOURCE_COLUMNS,
    primaryKey: ['source_id'],
    foreignKeys: [],
  },
  findings: {
    title: 'Findings',
    description:
      'One row per located finding: what a source says, where it says it, how the atlas knows it, and its coding.',
    columns: FINDING_COLUMNS,
    primaryKey: ['source_id', 'finding_id'],
    foreignKeys: [
      { fields: ['source_id'], reference: { resource: 'sources', fields: ['source_id'] } },
    ],
  },
} as const;
export type TableName = keyof typeof TABLES;

/** All rows of both tables. */
export function dataTables(
  sources: readonly DataSource[],
  ctx: DataContext,
): Record<TableName, Row[]> {
  return {
    sources: sourceInputs(sources, ctx).map((x) => toRow(SOURCE_COLUMNS, x)),
    findings: findingInputs(sources, ctx).map((x) => toRow(FINDING_COLUMNS, x)),
  };
}
