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

/** Plain text split into paragraphs at blank lines, each trimmed, empty ones dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(PARAGRAPH_BREAK)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The first paragraph of plain text, as written (the lead of an index card, a page description). */
export function firstParagraph(text: string): string {
  return text.split(PARAGRAPH_BREAK)[0] ?? '';
}

/** A blank line: where content text starts a new paragraph. */
const PARAGRAPH_BREAK = /\n\s*\n/;

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
