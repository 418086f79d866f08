/**
 * The one way the atlas fills, counts and lists words, in every language.
 * Dependency-free, so browser bundles may import it (see `paths.ts`).
 */
import type { Lang } from '../schemas/common';

/** The value of `<html lang>`, and the Intl locale, of each language. */
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

/** Fills `{name}` placeholders: `format('{count} results', { count: 3 })`; an unknown name stays as written. */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/** Intl objects are costly to create: one per locale and kind. */
const cache = new Map<string, Intl.PluralRules | Intl.ListFormat>();
function cached<T extends Intl.PluralRules | Intl.ListFormat>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/**
 * The plural form of `count` in `locale` ("en", "zh-CN"), as the dictionaries
 * name their keys: `.one` or `.other` (Chinese has only "other").
 */
export function plural(count: number, locale: string): 'one' | 'other' {
  const rules = cached(`plural|${locale}`, () => new Intl.PluralRules(locale));
  return rules.select(count) === 'one' ? 'one' : 'other';
}

/** Joins names the way `locale` lists them: "a, b, c" in English, "a、b、c" in Chinese. */
export function formatList(items: readonly string[], locale: string): string {
  const list = cached(
    `list|${locale}`,
    () => new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' }),
  );
  return list.format(items);
}
