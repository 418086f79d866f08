/** Highwire tags and JSON-LD from a CSL record: types, names, pages, PDFs, and safe JSON. */
import { describe, expect, it } from 'vitest';
import { highwireTags, jsonLd, jsonLdText, schemaType } from '../../src/lib/citation-meta';
import { toCsl, type CitableSource } from '../../src/lib/citations';

const decision: CitableSource = {
  id: 'decision-23-cop16',
  title: 'Desertification, land degradation and drought and migration',
  type: 'decision',
  bibliographic: {
    authors: [{ literal: 'Conference of the Parties' }],
    issued: '2024-12',
    publisher: 'UNCCD',
    symbol: 'ICCD/COP(16)/23/Add.1',
    url: 'https://www.unccd.int/sites/default/files/2025-02/23-cop16.PDF',
    originalLanguage: 'en',
  },
};

describe('Highwire tags', () => {
  it('give a UN document as a report with its symbol and a PDF where the URL is one', () => {
    const tags = highwireTags(toCsl(decision));
    expect(tags).toContainEqual(['citation_technical_report_number', 'ICCD/COP(16)/23/Add.1']);
    expect(tags).toContainEqual(['citation_technical_report_institution', 'UNCCD']);
    expect(tags).toContainEqual(['citation_publication_date', '2024/12']);
    expect(tags).toContainEqual(['citation_pdf_url', decision.bibliographic.url]);
  });

  it('name no PDF for a web page', () => {
    const page = {
      ...decision,
      bibliographic: { ...decision.bibliographic, url: 'https://www.unccd.int/news' },
    };
    expect(highwireTags(toCsl(page)).map(([n]) => n)).not.toContain('citation_pdf_url');
  });
});

describe('JSON-LD', () => {
  it('types a COP decision as Legislation, with its symbol as identifier', () => {
    const ld = jsonLd(toCsl(decision), 'https://atlas.example/sources/decision-23-cop16/');
    expect(schemaType(toCsl(decision))).toBe('Legislation');
    expect(ld['legislationIdentifier']).toBe('ICCD/COP(16)/23/Add.1');
    expect(ld['datePublished']).toBe('2024-12');
  });

  it('is written so that no text can close the script element', () => {
    const hostile = toCsl({ ...decision, title: '</script><script>alert(1)</script> & more' });
    const text = jsonLdText(jsonLd(hostile, 'https://atlas.example/x/'));
    expect(text).not.toMatch(/[<>&]/);
    expect((JSON.parse(text) as { name: string }).name).toBe(hostile.title);
  });
});
