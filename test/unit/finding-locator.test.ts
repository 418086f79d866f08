import { describe, expect, it } from 'vitest';
import {
  findingAt,
  findingLocator,
  locatorDocument,
  viaHref,
  type ViaLookup,
} from '../../src/lib/finding-locator';
import type { Via } from '../../src/schemas/common';

const note = {
  shortTitle: { en: 'COP 17 note', zh: '第十七届缔约方会议说明' },
  bibliographic: { symbol: 'ICCD/COP(17)/8' },
};
const study = { shortTitle: { en: 'A study', zh: '一项研究' }, bibliographic: {} };
const lookup: ViaLookup = (id) =>
  ({ 'iccd-cop17-8': note, 'a-study': study })[id as 'iccd-cop17-8' | 'a-study'];

const viaNote: Via = {
  title: 'ICCD/COP(17)/8: the note',
  publisher: 'UNCCD',
  source: 'iccd-cop17-8',
};
const paragraph10 = { kind: 'paragraph', ref: '10' } as const;

describe('the locator of a finding', () => {
  it("is the source's own for a primary finding: a bare ¶ in each language", () => {
    const finding = { locator: paragraph10, status: 'primary' } as const;
    expect(findingLocator(finding, 'en', lookup)).toBe('¶10');
    expect(findingLocator(finding, 'zh', lookup)).toBe('第10段');
  });

  it('names the document a second-hand finding was read in, by its symbol', () => {
    const finding = { locator: paragraph10, status: 'secondary', via: viaNote } as const;
    expect(findingLocator(finding, 'en', lookup)).toBe('ICCD/COP(17)/8 ¶10');
    expect(findingLocator(finding, 'zh', lookup)).toBe('ICCD/COP(17)/8 第10段');
    const footnote = { ...finding, locator: { kind: 'footnote', ref: '8' } } as const;
    expect(findingLocator(footnote, 'en', lookup)).toBe('ICCD/COP(17)/8 footnote 8');
  });

  it('falls back to the short title of an entry without a symbol, then to the title read', () => {
    const inStudy = {
      locator: { kind: 'page', ref: '12' },
      status: 'secondary',
      via: { title: 'A study', publisher: 'X', source: 'a-study' },
    } as const;
    expect(findingLocator(inStudy, 'zh', lookup)).toBe('一项研究 第12页');
    const inPaper = {
      locator: { kind: 'page', ref: '3' },
      status: 'secondary',
      via: { title: 'Daily News', publisher: 'X', url: 'https://example.org/story' },
    } as const;
    expect(findingLocator(inPaper, 'en', lookup)).toBe('Daily News p. 3');
  });

  it('leaves a web locator as it is: the page read names itself', () => {
    const finding = {
      locator: {
        kind: 'web',
        ref: 'WB',
        label: { en: 'World Bank infographic', zh: '世界银行信息图' },
      },
      status: 'secondary',
      via: { title: 'Infographic', publisher: 'World Bank', url: 'https://www.worldbank.org/x' },
    } as const;
    expect(locatorDocument(finding, 'en', lookup)).toBeUndefined();
    expect(findingLocator(finding, 'en', lookup)).toBe('World Bank infographic');
  });

  it('does not name the document twice when the label already does', () => {
    const finding = {
      locator: {
        kind: 'section',
        ref: 'Summary',
        label: { en: 'Summary of ICCD/COP(17)/8', zh: 'ICCD/COP(17)/8 概要' },
      },
      status: 'secondary',
      via: viaNote,
    } as const;
    expect(findingLocator(finding, 'en', lookup)).toBe('Summary of ICCD/COP(17)/8');
    expect(findingLocator(finding, 'zh', lookup)).toBe('ICCD/COP(17)/8 概要');
  });
});

describe('the "read in" link', () => {
  it('is the address read, else the atlas page of the document read, in the language and base', () => {
    expect(viaHref({ ...viaNote, url: 'https://example.org/doc' }, 'en')).toBe(
      'https://example.org/doc',
    );
    expect(viaHref(viaNote, 'en')).toBe('/sources/iccd-cop17-8/');
    expect(viaHref(viaNote, 'zh', '/atlas/')).toBe('/atlas/zh/sources/iccd-cop17-8/');
  });

  it("goes to the document read's own finding at the same place, when there is one", () => {
    const findings = [
      { id: 'fao-groundswell-g7', locator: { kind: 'paragraph', ref: '10' } },
      { id: 'footnote', locator: { kind: 'footnote', ref: '10' } },
    ] as const;
    const at = findingAt(paragraph10, findings);
    expect(at).toBe('fao-groundswell-g7');
    expect(viaHref(viaNote, 'zh', '/', at)).toBe(
      '/zh/sources/iccd-cop17-8/#finding-fao-groundswell-g7',
    );
    expect(findingAt({ kind: 'paragraph', ref: '4(a)' }, findings)).toBeUndefined();
  });
});
