/**
 * Build time: the labels of the map's ids in one language, from the
 * dictionaries and the region entries, and the page script's configuration.
 */
import { countryName } from '../countries';
import { pageUrl, useTranslations, type Lang } from '../i18n';
import { normaliseBase } from '../paths';
import { designs, drivers } from '../../schemas/research';
import type { UiKey } from '../../i18n';
import { EVIDENCE_STRING_KEYS, type EvidenceConfig, type Labels } from './config';
import { ELSEWHERE_COLUMN, GLOBAL_COLUMN, type Axis, type EvidenceIndex } from './model';

/** The label of each id of each axis, the tiers, directions, statuses, languages and designs. */
export function labelsOf(
  index: EvidenceIndex,
  lang: Lang,
  regionNames: ReadonlyMap<string, string>,
  countries: readonly string[] = [],
): Labels {
  const t = useTranslations(lang);
  // Every key below is a dictionary key for a value of its vocabulary; the i18n test checks the dictionaries.
  const key = (k: string) => t(k as UiKey);
  const driverIds: readonly string[] = drivers;
  const { axes } = index.vocabulary;
  const map = (ids: readonly string[], label: (id: string) => string) =>
    Object.fromEntries(ids.map((id) => [id, label(id)]));
  const regionLabel = (id: string) =>
    id === GLOBAL_COLUMN
      ? t('evidence.global')
      : id === ELSEWHERE_COLUMN
        ? t('evidence.elsewhere')
        : (regionNames.get(id) ?? id);
  const driverLabel = (id: string) => key(driverIds.includes(id) ? `driver.${id}` : `theme.${id}`);
  const axisLabels: Record<Axis, Record<string, string>> = {
    drivers: map(axes.drivers, driverLabel),
    codedDrivers: map(axes.codedDrivers, driverLabel),
    regions: map(axes.regions, regionLabel),
    outcomes: map(axes.outcomes, (id) => key(`outcome.${id}`)),
    pathways: map(axes.pathways, (id) => key(`theme.${id}`)),
  };
  return {
    axes: axisLabels,
    tiers: map(index.vocabulary.tiers, (id) => key(`tier.${id}`)),
    directions: map(index.vocabulary.directions, (id) => key(`effect.${id}`)),
    statuses: map(index.vocabulary.statuses, (id) => key(`status.${id}`)),
    languages: map(index.vocabulary.languages, (id) => key(`language.${id}`)),
    designs: map(designs, (id) => key(`design.${id}`)),
    countries: map(countries, (code) => countryName(code, lang)),
  };
}

/** The page script's configuration for `lang`. */
export function configOf(
  index: EvidenceIndex,
  lang: Lang,
  base: string,
  labels: Labels,
): EvidenceConfig {
  const t = useTranslations(lang);
  return {
    lang,
    base: normaliseBase(base),
    root: pageUrl('', lang, base),
    mapPage: pageUrl('map/', lang, base),
    data: `${normaliseBase(base)}evidence-map/`,
    vocabulary: index.vocabulary,
    labels,
    strings: Object.fromEntries(
      EVIDENCE_STRING_KEYS.map((k) => [k, t(k)]),
    ) as EvidenceConfig['strings'],
  };
}
