/**
 * The evidence as open data, under `data/`: `findings.csv` and `sources.csv`,
 * the same rows as JSON, and `datapackage.json` describing them (see
 * `src/lib/data/`). Downloads: not precached by the service worker.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataFiles } from '../../lib/content/data';

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export const getStaticPaths = (async () =>
  [...(await getDataFiles()).keys()].map((file) => ({
    params: { file },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const file = String(params['file']);
  const body = (await getDataFiles()).get(file);
  if (body === undefined) return new Response(null, { status: 404 });
  return new Response(body, {
    headers: { 'Content-Type': TYPES[file.slice(file.lastIndexOf('.') + 1)] ?? 'text/plain' },
  });
};
