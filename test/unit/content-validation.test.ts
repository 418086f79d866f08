import { describe, expect, it } from 'vitest';
import { formatPath, readFrontmatter, validateContent } from '../../src/lib/content/validate';

const FIXTURES = 'test/fixtures/content';

describe('content validation', () => {
  it('accepts complete entries of every collection', () => {
    const { problems, entries } = validateContent(`${FIXTURES}/good`);
    expect(problems).toEqual([]);
    expect(entries.map((e) => `${e.collection}/${e.id}`).sort()).toEqual([
      'glossary/good-term',
      'initiatives/good-initiative',
      'regions/good-region',
      'sources/good-note',
      'sources/good-research',
      'sources/good-study',
    ]);
  });

  it('reports every problem of bad entries, one line each, naming file and field', () => {
    const { problems } = validateContent(`${FIXTURES}/bad`);
    expect(problems).toMatchSnapshot();
  });

  it('names the field of a wrong value in a single malformed entry', () => {
    const { problems } = validateContent(`${FIXTURES}/malformed`);
    expect(problems).toEqual([
      'test/fixtures/content/malformed/sources/good-study.md: bibliographic.issued: expected a date as YYYY, YYYY-MM or YYYY-MM-DD',
      'test/fixtures/content/malformed/sources/good-note.md: cites[0]: no sources entry "good-study" (dangling reference)',
    ]);
  });

  it('explains a file without frontmatter', () => {
    expect(readFrontmatter('# Just a heading\n')).toEqual({
      error: 'frontmatter: expected a YAML block between two "---" lines',
    });
  });

  it('writes issue paths as fields', () => {
    expect(formatPath(['findings', 2, 'locator', 'ref'])).toBe('findings[2].locator.ref');
  });
});
