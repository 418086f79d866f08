/**
 * The atlas itself as a citable work: one CSL record for the release, from
 * `src/lib/release.ts`, formatted by citation-js like every other reference.
 * `CITATION.cff` at the repository root says the same (checked by a test).
 */
import type { CslItem } from './citations';
import { ATLAS_TITLE, RELEASE } from './release';

/** The CSL record of the atlas release; `url` is its home page. */
export function atlasCsl(url: string): CslItem & { version: string } {
  return {
    id: 'dldd-migration-atlas',
    'citation-key': 'dldd-migration-atlas',
    type: 'dataset',
    title: ATLAS_TITLE,
    author: [{ literal: `${ATLAS_TITLE} contributors` }],
    issued: { 'date-parts': [RELEASE.date.split('-').map(Number)] },
    version: RELEASE.version,
    URL: url,
    language: 'en',
  };
}
