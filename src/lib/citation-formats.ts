/**
 * The citation file formats the atlas writes and reads, written once: file
 * extension, name, media type and citation-js input format. Dependency-free,
 * so the search page's download script may import it; the serialisers, which
 * need citation-js, are in `citations.ts`.
 */
export const CITATION_FORMATS = {
  bib: { label: 'BibTeX', type: 'application/x-bibtex', citationJs: '@bibtex/text' },
  ris: { label: 'RIS', type: 'application/x-research-info-systems', citationJs: '@ris/file' },
  json: {
    label: 'CSL-JSON',
    type: 'application/vnd.citationstyles.csl+json',
    citationJs: '@csl/list+object',
  },
} as const;

/** A citation format, by its file extension: "bib", "ris" or "json". */
export type CitationFormat = keyof typeof CITATION_FORMATS;

/** The formats in the order pages list them. */
export const CITATION_FORMAT_IDS = Object.keys(CITATION_FORMATS) as CitationFormat[];

/** Whether `ext` is one of the formats. */
export const isCitationFormat = (ext: string): ext is CitationFormat =>
  Object.hasOwn(CITATION_FORMATS, ext);
