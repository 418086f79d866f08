/**
 * From a feature to what the side panel and the list say about it: plain
 * texts and links, no markup. The same model is rendered by Astro at build
 * time (the list, without JavaScript) and with DOM text in the browser (the
 * panel), so both say the same thing.
 *
 * The texts that do not come from the feature (entry titles, country names,
 * targets, UI strings) come from a `MapLookup` made at build time.
 */
import { format, plural } from '../format';
import { HTML_LANG } from '../locale';
import { featureName, type MapFeatureProps } from './features';

/** The UI strings the map needs in the browser, by key (see `src/i18n/en.ts`). */
export const MAP_UI_KEYS = [
  'map.kind.region',
  'map.kind.initiative',
  'map.kind.corridor',
  'map.kind.pilot',
  'map.kind.cop-venue',
  'map.kind.study-area',
  'map.precision.site',
  'map.precision.town',
  'map.precision.region',
  'map.precision.country',
  'map.precision.site.help',
  'map.precision.town.help',
  'map.precision.region.help',
  'map.precision.country.help',
  'map.precision.site.area',
  'map.precision.town.area',
  'map.precision.region.area',
  'map.precision.country.area',
  'map.schematic',
  'map.area',
  'map.panel.kind',
  'map.panel.precision',
  'map.panel.countries',
  'map.panel.area',
  'map.panel.targets',
  'map.panel.sources',
  'map.panel.moreSources',
  'map.panel.allSources',
  'map.panel.initiatives',
  'map.panel.regions',
  'map.panel.note',
  'map.panel.design',
  'map.panel.findings',
  'map.findings.one',
  'map.findings.other',
  'map.showNamed',
  'map.show',
  'map.status.shown',
] as const;
export type MapUiKey = (typeof MAP_UI_KEYS)[number];

/** A target of an initiative, already written out for one language. */
interface TargetText {
  /** e.g. "Degraded land restored: 100,000,000 ha by 2030". */
  text: string;
  /** Source id stating it. */
  source: string;
  /** Where in the source, e.g. "¶19". */
  locator: string;
}

/** What the browser needs to know that the layer files do not say; made at build time. */
export interface MapLookup {
  lang: 'en' | 'zh';
  /** URL of the language root, ending in "/", e.g. "/atlas/zh/". */
  root: string;
  sources: Record<string, { title: string; meta: string }>;
  initiatives: Record<string, { name: string; targets: TargetText[] }>;
  regions: Record<string, { name: string }>;
  /** ISO3 → country name. */
  countries: Record<string, string>;
  /** Design code → label, for study areas. */
  designs: Record<string, string>;
  ui: Record<MapUiKey, string>;
}

export interface PanelLink {
  /** Null when the entry is not in the atlas (then the id is shown as text). */
  href: string | null;
  label: string;
  meta?: string;
}

export interface PanelModel {
  id: string;
  name: string;
  kind: string;
  precision: {
    /** e.g. "Country only". */
    label: string;
    /** What the precision means in general. */
    help: string;
    /** What it means for this feature (from the layer). */
    note: string;
    /** True for a site or a town: the feature is where it is drawn. */
    exact: boolean;
  };
  /** Set when the drawing is schematic. */
  schematic: string | null;
  countries: string[];
  /** Study areas: the study's design, e.g. "Household survey". */
  design: string | null;
  /** Study areas: e.g. "4 coded findings". */
  findings: string | null;
  /** e.g. "3,994,000 km²". */
  area: string | null;
  targets: { text: string; locator: string; source: PanelLink }[];
  /** The first `MAX_SOURCES` sources of the feature. */
  sources: PanelLink[];
  /** How many more there are, and the page that lists them all (a region's or initiative's), if any. */
  moreSources: { text: string; link: PanelLink | null } | null;
  initiatives: PanelLink[];
  regions: PanelLink[];
  note: string;
}

/**
 * Most sources a feature lists on the map page, in the list and in the panel.
 * A region or initiative can be cited by hundreds of sources; listing them all
 * for each feature made the page grow with the library (887 KB of HTML at
 * 1,000 sources, most of it these lists). The rest are counted, with a link
 * to the page that lists them (the region's or initiative's own).
 */
export const MAX_SOURCES = 10;

/** Reads an own property only: ids from a layer file are never looked up on the prototype. */
export const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const initiativeIds = (p: MapFeatureProps): string[] => {
  const ids = [...p.initiatives];
  const [prefix, self] = p.id.split(':');
  if (prefix === 'initiative' && self && !ids.includes(self)) ids.unshift(self);
  return ids;
};

/** Pilots and venues are points; regions, initiatives and corridors are areas. */
const isPoint = (p: MapFeatureProps): boolean => p.kind === 'pilot' || p.kind === 'cop-venue';

const unknown = (id: string): PanelLink => ({ href: null, label: id });

/** The atlas page of a region or an initiative, or null when the atlas has no such entry. */
function entryLink(lookup: MapLookup, kind: 'region' | 'initiative', id: string): PanelLink | null {
  const entry = kind === 'region' ? own(lookup.regions, id) : own(lookup.initiatives, id);
  return entry ? { href: `${lookup.root}${kind}s/${id}/`, label: entry.name } : null;
}

/** The page of a region or initiative feature, which lists all its sources. */
function allSourcesLink(p: MapFeatureProps, lookup: MapLookup): PanelLink | null {
  const [prefix, id] = p.id.split(':');
  if (!id || (prefix !== 'region' && prefix !== 'initiative')) return null;
  const page = entryLink(lookup, prefix, id);
  return (
    page && { ...page, label: format(lookup.ui['map.panel.allSources'], { name: page.label }) }
  );
}

/** The panel model of a feature, in the lookup's language. */
export function panelModel(p: MapFeatureProps, lookup: MapLookup): PanelModel {
  const { lang, root, ui } = lookup;
  const locale = HTML_LANG[lang];
  const number = new Intl.NumberFormat(locale);
  const sourceLink = (id: string): PanelLink => {
    const s = own(lookup.sources, id);
    return s ? { href: `${root}sources/${id}/`, label: s.title, meta: s.meta } : unknown(id);
  };
  const initiatives = initiativeIds(p);
  const showTargets = p.kind === 'initiative' || p.kind === 'corridor';
  return {
    id: p.id,
    name: featureName(p, lang),
    kind: ui[`map.kind.${p.kind}`],
    precision: {
      label: ui[`map.precision.${p.precision}`],
      // What a precision means differs for a point and for an area.
      help: ui[`map.precision.${p.precision}.${isPoint(p) ? 'help' : 'area'}`],
      note: lang === 'zh' ? p.precision_note_zh : p.precision_note_en,
      exact: p.precision === 'site' || p.precision === 'town',
    },
    schematic: p.schematic ? ui['map.schematic'] : null,
    countries: p.iso3.map((code) => own(lookup.countries, code) ?? code),
    design: p.design === undefined ? null : (own(lookup.designs, p.design) ?? p.design),
    findings:
      p.findings === undefined
        ? null
        : format(ui[`map.findings.${plural(p.findings, locale)}`], {
            count: number.format(p.findings),
          }),
    area:
      p.area_km2 === undefined
        ? null
        : format(ui['map.area'], { value: number.format(Math.round(p.area_km2)) }),
    targets: showTargets
      ? initiatives.flatMap((id) =>
          (own(lookup.initiatives, id)?.targets ?? []).map((t) => ({
            text: t.text,
            locator: t.locator,
            source: sourceLink(t.source),
          })),
        )
      : [],
    sources: p.sources.slice(0, MAX_SOURCES).map(sourceLink),
    moreSources:
      p.sources.length > MAX_SOURCES
        ? {
            text: format(ui['map.panel.moreSources'], {
              count: number.format(p.sources.length - MAX_SOURCES),
            }),
            link: allSourcesLink(p, lookup),
          }
        : null,
    initiatives: initiatives.map((id) => entryLink(lookup, 'initiative', id) ?? unknown(id)),
    regions: p.regions.map((id) => entryLink(lookup, 'region', id) ?? unknown(id)),
    note: lang === 'zh' ? p.note_zh : p.note_en,
  };
}

/**
 * The one-line description under a feature's name in the list: "Pilot site ·
 * Country only"; a study area adds its weight, "· 4 coded findings".
 */
export const summaryLine = (m: PanelModel): string =>
  [m.kind, m.precision.label, ...(m.findings ? [m.findings] : [])].join(' · ');

/**
 * The page a feature's list item links to instead of unfolding the panel's
 * details: a study area's study, whose page says all the panel says. A library
 * has hundreds of studies, and a list item with its details for each made the
 * map page's HTML heavy to parse and lay out. Null for other features (their
 * items unfold) and for a study without a page in the atlas.
 */
export function listPage(p: Pick<MapFeatureProps, 'layer'>, m: PanelModel): PanelLink | null {
  const study = m.sources[0];
  return p.layer === 'studies' && study?.href ? study : null;
}

/** The swatch class of a feature: how the map draws it. */
export function swatchOf(f: Pick<MapFeatureProps, 'layer' | 'precision' | 'schematic'>): string {
  if (f.layer === 'sites')
    return f.precision === 'site' || f.precision === 'town' ? 'sites-exact' : 'sites-approx';
  return f.schematic ? `${f.layer}-schematic` : f.layer;
}
