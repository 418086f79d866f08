/**
 * A finding's locator as readers see it: on the source page, as the title of
 * its search sub-result and in exports. A second-hand finding's locator points
 * into the document it was read in, so that document is named
 * ("ICCD/COP(17)/8 ¶10"), never shown as a bare "¶10" that reads as a paragraph
 * of the source itself. A web locator names its page already and stays as it is.
 */
import type { Localized, Locator, Verification, Via } from '../schemas/common';
import { formatLocator, pageUrl, useTranslations, type Lang } from './i18n';

/** The parts of a finding its locator depends on. */
export interface LocatedFinding {
  locator: Locator;
  status: Verification;
  via?: Via | undefined;
}

/** The atlas entry a `via.source` names (a source's data has this shape). */
interface ViaDocument {
  shortTitle: Localized;
  bibliographic: { symbol?: string | undefined };
}

/** Resolves the atlas id in `via.source`; undefined if there is no such entry. */
export type ViaLookup = (id: string) => ViaDocument | undefined;

/**
 * The name of the document the finding's locator points into when that is not
 * the source itself: the symbol of the atlas entry read (else its short
 * title), or the title of the page read. Undefined for the source's own
 * locators and for web pages.
 */
export function locatorDocument(
  finding: LocatedFinding,
  lang: Lang,
  lookup: ViaLookup,
): string | undefined {
  const { via, locator, status } = finding;
  if (status !== 'secondary' || via === undefined || locator.kind === 'web') return undefined;
  const entry = via.source === undefined ? undefined : lookup(via.source);
  return entry?.bibliographic.symbol ?? entry?.shortTitle[lang] ?? via.title;
}

/** The locator label of a finding: "¶9" for its own source, "ICCD/COP(17)/8 ¶10" when read elsewhere. */
export function findingLocator(finding: LocatedFinding, lang: Lang, lookup: ViaLookup): string {
  const locator = formatLocator(finding.locator, lang);
  const document = locatorDocument(finding, lang, lookup);
  if (document === undefined || locator.includes(document)) return locator;
  return useTranslations(lang)('locator.in', { document, locator });
}

/**
 * Where "read in" links: the page read, else the atlas page of the document
 * read, at the anchor of its finding for the same place when there is one
 * (`at`, the id of that finding).
 */
export function viaHref(via: Via, lang: Lang, base = '/', at?: string): string | undefined {
  if (via.url !== undefined) return via.url;
  if (via.source === undefined) return undefined;
  const page = pageUrl(`sources/${via.source}/`, lang, base);
  return at === undefined ? page : `${page}#finding-${at}`;
}

/** The id of the finding among `findings` that stands at the same place as `locator`. */
export function findingAt(
  locator: Locator,
  findings: readonly { id: string; locator: Locator }[],
): string | undefined {
  return findings.find((f) => f.locator.kind === locator.kind && f.locator.ref === locator.ref)?.id;
}
