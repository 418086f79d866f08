/**
 * Builds, at build time, the `MapLookup` that the map page hands to the
 * browser: titles of the entries features point to, initiative targets written
 * out, country names and the UI strings, in one language. Works on plain
 * entries so it can be tested without Astro.
 */
import { countryName } from '../countries';
import { formatLocator, formatNumber, pageUrl, useTranslations, type Lang } from '../i18n';
import type { Locator, Localized } from '../../schemas/common';
import { designs } from '../../schemas/research';
import type { MapFeature } from './features';
import { MAP_UI_KEYS, MAX_SOURCES, type MapLookup, type MapUiKey } from './panel';

export interface LookupInput {
  sources: readonly {
    id: string;
    data: { shortTitle: Localized; type: string; bibliographic: { issued: string } };
  }[];
  initiatives: readonly {
    id: string;
    data: {
      name: Localized;
      targets: readonly {
        label: Localized;
        value: number;
        unit: Localized;
        year: number;
        locator: Locator;
        source: { id: string };
      }[];
    };
  }[];
  regions: readonly { id: string; data: { name: Localized } }[];
}

/** The lookup for `features` in `lang`, with links under `base`. */
export function buildMapLookup(
  input: LookupInput,
  features: readonly MapFeature[],
  lang: Lang,
  base: string,
): MapLookup {
  const t = useTranslations(lang);
  const iso3 = [...new Set(features.flatMap((f) => f.props.iso3))].sort();
  // Only the sources the list and panel name (MAX_SOURCES a feature, and the
  // initiatives' targets): the page would otherwise carry every title of the library.
  const named = new Set([
    ...features.flatMap((f) => f.props.sources.slice(0, MAX_SOURCES)),
    ...input.initiatives.flatMap((i) => i.data.targets.map((target) => target.source.id)),
  ]);
  return {
    lang,
    root: pageUrl('', lang, base),
    sources: Object.fromEntries(
      input.sources
        .filter((s) => named.has(s.id))
        .map((s) => [
          s.id,
          {
            title: s.data.shortTitle[lang],
            // The type key is checked by the source schema.
            meta: `${t(`type.${s.data.type}` as Parameters<typeof t>[0])}, ${s.data.bibliographic.issued.slice(0, 4)}`,
          },
        ]),
    ),
    initiatives: Object.fromEntries(
      input.initiatives.map((i) => [
        i.id,
        {
          name: i.data.name[lang],
          targets: i.data.targets.map((target) => ({
            text: t('map.target', {
              label: target.label[lang],
              value: formatNumber(target.value, lang),
              unit: target.unit[lang],
              year: target.year,
            }),
            source: target.source.id,
            locator: formatLocator(target.locator, lang),
          })),
        },
      ]),
    ),
    regions: Object.fromEntries(input.regions.map((r) => [r.id, { name: r.data.name[lang] }])),
    countries: Object.fromEntries(iso3.map((code) => [code, countryName(code, lang)])),
    // Every design (eleven short labels): the layer the browser reads may hold any of them.
    designs: Object.fromEntries(designs.map((code) => [code, t(`design.${code}`)])),
    ui: Object.fromEntries(MAP_UI_KEYS.map((key) => [key, t(key)])) as Record<MapUiKey, string>,
  };
}
