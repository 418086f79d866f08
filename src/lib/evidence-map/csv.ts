/**
 * The one CSV writer of the atlas (csv-stringify, RFC 4180), and the columns
 * of a findings file. Kept small and free of page logic so the site-wide
 * findings export can share it. Cells that a spreadsheet would run as a
 * formula are escaped; the file starts with a byte-order mark so spreadsheet
 * programs read Chinese text as UTF-8.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';

/** Writes `rows` under a header of `columns`, every value as text. */
export function writeCsv<C extends string>(
  columns: readonly C[],
  rows: readonly Record<C, string>[],
): string {
  return stringify(
    rows.map((row) => columns.map((c) => row[c])),
    {
      header: true,
      columns: [...columns],
      bom: true,
      escape_formulas: true,
      record_delimiter: 'windows',
    },
  );
}

/** Columns of a findings CSV: ids and codes as the atlas writes them, texts in one language. */
export const FINDING_COLUMNS = [
  'source_id',
  'source_title',
  'year',
  'tier',
  'design',
  'finding_id',
  'finding_url',
  'text',
  'locator',
  'status',
  'driver',
  'outcome',
  'direction',
  'subgroup',
  'countries',
  'places',
  'source_language',
] as const;
type FindingColumn = (typeof FINDING_COLUMNS)[number];
export type FindingRow = Record<FindingColumn, string>;

export const findingsCsv = (rows: readonly FindingRow[]): string => writeCsv(FINDING_COLUMNS, rows);
