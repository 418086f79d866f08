/**
 * The list of the citation files and their records, which
 * `src/integrations/cite.ts` turns into the files under `/cite/` at the end of
 * the build, and removes (see `src/lib/content/cite-files.ts`).
 */
import type { APIRoute } from 'astro';
import { citeFiles } from '../../lib/content/cite-files';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await citeFiles()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
