/**
 * Static citation files, each in BibTeX (.bib), RIS (.ris) and CSL-JSON (.json):
 * - /cite/<source-id>.<ext> for each source;
 * - /cite/atlas.<ext> for the whole library;
 * - /cite/subset/<facet>-<value>.<ext> for each type, region, theme and year;
 * - /cite/finding/<source-id>/<finding-id>.<ext> for each finding, its locator in `note`
 *   (downloads, left out of the offline precache).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CITATION_FORMAT_IDS, WRITERS } from '../../lib/citations';
import { CITATION_FORMATS } from '../../lib/citation-formats';
import { subsets } from '../../lib/content/facets';
import { absoluteUrl } from '../../lib/content/data';
import { cslOf, facetedOf, getAtlas } from '../../lib/content/store';
import { findingCiteStem } from '../../lib/data/files';
import { findingCsl } from '../../lib/finding-citations';
import { locatorDocument } from '../../lib/finding-locator';

export const getStaticPaths = (async () => {
  const atlas = await getAtlas();
  const items = new Map(atlas.sources.map((s) => [s.id, cslOf(s)]));
  const all = [...items.values()];
  const groups = [...subsets(atlas.sources.map(facetedOf))].map(([key, list]) => ({
    stem: `subset/${key}`,
    records: list.map((id) => items.get(id)!),
  }));
  const findings = atlas.sources.flatMap((s) =>
    s.data.findings.map((f) => ({
      stem: findingCiteStem(s.id, f.id),
      records: [
        findingCsl(
          items.get(s.id)!,
          f,
          absoluteUrl(`sources/${s.id}/#finding-${f.id}`),
          locatorDocument(f, 'en', (id) => atlas.source(id).data),
        ),
      ],
    })),
  );
  const files = [
    { stem: 'atlas', records: all },
    ...all.map((item) => ({ stem: item.id, records: [item] })),
    ...groups,
    ...findings,
  ];
  return CITATION_FORMAT_IDS.flatMap((ext) =>
    files.map(({ stem, records }) => ({
      params: { file: `${stem}.${ext}` },
      props: { ext, records },
    })),
  );
}) satisfies GetStaticPaths;

type Props = Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];

export const GET: APIRoute<Props> = ({ props }) => {
  const { type } = CITATION_FORMATS[props.ext];
  return new Response(WRITERS[props.ext](props.records), {
    headers: { 'Content-Type': `${type}; charset=utf-8` },
  });
};
