/** Country names from i18n-iso-countries (a maintained library, not a hand-written list). */
import countries from 'i18n-iso-countries';
import enLocale from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zhLocale from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import type { Lang } from '../schemas/common';
import { HTML_LANG } from './locale';

countries.registerLocale(enLocale);
countries.registerLocale(zhLocale);

/** The short name of the country with ISO 3166-1 alpha-3 `code` in `lang`. */
export function countryName(code: string, lang: Lang): string {
  const name = countries.getName(code, lang, { select: 'alias' });
  if (!name) throw new Error(`Unknown ISO 3166-1 alpha-3 code "${code}"`);
  return name;
}

/** One collator per language: making one is costly, and every page with countries sorts them. */
const collators = new Map<Lang, Intl.Collator>();

/** Sorts ISO3 codes by their name in `lang`. */
export function sortByName(codes: readonly string[], lang: Lang): string[] {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(HTML_LANG[lang]);
    collators.set(lang, collator);
  }
  const names = new Map(codes.map((code) => [code, countryName(code, lang)]));
  return [...codes].sort((a, b) => collator.compare(names.get(a)!, names.get(b)!));
}
