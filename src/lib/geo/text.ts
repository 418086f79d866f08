/**
 * Bilingual text for the geo build: one `{name}` filler for a pair of
 * templates (from the dictionaries, or from a definition in `geo/`), and the
 * little language rules the layers and the catalogue share (scale labels,
 * lists of country names). The prose itself lives in `src/i18n/{en,zh}.ts`.
 */
import { dictionaries, type UiKey } from '../../i18n';
import { countryName } from '../countries';
import { format } from '../format';
import type { Localized } from './content';
import type { Scale } from './natural-earth';

type Lang = keyof Localized;
const LANGS: readonly Lang[] = ['en', 'zh'];

/** A value for a placeholder: the same in both languages, or one per language. */
export type TextVar = string | number | Localized;

/** Fills `{name}` placeholders in both languages (the atlas's one filler, `lib/format.ts`); an unknown name is left as it is. */
export function fill(template: Localized, vars: Record<string, TextVar> = {}): Localized {
  const [en, zh] = LANGS.map((lang) =>
    format(
      template[lang],
      Object.fromEntries(
        Object.entries(vars).map(([name, v]) => [name, typeof v === 'object' ? v[lang] : v]),
      ),
    ),
  ) as [string, string];
  return { en, zh };
}

/** A dictionary entry in both languages, with its placeholders filled. */
export const localized = (key: UiKey, vars?: Record<string, TextVar>): Localized =>
  fill({ en: dictionaries.en[key], zh: dictionaries.zh[key] }, vars);

/** Joins items with a separator from the dictionaries: by default the list separator (", " and "、"). */
export const joinList = (
  items: readonly Localized[],
  separator: UiKey = 'catalogue.list.separator',
): Localized => {
  const sep = localized(separator);
  return { en: items.map((i) => i.en).join(sep.en), zh: items.map((i) => i.zh).join(sep.zh) };
};

/** A country's name in both languages. */
export const nameOf = (code: string): Localized => ({
  en: countryName(code, 'en'),
  zh: countryName(code, 'zh'),
});

/** Country names, listed. */
export const namesOf = (codes: readonly string[]): Localized => joinList(codes.map(nameOf));

/** Codes, listed as they are ("MRT, SEN" and "MRT、SEN"). */
export const codesOf = (codes: readonly string[]): Localized =>
  joinList(codes.map((c) => ({ en: c, zh: c })));

/** A Natural Earth scale as a map scale, e.g. "1:110m" and "1:1.1 亿". */
export const scaleLabel = (scale: Scale): Localized => localized(`catalogue.scale.${scale}`);
