/**
 * `npm run add:source`: one BibTeX, RIS or CSL-JSON record becomes a draft
 * entry with the bibliographic record filled and every other field a
 * placeholder the validator refuses; a malformed record, a DOI in use or a
 * taken id is a clear error and writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deriveId,
  draftEntry,
  formatOf,
  parseRecord,
  RecordError,
  type RecordFormat,
} from '../../src/lib/content/add-source';
import { readFrontmatter, validateContent } from '../../src/lib/content/validate';

const FIXTURES = 'test/fixtures/add-source';
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
/** Under the project, so that the validator's file names (relative to it) are as a maintainer sees them. */
const work = join('.cache', 'add-source-test');
rmSync(work, { recursive: true, force: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh content folder with an empty sources collection. */
function contentDir(name: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'sources'), { recursive: true });
  return dir;
}

const draft = (
  name: string,
  options: { taken?: string[]; dois?: [string, string][]; id?: string } = {},
) =>
  draftEntry(parseRecord(read(name), formatOf(name) as RecordFormat), {
    from: join(FIXTURES, name),
    added: '2026-12-01',
    taken: new Set(options.taken ?? []),
    dois: new Map(options.dois ?? []),
    ...(options.id === undefined ? {} : { id: options.id }),
  });

const frontmatter = (markdown: string) => {
  const parsed = readFrontmatter(markdown);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.data as {
    type: string;
    title: { en: string };
    bibliographic: Record<string, unknown>;
  };
};

describe('add:source on a record', () => {
  it.each([
    ['record.bib', 'borderon-2019', 'journal-article'],
    ['record.ris', 'zhou-2024', 'journal-article'],
    ['record.json', 'sedova-2021', 'working-paper'],
  ])(
    '%s gives the entry %s, a %s, that the validator refuses only for its placeholders',
    (name, id, type) => {
      const d = draft(name);
      expect([d.id, d.type]).toEqual([id, type]);
      const dir = contentDir(`valid-${id}`);
      writeFileSync(join(dir, 'sources', `${d.id}.md`), d.markdown);
      const { problems, entries } = validateContent(dir);
      expect(entries).toEqual([]);
      expect(problems.length).toBe(d.placeholders);
      for (const line of problems) {
        expect(line).toMatch(
          new RegExp(
            `^${dir}/sources/${id}\\.md: [\\w.\\[\\]]+: expected a value in place of the placeholder "TODO`,
          ),
        );
      }
      for (const field of [
        'title.zh',
        'study.design',
        'findings[0].effect.direction',
        'findings[0].readAt.url',
      ]) {
        expect(
          problems.some((p) => p.includes(`: ${field}: `)),
          field,
        ).toBe(true);
      }
    },
  );

  it('fills the record of a journal article: authors, journal, volume, pages, DOI', () => {
    const d = frontmatter(draft('record.bib').markdown);
    expect(d.title.en).toBe(
      'Migration influenced by environmental change in Africa: A systematic review of empirical evidence',
    );
    expect(d.bibliographic).toMatchObject({
      issued: '2019-08',
      container: 'Demographic Research',
      volume: '41',
      pages: '491–544',
      doi: '10.4054/DemRes.2019.41.18',
    });
    expect((d.bibliographic['authors'] as unknown[]).length).toBe(6);
    expect((d.bibliographic['authors'] as unknown[])[0]).toEqual({
      family: 'Borderon',
      given: 'Marion',
    });
  });

  it('fills the pages of a RIS record from its start and end pages, and keeps an https URL', () => {
    const d = frontmatter(draft('record.ris').markdown);
    expect(d.bibliographic).toMatchObject({
      issued: '2024',
      pages: '41–100',
      url: 'https://www.demographic-research.org/articles/volume/50/2',
      doi: '10.4054/DemRes.2024.50.2',
    });
  });

  it('makes a report with a series number a working paper, with its series and number', () => {
    const d = frontmatter(draft('record.json').markdown);
    expect(d.type).toBe('working-paper');
    expect(d.bibliographic).toMatchObject({
      issued: '2021-03',
      series: 'CEPA Discussion Paper',
      number: '29',
      publisher: 'Center for Economic Policy Analysis, University of Potsdam',
    });
    expect((d.bibliographic['authors'] as unknown[])[0]).toEqual({
      family: 'Šedová',
      given: 'Barbora',
    });
  });
});

describe('add:source refuses', () => {
  it.each([
    ['malformed.bib', /^not a valid BibTeX record \(citation-js: /],
    ['malformed.ris', /^no title$/],
    ['malformed.json', /^not valid JSON: /],
  ])('%s with a clear reason', (name, reason) => {
    expect(() => draft(name)).toThrow(RecordError);
    expect(() => draft(name)).toThrow(reason);
  });

  it('a DOI that a source of the atlas already has', () => {
    expect(() =>
      draft('record.bib', { dois: [['10.4054/demres.2019.41.18', 'content/sources/x.md']] }),
    ).toThrow('the DOI 10.4054/DemRes.2019.41.18 is already used by content/sources/x.md');
  });

  it('an id that is taken, or not an id', () => {
    expect(() => draft('record.ris', { id: 'hoffmann-2020', taken: ['hoffmann-2020'] })).toThrow(
      'the id "hoffmann-2020" is already taken by an entry',
    );
    expect(() => draft('record.ris', { id: 'Zhou 2024' })).toThrow(
      'is not a lower-case id with hyphens',
    );
  });

  it('a type of record the atlas does not hold', () => {
    const thesis = JSON.stringify({
      type: 'thesis',
      title: 'T',
      author: [{ literal: 'A' }],
      issued: { 'date-parts': [[2020]] },
    });
    expect(() =>
      draftEntry(parseRecord(thesis, 'json'), {
        from: 'x.json',
        added: '2026-12-01',
        taken: new Set(),
        dois: new Map(),
      }),
    ).toThrow('CSL type "thesis" is not one the atlas holds');
  });
});

describe('ids of new entries', () => {
  const bib = (authors: unknown[]) => ({ authors, issued: '2021-03' });

  it('come from the first author and the year, in ASCII', () => {
    expect(deriveId(bib([{ family: 'Šedová', given: 'Barbora' }]), new Set())).toBe('sedova-2021');
    expect(deriveId(bib([{ family: 'Crespo Cuaresma', given: 'Jesus' }]), new Set())).toBe(
      'crespo-cuaresma-2021',
    );
    expect(deriveId(bib([{ literal: 'Internal Displacement Monitoring Centre' }]), new Set())).toBe(
      'internal-displacement-monitoring-2021',
    );
  });

  it('take "-b", "-c"… while the id is taken', () => {
    expect(deriveId(bib([{ family: 'Roe', given: 'R' }]), new Set(['roe-2021']))).toBe(
      'roe-2021-b',
    );
    expect(
      deriveId(bib([{ family: 'Roe', given: 'R' }]), new Set(['roe-2021', 'roe-2021-b'])),
    ).toBe('roe-2021-c');
  });

  it('are asked for when a name has no ASCII letters', () => {
    expect(() => deriveId(bib([{ family: 'Себенцов', given: 'А.Б.' }]), new Set())).toThrow(
      'give one with --id',
    );
  });
});

describe('the add:source command', () => {
  const run = (...args: string[]) =>
    spawnSync('npm', ['run', '-s', 'add:source', '--', ...args], { encoding: 'utf8' });

  it('writes content/sources/<id>.md from a record file', () => {
    const dir = contentDir('cli-ok');
    const { status, stdout, stderr } = run(join(FIXTURES, 'record.ris'), '--content', dir);
    expect(status, stderr).toBe(0);
    expect(stdout).toContain('zhou-2024.md (journal-article): fill in its');
    expect(readdirSync(join(dir, 'sources'))).toEqual(['zhou-2024.md']);
    expect(readFileSync(join(dir, 'sources', 'zhou-2024.md'), 'utf8')).toBe(
      draft('record.ris')
        .markdown.replace('on 2026-12-01', `on ${new Date().toISOString().slice(0, 10)}`)
        .replace("added: '2026-12-01'", `added: '${new Date().toISOString().slice(0, 10)}'`),
    );
  });

  it.each(['malformed.bib', 'malformed.ris', 'malformed.json'])(
    'fails on %s with the reason, and writes nothing',
    (name) => {
      const dir = contentDir(`cli-${name}`);
      const { status, stderr } = run(join(FIXTURES, name), '--content', dir);
      expect(status).toBe(1);
      expect(stderr).toMatch(
        new RegExp(
          `^add:source: ${FIXTURES}/${name.replace('.', '\\.')}: .+; nothing written\\.$`,
          'm',
        ),
      );
      expect(readdirSync(join(dir, 'sources'))).toEqual([]);
    },
  );

  it('fails when the DOI is in the atlas already, and writes nothing', () => {
    const dir = contentDir('cli-dup');
    expect(run(join(FIXTURES, 'record.bib'), '--content', dir).status).toBe(0);
    const again = run(join(FIXTURES, 'record.bib'), '--content', dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('is already used by');
    expect(readdirSync(join(dir, 'sources'))).toEqual(['borderon-2019.md']);
  });
});
