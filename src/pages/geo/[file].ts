/**
 * The map layers as static files: `geo/<layer>.geojson` for the basemap
 * (land, countries) and the thematic layers (regions, initiatives, study
 * areas, sites), `geo/<layer>.props.<lang>.json` for each thematic layer as
 * the map page of each language reads it (no geometry), and `geo/catalogue.json`
 * describing them. Built at build time from `src/lib/geo`; never committed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAtlasGeo } from '../../lib/geo/build';
import { LAYER_NAMES, THEMATIC_LAYERS } from '../../lib/geo/types';
import { pageLayerFile } from '../../lib/geo/props';
import { LANGS } from '../../lib/i18n';

export const getStaticPaths = (() => [
  ...LAYER_NAMES.map((layer) => ({ params: { file: `${layer}.geojson` } })),
  ...THEMATIC_LAYERS.flatMap((layer) =>
    LANGS.map((lang) => ({ params: { file: pageLayerFile(layer, lang) } })),
  ),
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
  for (const layer of THEMATIC_LAYERS) {
    const lang = LANGS.find((l) => pageLayerFile(layer, l) === file);
    if (lang) {
      return new Response(geo.propsFiles[layer][lang], {
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      });
    }
  }
  const layer = LAYER_NAMES.find((name) => `${name}.geojson` === file);
  if (!layer) return new Response(null, { status: 404 });
  return new Response(geo.files[layer], {
    headers: { 'Content-Type': 'application/geo+json; charset=utf-8' },
  });
};
