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
  type CiteList,
  type CiteWriter,
} from '../../src/lib/cite-files';
import type { FindingRecords } from '../../src/lib/citation-formats';
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
  it('writes each stem in BibTeX, RIS and CSL-JSON, and each source’s findings’ records in one file', () => {
    const out = mkdtempSync(join(tmpdir(), 'atlas-cite-'));
    try {
      const list: CiteList = {
        files: [{ stem: 'atlas', records: [item('a'), item('b')] }],
        findings: [
          {
            source: 'a',
            findings: [
              { id: 'f1', record: item('a:f1') },
              { id: 'f2', record: item('a:f2') },
            ],
          },
        ],
      };
      const written = writeCiteFiles(out, list);
      // Each file written, with the size and hash the save manifest takes on trust.
      expect(written.map(([path]) => path).sort()).toEqual([
        'cite/atlas.bib',
        'cite/atlas.json',
        'cite/atlas.ris',
        'cite/findings/a.json',
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
        'findings',
      ]);
      const read = (f: string) => readFileSync(join(out, 'cite', f), 'utf8');
      expect(read('atlas.bib')).toBe(toBibtex([item('a'), item('b')]));
      expect(read('atlas.ris')).toBe(toRis([item('a'), item('b')]));
      // Each finding's record, in each format, exactly as a file of that format holds it.
      const records = JSON.parse(read('findings/a.json')) as FindingRecords;
      expect(Object.keys(records)).toEqual(['f1', 'f2']);
      expect(records['f2']).toEqual({
        bib: toBibtex([item('a:f2')]),
        ris: toRis([item('a:f2')]),
        json: toCslJson([item('a:f2')]),
      });
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
