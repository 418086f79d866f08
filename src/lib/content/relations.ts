/** Relations computed between entries (pure functions, unit-tested). */

/** For each source id, the ids of the sources that cite it. */
export function citedBy(
  sources: readonly { id: string; cites: readonly string[] }[],
): Map<string, string[]> {
  const map = new Map<string, string[]>(sources.map((s) => [s.id, []]));
  for (const source of sources) {
    for (const cited of source.cites) map.get(cited)?.push(source.id);
  }
  return map;
}

/** Groups items by one or more keys each, keeping the keys' first-seen order unless sorted. */
export function groupBy<T>(
  items: readonly T[],
  keys: (item: T) => readonly string[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = groups.get(key) ?? [];
      list.push(item);
      groups.set(key, list);
    }
  }
  return groups;
}
