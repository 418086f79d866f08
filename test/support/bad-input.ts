/**
 * The bad-input corpus: `test/fixtures/bad-input/<case>/` holds the files that
 * make one case (laid over the good fixtures) and `case.json`, which says
 * what must happen: the build `fails` with each of the given lines (paths
 * relative to the case's content root), or the build succeeds and the
 * `renders.text` payloads appear as literal text on `renders.pages`.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = 'test/fixtures/bad-input';
const GOOD = 'test/fixtures/content/good';
/** Prose pages come from the real content: the fixtures have none. */
const PAGES = 'content/pages';
const WORK = '.cache/bad-input';

export interface BadInputCase {
  name: string;
  description: string;
  fails?: string[];
  renders?: { pages: string[]; text: string[] };
}

export function corpus(): BadInputCase[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      name: d.name,
      ...(JSON.parse(readFileSync(join(CORPUS, d.name, 'case.json'), 'utf8')) as Omit<
        BadInputCase,
        'name'
      >),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Lays the case over the good fixtures in a fresh folder; returns that content root. */
export function assemble(name: string): string {
  const root = join(WORK, name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(GOOD, root, { recursive: true });
  if (existsSync(PAGES)) cpSync(PAGES, join(root, 'pages'), { recursive: true });
  cpSync(join(CORPUS, name), root, {
    recursive: true,
    filter: (src) => !src.endsWith('case.json'),
  });
  return root;
}
