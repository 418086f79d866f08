/**
 * The citation files: written from the rendered list, every record in every
 * format, and the list handed to whoever the build named to write them.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CITE_WRITER,
  handOverCiteFiles,
  writeCiteFiles,
  type CiteFile,
  type CiteWriter,
} from '../../src/lib/cite-files';
import { toBibtex, toCslJson, toRis, type CslItem } from '../../src/lib/citations';

const item = (id: string): CslItem => ({
  id,
  'citation-key': id,
  type: 'report',
  title: `Report ${id}`,
  issued: { 'date-parts': [[2024]] },
  author: [{ literal: 'UNCCD' }],
});

const global = globalThis as { [CITE_WRITER]?: CiteWriter };
afterEach(() => {
  delete global[CITE_WRITER];
});

describe('writeCiteFiles', () => {
  it('writes each stem in BibTeX, RIS and CSL-JSON, making its folders', () => {
    const out = mkdtempSync(join(tmpdir(), 'atlas-cite-'));
    try {
      const files: CiteFile[] = [
        { stem: 'atlas', records: [item('a'), item('b')] },
        { stem: 'finding/a/f1', records: [item('a')] },
      ];
      expect(writeCiteFiles(out, files)).toBe(6);
      expect(readdirSync(join(out, 'cite')).sort()).toEqual([
        'atlas.bib',
        'atlas.json',
        'atlas.ris',
        'finding',
      ]);
      const read = (f: string) => readFileSync(join(out, 'cite', f), 'utf8');
      expect(read('atlas.bib')).toBe(toBibtex([item('a'), item('b')]));
      expect(read('atlas.ris')).toBe(toRis([item('a'), item('b')]));
      expect(read('finding/a/f1.json')).toBe(toCslJson([item('a')]));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('handOverCiteFiles', () => {
  it('gives the list to the build’s writer, and does nothing without one (astro dev)', () => {
    expect(() => handOverCiteFiles('[]')).not.toThrow();
    const got: string[] = [];
    global[CITE_WRITER] = { write: (list) => got.push(list) };
    handOverCiteFiles('[{"stem":"atlas","records":[]}]');
    expect(got).toEqual(['[{"stem":"atlas","records":[]}]']);
  });
});
