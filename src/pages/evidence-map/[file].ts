/**
 * The evidence map's data files, under `evidence-map/`:
 * - `index.json`: every finding placed on the map's axes (ids and numbers; both languages);
 * - `details-<lang>-<n>.json`: the texts of findings n × chunk … in one language,
 *   fetched when a list of findings or a download needs them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { encodeDetails, encodeIndex } from '../../lib/evidence-map/codec';
import { detailsFile, INDEX_FILE } from '../../lib/evidence-map/model';
import { getDetails, getEvidence } from '../../lib/content/evidence-map';
import { LANGS } from '../../lib/i18n';

export const getStaticPaths = (async () => {
  const { index } = await getEvidence();
  const files: { params: { file: string }; props: { body: unknown } }[] = [
    { params: { file: INDEX_FILE }, props: { body: encodeIndex(index) } },
  ];
  const sourceOf = index.findings.map((f) => index.sources[f.source]?.id ?? '');
  for (const lang of LANGS) {
    (await getDetails(lang)).forEach((chunk, n) => {
      const ids = sourceOf.slice(n * index.chunk, (n + 1) * index.chunk);
      files.push({
        params: { file: detailsFile(lang, n) },
        props: { body: encodeDetails(chunk, ids) },
      });
    });
  }
  return files;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: unknown }> = ({ props }) =>
  new Response(JSON.stringify(props.body), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
