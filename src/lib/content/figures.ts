/**
 * Figures (numbers) in prose. The atlas shows a figure only with its locator:
 * a number in a summary or description must also appear in a located finding
 * or target. Years, paragraph signs and UN document symbols are not figures.
 */

/** UN symbols and decision numbers, e.g. "ICCD/COP(17)/8", "22/COP.15", "A/68/970". */
export const SYMBOL =
  /[A-Z][A-Za-z.]*(?:\/[A-Za-z0-9().-]+)+|\d+\/[A-Z]+(?:\.\d+)?|[A-Z]+\s?\(\d+\)/g;
/** Locators and ordinals written in text: "¶19", "第19段", "第8至10段", "SDG 15.3", "Goal 11", "COP 17". */
const LOCATOR =
  /¶\s?\d+|第\s?\d+(?:\s?(?:至|到|、|和|及|–|-)\s?\d+)*\s?(?:段|届|次|页)|(?:SDG|Goal|target|COP|CRIC|目标|具体目标)\s?\d+(?:\.\d+)?/gi;

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December';
/** Calendar dates: "3 June 2026", "17–28 August", "June 3", "2026年8月17日", "8 月". */
const DATE = new RegExp(
  `\\d{1,2}(?:\\s?[–-]\\s?\\d{1,2})?\\s(?:${MONTHS})|(?:${MONTHS})\\s\\d{1,2}\\b|\\d{1,2}\\s?(?:[–-]\\s?\\d{1,2}\\s?)?[月日]`,
  'g',
);

/** The numbers in `text` that count as figures. */
export function figuresIn(text: string): string[] {
  const cleaned = text.replace(SYMBOL, ' ').replace(LOCATOR, ' ').replace(DATE, ' ');
  const numbers = cleaned.match(/\d+(?:[.,]\d+)*/g) ?? [];
  return numbers
    .map((n) => n.replace(/,(?=\d{3}\b)/g, ''))
    .filter((n) => !/^(19|20)\d{2}$/.test(n)); // a year is a date, not a figure
}

/** Figures of `text` that do not occur among the `located` texts. */
export function unlocatedFigures(text: string, located: readonly string[]): string[] {
  const known = new Set(located.flatMap(figuresIn));
  return [...new Set(figuresIn(text))].filter((n) => !known.has(n));
}
