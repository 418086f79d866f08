/** Downloads the citations of the sources among a search's results, as one file. */
import {
  citationFileUrl,
  combineCitations,
  EXPORT_FORMATS,
  exportFileName,
  sourceIdOf,
  type ExportExt,
} from '../../search/export';

const isExt = (ext: string): ext is ExportExt => Object.hasOwn(EXPORT_FORMATS, ext);

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
  if (!isExt(ext)) throw new Error(`unknown export format ${ext}`);
  const ids = [...new Set(urls.map((u) => sourceIdOf(u, base)).filter((id) => id !== undefined))];
  if (ids.length === 0) return undefined;
  const files = await Promise.all(
    ids.map(async (id) => {
      const response = await fetch(citationFileUrl(id, ext, base));
      if (!response.ok) throw new Error(`${response.status} for ${id}.${ext}`);
      return response.text();
    }),
  );
  const blob = new Blob([combineCitations(ext, files)], { type: EXPORT_FORMATS[ext].type });
  const name = exportFileName(query, ext);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return { name, count: ids.length };
}
