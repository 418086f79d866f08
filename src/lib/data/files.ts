/**
 * Where the downloads of the open data live: the data tables and their
 * package under `data/`, and the single-finding citation records under
 * `cite/finding/`. No dependencies.
 */

/** The files of each data table, under `data/`. */
export const DATA_FILES = {
  sources: { csv: 'sources.csv', json: 'sources.json' },
  findings: { csv: 'findings.csv', json: 'findings.json' },
} as const;
export const DATA_PACKAGE_FILE = 'datapackage.json';
/** The folder of the data files, relative to the base. */
export const DATA_DIR = 'data/';

/** The folder of the single-finding citation records, relative to the base. */
const FINDING_CITE_DIR = 'cite/finding/';

/** The stem of a finding's citation files under `cite/`: `finding/<source>/<finding>`. */
export const findingCiteStem = (sourceId: string, findingId: string): string =>
  `${FINDING_CITE_DIR.slice('cite/'.length)}${sourceId}/${findingId}`;
