/** The UI dictionaries, and the check that every language has every key. */
import type { Lang } from '../schemas/common';
import { en, type UiKey } from './en';
import { zh } from './zh';

export type { UiKey };
export const dictionaries: Record<Lang, Record<UiKey, string>> = { en, zh };

/** Keys that are missing or empty in a dictionary, as "zh: key". Used by the build. */
export function missingTranslations(
  dicts: Record<string, Record<string, string>> = dictionaries,
): string[] {
  const keys = new Set(Object.values(dicts).flatMap((d) => Object.keys(d)));
  return Object.entries(dicts).flatMap(([lang, dict]) =>
    [...keys].filter((k) => !dict[k]?.trim()).map((k) => `${lang}: ${k}`),
  );
}
