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

/** Sorts ISO3 codes by their name in `lang`. */
export function sortByName(codes: readonly string[], lang: Lang): string[] {
  const collator = new Intl.Collator(HTML_LANG[lang]);
  return [...codes].sort((a, b) => collator.compare(countryName(a, lang), countryName(b, lang)));
}
