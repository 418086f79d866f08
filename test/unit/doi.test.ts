/**
 * DOIs: every DOI in content/ is well formed (10.NNNN/suffix, no resolver
 * prefix) and names one source only; the validator refuses a malformed DOI
 * and a DOI given to two sources, naming file and field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontmatter, validateContent } from '../../src/lib/content/validate';
import { doiPattern } from '../../src/schemas/sources';
import { assemble } from '../support/bad-input';

const SOURCES = 'content/sources';

/** The DOI of every source file as written, whether or not the rest of the entry is valid. */
const written = readdirSync(SOURCES)
  .filter((name) => name.endsWith('.md'))
  .flatMap((name) => {
    const parsed = readFrontmatter(readFileSync(join(SOURCES, name), 'utf8'));
    const doi =
      'data' in parsed
        ? (parsed.data as { bibliographic?: { doi?: unknown } }).bibliographic?.doi
        : undefined;
    return doi === undefined
      ? []
      : [{ file: name, doi: typeof doi === 'string' ? doi : JSON.stringify(doi) }];
  });

describe('DOIs in content/', () => {
  it('are there: research entries carry them', () => {
    expect(written.length).toBeGreaterThan(0);
  });

  it('are each well formed, without a resolver prefix', () => {
    expect(written.filter((w) => !doiPattern.test(w.doi))).toEqual([]);
  });

  it('each name one source only (DOIs are case-insensitive)', () => {
    const byDoi = new Map<string, string[]>();
    for (const w of written)
      byDoi.set(w.doi.toLowerCase(), [...(byDoi.get(w.doi.toLowerCase()) ?? []), w.file]);
    expect([...byDoi.entries()].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});

describe('the DOI rules', () => {
  it.each(['10.1038/s41558-020-0898-6', '10.4054/DemRes.2019.41.18', '10.25932/publishup-49982'])(
    'accept %s',
    (doi) => expect(doiPattern.test(doi)).toBe(true),
  );

  it.each([
    'https://doi.org/10.1038/s41558-020-0898-6',
    'doi:10.1038/s41558-020-0898-6',
    '10.1038 /s41558',
    '10.12/short-registrant',
    '10.1038/',
    '11.1038/s41558',
  ])('refuse %s', (doi) => expect(doiPattern.test(doi)).toBe(false));

  it('refuse a malformed DOI in an entry, naming file and field', () => {
    const { root, content } = assemble('malformed-doi');
    expect(validateContent(content).problems).toContain(
      `${root}/content/sources/good-research.md: bibliographic.doi: expected a DOI such as 10.4060/cd7067en, without https://doi.org/`,
    );
  });

  it('refuse a DOI that a second source gives again, in any case', () => {
    const { root, content } = assemble('duplicate-doi');
    expect(validateContent(content).problems).toContain(
      `${root}/content/sources/good-study.md: bibliographic.doi: DOI "10.5555/GOOD-RESEARCH" is already used by ${root}/content/sources/good-research.md`,
    );
  });
});
