/**
 * Citing one finding: an in-text citation that carries the finding's locator
 * ("(UNCCD secretariat, 2026, para. 9)"), formatted by citeproc through
 * citation-js with the citation item's `locator` and `label`, and the
 * single-finding record for BibTeX, RIS and CSL-JSON, which carries the
 * locator in CSL `note` (BibTeX `note`, RIS `N1`).
 */
import type { Locator } from '../schemas/common';
import { addStyle, citeproc, type CslItem, type StyleId } from './citations';
import { formatLocator } from './i18n';
import { memoized } from './memo';

/** What a citation item says about where in the item the claim is (CSL cite-item fields). */
export interface CiteLocator {
  locator?: string;
  label?: string;
  suffix?: string;
}

/**
 * CSL locator labels for the atlas's locator kinds. Kinds CSL has no label for
 * (criterion, web page, abstract) go in the citation's suffix, as the atlas
 * writes them in English ("criterion 3", "abstract").
 */
const CSL_LABEL: Partial<Record<Locator['kind'], string>> = {
  paragraph: 'paragraph',
  page: 'page',
  section: 'section',
  footnote: 'note',
  table: 'table',
  figure: 'figure',
};

/** The cite-item fields of a locator. */
export function cslLocator(loc: Locator): CiteLocator {
  const label = CSL_LABEL[loc.kind];
  if (label === undefined) return { suffix: `, ${formatLocator(loc, 'en')}` };
  return { locator: loc.kind === 'section' ? (loc.label?.en ?? loc.ref) : loc.ref, label };
}

/** A style whose citation is only the locator and its label ("para. 9"), for `note`. */
const LOCATOR_STYLE = 'atlas-locator';
addStyle(
  LOCATOR_STYLE,
  `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Locator only</title><id>${LOCATOR_STYLE}</id><updated>2026-12-01T00:00:00+00:00</updated></info>
  <citation><layout><group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group></layout></citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>`,
);

/**
 * Formats one citation cluster. citation-js keeps one citeproc engine per
 * style: it is handed the item and asked for the cluster, which is much cheaper
 * than a new `Cite` per citation; results are memoised (and filled ahead by
 * the build, `memo.ts`), since each finding is cited on its page in two
 * languages and in the data files.
 */
const clusterOf = memoized<{ item: CslItem; loc: CiteLocator; style: string }>(
  'cluster',
  ({ item, loc, style }) => `${style}|${JSON.stringify(item)}|${JSON.stringify(loc)}`,
  ({ item, loc, style }) =>
    citeproc([item], style)
      .makeCitationCluster([{ id: item.id, ...loc }])
      .trim(),
);
const cluster = (item: CslItem, loc: CiteLocator, style: string): string =>
  clusterOf({ item, loc, style });

/** A locator no real one is: where a source's citation takes the locator, for `citeFinding`. */
const SLOT = 'ATLASLOCATORSLOT';

/**
 * The in-text citation of a finding in `style`, with its locator: "(UNCCD secretariat, 2026, para. 9)".
 *
 * A source has many findings, and a citation cluster costs citeproc about half
 * a millisecond: most of a build's citeproc time. So the source is cited once
 * per style and locator label with a stand-in locator, and each finding's
 * locator, as citeproc writes it ("paras. 8–9"), takes the place of the
 * stand-in's ("para. ATLASLOCATORSLOT"). Where the stand-in does not show as
 * written, the finding is cited on its own. `test/unit/finding-citations.test.ts`
 * holds the result to citeproc's own for every finding of the atlas.
 */
export function citeFinding(item: CslItem, loc: Locator, style: StyleId): string {
  const cite = cslLocator(loc);
  if (cite.label === undefined) return cluster(item, cite, style);
  const slot = { locator: SLOT, label: cite.label };
  const template = cluster(item, slot, style);
  const written = locatorCluster(slot);
  const at = template.indexOf(written);
  if (at < 0 || template.indexOf(written, at + 1) >= 0) return cluster(item, cite, style);
  return `${template.slice(0, at)}${locatorCluster(cite)}${template.slice(at + written.length)}`;
}

/** The exact citeproc citation of a finding, one cluster each (for tests). */
export function citeFindingDirect(item: CslItem, loc: Locator, style: StyleId): string {
  return cluster(item, cslLocator(loc), style);
}

/**
 * The in-text citation of a finding the atlas read in another document
 * (`document`, e.g. "ICCD/COP(17)/8"): the locator is that document's, so it
 * is not cited as the source's own: "(Rigaud et al., 2018), as reported in
 * ICCD/COP(17)/8, para. 10".
 */
export function citeReported(
  item: CslItem,
  loc: Locator,
  style: StyleId,
  document: string,
): string {
  return `${citeSource(item, style)}, as reported in ${document}, ${locatorText(loc)}`;
}

/** The in-text citation of a whole source, without locator: "(UNCCD secretariat, 2026)". */
export function citeSource(item: CslItem, style: StyleId): string {
  return cluster(item, {}, style);
}

/** The locator as citeproc writes it in English: "para. 9", "p. 12", "sec. Findings"; "criterion 3". */
export function locatorText(loc: Locator): string {
  const cite = cslLocator(loc);
  if (cite.label === undefined) return formatLocator(loc, 'en');
  return locatorCluster(cite);
}

/** A locator and its label, as citeproc writes them in a citation: "para. 9". */
function locatorCluster(cite: CiteLocator): string {
  return cluster(
    {
      id: 'locator',
      'citation-key': 'locator',
      type: 'document',
      title: '',
      author: [],
      issued: { 'date-parts': [[0]] },
    },
    cite,
    LOCATOR_STYLE,
  );
}

/** The id of a finding's record: `<source id>:<finding id>` (also its BibTeX key). */
const findingRecordId = (sourceId: string, findingId: string): string => `${sourceId}:${findingId}`;

/**
 * The CSL record of one finding: the source's record under the finding's id,
 * with `note` saying where the finding is and where the atlas gives it.
 */
export function findingCsl(
  item: CslItem,
  finding: { id: string; locator: Locator },
  permalink: string,
  locatedIn?: string,
): CslItem {
  const id = findingRecordId(item.id, finding.id);
  const at =
    locatedIn === undefined
      ? `Cited at ${locatorText(finding.locator)}`
      : `As reported in ${locatedIn}, ${locatorText(finding.locator)}`;
  const where = `${at}; finding: ${permalink}`;
  return {
    ...item,
    id,
    'citation-key': id,
    note: item.note ? `${where}; ${item.note}` : where,
  };
}
