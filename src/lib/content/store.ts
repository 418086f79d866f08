/**
 * The atlas's content as pages need it: every collection loaded once, links
 * resolved to ids, and computed relations (cited by). Thin glue over
 * `astro:content`; the logic it calls lives in pure modules.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { LANGS, type Lang } from '../i18n';
import type { CslItem } from '../citations';
import { cslOfEntry } from '../citations';
import { firstParagraph } from '../format';
import type { FacetedSource } from './facets';
import { citedBy } from './relations';

export type Source = CollectionEntry<'sources'>;
export type Initiative = CollectionEntry<'initiatives'>;
export type Region = CollectionEntry<'regions'>;
type GlossaryTerm = CollectionEntry<'glossary'>;

/** Ids of the entries a list of references points to. */
export const ids = (refs: readonly { id: string }[]): string[] => refs.map((r) => r.id);

const byDateDesc = (a: Source, b: Source) =>
  b.data.bibliographic.issued.localeCompare(a.data.bibliographic.issued) ||
  a.id.localeCompare(b.id);

let cache: Promise<Atlas> | undefined;

export interface Atlas {
  sources: Source[];
  initiatives: Initiative[];
  regions: Region[];
  glossary: GlossaryTerm[];
  source: (id: string) => Source;
  initiative: (id: string) => Initiative;
  region: (id: string) => Region;
  citedBy: (id: string) => Source[];
  /** Sources whose `regions` include the region, or that the region lists. */
  sourcesOfRegion: (id: string) => Source[];
  /** Sources whose `initiatives` include the initiative, or that the initiative lists. */
  sourcesOfInitiative: (id: string) => Source[];
}

async function load(): Promise<Atlas> {
  const [sources, initiatives, regions, glossary] = await Promise.all([
    getCollection('sources'),
    getCollection('initiatives'),
    getCollection('regions'),
    getCollection('glossary'),
  ]);
  sources.sort(byDateDesc);
  const find = <T extends { id: string }>(list: T[], kind: string) => {
    const map = new Map(list.map((e) => [e.id, e]));
    return (id: string): T => {
      const entry = map.get(id);
      if (!entry) throw new Error(`No ${kind} entry "${id}"`);
      return entry;
    };
  };
  const source = find(sources, 'sources');
  const cited = citedBy(sources.map((s) => ({ id: s.id, cites: ids(s.data.cites) })));
  const union = (a: string[], b: string[]) =>
    [...new Set([...a, ...b])].map(source).sort(byDateDesc);
  const region = find(regions, 'regions');
  const initiative = find(initiatives, 'initiatives');
  return {
    sources,
    initiatives,
    regions,
    glossary,
    source,
    initiative,
    region,
    citedBy: (id) => (cited.get(id) ?? []).map(source).sort(byDateDesc),
    sourcesOfRegion: (id) =>
      union(
        ids(region(id).data.sources),
        sources.filter((s) => ids(s.data.regions).includes(id)).map((s) => s.id),
      ),
    sourcesOfInitiative: (id) =>
      union(
        ids(initiative(id).data.sources),
        sources.filter((s) => ids(s.data.initiatives).includes(id)).map((s) => s.id),
      ),
  };
}

/** The whole atlas, loaded once per build. */
export function getAtlas(): Promise<Atlas> {
  cache ??= load();
  return cache;
}

/** The CSL-JSON record of a source (English title, as cited in the literature). */
export function cslOf(source: Source): CslItem {
  return cslOfEntry(source.id, source.data);
}

/** A source as an `EntryLinks` item: its title (or short title), linked, and its year. */
export function sourceLink(source: Source, lang: Lang, label: 'title' | 'shortTitle' = 'title') {
  return {
    href: `sources/${source.id}/`,
    label: source.data[label][lang],
    meta: source.data.bibliographic.issued.slice(0, 4),
  };
}

/** The link to a region's or an initiative's page, labelled with its name. */
export function entryLink(entry: Region | Initiative, lang: Lang) {
  return { href: `${entry.collection}/${entry.id}/`, label: entry.data.name[lang] };
}

/** A region or an initiative as an index card: its link and the first paragraph of its description. */
export function entryCard(entry: Region | Initiative, lang: Lang) {
  return { ...entryLink(entry, lang), text: firstParagraph(entry.data.description[lang]) };
}

/** What a source contributes to the library facets. */
export function facetedOf(source: Source): FacetedSource {
  const d = source.data;
  return {
    id: source.id,
    type: d.type,
    regions: ids(d.regions),
    themes: d.themes,
    issued: d.bibliographic.issued,
  };
}

/** `getStaticPaths` entries for a page that exists once per language. */
export function langPaths() {
  return LANGS.map((lang) => ({
    params: { lang: lang === 'en' ? undefined : lang },
    props: { lang },
  }));
}

/** `getStaticPaths` entries for one page per language and item. */
export function langItemPaths<T extends { id: string }>(items: readonly T[]) {
  return LANGS.flatMap((lang: Lang) =>
    items.map((item) => ({
      params: { lang: lang === 'en' ? undefined : lang, id: item.id },
      props: { lang, item },
    })),
  );
}

/** How the sources index can be grouped. */
export type Grouping = 'type' | 'design' | 'year' | 'region' | 'theme';
