/**
 * The citation file formats the atlas writes and reads, written once: file
 * extension, name and media type. Dependency-free, so the search page's
 * download script may import it; what needs citation-js (the serialisers in
 * `citations.ts`, the parsers in `content/add-source.ts`) is keyed by it.
 */
export const CITATION_FORMATS = {
  bib: { label: 'BibTeX', type: 'application/x-bibtex' },
  ris: { label: 'RIS', type: 'application/x-research-info-systems' },
  json: { label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json' },
} as const;

/** A citation format, by its file extension: "bib", "ris" or "json". */
export type CitationFormat = keyof typeof CITATION_FORMATS;

/** Whether `ext` is one of the formats. */
export const isCitationFormat = (ext: string): ext is CitationFormat =>
  Object.hasOwn(CITATION_FORMATS, ext);

/**
 * A source's findings' citation records, as `cite/findings/<source>.json`
 * holds them: by finding id, the finding's record as text in every format,
 * exactly as a file of that format would hold it.
 */
export type FindingRecords = Record<string, Record<CitationFormat, string>>;
