/**
 * Where the downloads of the open data live: the data tables and their
 * package under `data/`, and the findings' citation records under
 * `cite/findings/`. No dependencies.
 */

/** The files of each data table, under `data/`. */
export const DATA_FILES = {
  sources: { csv: 'sources.csv', json: 'sources.json' },
  findings: { csv: 'findings.csv', json: 'findings.json' },
} as const;
export const DATA_PACKAGE_FILE = 'datapackage.json';
/** The folder of the data files, relative to the base. */
export const DATA_DIR = 'data/';

/**
 * The file of a source's findings' citation records, relative to the base:
 * one JSON object per source, each finding's record in every format
 * (`FindingRecords` in `../cite-files.ts`), from which the page script
 * downloads one. One file per source, not three per finding: a finding's
 * record is only ever downloaded from its page, and three files per finding
 * were most of the site's files, to write, to host and to save offline.
 */
export const findingRecordsPath = (sourceId: string): string => `cite/findings/${sourceId}.json`;
