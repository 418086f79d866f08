/**
 * Writing the citation files under `cite/` from the list the build renders
 * (`content/cite-files.ts` says which files there are). The list's route
 * hands it over (`handOverCiteFiles`) to the citations worker that
 * `src/integrations/cite.ts` starts, which writes the files on the other core
 * while the pages render.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CITATION_FORMAT_IDS, WRITERS, type CslItem } from './citations';
import { contentHash, type KnownFile } from './offline/hash';

/** One citation file, in every format: its path under `cite/` without extension, and its records. */
export interface CiteFile {
  stem: string;
  records: CslItem[];
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

/**
 * Writes each file in each format under `<out>/cite/`; returns each file
 * written, with its size and hash for the save manifest. Synchronously, one
 * after another: it runs in the citations worker, which has nothing else to
 * do, and thousands of small files cost less CPU written in turn than through
 * a promise and the thread pool each.
 */
export function writeCiteFiles(out: string, files: readonly CiteFile[]): KnownFile[] {
  const made = new Set<string>();
  const written: KnownFile[] = [];
  for (const { stem, records } of files) {
    const dir = dirname(join(out, 'cite', stem));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    for (const ext of CITATION_FORMAT_IDS) {
      const path = `cite/${stem}.${ext}`;
      const text = WRITERS[ext](records);
      writeFileSync(join(out, path), text);
      written.push([path, Buffer.byteLength(text), contentHash(text)]);
    }
  }
  return written;
}
