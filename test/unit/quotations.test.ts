import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate';

const DIR = 'test/fixtures/provenance';
/** Whitespace and quotation marks differ between copies; the words must not. */
const normalise = (text: string) => text.replace(/\s+/g, '').replace(/[“”"'‘’]/g, '');
const corpus = normalise(
  [
    ...readdirSync(`${DIR}/seeds`).map((f) => readFileSync(`${DIR}/seeds/${f}`, 'utf8')),
    readFileSync(`${DIR}/evidence-dossier.md`, 'utf8'),
  ].join('\n'),
);

interface Quoted {
  findings: { id: string; quote?: { en?: string; zh?: string } }[];
}

const quotes = validateContent().entries.flatMap((entry) =>
  entry.collection !== 'sources'
    ? []
    : (entry.data as unknown as Quoted).findings.flatMap((f) =>
        Object.entries(f.quote ?? {}).map(([lang, text]) => ({
          at: `${entry.file} ${f.id} (${lang})`,
          text,
        })),
      ),
);

describe('quotations', () => {
  it('exist in the content', () => {
    expect(quotes.length).toBeGreaterThan(20);
  });

  it.each(quotes)('$at is verbatim in a seed document or the dossier', ({ text }) => {
    // An ellipsis marks an omission: each part must be verbatim.
    for (const part of text.split('…').map(normalise).filter(Boolean))
      expect(corpus).toContain(part);
  });
});
