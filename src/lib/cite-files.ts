/**
 * Writing the citation files under `cite/` from the list the build renders
 * (`content/cite-files.ts` says which files there are). Runs in Node at the
 * end of the build, in `src/integrations/cite.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CITATION_FORMAT_IDS, WRITERS, type CslItem } from './citations';

/** One citation file, in every format: its path under `cite/` without extension, and its records. */
export interface CiteFile {
  stem: string;
  records: CslItem[];
}

/** The list of the citation files, as the build renders it, relative to the output folder. */
export const CITE_LIST = 'cite/files.json';

/** Writes each file in each format under `<out>/cite/`; returns how many files it wrote. */
export function writeCiteFiles(out: string, files: readonly CiteFile[]): number {
  const made = new Set<string>();
  let written = 0;
  for (const { stem, records } of files) {
    const dir = dirname(join(out, 'cite', stem));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    for (const ext of CITATION_FORMAT_IDS) {
      writeFileSync(join(out, 'cite', `${stem}.${ext}`), WRITERS[ext](records));
      written += 1;
    }
  }
  return written;
}
