/**
 * Writing the citation files under `cite/` from the list the build renders
 * (`content/cite-files.ts` says which files there are). Runs in Node at the
 * end of the build, in `src/integrations/cite.ts`.
 */
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CITATION_FORMAT_IDS, WRITERS, type CslItem } from './citations';

/** One citation file, in every format: its path under `cite/` without extension, and its records. */
export interface CiteFile {
  stem: string;
  records: CslItem[];
}

/** The list of the citation files, as the build renders it, relative to the output folder. */
export const CITE_LIST = 'cite/files.json';

/** Files written at once: they are thousands of small files, and a disk answers several at a time. */
const WRITING_AT_ONCE = 16;

/**
 * Writes each file in each format under `<out>/cite/`; resolves to how many
 * files it wrote. The texts are made in turn and written a few at a time.
 */
export async function writeCiteFiles(out: string, files: readonly CiteFile[]): Promise<number> {
  const made = new Set<string>();
  const jobs = files.flatMap(({ stem, records }) => {
    const dir = dirname(join(out, 'cite', stem));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    return CITATION_FORMAT_IDS.map((ext) => ({ stem, ext, records }));
  });
  let next = 0;
  const writer = async () => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      await writeFile(join(out, 'cite', `${job.stem}.${job.ext}`), WRITERS[job.ext](job.records));
    }
  };
  await Promise.all(Array.from({ length: WRITING_AT_ONCE }, writer));
  return jobs.length;
}
