/** /strings.json and /zh/strings.json: the words of the header's search box and offline indicator. */
import type { APIRoute } from 'astro';
import { langPaths } from '../../lib/content/store';
import { HEADER_STRING_KEYS } from '../../lib/search/strings';

export const getStaticPaths = langPaths;

export const GET: APIRoute = ({ locals: { t } }) => {
  const strings = Object.fromEntries(HEADER_STRING_KEYS.map((k) => [k, t(k)]));
  return new Response(JSON.stringify(strings), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
