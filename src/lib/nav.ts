/**
 * Everything the atlas offers, once: the header's menu, the home page's
 * "Where to start" and the breadcrumbs of item pages all read this list, so a
 * page added here is reachable from every page (`test/build/reachability.test.ts`
 * fails on any page that is not). Pure data and logic, no Astro, no Node.
 */
import type { UiKey } from '../i18n';

export interface NavEntry {
  /** Path relative to the language root, ending in "/" ("sources/"). */
  path: string;
  /** Its name in the header menu and in breadcrumbs. */
  label: UiKey;
  /** Its card in the home page's "Where to start": a title and one sentence. */
  home: { title: UiKey; text: UiKey };
  /** Pages one level below it ("sources/<id>/") carry a breadcrumb back to it. */
  items?: true;
}

export const NAV: readonly NavEntry[] = [
  {
    path: 'sources/',
    label: 'nav.sources',
    home: { title: 'home.browseSources', text: 'home.browseSourcesText' },
    items: true,
  },
  { path: 'map/', label: 'nav.map', home: { title: 'home.openMap', text: 'home.openMapText' } },
  {
    path: 'evidence-map/',
    label: 'nav.evidenceMap',
    home: { title: 'home.evidenceMap', text: 'home.evidenceMapText' },
  },
  {
    path: 'initiatives/',
    label: 'nav.initiatives',
    home: { title: 'initiatives.title', text: 'initiatives.intro' },
    items: true,
  },
  {
    path: 'regions/',
    label: 'nav.regions',
    home: { title: 'regions.title', text: 'regions.intro' },
    items: true,
  },
  {
    path: 'timeline/',
    label: 'nav.timeline',
    home: { title: 'home.timeline', text: 'home.timelineText' },
  },
  {
    path: 'bibliography/',
    label: 'nav.bibliography',
    home: { title: 'home.bibliography', text: 'home.bibliographyText' },
  },
  { path: 'search/', label: 'nav.search', home: { title: 'nav.search', text: 'home.searchText' } },
  {
    path: 'glossary/',
    label: 'nav.glossary',
    home: { title: 'glossary.title', text: 'glossary.intro' },
  },
  { path: 'data/', label: 'nav.data', home: { title: 'footer.data', text: 'home.dataText' } },
  { path: 'about/', label: 'nav.about', home: { title: 'about.title', text: 'home.aboutText' } },
];

/**
 * The entries whose page the site has: an entry is listed before its page
 * is built (the evidence map), and left out until then.
 */
export function builtEntries(
  hasPage: (path: string) => boolean,
  entries: readonly NavEntry[] = NAV,
): NavEntry[] {
  return entries.filter((e) => hasPage(e.path));
}

/**
 * How the menu marks an entry on the page at `path`: "page" on the entry's
 * own page, "true" on a page inside it ("sources/x/" in Sources), else none.
 */
export function currentMark(entry: NavEntry, path: string): 'page' | 'true' | undefined {
  if (path === entry.path) return 'page';
  return path.startsWith(entry.path) ? 'true' : undefined;
}

/**
 * The index an item page belongs to ("sources/x/" → Sources), for its
 * breadcrumb; none for any other page ("sources/by/year/", "map/", "").
 */
export function parentOf(path: string, entries: readonly NavEntry[] = NAV): NavEntry | undefined {
  return entries.find(
    (e) => e.items && path.startsWith(e.path) && /^[^/]+\/$/.test(path.slice(e.path.length)),
  );
}
