/**
 * Translation parity: the English and the Chinese of a finding say the same
 * thing, so they carry the same numbers (as values: "10 million" = "1,000 万"),
 * the same paragraph locators ("¶9" = "第9段") and the same document symbols.
 */
import type { Localized } from '../../schemas/common';
import { readNumbers, showValue } from './numbers';

/** What one side has that the other lacks, as "en has 5; zh has 6". */
function difference(kind: string, en: readonly string[], zh: readonly string[]): string[] {
  const onlyEn = [...new Set(en)].filter((x) => !zh.includes(x));
  const onlyZh = [...new Set(zh)].filter((x) => !en.includes(x));
  if (onlyEn.length === 0 && onlyZh.length === 0) return [];
  const side = (lang: string, xs: string[]) => `${lang} has ${xs.length ? xs.join(', ') : 'none'}`;
  return [
    `${kind} differ between en and zh: ${side('en only', onlyEn)}; ${side('zh only', onlyZh)}`,
  ];
}

/** The ways in which the two languages of `text` differ; empty when they agree. */
export function parityProblems(text: Localized): string[] {
  const en = readNumbers(text.en, 'en');
  const zh = readNumbers(text.zh, 'zh');
  const values = (q: { value: number }[]) => q.map((x) => showValue(x.value));
  return [
    ...difference('numbers', values(en.quantities), values(zh.quantities)),
    ...difference('paragraph locators', en.paragraphs, zh.paragraphs),
    ...difference('document symbols', en.symbols, zh.symbols),
  ];
}
