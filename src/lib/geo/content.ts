/**
 * The content the map needs, read with the content validator's loader so
 * that country lists have one source of truth: `content/regions` and
 * `content/initiatives`. Sources give their themes and types to features.
 */
import { dataCountries, type ResearchLike } from '../content/research';
import { validatedContent, type Entry } from '../content/validate';

export interface Localized {
  en: string;
  zh: string;
}

export interface SourceInfo {
  id: string;
  file: string;
  type: string;
  themes: string[];
  shortTitle: Localized;
  countries: string[];
  regions: string[];
  initiatives: string[];
  /** Research entries: the study design, undefined for policy documents. */
  design: string | undefined;
  /** Number of key findings. */
  findings: number;
  /** Research entries: the countries the data come from (source and finding countries). */
  dataCountries: string[];
}

interface RegionInfo {
  id: string;
  file: string;
  name: Localized;
  countries: string[];
  description: Localized;
  membershipNote: Localized | undefined;
  sources: string[];
}

interface InitiativeInfo {
  id: string;
  file: string;
  name: Localized;
  shortName: Localized;
  countries: string[];
  description: Localized;
  countriesNote: Localized | undefined;
  sources: string[];
  regions: string[];
}

export interface MapContent {
  sources: Map<string, SourceInfo>;
  regions: Map<string, RegionInfo>;
  initiatives: Map<string, InitiativeInfo>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const text = (v: unknown): Localized => v as Localized;
const optText = (v: unknown): Localized | undefined => (v ? (v as Localized) : undefined);

/**
 * An entry's id and file, and the fields named in `fields`, each read from
 * the entry's validated data with its reader.
 */
function fieldsOf<T>(
  e: Entry,
  fields: { [K in keyof T]: (v: unknown) => T[K] },
): { id: string; file: string } & T {
  const read = Object.entries(fields).map(([key, of]) => [key, (of as Reader)(e.data[key])]);
  return { id: e.id, file: e.file, ...(Object.fromEntries(read) as T) };
}
type Reader = (v: unknown) => unknown;

const toSource = (e: Entry): SourceInfo => ({
  ...fieldsOf(e, {
    type: String,
    themes: strings,
    shortTitle: text,
    countries: strings,
    regions: strings,
    initiatives: strings,
  }),
  design: (e.data['study'] as { design?: string } | undefined)?.design,
  findings: Array.isArray(e.data['findings']) ? e.data['findings'].length : 0,
  dataCountries: dataCountries(e.data as unknown as ResearchLike),
});

/** What regions and initiatives have in common: a name, countries, a description and sources. */
const areaFields = { name: text, countries: strings, description: text, sources: strings };

const toRegion = (e: Entry): RegionInfo => fieldsOf(e, { ...areaFields, membershipNote: optText });

const toInitiative = (e: Entry): InitiativeInfo =>
  fieldsOf(e, {
    ...areaFields,
    shortName: text,
    countriesNote: optText,
    regions: strings,
  });

/** Builds the map's view of content from validated entries. */
function mapContentOf(entries: readonly Entry[]): MapContent {
  const of = <T extends { id: string }>(collection: string, to: (e: Entry) => T) =>
    new Map(
      entries
        .filter((e) => e.collection === collection)
        .map(to)
        .map((x) => [x.id, x] as const),
    );
  return {
    sources: of('sources', toSource),
    regions: of('regions', toRegion),
    initiatives: of('initiatives', toInitiative),
  };
}

/** Reads and validates `root` (default `content/`); throws if the content is invalid. */
export function readMapContent(root = 'content'): MapContent {
  const { problems, entries } = validatedContent(root);
  if (problems.length > 0) {
    throw new Error(
      `Invalid content: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return mapContentOf(entries);
}

/** Sources of a region or an initiative: those it lists and those that list it. */
function sourcesOf(c: MapContent, collection: 'regions' | 'initiatives', id: string): string[] {
  const listed = c[collection].get(id)?.sources ?? [];
  const listing = [...c.sources.values()]
    .filter((s) => s[collection].includes(id))
    .map((s) => s.id);
  return [...new Set([...listed, ...listing])].sort();
}

/** Sources of a region: those it lists and those that list it. */
export const sourcesOfRegion = (c: MapContent, id: string): string[] => sourcesOf(c, 'regions', id);

/** Sources of an initiative: those it lists and those that list it. */
export const sourcesOfInitiative = (c: MapContent, id: string): string[] =>
  sourcesOf(c, 'initiatives', id);

/** Union of themes and of types of the given sources. */
export function themesAndTypes(
  c: MapContent,
  sourceIds: readonly string[],
): { themes: string[]; source_types: string[] } {
  const found = sourceIds.map((id) => c.sources.get(id)).filter((s) => s !== undefined);
  return {
    themes: [...new Set(found.flatMap((s) => s.themes))].sort(),
    source_types: [...new Set(found.map((s) => s.type))].sort(),
  };
}

/** The first paragraph of a text. */
export const firstParagraph = (t: Localized): Localized => {
  const first = (text: string) => text.split(/\n\s*\n/)[0]?.trim() ?? text;
  return { en: first(t.en), zh: first(t.zh) };
};
