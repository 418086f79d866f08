/**
 * `npm run release:notes`: prints the "### Content" section of the current
 * release (src/lib/release.ts) for CHANGELOG.md, from the content's `added`
 * and `updated` dates since the previous release in the changelog.
 */
import { readFileSync } from 'node:fs';
import { validateContent } from '../src/lib/content/validate.ts';
import { changelogReleases, contentNotes, type NotedSource } from '../src/lib/release-notes.ts';
import { RELEASE } from '../src/lib/release.ts';

const { entries, problems } = validateContent('content');
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const previous = changelogReleases(readFileSync('CHANGELOG.md', 'utf8')).find(
  (r) => r.date < RELEASE.date,
);
const sources = entries
  .filter((e) => e.collection === 'sources')
  .map((e) => {
    const d = e.data as unknown as Omit<NotedSource, 'id' | 'shortTitle' | 'findings'> & {
      shortTitle: { en: string };
      findings: unknown[];
    };
    return {
      id: e.id,
      shortTitle: d.shortTitle.en,
      findings: d.findings.length,
      added: d.added,
      updated: d.updated,
    };
  });
process.stdout.write(contentNotes(sources, { from: previous?.date, to: RELEASE.date }));
