/**
 * Validates every content entry before the build and reports every problem
 * at once, one line each: `file: field: what was expected`.
 *
 * Astro's content layer applies the same schemas, but stops at the first bad
 * entry and does not check that references resolve. This runs first (from the
 * `validate-content` integration) so an author sees the whole list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, YAMLException } from 'js-yaml';
import { z } from 'astro/zod';
import type { CollectionName, RefFn } from '../../schemas/common';
import { makeGlossarySchema } from '../../schemas/glossary';
import { makeInitiativeSchema } from '../../schemas/initiatives';
import { makeRegionSchema } from '../../schemas/regions';
import { makeSourceSchema } from '../../schemas/sources';
import { unlocatedFigures } from './figures';
import { hedgeGuard } from './hedges';
import { parityProblems } from './parity';
import { memoOnFolders } from '../folder-memo';
import { unlocatedQuantityWords } from './quantity-words';
import { isUnder, placeholderPaths } from './placeholders';
import { ENTRY_ID } from '../ids';

const COLLECTIONS: readonly CollectionName[] = ['sources', 'initiatives', 'regions', 'glossary'];

/** A reference as written in frontmatter: the id of the entry (its file name). */
const ref: RefFn = () => z.string().regex(ENTRY_ID, 'the id of an entry (its file name)');

const SCHEMAS = {
  sources: makeSourceSchema(ref),
  initiatives: makeInitiativeSchema(ref),
  regions: makeRegionSchema(ref),
  glossary: makeGlossarySchema(ref),
} satisfies Record<CollectionName, z.ZodType>;

export interface Entry {
  collection: CollectionName;
  id: string;
  file: string;
  data: Record<string, unknown>;
}

/** Splits a markdown file into its YAML frontmatter, or explains why it cannot. */
export function readFrontmatter(text: string): { data: unknown } | { error: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  if (!match) return { error: 'frontmatter: expected a YAML block between two "---" lines' };
  try {
    return { data: load(match[1] ?? '') };
  } catch (error) {
    const reason = error instanceof YAMLException ? error.reason : String(error);
    const line = error instanceof YAMLException ? ` (line ${(error.mark?.line ?? 0) + 1})` : '';
    return { error: `frontmatter: malformed YAML${line}: ${reason}` };
  }
}

/** Renders a zod issue path as `findings[2].locator.ref`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
}

/** Turns zod's wording into "what was expected". */
export function formatIssue(issue: z.core.$ZodIssue): string {
  const field = formatPath(issue.path) || '(entry)';
  const message = issue.message;
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  if (missing) return `${field}: required (expected ${missing[1]})`;
  if (issue.code === 'unrecognized_keys') {
    return `${field}: unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `${field}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  const invalid = /^(?:Invalid input|Too small|Too big): (.*)$/.exec(message);
  if (invalid) return `${field}: ${invalid[1]}`;
  return `${field}: expected ${message}`;
}

/** Reads the entries of one collection folder. Problems go to `problems`. */
export function loadCollection(
  root: string,
  collection: CollectionName,
  problems: string[],
): Entry[] {
  const dir = join(root, collection);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const entries: Entry[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = relative(process.cwd(), join(dir, name));
    if (!name.endsWith('.md')) {
      if (!name.startsWith('.')) problems.push(`${file}: (file): expected a .md file`);
      continue;
    }
    const id = name.slice(0, -'.md'.length);
    if (!ENTRY_ID.test(id)) {
      problems.push(`${file}: (id): expected a file name in lower case with hyphens`);
    }
    const clash = seen.get(id.toLowerCase());
    if (clash) problems.push(`${file}: (id): duplicate id "${id}" (also ${clash})`);
    seen.set(id.toLowerCase(), file);

    const parsed = readFrontmatter(readFileSync(join(dir, name), 'utf8'));
    if ('error' in parsed) {
      problems.push(`${file}: ${parsed.error}`);
      continue;
    }
    // Placeholders left by `npm run add:source` are named as such, instead of
    // whatever the schema would say about a "TODO" where a value belongs.
    const todos = placeholderPaths(parsed.data);
    for (const todo of todos) {
      problems.push(
        `${file}: ${formatPath(todo.path) || '(entry)'}: expected a value in place of the placeholder "${todo.value}" (left by npm run add:source)`,
      );
    }
    const result = SCHEMAS[collection].safeParse(parsed.data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        if (todos.some((todo) => isUnder(issue.path, todo.path))) continue;
        problems.push(`${file}: ${formatIssue(issue)}`);
      }
      continue;
    }
    if (todos.length > 0) continue;
    entries.push({ collection, id, file, data: result.data });
  }
  return entries;
}

type Index = Record<CollectionName, Map<string, Entry>>;

/** Checks that every link names an existing entry of the right collection. */
function checkLinks(entry: Entry, index: Index, problems: string[]): void {
  const check = (field: string, collection: CollectionName, id: unknown) => {
    if (typeof id === 'string' && !index[collection].has(id)) {
      problems.push(`${entry.file}: ${field}: no ${collection} entry "${id}" (dangling reference)`);
    }
  };
  const each = (field: string, collection: CollectionName) => {
    const value = entry.data[field];
    if (Array.isArray(value)) value.forEach((id, i) => check(`${field}[${i}]`, collection, id));
  };
  const d = entry.data;
  switch (entry.collection) {
    case 'sources':
      each('regions', 'regions');
      each('initiatives', 'initiatives');
      each('cites', 'sources');
      (d['cites'] as string[]).forEach((id, i) => {
        if (id === entry.id)
          problems.push(`${entry.file}: cites[${i}]: a source cannot cite itself`);
      });
      (d['findings'] as { via?: { source?: string } }[]).forEach((f, i) => {
        const field = `findings[${i}].via.source`;
        check(field, 'sources', f.via?.source);
        if (f.via?.source === entry.id)
          problems.push(`${entry.file}: ${field}: a finding cannot be read via its own source`);
      });
      break;
    case 'initiatives': {
      each('sources', 'sources');
      each('regions', 'regions');
      const launched = d['launched'] as { source: string } | undefined;
      if (launched) check('launched.source', 'sources', launched.source);
      (d['targets'] as { source: string }[]).forEach((t, i) =>
        check(`targets[${i}].source`, 'sources', t.source),
      );
      break;
    }
    case 'regions':
      each('sources', 'sources');
      break;
    case 'glossary':
      check('source', 'sources', d['source']);
      break;
  }
}

interface LocatedText {
  findings?: { text: { en: string; zh: string } }[];
  targets?: { label: { en: string; zh: string }; value: number }[];
}

/** The texts whose figures are located: findings of the given sources, and targets. */
function locatedTexts(lang: 'en' | 'zh', owners: LocatedText[]): string[] {
  return owners.flatMap((o) => [
    ...(o.findings ?? []).map((f) => f.text[lang]),
    ...(o.targets ?? []).map((t) => `${t.label[lang]} ${t.value}`),
  ]);
}

/**
 * Figures and words of quantity ("most", "all", "half") in summaries, rationales
 * and descriptions must appear in a located finding or target.
 */
function checkFigures(entry: Entry, index: Index, problems: string[]): void {
  const d = entry.data;
  const sourcesOf = (ids: unknown) =>
    (Array.isArray(ids) ? ids : [])
      .map((id) => index.sources.get(String(id))?.data as LocatedText | undefined)
      .filter((x): x is LocatedText => x !== undefined);
  let fields: [string, { en: string; zh: string }][];
  let owners: LocatedText[];
  if (entry.collection === 'sources') {
    const link = d['dlddLink'] as { rationale: { en: string; zh: string } };
    fields = [
      ['summary', d['summary'] as { en: string; zh: string }],
      ['dlddLink.rationale', link.rationale],
    ];
    owners = [d];
  } else if (entry.collection === 'initiatives' || entry.collection === 'regions') {
    fields = [['description', d['description'] as { en: string; zh: string }]];
    owners = [d, ...sourcesOf(d['sources'])];
  } else {
    fields = [['definition', d['definition'] as { en: string; zh: string }]];
    owners = sourcesOf([d['source']]);
  }
  for (const [field, text] of fields) {
    for (const lang of ['en', 'zh'] as const) {
      const located = locatedTexts(lang, owners);
      const missing = unlocatedFigures(text[lang], located);
      if (missing.length > 0) {
        problems.push(
          `${entry.file}: ${field}.${lang}: figure(s) ${missing.join(', ')} not found in any located finding or target (add the finding with its locator, or remove the figure)`,
        );
      }
      const words = unlocatedQuantityWords(text[lang], located, lang);
      if (words.length > 0) {
        problems.push(
          `${entry.file}: ${field}.${lang}: word(s) of quantity ${words.map((w) => `"${w}"`).join(', ')} not found in any located finding or target (say it only where a finding does)`,
        );
      }
    }
  }
}

interface WordedFinding {
  text: { en: string; zh: string };
  quote?: { en?: string; zh?: string };
  locator: { label?: { en: string; zh: string } };
}

/**
 * Each finding is no surer than its quotation (the hedge guard), and its
 * English and Chinese carry the same numbers, paragraph locators and document
 * symbols, in the text and in the locator's label.
 */
function checkWording(entry: Entry, problems: string[]): void {
  if (entry.collection !== 'sources') return;
  (entry.data['findings'] as WordedFinding[]).forEach((f, i) => {
    for (const lang of ['en', 'zh'] as const) {
      const quote = f.quote?.[lang];
      if (quote === undefined) continue;
      for (const missing of hedgeGuard(f.text[lang], quote, lang))
        problems.push(`${entry.file}: findings[${i}].text.${lang}: expected ${missing}`);
    }
    for (const problem of parityProblems(f.text))
      problems.push(`${entry.file}: findings[${i}].text: ${problem}`);
    if (f.locator.label) {
      for (const problem of parityProblems(f.locator.label))
        problems.push(`${entry.file}: findings[${i}].locator.label: ${problem}`);
    }
  });
}

/** Ids that must be unique inside an entry (finding and target anchors). */
function checkAnchors(entry: Entry, problems: string[]): void {
  for (const field of ['findings', 'targets']) {
    const list = entry.data[field];
    if (!Array.isArray(list)) continue;
    const seen = new Set<string>();
    list.forEach((item: { id: string }, i) => {
      if (seen.has(item.id)) {
        problems.push(`${entry.file}: ${field}[${i}].id: duplicate id "${item.id}" in this entry`);
      }
      seen.add(item.id);
    });
  }
}

/** A DOI names one work: two sources with the same DOI are one source entered twice. */
function checkDois(entries: Entry[], problems: string[]): void {
  const seen = new Map<string, string>();
  for (const entry of entries) {
    if (entry.collection !== 'sources') continue;
    const doi = (entry.data['bibliographic'] as { doi?: string }).doi;
    if (doi === undefined) continue;
    const key = doi.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`${entry.file}: bibliographic.doi: DOI "${doi}" is already used by ${first}`);
    } else seen.set(key, entry.file);
  }
}

/** Validates the content under `root` (default `content/`). Returns one line per problem. */
export function validateContent(root = 'content'): { problems: string[]; entries: Entry[] } {
  const problems: string[] = [];
  const entries = COLLECTIONS.flatMap((c) => loadCollection(root, c, problems));
  const index = Object.fromEntries(
    COLLECTIONS.map((c) => [
      c,
      new Map(entries.filter((e) => e.collection === c).map((e) => [e.id, e])),
    ]),
  ) as Index;
  for (const entry of entries) {
    checkLinks(entry, index, problems);
    checkAnchors(entry, problems);
    checkFigures(entry, index, problems);
    checkWording(entry, problems);
  }
  checkDois(entries, problems);
  return { problems, entries };
}

/**
 * `validateContent`, once per build: the content integration validates before
 * anything is built, and the map layers (`geo/content.ts`) read the same
 * entries instead of parsing every file again.
 */
export const validatedContent = (root = 'content'): { problems: string[]; entries: Entry[] } =>
  memoOnFolders('dldd-atlas.content', [root], () => validateContent(root));
