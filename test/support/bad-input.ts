/**
 * The bad-input corpus: `test/fixtures/bad-input/<case>/` holds the files
 * that make one case — `content/…` laid over the good content fixtures,
 * `geo/…` laid over the valid map definitions — and `case.json`, which says
 * what must happen: the build `fails` with each of the given lines (paths
 * relative to the case's folder), or the build succeeds and the
 * `renders.text` payloads appear as literal text on `renders.pages`.
 *
 * A case with content only is checked with the content validator in process
 * (the build runs the same validator first); cases with map definitions,
 * `renders` cases and those marked `build` go through a real build.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { validateContent } from '../../src/lib/content/validate';

const CORPUS = 'test/fixtures/bad-input';
const GOOD_CONTENT = 'test/fixtures/content/good';
const GOOD_GEO = 'test/fixtures/geo/defs-valid';
/** Prose pages come from the real content: the fixtures have none. */
const PAGES = 'content/pages';
const WORK = '.cache/bad-input';

export interface BadInputCase {
  name: string;
  description: string;
  fails?: string[];
  renders?: { pages: string[]; text: string[] };
  /** Also run a real build for this content case: proves that the build runs the validator. */
  build?: boolean;
  /** True when the case has map definitions (`geo/`), which only a build checks. */
  geo: boolean;
}

export function corpus(): BadInputCase[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      name: d.name,
      geo: existsSync(join(CORPUS, d.name, 'geo')),
      ...(JSON.parse(readFileSync(join(CORPUS, d.name, 'case.json'), 'utf8')) as Omit<
        BadInputCase,
        'name' | 'geo'
      >),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Lays the case over the good fixtures in a fresh folder. */
export function assemble(name: string): { root: string; content: string; geo: string } {
  const root = join(WORK, name);
  const content = join(root, 'content');
  const geo = join(root, 'geo');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(GOOD_CONTENT, content, { recursive: true });
  if (existsSync(PAGES)) cpSync(PAGES, join(content, 'pages'), { recursive: true });
  if (existsSync(GOOD_GEO)) cpSync(GOOD_GEO, geo, { recursive: true });
  for (const part of ['content', 'geo']) {
    const overlay = join(CORPUS, name, part);
    if (existsSync(overlay)) cpSync(overlay, join(root, part), { recursive: true });
  }
  return { root, content, geo };
}

/**
 * Validates a content case in-process, as the build's first step does, and
 * compares the problems with the case's `fails` lines: those not reported,
 * and those reported for another reason. The dangling links that an invalid
 * entry leaves behind (entries that point at it) are not another reason.
 */
export function checkContentCase(name: string): { missing: string[]; unexpected: string[] } {
  const expected = corpus().find((c) => c.name === name)?.fails;
  if (expected === undefined) throw new Error(`no failing bad-input case "${name}"`);
  const { root, content } = assemble(name);
  const { problems } = validateContent(content);
  const lines = expected.map((line) => `${root}/${line}`);
  return {
    missing: lines.filter((line) => !problems.some((p) => p.startsWith(line))),
    unexpected: problems.filter(
      (p) => !lines.some((line) => p.startsWith(line)) && !p.endsWith('(dangling reference)'),
    ),
  };
}
