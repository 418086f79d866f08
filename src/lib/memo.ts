/**
 * Named memo tables for the build's costly pure conversions (citeproc's
 * references and citations, BibTeX, RIS), keyed by their input as text.
 *
 * A build fills them ahead of time on the machine's other core:
 * `src/integrations/cite.ts` starts a worker thread when the build starts,
 * which formats every source's citations (`src/lib/citations-ahead.ts`),
 * from the last source to the first, posting what it has made as it goes, and
 * leaves a handle on `globalThis`. A lookup that misses, in any copy of this
 * module (the build bundles the pages apart from the integrations), first
 * takes what the worker has posted since, without waiting; what is still
 * missing is computed in place. Pages are built from the first source on, so
 * the two meet in the middle. The tables change how fast a build is, never
 * what it writes.
 */

/** The entries of every table, as the worker posts them. */
export type MemoTables = Record<string, [string, string][]>;

/** What the build leaves on `globalThis` under `AHEAD`. */
export interface MemoHandover {
  /** What the worker has posted since the last call, without waiting. */
  drain(): MemoTables[];
  /** Values computed in place: keys the worker had not filled. */
  misses: number;
}

/** The `globalThis` key of the build's handover. */
export const AHEAD = Symbol.for('atlas:memo-ahead');

const tables = new Map<string, Map<string, string>>();
/** How many entries of each table `newEntries` has already given. */
const given = new Map<string, number>();

function tableOf(name: string): Map<string, string> {
  let table = tables.get(name);
  if (!table) {
    table = new Map();
    tables.set(name, table);
  }
  return table;
}

/** Adds what the worker has posted, if there is a worker; returns the handover. */
function takePosted(): MemoHandover | undefined {
  const ahead = (globalThis as { [AHEAD]?: MemoHandover })[AHEAD];
  for (const posted of ahead?.drain() ?? [])
    for (const [name, entries] of Object.entries(posted)) {
      const table = tableOf(name);
      for (const [key, value] of entries) table.set(key, value);
    }
  return ahead;
}

/**
 * `compute`, memoised in the table `name` by `keyOf` of its argument. Every
 * name is used by one function only.
 */
export function memoized<A>(
  name: string,
  keyOf: (arg: A) => string,
  compute: (arg: A) => string,
): (arg: A) => string {
  const table = tableOf(name);
  return (arg) => {
    const key = keyOf(arg);
    let out = table.get(key);
    if (out !== undefined) return out;
    const ahead = takePosted();
    out = table.get(key);
    if (out === undefined) {
      out = compute(arg);
      table.set(key, out);
      if (ahead) ahead.misses += 1;
    }
    return out;
  };
}

/** The entries made since the last call, in every table: what the worker posts next. */
export function newEntries(): MemoTables {
  const out: MemoTables = {};
  for (const [name, table] of tables) {
    const from = given.get(name) ?? 0;
    if (table.size === from) continue;
    out[name] = [...table].slice(from);
    given.set(name, table.size);
  }
  return out;
}
