/** Language helpers: translation lookup, localized paths, dates, numbers, locators. */
import { dictionaries, type UiKey } from '../i18n';
import { LANGS, type Lang, type Locator } from '../schemas/common';
import { format, formatList } from './format';
import { HTML_LANG } from './locale';
import { normaliseBase } from './paths';

export { LANGS, type Lang };

export { HTML_LANG };

/** A translator: `t('nav.home')`, with `{name}` placeholders filled. */
export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

/** Returns the translator for `lang`. Pages and components get theirs as `Astro.locals.t`. */
export function useTranslations(lang: Lang): Translate {
  const dict = dictionaries[lang];
  return (key, vars = {}) => format(dict[key], vars);
}

/** Joins names as `lang` lists them: "a, b, c", "a、b、c". */
export function listOf(items: readonly string[], lang: Lang): string {
  return formatList(items, HTML_LANG[lang]);
}

export { normaliseBase };

/**
 * The URL of a page of the atlas: `path` is relative to the language root
 * ("sources/x/", "" for home); English sits at the base, Chinese under "zh/".
 */
export function pageUrl(path: string, lang: Lang, base = '/'): string {
  const clean = path.replace(/^\/+/, '');
  return `${normaliseBase(base)}${lang === 'zh' ? 'zh/' : ''}${clean}`;
}

/** The absolute address of a page served under `base` at `site` (the Astro config's). */
export const absolutePageUrl = (path: string, lang: Lang, base: string, site: string): string =>
  new URL(pageUrl(path, lang, base), site).href;

/** Splits a pathname into its language and the path relative to the language root. */
export function splitPath(pathname: string, base = '/'): { lang: Lang; path: string } {
  const root = normaliseBase(base);
  const rest = pathname.startsWith(root)
    ? pathname.slice(root.length)
    : pathname.replace(/^\//, '');
  if (rest === 'zh' || rest.startsWith('zh/')) return { lang: 'zh', path: rest.slice(3) };
  return { lang: 'en', path: rest };
}

/** Paragraph, page or section, written the way each language writes it: "¶10", "第10段". */
export function formatLocator(loc: Locator, lang: Lang): string {
  const t = useTranslations(lang);
  const ref = loc.label ? loc.label[lang] : loc.ref;
  return t(`locator.${loc.kind}`, { ref });
}

/** Formats a partial date (YYYY, YYYY-MM, YYYY-MM-DD) for `lang`. */
export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  const locale = HTML_LANG[lang];
  if (m === undefined) return String(y);
  const when = new Date(Date.UTC(y ?? 0, m - 1, d ?? 1));
  return dateFormat(locale, d === undefined ? 'month' : 'day').format(when);
}

/** Intl formatters are costly to create and are asked for on every page: one per locale and precision. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, precision: 'month' | 'day'): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'long',
      ...(precision === 'day' ? { day: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** Kilobytes (of 1,024 bytes) with at most one decimal, written for `lang`: "82.9". */
export function formatKilobytes(bytes: number, lang: Lang): string {
  return new Intl.NumberFormat(HTML_LANG[lang], { maximumFractionDigits: 1 }).format(bytes / 1024);
}

/** The `lang` variant of a property published once per language (`name_en`, `name_zh`). */
export function localizedProp<K extends string>(
  props: Record<`${K}_${Lang}`, string>,
  key: K,
  lang: Lang,
): string {
  return props[`${key}_${lang}`];
}

/** Formats a number for `lang` ("100,000,000" / "100,000,000"; Chinese uses the same grouping). */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(HTML_LANG[lang]).format(value);
}
