/**
 * Facets of the library: the ways a reader can narrow the sources (type,
 * region, theme, year). Each facet value names a static subset of records
 * that the bibliography offers as BibTeX, RIS and CSL-JSON downloads.
 */

export const FACETS = ['type', 'region', 'theme', 'year'] as const;
export type Facet = (typeof FACETS)[number];

/** What a source contributes to the facets. */
export interface FacetedSource {
  id: string;
  type: string;
  regions: readonly string[];
  themes: readonly string[];
  issued: string;
}

/** The facet values of one source. */
function facetValues(source: FacetedSource): Record<Facet, string[]> {
  return {
    type: [source.type],
    region: [...source.regions],
    theme: [...source.themes],
    year: [source.issued.slice(0, 4)],
  };
}

/** The file stem of a subset, e.g. "region-central-asia". */
export const subsetKey = (facet: Facet, value: string): string => `${facet}-${value}`;

/** Every non-empty subset: key → ids of its sources, in the order given. */
export function subsets(sources: readonly FacetedSource[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const source of sources) {
    const values = facetValues(source);
    for (const facet of FACETS) {
      for (const value of values[facet]) {
        const key = subsetKey(facet, value);
        out.set(key, [...(out.get(key) ?? []), source.id]);
      }
    }
  }
  return out;
}
