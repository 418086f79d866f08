/**
 * Static citation files: /cite/<source-id>.{bib,ris,json} for each source,
 * and /cite/atlas.{bib,ris,json} for the whole library.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { EXPORTS, toCsl, type ExportFormat } from '../../lib/citations';
import { getAtlas } from '../../lib/content/store';

export const getStaticPaths = (async () => {
  const atlas = await getAtlas();
  const items = atlas.sources.map((s) =>
    toCsl({
      id: s.id,
      title: s.data.title.en,
      type: s.data.type,
      bibliographic: s.data.bibliographic,
    }),
  );
  const formats = Object.keys(EXPORTS) as ExportFormat[];
  return formats.flatMap((ext) => [
    { params: { file: `atlas.${ext}` }, props: { ext, items } },
    ...items.map((item) => ({
      params: { file: `${item.id}.${ext}` },
      props: { ext, items: [item] },
    })),
  ]);
}) satisfies GetStaticPaths;

type Props = Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];

export const GET: APIRoute<Props> = ({ props }) => {
  const { type, write } = EXPORTS[props.ext];
  return new Response(write(props.items), {
    headers: { 'Content-Type': `${type}; charset=utf-8` },
  });
};
