/**
 * The map layers as static files: `geo/<layer>.geojson` for the basemap
 * (land, countries) and the thematic layers (regions, initiatives, sites),
 * and `geo/catalogue.json` describing them. Built at build time from
 * `src/lib/geo`; never committed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAtlasGeo } from '../../lib/geo/build';
import { LAYER_NAMES } from '../../lib/geo/types';

export const getStaticPaths = (() => [
  ...LAYER_NAMES.map((layer) => ({ params: { file: `${layer}.geojson` } })),
  { params: { file: 'catalogue.json' } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const geo = getAtlasGeo();
  const file = String(params['file']);
  if (file === 'catalogue.json') {
    return new Response(JSON.stringify(geo.catalogue, null, 2), {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
  const layer = LAYER_NAMES.find((name) => `${name}.geojson` === file);
  if (!layer) return new Response(null, { status: 404 });
  return new Response(geo.files[layer], {
    headers: { 'Content-Type': 'application/geo+json; charset=utf-8' },
  });
};
