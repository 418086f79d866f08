/** The types of `Astro.locals`, which `src/middleware.ts` fills for every page. */
declare namespace App {
  interface Locals {
    /** The language of the page being rendered. */
    lang: import('./lib/i18n').Lang;
    /** The translator of that language: `t('nav.home')`, with `{name}` placeholders filled. */
    t: import('./lib/i18n').Translate;
    /** The site's base path, e.g. "/" or "/atlas/", as `import.meta.env.BASE_URL`. */
    base: string;
    /** The URL of a page of the atlas ("sources/x/"), in the page's language unless `lang` is given. */
    url: (path: string, lang?: import('./lib/i18n').Lang) => string;
  }
}
