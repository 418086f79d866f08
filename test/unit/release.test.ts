/**
 * One release everywhere: CITATION.cff validates against the Citation File
 * Format 1.2.0 schema (as shipped by the `cffjs` package) and names the
 * version and date of src/lib/release.ts; the changelog's newest release is
 * that release, and its content section lists what the content's dates say.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { validateCFF } from 'cffjs';
import { describe, expect, it } from 'vitest';
import { atlasCsl } from '../../src/lib/atlas-citation';
import { formatReference } from '../../src/lib/citations';
import { ATLAS_TITLE, buildDate, RELEASE } from '../../src/lib/release';
import {
  changelogReleases,
  contentNotes,
  contentSection,
  type NotedSource,
} from '../../src/lib/release-notes';
import { dataSources } from '../support/content';

const cff = load(readFileSync('CITATION.cff', 'utf8')) as Record<string, unknown>;
const changelog = readFileSync('CHANGELOG.md', 'utf8');

describe('CITATION.cff', () => {
  it('is valid Citation File Format 1.2.0', () => {
    expect(cff['cff-version']).toBe('1.2.0');
    expect(() => validateCFF(structuredClone(cff))).not.toThrow();
  });

  it('would fail the schema with a field it does not define or a wrong type', () => {
    expect(() => validateCFF({ ...structuredClone(cff), edition: 'x' })).toThrow(/additional/i);
    expect(() => validateCFF({ ...structuredClone(cff), authors: 'the team' })).toThrow();
  });

  it('cites the release of src/lib/release.ts, as the site does', () => {
    expect(cff['version']).toBe(RELEASE.version);
    expect(cff['date-released']).toBe(RELEASE.date);
    expect(cff['title']).toBe(ATLAS_TITLE);
    const csl = atlasCsl('https://atlas.example/');
    expect(cff['authors']).toEqual(
      (csl.author ?? []).map((a) => ('literal' in a ? { name: a.literal } : a)),
    );
    expect(formatReference(csl, 'apa')).toContain(RELEASE.version);
  });
});

describe('the changelog', () => {
  const releases = changelogReleases(changelog);

  it('has the release of src/lib/release.ts on top', () => {
    expect(releases[0]).toMatchObject({ version: RELEASE.version, date: RELEASE.date });
  });

  it("lists the sources added and revised in that release, from the content's dates", () => {
    const previous = releases.find((r) => r.date < RELEASE.date);
    const sources: NotedSource[] = dataSources('content').map((s) => ({
      id: s.id,
      shortTitle: s.shortTitle.en,
      findings: s.findings.length,
      added: s.added,
      updated: s.updated,
    }));
    expect(
      contentSection(releases[0]?.body ?? ''),
      'CHANGELOG.md: paste the output of `npm run release:notes` as the release\'s "### Content"',
    ).toBe(contentNotes(sources, { from: previous?.date, to: RELEASE.date }));
  });
});

describe('the release notes', () => {
  const s = (id: string, added: string, updated?: string): NotedSource => ({
    id,
    shortTitle: id.toUpperCase(),
    findings: 2,
    added,
    updated,
  });
  const notes = contentNotes(
    [
      s('old', '2026-01-01'),
      s('new', '2026-06-01'),
      s('revised', '2026-01-01', '2026-05-01'),
      s('later', '2026-07-01'),
    ],
    { from: '2026-03-01', to: '2026-06-30' },
  );

  it('count the sources added and revised since the previous release, and no later ones', () => {
    expect(notes).toContain('Sources added: 1, with 2 findings.');
    expect(notes).toContain('- `new` — NEW (2 findings)');
    expect(notes).toContain('- `revised` — REVISED (2 findings; revised 2026-05-01)');
    expect(notes).not.toContain('`old`');
    expect(notes).not.toContain('`later`');
  });
});

describe('the build date', () => {
  it('is SOURCE_DATE_EPOCH when set, so a tag rebuilds to the same files', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1764547200' }).toISOString()).toBe(
      '2025-12-01T00:00:00.000Z',
    );
    expect(buildDate({}).getTime()).toBeGreaterThan(Date.parse('2026-01-01'));
  });
});
