/**
 * Loads Pagefind's JS API from the bundle the build writes under the base
 * path (`<base>pagefind/pagefind.js`), typed for what the atlas uses.
 */
import type { FilterCounts } from '../../search/facets';
import type { PagefindSearchOptions } from '../../search/state';
import type { SubResult } from '../../search/results';

/** One page's data (`result.data()`). `meta` and `content` are NOT escaped: treat them as text. */
export interface PagefindResultData {
  url: string;
  /** Safe HTML from Pagefind: the page's text, escaped, with the matches in <mark>. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** The page's indexed text, plain. */
  content: string;
  sub_results: (SubResult & { anchor?: { id: string; element: string } })[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

/** The page's text and metadata, to check what a result really matched. */
export const resultTexts = (data: PagefindResultData): string[] => [
  data.content,
  ...Object.values(data.meta).filter((v) => v !== undefined),
];

export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (
    term: string | null,
    options?: PagefindSearchOptions,
  ) => Promise<PagefindResponse | null>;
  filters: () => Promise<FilterCounts>;
}

/**
 * Imports and initialises Pagefind. `indexTag` becomes its `metaCacheTag`, so
 * the entry file is asked for as `pagefind-entry.json?ts=<tag>`: the same URL
 * for the whole life of one build, and a new one with every new index.
 */
export async function loadPagefind(base: string, indexTag: string): Promise<Pagefind> {
  const url = `${base}pagefind/pagefind.js`;
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options({ metaCacheTag: indexTag, excerptLength: 24 });
  await pagefind.init();
  return pagefind;
}
