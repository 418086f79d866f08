/**
 * What the evidence map lets a reader take away: the findings of a cell (or
 * of everything shown) as CSV rows, the sources to cite, and file names that
 * say what the file holds.
 */
import type { FindingRow } from './csv';
import type { EvidenceIndex, FindingDetails, SourceDetails } from './model';
import type { EvidenceMapState } from './state';

/** The distinct sources of some findings, in index order: what a citation file lists. */
export function sourcesOf(index: EvidenceIndex, findings: readonly number[]): string[] {
  const at = [...new Set(findings.map((i) => index.findings[i]?.source ?? -1))]
    .filter((s) => s >= 0)
    .sort((a, b) => a - b);
  return at.map((s) => index.sources[s]?.id ?? '').filter(Boolean);
}

/** The details of finding `i` and of its source, as the details files give them. */
export interface Detailed {
  index: number;
  details: FindingDetails;
  source: SourceDetails;
}

/**
 * One CSV row per finding. `pageRoot` is the absolute URL of the language
 * root ("https://…/zh/"), so each row links to its finding on its source page.
 */
export function findingRows(
  index: EvidenceIndex,
  findings: readonly Detailed[],
  pageRoot: string,
): FindingRow[] {
  const v = index.vocabulary;
  return findings.flatMap(({ index: i, details, source: sd }) => {
    const f = index.findings[i];
    const source = f ? index.sources[f.source] : undefined;
    if (!f || !source) return [];
    const coded = f.direction >= 0;
    return [
      {
        source_id: source.id,
        source_title: sd.title,
        year: String(source.year),
        tier: v.tiers[source.tier] ?? '',
        design: sd.design,
        finding_id: details.id,
        finding_url: `${pageRoot}sources/${source.id}/#finding-${details.id}`,
        text: details.text,
        locator: details.locator,
        status: v.statuses[f.status] ?? '',
        driver: v.axes.codedDrivers[f.keys.codedDrivers[0] ?? -1] ?? '',
        outcome: v.axes.outcomes[f.keys.outcomes[0] ?? -1] ?? '',
        direction: coded ? (v.directions[f.direction] ?? '') : '',
        subgroup: details.subgroup,
        countries: details.countries.join(';'),
        places: f.keys.regions.map((r) => v.axes.regions[r] ?? '').join(';'),
        source_language: v.languages[source.language] ?? '',
      },
    ];
  });
}

const slug = (s: string) => s.replace(/^_/, '').replace(/[^a-z0-9-]+/g, '-');

/**
 * "atlas-evidence-map-driver-region-drought-sahel.csv" for a cell,
 * "atlas-evidence-map-driver-region-filtered.bib" for a filtered view.
 */
export function exportFileName(
  state: EvidenceMapState,
  scope: 'selection' | 'shown',
  ext: string,
  filtered: boolean,
): string {
  const parts = ['atlas-evidence-map', state.view];
  if (scope === 'selection') {
    if (state.row !== null) parts.push(slug(state.row));
    if (state.col !== null) parts.push(slug(state.col));
  }
  if (filtered) parts.push('filtered');
  return `${parts.join('-')}.${ext}`;
}
