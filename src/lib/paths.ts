/**
 * Path helpers with no dependency, safe for browser bundles: importing
 * `lib/i18n` would pull in the schemas and with them zod, whose start-up
 * check for `new Function` breaks the Content Security Policy.
 */

/** Normalises a base path to start and end with "/". */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}
