/**
 * Words of quantity ("most", "the majority", "all", "half", 大部分, 所有, 一半):
 * like a figure, a summary may say "most" only where a located finding does.
 * Each family is matched as a whole (all its forms), in
 * the language of the text. "Most" and "mostly" are two families: "works mostly
 * with fixed boundaries" does not back "most of the note". Superlatives ("the
 * most critical") and idioms ("above all") are not quantities.
 */
import type { Lang } from '../../schemas/common';

/** Families of quantity words, each with the pattern that finds any of its forms. */
const QUANTITY_WORDS: Record<Lang, Readonly<Record<string, RegExp>>> = {
  en: {
    most: /(?<!\bthe\s)\bmost\b/i,
    mostly: /\bmostly\b/i,
    majority: /\bmajority\b/i,
    minority: /\bminority\b/i,
    all: /(?<!\b(?:above|at|after)\s)\ball\b/i,
    every: /\bevery\b/i,
    none: /\bnone\b/i,
    half: /\bhalf\b/i,
    third: /\b(?:a|one|two)[\s-]thirds?\b(?!-)/i,
    quarter: /\b(?:a|one|three)[\s-]quarters?\b/i,
    mainly: /\bmainly\b/i,
    largely: /\blargely\b/i,
    primarily: /\bprimarily\b/i,
  },
  zh: {
    大部分: /大部分|绝大部分|大多数|绝大多数|大多|多数|大半/,
    少数: /少数/,
    所有: /所有|全部|一切|全体/,
    每个: /每个|每一/,
    一半: /一半|半数/,
    三分之: /[一二三]分之[一二]/,
    四分之: /四分之[一三]/,
    主要: /主要/,
  },
};

/** The families of quantity words a text uses. */
export function quantityWordsIn(text: string, lang: Lang): string[] {
  return Object.entries(QUANTITY_WORDS[lang])
    .filter(([, pattern]) => pattern.test(text))
    .map(([family]) => family);
}

/** Families of quantity words in `text` that none of the `located` texts uses. */
export function unlocatedQuantityWords(
  text: string,
  located: readonly string[],
  lang: Lang,
): string[] {
  const known = new Set(located.flatMap((t) => quantityWordsIn(t, lang)));
  return quantityWordsIn(text, lang).filter((w) => !known.has(w));
}
