/**
 * A process-wide memo of what is made from folders: the validated content
 * (`content/validate.ts`) and the map layers (`geo/build.ts`). The build's
 * integrations make them before Astro renders anything (so bad data fails
 * fast, listing every problem); the other integrations, and the pages and
 * endpoints, bundled separately by Vite but run in the same process, then
 * reuse that result instead of making it again. The folders are fingerprinted at most once a second: often enough
 * for `astro dev` to see an edit on the next reload, rarely enough that a
 * build rendering thousands of pages does not walk them for each one.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the memo depends on: the folders and the modification times of the files in them. */
function fingerprint(dirs: readonly string[]): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else parts.push(`${full}@${st.mtimeMs}`);
    }
  };
  dirs.forEach(walk);
  return parts.join('|');
}

const RECHECK_MS = 1000;
type Memo<T> = { dirs: string; key: string; checkedAt: number; value: T };

/**
 * The value `build` makes from the folders `dirs`, kept on `globalThis`
 * under `name` and made again only when a file in them changes.
 */
export function memoOnFolders<T>(name: string, dirs: readonly string[], build: () => T): T {
  const slot = Symbol.for(name);
  const holder = globalThis as { [slot]?: Memo<T> };
  const joined = dirs.join('|');
  const now = Date.now();
  const memo = holder[slot];
  if (memo?.dirs === joined && now - memo.checkedAt < RECHECK_MS) return memo.value;
  const key = fingerprint(dirs);
  if (memo?.dirs === joined && memo.key === key) {
    memo.checkedAt = now;
    return memo.value;
  }
  const value = build();
  holder[slot] = { dirs: joined, key, checkedAt: Date.now(), value };
  return value;
}
