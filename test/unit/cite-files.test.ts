/**
 * The citation files: written from the rendered list, every record in every
 * format, with the sizes and hashes the save manifest takes, and the list
 * handed to whoever the build named to write them.
 */
import { createHash } from 'node:crypto';
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
      const written = writeCiteFiles(out, files);
      // Each file written, with the size and hash the save manifest takes on trust.
      expect(written.map(([path]) => path).sort()).toEqual([
        'cite/atlas.bib',
        'cite/atlas.json',
        'cite/atlas.ris',
        'cite/finding/a/f1.bib',
        'cite/finding/a/f1.json',
        'cite/finding/a/f1.ris',
      ]);
      for (const [path, bytes, hash] of written) {
        const content = readFileSync(join(out, path));
        expect(bytes, path).toBe(content.length);
        expect(hash, path).toBe(createHash('sha256').update(content).digest('hex').slice(0, 16));
      }
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
