/** Downloads the citations of sources as one file: a search's results, an evidence map cell. */
import { CITATION_FORMATS, isCitationFormat } from '../../citation-formats';
import { citationFileUrl, combineCitations, exportFileName, sourceIdOf } from '../../search/export';
import { saveFile } from '../save';

/** Fetches `cite/<id>.<ext>` for every id, joins them and saves them as `name`. */
export async function downloadSourceCitations(
  ids: readonly string[],
  ext: string,
  name: string,
  base: string,
): Promise<void> {
  if (!isCitationFormat(ext)) throw new Error(`unknown export format ${ext}`);
  const files = await Promise.all(
    ids.map(async (id) => {
      const response = await fetch(citationFileUrl(id, ext, base));
      if (!response.ok) throw new Error(`${response.status} for ${id}.${ext}`);
      return response.text();
    }),
  );
  saveFile(name, combineCitations(ext, files), CITATION_FORMATS[ext].type);
}

/**
 * Fetches `cite/<id>.<ext>` for every source among `urls` (other results are
 * skipped), joins them and saves the file. Returns what was saved, or
 * undefined when no result is a source.
 */
export async function downloadCitations(
  urls: readonly string[],
  ext: string,
  query: string,
  base: string,
): Promise<{ name: string; count: number } | undefined> {
  if (!isCitationFormat(ext)) throw new Error(`unknown export format ${ext}`);
  const ids = [...new Set(urls.map((u) => sourceIdOf(u, base)).filter((id) => id !== undefined))];
  if (ids.length === 0) return undefined;
  const name = exportFileName(query, ext);
  await downloadSourceCitations(ids, ext, name, base);
  return { name, count: ids.length };
}
