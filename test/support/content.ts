/** The content of a folder as the data tables read it, loaded by the stand-alone validator (no Astro). */
import { toCsl } from '../../src/lib/citations';
import { validateContent } from '../../src/lib/content/validate';
import type { DataContext, DataSource } from '../../src/lib/data/rows';

/** The sources of `root`, parsed by their schema; fails on any content problem. */
export function dataSources(root = 'content'): DataSource[] {
  const { entries, problems } = validateContent(root);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return entries
    .filter((e) => e.collection === 'sources')
    .map((e) => ({ id: e.id, ...(e.data as unknown as Omit<DataSource, 'id'>) }));
}

/** A data context for tests: the CSL record the site uses, pages under `origin`. */
export function testContext(origin = 'https://atlas.example/'): DataContext {
  return {
    csl: (s) =>
      toCsl({ id: s.id, title: s.title.en, type: s.type, bibliographic: s.bibliographic }),
    pageUrl: (s) => `${origin}sources/${s.id}/`,
  };
}
