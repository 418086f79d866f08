/**
 * What reference managers and scholarly search engines read on a source
 * page, made from the same CSL record as the citation downloads: Highwire
 * Press `citation_*` meta tags (read by Zotero's embedded-metadata translator
 * and Google Scholar) and a schema.org JSON-LD block.
 */
import type { CslItem } from './citations';

type CslName = NonNullable<CslItem['author']>[number];

/** A name as Highwire writes it: "Family, Given", or the institution. */
const highwireName = (n: CslName): string =>
  'literal' in n ? n.literal : `${n.family}, ${n.given}`;

/** A CSL date as Highwire writes it: YYYY, YYYY/MM or YYYY/MM/DD. */
const highwireDate = (item: CslItem): string =>
  item.issued['date-parts'][0]
    .map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0')))
    .join('/');

/** A CSL date as ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD. */
const isoDate = (item: CslItem): string => highwireDate(item).replace(/\//g, '-');

/** First and last page of a CSL page range ("904–912" → ["904", "912"]). */
function pageRange(page: string | undefined): { first?: string; last?: string } {
  if (page === undefined) return {};
  const [first, last] = page.split(/[–-]/);
  return { ...(first ? { first } : {}), ...(last ? { last } : {}) };
}

/** The address of a PDF of the source, if its `https:` URL is one. */
function pdfUrl(item: CslItem): string | undefined {
  if (item.URL === undefined) return undefined;
  const url = new URL(item.URL);
  return url.protocol === 'https:' && /\.pdf$/i.test(url.pathname) ? item.URL : undefined;
}

/** Highwire Press tags of a CSL record, in the order Zotero and Scholar document them. */
export function highwireTags(item: CslItem): [name: string, content: string][] {
  const tags: [string, string][] = [['citation_title', item.title]];
  for (const a of item.author ?? []) tags.push(['citation_author', highwireName(a)]);
  for (const e of item.editor ?? []) tags.push(['citation_editor', highwireName(e)]);
  tags.push(['citation_publication_date', highwireDate(item)]);
  const container = item['container-title'];
  if (item.type === 'article-journal' && container)
    tags.push(['citation_journal_title', container]);
  if (item.type === 'chapter' && container) tags.push(['citation_inbook_title', container]);
  if (item.type === 'report') {
    if (item.publisher) tags.push(['citation_technical_report_institution', item.publisher]);
    if (item.number) tags.push(['citation_technical_report_number', item.number]);
  } else {
    if (item.publisher) tags.push(['citation_publisher', item.publisher]);
  }
  if (item.volume) tags.push(['citation_volume', item.volume]);
  if (item.issue) tags.push(['citation_issue', item.issue]);
  const { first, last } = pageRange(item.page);
  if (first) tags.push(['citation_firstpage', first]);
  if (last) tags.push(['citation_lastpage', last]);
  if (item.DOI) tags.push(['citation_doi', item.DOI]);
  if (item.ISBN) tags.push(['citation_isbn', item.ISBN]);
  if (item.language) tags.push(['citation_language', item.language]);
  const pdf = pdfUrl(item);
  if (pdf) tags.push(['citation_pdf_url', pdf]);
  return tags;
}

/** The schema.org type of a CSL record: decisions and declarations are Legislation. */
export function schemaType(item: CslItem): string {
  if (item.genre === 'Decision' || item.genre === 'Declaration') return 'Legislation';
  switch (item.type) {
    case 'article-journal':
      return 'ScholarlyArticle';
    case 'chapter':
      return 'Chapter';
    case 'book':
      return 'Book';
    case 'dataset':
      return 'Dataset';
    default:
      return 'Report';
  }
}

const person = (n: CslName) =>
  'literal' in n
    ? { '@type': 'Organization', name: n.literal }
    : {
        '@type': 'Person',
        familyName: n.family,
        givenName: n.given,
        name: `${n.given} ${n.family}`,
      };

/** The schema.org JSON-LD of a CSL record; `page` is the atlas page that describes it. */
export function jsonLd(item: CslItem, page: string): Record<string, unknown> {
  const type = schemaType(item);
  const out: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': type,
    mainEntityOfPage: page,
    name: item.title,
    datePublished: isoDate(item),
  };
  if (item.author) out['author'] = item.author.map(person);
  if (item.editor) out['editor'] = item.editor.map(person);
  if (item.publisher) {
    out['publisher'] = {
      '@type': 'Organization',
      name: item.publisher,
      ...(item['publisher-place'] ? { location: item['publisher-place'] } : {}),
    };
  }
  const container = item['container-title'];
  if (item.type === 'article-journal' && container) {
    let part: Record<string, unknown> = { '@type': 'Periodical', name: container };
    if (item.volume)
      part = { '@type': 'PublicationVolume', volumeNumber: item.volume, isPartOf: part };
    if (item.issue) part = { '@type': 'PublicationIssue', issueNumber: item.issue, isPartOf: part };
    out['isPartOf'] = part;
  } else if (item.type === 'chapter' && container) {
    out['isPartOf'] = { '@type': 'Book', name: container };
  } else if (container) {
    out['isPartOf'] = { '@type': 'CreativeWork', name: container };
  }
  if (item['collection-title'])
    out['isPartOf'] ??= { '@type': 'CreativeWorkSeries', name: item['collection-title'] };
  const { first, last } = pageRange(item.page);
  if (item.page) out['pagination'] = item.page;
  if (first) out['pageStart'] = first;
  if (last) out['pageEnd'] = last;
  if (item.number) {
    if (type === 'Report') out['reportNumber'] = item.number;
    else if (type === 'Legislation') out['legislationIdentifier'] = item.number;
    else out['identifier'] = item.number;
  }
  if (item.genre) out['genre'] = item.genre;
  if (item.DOI) {
    out['sameAs'] = `https://doi.org/${item.DOI}`;
    out['identifier'] = { '@type': 'PropertyValue', propertyID: 'DOI', value: item.DOI };
  }
  if (item.ISBN) out['isbn'] = item.ISBN;
  if (item.URL) out['url'] = item.URL;
  const pdf = pdfUrl(item);
  if (pdf)
    out['encoding'] = {
      '@type': 'MediaObject',
      encodingFormat: 'application/pdf',
      contentUrl: pdf,
    };
  if (item.language) out['inLanguage'] = item.language;
  return out;
}

/**
 * JSON for a `<script type="application/ld+json">` data block: `<`, `>` and
 * `&` are written as Unicode escapes, so no text can close the element or
 * read as markup, and the JSON means the same.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
