/**
 * Formats every source's citations ahead of the pages, in a worker thread
 * (`src/integrations/cite-worker.ts`), helped by the build's main thread if
 * the pages reach their first citation first (`src/integrations/cite.ts`):
 * each source's references in every
 * style, its in-text citation, each finding's citation and locator, and the
 * BibTeX and RIS of the source and of each finding's record, through the same
 * functions the pages and the citation files call, so the memo tables they
 * fill (`memo.ts`) hold what those will ask for. Build-only.
 */
import type { z } from 'astro/zod';
import type { Localized, Locator, Verification, Via } from '../schemas/common';
import type { bibliographic, SourceType } from '../schemas/sources';
import { cslOfEntry, formatReference, STYLES, toBibtex, toRis, type StyleId } from './citations';
import { loadCollection } from './content/validate';
import { citeFinding, citeSource, findingCsl, locatorText } from './finding-citations';
import { locatorDocument } from './finding-locator';
import { absolutePageUrl } from './i18n';
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

/** Where the site is served: `site` and `base` of the Astro config. */
export interface SiteAddress {
  site: string;
  base: string;
}

/** The sources' data the citations need, by id in file order, from their content entries. */
export const citedSources = (
  entries: readonly { id: string; data: Record<string, unknown> }[],
): Map<string, CitedData> => new Map(entries.map((e) => [e.id, e.data as unknown as CitedData]));

/**
 * Formats one source's citations into the memo tables: what its pages and its
 * citation files ask for, with finding records' permalinks under `address`,
 * as `src/lib/content/cite-files.ts` makes them.
 */
export function formatSourceAhead(
  sources: ReadonlyMap<string, CitedData>,
  id: string,
  address: SiteAddress,
): void {
  const d = sources.get(id);
  if (!d) return;
  const item = cslOfEntry(id, d);
  for (const style of Object.keys(STYLES) as StyleId[]) {
    formatReference(item, style);
    citeSource(item, style);
    for (const f of d.findings) citeFinding(item, f.locator, style);
  }
  for (const f of d.findings) locatorText(f.locator);
  toBibtex([item]);
  toRis([item]);
  for (const f of d.findings) {
    const record = findingCsl(
      item,
      f,
      absolutePageUrl(`sources/${id}/#finding-${f.id}`, 'en', address.base, address.site),
      locatorDocument(f, 'en', (other) => sources.get(other)),
    );
    toBibtex([record]);
    toRis([record]);
  }
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
  address: SiteAddress,
): number {
  let done = 0;
  for (let i = takeTask(cells, end); i !== undefined; i = takeTask(cells, end)) {
    formatSourceAhead(sources, ids[i] ?? '', address);
    done += 1;
  }
  return done;
}

/** The memo tables for every valid source under `root` (invalid ones fail the build elsewhere). */
export function formatAhead(root: string, address: SiteAddress): MemoTables {
  const sources = citedSources(loadCollection(root, 'sources', []));
  for (const id of sources.keys()) formatSourceAhead(sources, id, address);
  return exportTables();
}
