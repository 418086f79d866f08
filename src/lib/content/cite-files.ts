/**
 * The static citation files, each in BibTeX (.bib), RIS (.ris) and CSL-JSON (.json):
 * - cite/<source-id>.<ext> for each source;
 * - cite/atlas.<ext> for the whole library;
 * - cite/subset/<facet>-<value>.<ext> for each type, region, theme and year;
 * and, for each source, cite/findings/<source-id>.json: every finding's record
 * in the three formats, its locator in `note`, from which the page script
 * downloads one (left out of the offline precache).
 *
 * They are thousands of files, too many to be routes:
 * Astro's cost per route was most of the build. The build renders one list of
 * their records (`src/pages/cite/files.json.ts`), which the citations worker
 * (`src/integrations/cite.ts`) writes out while the other pages render; the
 * list itself is removed when the site is built.
 */
import { absoluteUrl } from './data';
import { subsets } from './facets';
import { cslOf, facetedOf, getAtlas } from './store';
import type { CiteList } from '../cite-files';
import { findingCsl } from '../finding-citations';
import { locatorDocument } from '../finding-locator';

/** Every citation file of this build, with its records. */
export async function citeFiles(): Promise<CiteList> {
  const atlas = await getAtlas();
  const items = new Map(atlas.sources.map((s) => [s.id, cslOf(s)]));
  const all = [...items.values()];
  const groups = [...subsets(atlas.sources.map(facetedOf))].map(([key, list]) => ({
    stem: `subset/${key}`,
    records: list.map((id) => items.get(id)!),
  }));
  const findings = atlas.sources.map((s) => ({
    source: s.id,
    findings: s.data.findings.map((f) => ({
      id: f.id,
      record: findingCsl(
        items.get(s.id)!,
        f,
        absoluteUrl(`sources/${s.id}/#finding-${f.id}`),
        locatorDocument(f, 'en', (id) => atlas.source(id).data),
      ),
    })),
  }));
  return {
    files: [
      { stem: 'atlas', records: all },
      ...all.map((item) => ({ stem: item.id, records: [item] })),
      ...groups,
    ],
    findings,
  };
}
