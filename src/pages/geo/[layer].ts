/** TEMPORARY: serves the test layers until the geo build lands. */
import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';

const LAYERS = ['land', 'countries', 'regions', 'initiatives', 'sites'];
export const getStaticPaths = () =>
  LAYERS.map((layer) => ({ params: { layer: `${layer}.geojson` } }));
export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(`test/fixtures/geo/map/${params['layer']}`, 'utf8'), {
    headers: { 'Content-Type': 'application/geo+json' },
  });
