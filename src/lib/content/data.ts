/**
 * Glue between the content collections and the data tables: a source entry
 * as a `DataSource`, and the context (CSL record, page address) the rows need.
 */
import { DATA_FILES, DATA_PACKAGE_FILE } from '../data/files';
import { dataPackage, toCsv, toJson } from '../data/package';
import {
  dataTables,
  TABLES,
  type Column,
  type DataContext,
  type DataSource,
  type Row,
  type TableName,
} from '../data/rows';
import { absolutePageUrl, type Lang } from '../i18n';
import { buildDate, RELEASE } from '../release';
import { cslOf, getAtlas, ids, type Source } from './store';

/** A source entry as the data tables read it (links as ids). */
function dataSourceOf(source: Source): DataSource {
  const d = source.data;
  return {
    id: source.id,
    title: d.title,
    shortTitle: d.shortTitle,
    type: d.type,
    bibliographic: d.bibliographic,
    dlddLink: d.dlddLink,
    study: d.study,
    findings: d.findings,
    themes: d.themes,
    countries: d.countries,
    regions: ids(d.regions),
    initiatives: ids(d.initiatives),
    added: d.added,
    updated: d.updated,
  };
}

/** The absolute address of a page of the atlas (`path` relative to the language root; English by default). */
export function absoluteUrl(path: string, lang: Lang = 'en'): string {
  return absolutePageUrl(path, lang, import.meta.env.BASE_URL, import.meta.env.SITE);
}

/** The context of the data tables in this build. */
function dataContext(sources: readonly Source[]): DataContext {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return {
    csl: (s) => cslOf(byId.get(s.id)!),
    pageUrl: (s) => absoluteUrl(`sources/${s.id}/`),
  };
}

let tables: Promise<Record<TableName, Row[]>> | undefined;

/** The rows of both data tables in this build, made once. */
export function getDataTables(): Promise<Record<TableName, Row[]>> {
  tables ??= getAtlas().then(({ sources }) =>
    dataTables(sources.map(dataSourceOf), dataContext(sources)),
  );
  return tables;
}

let files: Promise<Map<string, string>> | undefined;

/** The open data files of this build (`data/…` → text), made once per build. */
export function getDataFiles(): Promise<Map<string, string>> {
  files ??= (async () => {
    const tables = await getDataTables();
    const out = new Map<string, string>();
    for (const name of Object.keys(TABLES) as TableName[]) {
      out.set(
        DATA_FILES[name].csv,
        toCsv(TABLES[name].columns as readonly Column<unknown>[], tables[name]),
      );
      out.set(DATA_FILES[name].json, toJson(tables[name]));
    }
    const descriptor = dataPackage({
      version: RELEASE.version,
      released: RELEASE.date,
      created: buildDate().toISOString(),
      homepage: absoluteUrl(''),
      dataPage: absoluteUrl('data/'),
      counts: { sources: tables.sources.length, findings: tables.findings.length },
    });
    out.set(DATA_PACKAGE_FILE, JSON.stringify(descriptor, null, 2) + '\n');
    return out;
  })();
  return files;
}
