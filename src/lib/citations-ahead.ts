/**
 * Formats every source's citations ahead of the build, in a worker thread
 * (`src/integrations/cite-worker.ts`): each source's references in every
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
import { pageUrl } from './i18n';
import { exportTables, type MemoTables } from './memo';

/** What a source entry's data holds that its citations need. */
interface CitedData {
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

/**
 * The memo tables for every valid source under `root` (invalid ones fail the
 * build elsewhere), with finding records' permalinks under `address`, as
 * `src/lib/content/cite-files.ts` makes them.
 */
export function formatAhead(root: string, address: SiteAddress): MemoTables {
  const styles = Object.keys(STYLES) as StyleId[];
  const sources = new Map(
    loadCollection(root, 'sources', []).map((e) => [e.id, e.data as unknown as CitedData]),
  );
  const permalink = (path: string) => new URL(pageUrl(path, 'en', address.base), address.site).href;
  for (const [id, d] of sources) {
    const item = cslOfEntry(id, d);
    for (const style of styles) {
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
        permalink(`sources/${id}/#finding-${f.id}`),
        locatorDocument(f, 'en', (other) => sources.get(other)),
      );
      toBibtex([record]);
      toRis([record]);
    }
  }
  return exportTables();
}
