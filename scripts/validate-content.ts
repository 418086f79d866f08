/**
 * `npm run validate [-- folder]`: checks every content entry, as the build
 * does first, and prints one line per problem (file: field: what was
 * expected). Fast: no Astro, no build. Exit code 1 when anything is wrong.
 */
import { validateContent } from '../src/lib/content/validate.ts';

const root = process.argv[2] ?? 'content';
const { problems, entries } = validateContent(root);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} problem(s) in ${root}/`);
  process.exit(1);
}
console.log(`${entries.length} entries in ${root}/: no problems`);
