/**
 * Downloads of a search's results as one citation file: the build writes
 * `cite/<source-id>.{bib,ris,json}` for every source, and the search page
 * fetches those of the sources found and joins them here.
 */
import type { CitationFormat } from '../citation-formats';
import { normaliseBase } from '../paths';

/** The source id of a result URL ("/atlas/zh/sources/groundswell-2021/#x" → "groundswell-2021"). */
export function sourceIdOf(url: string, base = '/'): string | undefined {
  const path = url.split(/[?#]/)[0] ?? '';
  const root = normaliseBase(base);
  if (!path.startsWith(root)) return undefined;
  const match = /^(?:zh\/)?sources\/([a-z0-9-]+)\/?$/.exec(path.slice(root.length));
  return match?.[1];
}

/** The URL of one source's citation file. */
export function citationFileUrl(id: string, ext: CitationFormat, base = '/'): string {
  return `${normaliseBase(base)}cite/${id}.${ext}`;
}

/** Joins per-source files into one: records one after another, or one CSL-JSON array. */
export function combineCitations(ext: CitationFormat, files: readonly string[]): string {
  if (ext === 'json') {
    const items = files.flatMap((f) => JSON.parse(f) as unknown[]);
    return JSON.stringify(items, null, 2) + '\n';
  }
  const records = files.map((f) => f.trim()).filter(Boolean);
  return records.length === 0 ? '' : records.join('\n\n') + '\n';
}

/** A file name for the download, from the query: "atlas-search-groundswell.bib". */
export function exportFileName(query: string, ext: CitationFormat): string {
  const slug = query
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `atlas-search${slug ? `-${slug}` : ''}.${ext}`;
}
