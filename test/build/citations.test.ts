import { describe, expect, it } from 'vitest';
import type { FindingRecords } from '../../src/lib/citation-formats';
import { parseCitations, type CslItem } from '../../src/lib/citations';
import { validateContent } from '../../src/lib/content/validate';
import { isResearchType, type SourceType } from '../../src/schemas/sources';
import { listFiles, read } from '../support/dist';

const files = listFiles().filter((f) => f.startsWith('cite/'));
const library = JSON.parse(read('cite/atlas.json')) as CslItem[];
const byId = new Map(library.map((item) => [item.id, item]));

/** What must survive a round trip: title, year, symbol (as number), DOI and URL. */
const essentials = (item: CslItem) => ({
  title: item.title,
  year: item.issued['date-parts'][0]?.[0],
  number: item.number,
  DOI: item.DOI,
  URL: item.URL,
});

describe('citation exports in dist/cite', () => {
  it('cover every source in three formats, plus the library and its subsets', () => {
    for (const id of byId.keys()) {
      for (const ext of ['bib', 'ris', 'json']) expect(files).toContain(`cite/${id}.${ext}`);
    }
    expect(files.filter((f) => f.startsWith('cite/subset/')).length).toBeGreaterThan(30);
  });

  it.each(files)('%s parses back with citation-js to the same records', (file) => {
    // A source's findings' records: each its source's, under `<source>:<finding>`, in each format.
    const findings = /^cite\/findings\/([^/]+)\.json$/.exec(file);
    if (findings) {
      const source = findings[1] ?? '';
      const records = Object.entries(JSON.parse(read(file)) as FindingRecords);
      expect(records.length).toBeGreaterThan(0);
      for (const [finding, texts] of records) {
        for (const [ext, text] of Object.entries(texts)) {
          const parsed = parseCitations(text);
          expect(parsed, `${file}: ${finding}.${ext}`).toHaveLength(1);
          const [item] = parsed;
          if (ext !== 'ris') {
            expect(String(item?.['citation-key'] ?? item?.id)).toBe(`${source}:${finding}`);
          }
          expect(essentials(item!)).toEqual(essentials(byId.get(source)!));
        }
      }
      return;
    }
    const parsed = parseCitations(read(file));
    expect(parsed.length).toBeGreaterThan(0);
    for (const item of parsed) {
      // BibTeX keys and CSL ids are the atlas ids; RIS caps ID at 20 characters.
      const id = String(item['citation-key'] ?? item.id);
      const original =
        byId.get(id) ??
        (file.endsWith('.ris') && id.length === 20
          ? library.find(
              (candidate) => candidate.id.startsWith(id) && candidate.title === item.title,
            )
          : undefined);
      expect(original, `${file}: unknown record ${id}`).toBeDefined();
      expect(essentials(item)).toEqual(essentials(original!));
    }
  });
});

/** The research entries of content/, with their bibliographic records as written. */
const research = validateContent('content')
  .entries.filter((e) => e.collection === 'sources' && isResearchType(e.data['type'] as SourceType))
  .map((e) => ({
    id: e.id,
    bib: e.data['bibliographic'] as {
      doi?: string;
      container?: string;
      volume?: string;
      pages?: string;
    },
  }));
/** Page ranges compared whatever the dash: BibTeX writes "--", RIS and CSL keep "-" or "–". */
const dashes = (pages: string | undefined) => pages?.replace(/--|[–—]/g, '-');

describe('the citation exports of each study', () => {
  it('exist for every research entry', () => {
    expect(research.length).toBeGreaterThan(0);
  });

  it.each(
    research.flatMap((r) =>
      ['bib', 'ris', 'json'].map((ext) => [`cite/${r.id}.${ext}`, r] as const),
    ),
  )('%s parses back with its DOI, container, volume and pages', (file, { bib }) => {
    const parsed = parseCitations(read(file));
    expect(parsed.length).toBe(1);
    const [item] = parsed as [CslItem];
    expect({
      DOI: item.DOI,
      container: item['container-title'],
      volume: item.volume,
      pages: dashes(item.page),
    }).toEqual({
      DOI: bib.doi,
      container: bib.container,
      volume: bib.volume,
      pages: dashes(bib.pages),
    });
  });
});
