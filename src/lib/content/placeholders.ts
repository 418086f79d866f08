/**
 * Placeholders: the values `npm run add:source` writes where an author must
 * fill something in. Any string that starts with `TODO` is one, in any field,
 * and the validator refuses an entry that still has one, naming each field,
 * so a half-written entry can never be published.
 */

/** True for a placeholder: a string starting with "TODO" as a word. */
const isPlaceholder = (value: unknown): value is string =>
  typeof value === 'string' && /^TODO\b/.test(value.trim());

/** The paths of every placeholder in a parsed frontmatter value, in document order. */
export function placeholderPaths(
  value: unknown,
  path: readonly PropertyKey[] = [],
): { path: PropertyKey[]; value: string }[] {
  if (isPlaceholder(value)) return [{ path: [...path], value: value.trim() }];
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholderPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => placeholderPaths(v, [...path, k]));
  }
  return [];
}

/** True if `path` is `prefix` or lies under it. */
export const isUnder = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]): boolean =>
  prefix.length <= path.length && prefix.every((key, i) => key === path[i]);
