/**
 * The list of the citation files and their records. In a build it is handed
 * to the citations worker, which writes the files under `/cite/` while the
 * other pages render; `src/integrations/cite.ts` then removes the list (see
 * `src/lib/content/cite-files.ts`).
 */
import type { APIRoute } from 'astro';
import { handOverCiteFiles } from '../../lib/cite-files';
import { citeFiles } from '../../lib/content/cite-files';

export const GET: APIRoute = async () => {
  const list = JSON.stringify(await citeFiles());
  handOverCiteFiles(list);
  return new Response(list, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
