/**
 * `npm run add:source -- record.bib [--id some-id] [--content folder]`: writes
 * content/sources/<id>.md from one BibTeX, RIS or CSL-JSON record, with the
 * bibliographic record filled in and everything else as placeholders that
 * the build refuses (see src/lib/content/add-source.ts). A malformed record,
 * a DOI already in the atlas or an id that is taken is a clear error, and
 * nothing is written.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { draftEntry, formatOf, parseRecord, RecordError } from '../src/lib/content/add-source.ts';

function fail(message: string): never {
  console.error(`add:source: ${message}; nothing written.`);
  process.exit(1);
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) fail(`--${name} needs a value`);
  args.splice(at, 2);
  return value;
};
const id = option('id');
const root = option('content') ?? 'content';
const [file, ...rest] = args;
if (file === undefined || rest.length > 0) {
  fail(
    'usage: npm run add:source -- record.bib|record.ris|record.json [--id id] [--content folder]',
  );
}
const format = formatOf(file);
if (!format) fail(`${file}: expected a .bib (BibTeX), .ris (RIS) or .json (CSL-JSON) file`);
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch {
  fail(`${file}: cannot read the file`);
}

const dir = join(root, 'sources');
const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.md')) : [];
const taken = new Set(names.map((n) => n.slice(0, -3).toLowerCase()));
const dois = new Map<string, string>();
for (const name of names) {
  const body = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, name), 'utf8'))?.[1];
  try {
    const doi = (load(body ?? '') as { bibliographic?: { doi?: unknown } } | null)?.bibliographic
      ?.doi;
    if (typeof doi === 'string') dois.set(doi.toLowerCase(), relative('.', join(dir, name)));
  } catch {
    // An entry that does not parse is the validator's to report.
  }
}

try {
  const draft = draftEntry(parseRecord(text, format), {
    from: file,
    added: new Date().toISOString().slice(0, 10),
    taken,
    dois,
    ...(id === undefined ? {} : { id }),
  });
  const out = join(dir, `${draft.id}.md`);
  writeFileSync(out, draft.markdown, { flag: 'wx' });
  console.log(
    `Wrote ${relative('.', out)} (${draft.type}): fill in its ${draft.placeholders} placeholders, then npm run validate.`,
  );
} catch (error) {
  if (error instanceof RecordError) fail(`${file}: ${error.message}`);
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') fail(`${dir}: no such folder`);
  throw error;
}
