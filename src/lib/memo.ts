/**
 * Named memo tables for the build's costly pure conversions (citeproc's
 * references and citations, BibTeX, RIS), keyed by their input as text.
 *
 * A build can fill them ahead of time: `src/integrations/cite.ts` starts a
 * worker thread when the build starts, which formats every source's
 * citations on the machine's other core while Astro loads content and bundles
 * (`src/lib/citations-ahead.ts`), and leaves a handle on `globalThis`. The
 * first lookup of any table, in any copy of this module (the build bundles
 * the pages apart from the integrations), takes the worker's tables, waiting
 * for them if need be. A key the worker did not fill is computed in place, so
 * the tables change how fast a build is, never what it writes.
 */

/** The entries of every table, as the worker hands them over. */
export type MemoTables = Record<string, [string, string][]>;

/** What the build leaves on `globalThis` under `AHEAD`. */
export interface MemoHandover {
  /** The worker's tables (waiting for them if need be), or undefined if it failed. */
  take(): MemoTables | undefined;
  /** Values computed in place: keys the worker did not fill. */
  misses: number;
}

/** The `globalThis` key of the build's handover. */
export const AHEAD = Symbol.for('atlas:memo-ahead');

const tables = new Map<string, Map<string, string>>();
let seeded = false;

function handover(): MemoHandover | undefined {
  return (globalThis as { [AHEAD]?: MemoHandover })[AHEAD];
}

/** Adds entries made elsewhere (another thread's tables) to this copy's tables. */
export function importTables(made: MemoTables): void {
  for (const [name, entries] of Object.entries(made)) {
    const table = tables.get(name) ?? new Map<string, string>();
    for (const [key, value] of entries) table.set(key, value);
    tables.set(name, table);
  }
}

function seed(): void {
  seeded = true;
  const ahead = handover()?.take();
  if (ahead) importTables(ahead);
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
  return (arg) => {
    if (!seeded) seed();
    let table = tables.get(name);
    if (!table) {
      table = new Map();
      tables.set(name, table);
    }
    const key = keyOf(arg);
    let out = table.get(key);
    if (out === undefined) {
      out = compute(arg);
      table.set(key, out);
      const ahead = handover();
      if (ahead) ahead.misses += 1;
    }
    return out;
  };
}

/** Every table's entries, for the worker to hand over. */
export function exportTables(): MemoTables {
  return Object.fromEntries([...tables].map(([name, table]) => [name, [...table]]));
}
