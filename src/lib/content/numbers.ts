/**
 * Numbers in English and Chinese prose, read as values so that the two
 * languages can be compared: "10 million" and "1,000 万" are both 10,000,000,
 * "2.5–4.3 million" and "250 万至 430 万" are the same two values, and a date
 * gives its day, month and year ("3 June 2026", "2026 年 6 月 3 日").
 *
 * Not numbers: UN document symbols and decision numbers ("ICCD/COP(17)/8",
 * "22/COP.15"), which are read as symbols; paragraph signs ("¶9", "第9段"),
 * read as locators; and names with a number in them that the other language
 * spells out ("COP 15" / "第十五届", "105th" / "第一百零五届", "G7" / "七国集团").
 */
import type { Lang } from '../../schemas/common';
import { SYMBOL } from './figures';

/** A number as it stands in a text. */
interface Quantity {
  /** Its value, scale words applied ("1,000 万" → 10,000,000). */
  value: number;
  /** Where it starts and ends in the text (the scale word included). */
  start: number;
  end: number;
}

/** What a text says in numbers, document symbols and paragraph locators. */
export interface NumberedText {
  quantities: Quantity[];
  /** UN symbols and decision numbers, as written. */
  symbols: string[];
  /** Paragraph numbers given in the text ("¶8–¶10" → 8, 10). */
  paragraphs: string[];
}

const NUMBER = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const SCALES: Record<Lang, Record<string, number>> = {
  en: { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mha: 1e6, mt: 1e6 },
  zh: { 千: 1e3, 万: 1e4, 百万: 1e6, 千万: 1e7, 亿: 1e8, 万亿: 1e12 },
};
/** A number, an optional range to a second number, and an optional scale word. */
const QUANTITY: Record<Lang, RegExp> = {
  en: new RegExp(
    String.raw`(${NUMBER})(?:\s?(?:–|-|to)\s?(${NUMBER}))?(?:\s?(thousand|million|billion|trillion|bn|Mha|Mt)\b)?`,
    'gi',
  ),
  zh: new RegExp(
    String.raw`(${NUMBER})\s?(?:多|余)?\s?(万亿|千万|百万|亿|万|千)?(?:\s?(?:–|-|~|至|到)\s?(${NUMBER})\s?(?:多|余)?\s?(万亿|千万|百万|亿|万|千)?)?`,
    'g',
  ),
};

/** Paragraph locators: "¶9", "¶4(a)", "¶8–¶10", "paragraph 9"; "第9段", "第8至10段", "第 9、10 段". */
const PARAGRAPHS: Record<Lang, RegExp> = {
  en: /(?:¶\s?\d+(?:\([a-z]+\))?(?:\s?[–-]\s?¶?\s?\d+(?:\([a-z]+\))?)?)|\bparagraphs?\s\d+(?:\s?(?:–|-|and)\s?\d+)?/gi,
  zh: /第\s?\d+(?:\s?\([a-z]+\))?(?:\s?(?:–|-|至|到|、|，|和|及|与)\s?\d+(?:\s?\([a-z]+\))?)*\s?段/g,
};

/** Names with a number that the other language writes in words, or not at all. */
const NAMED: Record<Lang, RegExp> = {
  en: /\b(?:COP|CRIC|CST|Part)\s?\d+\b|\b\d+(?:st|nd|rd|th)\b|\bG\s?\d+\b|COVID-19/g,
  zh: /第\s?\d+\s?(?:届|次|部分)|\bG\s?\d+\b|COVID-19/g,
};

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** A month name next to a day or a year: "3 June", "June 2026". */
const MONTH_IN_DATE = new RegExp(
  String.raw`(?<=\b\d{1,2}\s)(${MONTHS.join('|')})\b|\b(${MONTHS.join('|')})(?=\s\d{1,4}\b)`,
  'gi',
);

/** Blanks out each match, keeping every other character where it was. */
function mask(text: string, pattern: RegExp, found: (match: string) => void = () => {}): string {
  return text.replace(new RegExp(pattern.source, pattern.flags), (m: string) => {
    found(m);
    return ' '.repeat(m.length);
  });
}

const parse = (n: string) => Number(n.replace(/,/g, ''));

/** Reads the numbers, symbols and paragraph locators of a text. */
export function readNumbers(raw: string, lang: Lang): NumberedText {
  const symbols: string[] = [];
  const paragraphs: string[] = [];
  let text = raw.normalize('NFKC');
  text = mask(text, NAMED[lang]);
  text = mask(text, SYMBOL, (m) => symbols.push(m.replace(/\s+/g, '').replace(/\.$/, '')));
  text = mask(text, PARAGRAPHS[lang], (m) => paragraphs.push(...(m.match(/\d+/g) ?? [])));
  const quantities: Quantity[] = [];
  if (lang === 'en') {
    for (const m of text.matchAll(MONTH_IN_DATE)) {
      const name = (m[1] ?? m[2] ?? '').toLowerCase();
      quantities.push({
        value: MONTHS.indexOf(name) + 1,
        start: m.index,
        end: m.index + name.length,
      });
    }
  }
  for (const m of text.matchAll(QUANTITY[lang])) {
    const start = m.index;
    const end = start + m[0].trimEnd().length;
    if (lang === 'en') {
      const scale = m[3] ? (SCALES.en[m[3].toLowerCase()] ?? 1) : 1;
      quantities.push({ value: parse(m[1] ?? '') * scale, start, end });
      if (m[2]) quantities.push({ value: parse(m[2]) * scale, start, end });
    } else {
      const second = m[4] ? (SCALES.zh[m[4]] ?? 1) : 1;
      const first = m[2] ? (SCALES.zh[m[2]] ?? 1) : m[3] ? second : 1;
      quantities.push({ value: parse(m[1] ?? '') * first, start, end });
      if (m[3]) quantities.push({ value: parse(m[3]) * second, start, end });
    }
  }
  return { quantities: quantities.sort((a, b) => a.start - b.start), symbols, paragraphs };
}

/** A value as people write it back ("10000000" → "10,000,000"), for messages. */
export const showValue = (value: number): string =>
  Number(value.toPrecision(12)).toLocaleString('en-US', { maximumFractionDigits: 6 });
