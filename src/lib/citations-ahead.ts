/**
 * Formats every source's citations ahead of the pages, in a worker thread
 * (`src/integrations/cite-worker.ts`), helped by the build's main thread if
 * the pages reach their first citation first (`src/integrations/cite.ts`):
 * each source's references in every style, its in-text citation, and each
 * finding's citation and locator, through the same functions the pages call,
 * so the memo tables they fill (`memo.ts`) hold what the pages will ask for.
 * The BibTeX and RIS records are not formatted ahead: only the citation files
 * need them, and the worker formats them as it writes those, while the pages
 * render and its core has nothing else to do. Build-only.
 */
import type { z } from 'astro/zod';
import type { Localized, Locator, Verification, Via } from '../schemas/common';
import type { bibliographic, SourceType } from '../schemas/sources';
import { cslOfEntry, formatReference, STYLES, type StyleId } from './citations';
import { loadCollection } from './content/validate';
import { citeFinding, citeSource, locatorText } from './finding-citations';
import { exportTables, type MemoTables } from './memo';
import { takeTask } from './two-ended';

/** What a source entry's data holds that its citations need. */
export interface CitedData {
  title: { en: string };
  type: SourceType;
  bibliographic: z.infer<typeof bibliographic>;
  shortTitle: Localized;
  findings: { id: string; locator: Locator; status: Verification; via?: Via }[];
}

/** The sources' data the citations need, by id in file order, from their content entries. */
export const citedSources = (
  entries: readonly { id: string; data: Record<string, unknown> }[],
): Map<string, CitedData> => new Map(entries.map((e) => [e.id, e.data as unknown as CitedData]));

/** Formats one source's citations into the memo tables: what its pages ask for. */
export function formatSourceAhead(sources: ReadonlyMap<string, CitedData>, id: string): void {
  const d = sources.get(id);
  if (!d) return;
  const item = cslOfEntry(id, d);
  for (const style of Object.keys(STYLES) as StyleId[]) {
    formatReference(item, style);
    citeSource(item, style);
    for (const f of d.findings) citeFinding(item, f.locator, style);
  }
  for (const f of d.findings) locatorText(f.locator);
}

/**
 * Formats the sources of a list shared with another thread (`two-ended.ts`),
 * taking them from `end` until none is left; returns how many it formatted.
 */
export function formatShare(
  sources: ReadonlyMap<string, CitedData>,
  ids: readonly string[],
  cells: Int32Array,
  end: 'front' | 'back',
): number {
  let done = 0;
  for (let i = takeTask(cells, end); i !== undefined; i = takeTask(cells, end)) {
    formatSourceAhead(sources, ids[i] ?? '');
    done += 1;
  }
  return done;
}

/** The memo tables for every valid source under `root` (invalid ones fail the build elsewhere). */
export function formatAhead(root: string): MemoTables {
  const sources = citedSources(loadCollection(root, 'sources', []));
  for (const id of sources.keys()) formatSourceAhead(sources, id);
  return exportTables();
}
