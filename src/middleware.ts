/**
 * Gives every page, component and endpoint its context once: the page's
 * language, its translator and its URL builder, on `Astro.locals` (as
 * Starlight does with `Astro.locals.t`). The site is static, so this runs at
 * build time, once for each prerendered page; the language comes from the
 * page's path ("/zh/…" is Chinese, everything else English), the same rule
 * as `splitPath`.
 */
import { defineMiddleware } from 'astro:middleware';
import { pageUrl, splitPath, useTranslations, type Lang } from './lib/i18n';

export const onRequest = defineMiddleware((context, next) => {
  const base = import.meta.env.BASE_URL;
  const { lang } = splitPath(context.url.pathname, base);
  context.locals.lang = lang;
  context.locals.t = useTranslations(lang);
  context.locals.base = base;
  context.locals.url = (path: string, to: Lang = lang) => pageUrl(path, to, base);
  return next();
});
