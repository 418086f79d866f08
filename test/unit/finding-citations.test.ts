/** A finding's citation carries its locator, formatted by citeproc; its record carries it in `note`. */
import { describe, expect, it } from 'vitest';
import { parseCitations, toBibtex, toRis } from '../../src/lib/citations';
import { article, secretariatNote } from '../support/csl';
import { dataSources, testContext } from '../support/content';
import {
  citeFinding,
  citeFindingDirect,
  citeSource,
  cslLocator,
  findingCsl,
  locatorText,
} from '../../src/lib/finding-citations';

const note = secretariatNote;

describe('the citation of a finding', () => {
  it('carries the paragraph in APA and Harvard', () => {
    const para = { kind: 'paragraph', ref: '9' } as const;
    expect(citeFinding(note, para, 'apa')).toBe('(UNCCD secretariat, 2026, para. 9)');
    expect(citeFinding(note, para, 'harvard1')).toBe('(UNCCD secretariat, 2026, para. 9)');
  });

  it('uses each style’s author form and citeproc’s locator labels and ranges', () => {
    const pages = { kind: 'page', ref: '12-14' } as const;
    expect(citeFinding(article, pages, 'apa')).toBe('(Hoffmann et al., 2020, pp. 12–14)');
    expect(citeFinding(article, pages, 'harvard1')).toBe(
      '(Hoffmann, Dimitrova and Muttarak, 2020, pp. 12–14)',
    );
    expect(citeFinding(article, { kind: 'table', ref: '2' }, 'apa')).toBe(
      '(Hoffmann et al., 2020, tbl. 2)',
    );
  });

  it('names a section by its English label, and kinds CSL lacks as the atlas writes them', () => {
    const section = {
      kind: 'section',
      ref: 'II.B',
      label: { en: 'Key messages', zh: '要点' },
    } as const;
    expect(citeFinding(note, section, 'apa')).toBe('(UNCCD secretariat, 2026, sec. Key messages)');
    expect(cslLocator({ kind: 'abstract', ref: 'abstract' })).toEqual({ suffix: ', abstract' });
    expect(citeFinding(article, { kind: 'abstract', ref: 'abstract' }, 'apa')).toBe(
      '(Hoffmann et al., 2020, abstract)',
    );
    expect(citeFinding(note, { kind: 'criterion', ref: '3' }, 'apa')).toBe(
      '(UNCCD secretariat, 2026, criterion 3)',
    );
  });

  it('is what citeproc writes, cluster by cluster, for every finding of the atlas and hard locators', () => {
    const context = testContext();
    const hard = [
      { kind: 'paragraph', ref: '8-10' },
      { kind: 'paragraph', ref: '8, 10' },
      { kind: 'paragraph', ref: '23(a)–(b)' },
      { kind: 'page', ref: '12' },
      { kind: 'page', ref: 'xii' },
      { kind: 'page', ref: '3 & 5' },
      { kind: 'footnote', ref: '4' },
      { kind: 'figure', ref: '2.1' },
      { kind: 'section', ref: 'III', label: { en: 'Conclusions and recommendations', zh: '结论' } },
    ] as const;
    let compared = 0;
    for (const source of dataSources()) {
      const item = context.csl(source);
      for (const loc of [...source.findings.map((f) => f.locator), ...hard]) {
        for (const style of ['apa', 'harvard1'] as const) {
          expect(citeFinding(item, loc, style), `${source.id} ${loc.kind} ${loc.ref}`).toBe(
            citeFindingDirect(item, loc, style),
          );
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('is the source citation plus the locator', () => {
    expect(citeSource(note, 'apa')).toBe('(UNCCD secretariat, 2026)');
    expect(locatorText({ kind: 'footnote', ref: '4' })).toBe('n. 4');
  });
});

describe('the record of one finding', () => {
  const record = findingCsl(
    note,
    { id: 'central-asia-study', locator: { kind: 'paragraph', ref: '9' } },
    'https://atlas.example/sources/iccd-cop17-8/#finding-central-asia-study',
  );

  it('is the source record under the finding id, with the locator and permalink in note', () => {
    expect(record.id).toBe('iccd-cop17-8:central-asia-study');
    expect(record.title).toBe(note.title);
    expect(record.number).toBe('ICCD/COP(17)/8');
    expect(record.note).toBe(
      'Cited at para. 9; finding: https://atlas.example/sources/iccd-cop17-8/#finding-central-asia-study',
    );
  });

  it('keeps the locator through BibTeX (note) and RIS (N1)', () => {
    const bib = toBibtex([record]);
    expect(bib).toContain('@techreport{iccd-cop17-8:central-asia-study,');
    expect(parseCitations(bib)[0]?.note).toContain('Cited at para. 9');
    const ris = toRis([record]);
    expect(ris).toMatch(/^N1 {2}- Cited at para\. 9; finding: https:\/\/atlas\.example\//m);
  });
});
