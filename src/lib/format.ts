/**
 * The one way the atlas fills, counts and lists words, in every language.
 * Dependency-free, so browser bundles may import it (see `paths.ts`).
 */

/** Fills `{name}` placeholders: `format('{count} results', { count: 3 })`; an unknown name stays as written. */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/**
 * The plural form of `count` in `locale` ("en", "zh-CN"), as the dictionaries
 * name their keys: `.one` or `.other` (Chinese has only "other").
 */
export function plural(count: number, locale: string): 'one' | 'other' {
  return new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
}

/** List formats are asked for on every page at build time: one per locale. */
const lists = new Map<string, Intl.ListFormat>();

/** Joins names the way `locale` lists them: "a, b, c" in English, "a、b、c" in Chinese. */
export function formatList(items: readonly string[], locale: string): string {
  let list = lists.get(locale);
  if (!list) {
    list = new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' });
    lists.set(locale, list);
  }
  return list.format(items);
}
