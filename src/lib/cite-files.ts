/**
 * Writing the citation files under `cite/` from the list the build renders
 * (`content/cite-files.ts` says which files there are). The list's route
 * hands it over (`handOverCiteFiles`) to the citations worker that
 * `src/integrations/cite.ts` starts, which writes the files on the other core
 * while the pages render.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FindingRecords } from './citation-formats';
import { CITATION_FORMAT_IDS, WRITERS, type CslItem } from './citations';
import { findingRecordsPath } from './data/files';
import { contentHash, type KnownFile } from './offline/hash';

/** One citation file, in every format: its path under `cite/` without extension, and its records. */
interface CiteFile {
  stem: string;
  records: CslItem[];
}

/** A source's findings' records, each with its locator: one file, `cite/findings/<source>.json`. */
interface SourceFindings {
  source: string;
  findings: { id: string; record: CslItem }[];
}

/** Every citation file of a build, as the build renders their list. */
export interface CiteList {
  files: CiteFile[];
  findings: SourceFindings[];
}

/** The list of the citation files, as the build renders it, relative to the output folder. */
export const CITE_LIST = 'cite/files.json';

/** What a build leaves on `globalThis` under `CITE_WRITER`: who writes the files. */
export interface CiteWriter {
  /** Takes the list (as JSON) and writes its files. */
  write(list: string): void;
}

/** The `globalThis` key of the build's writer. */
export const CITE_WRITER = Symbol.for('atlas:cite-writer');

/**
 * Hands the rendered list to the build's writer; a no-op outside a build
 * (`astro dev` serves the list and writes nothing).
 */
export function handOverCiteFiles(list: string): void {
  (globalThis as { [CITE_WRITER]?: CiteWriter })[CITE_WRITER]?.write(list);
}

/** Each finding's record as text in every format, as `cite/findings/<source>.json` holds them. */
function findingRecords(findings: SourceFindings['findings']): FindingRecords {
  const out: FindingRecords = {};
  for (const { id, record } of findings) {
    out[id] = Object.fromEntries(
      CITATION_FORMAT_IDS.map((ext) => [ext, WRITERS[ext]([record])]),
    ) as FindingRecords[string];
  }
  return out;
}

/**
 * Writes each file of the list under `<out>/cite/`: each `CiteFile` in each
 * format, and each source's findings' records in one JSON file. Returns each
 * file written, with its size and hash for the save manifest. Synchronously,
 * one after another: it runs in the citations worker, which has nothing else
 * to do, and small files cost less CPU written in turn than through a promise
 * and the thread pool each.
 */
export function writeCiteFiles(out: string, list: CiteList): KnownFile[] {
  const made = new Set<string>();
  const written: KnownFile[] = [];
  const write = (path: string, text: string) => {
    const dir = dirname(join(out, path));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(join(out, path), text);
    written.push([path, Buffer.byteLength(text), contentHash(text)]);
  };
  for (const { stem, records } of list.files) {
    for (const ext of CITATION_FORMAT_IDS) write(`cite/${stem}.${ext}`, WRITERS[ext](records));
  }
  for (const { source, findings } of list.findings) {
    write(findingRecordsPath(source), JSON.stringify(findingRecords(findings)));
  }
  return written;
}
