import { describe, expect, it } from 'vitest';
import { astroBuild } from '../support/astro';

/** Builds over a fixture content folder. */
const buildWith = (contentDir: string) =>
  astroBuild('.cache/fixture-dist', { ATLAS_CONTENT_DIR: contentDir });

describe('a build over bad content', () => {
  it('fails, naming the file and the field of the malformed entry', () => {
    const { status, output } = buildWith('test/fixtures/content/malformed');
    expect(status).not.toBe(0);
    expect(output).toContain(
      'test/fixtures/content/malformed/sources/good-study.md: bibliographic.issued: expected a date as YYYY, YYYY-MM or YYYY-MM-DD',
    );
  });

  it('lists every problem, one line each', () => {
    const { status, output } = buildWith('test/fixtures/content/bad');
    expect(status).not.toBe(0);
    expect(output).toMatch(/Invalid content: \d+ problem\(s\)/);
    expect(output).toContain('bad-fields.md: bibliographic.url: expected an absolute https: URL');
    expect(output).toContain(
      'Bad_Term.md: source: no sources entry "nowhere" (dangling reference)',
    );
  });
});
