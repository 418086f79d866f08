// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { validateContentIntegration } from './src/integrations/validate-content.ts';
import { validateGeoIntegration } from './src/integrations/validate-geo.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { offlineIntegration } from './src/integrations/offline.ts';
import { headersIntegration } from './src/integrations/headers.ts';
import { citeIntegration } from './src/integrations/cite.ts';

/** Sub-path the site is served from, e.g. "/atlas/" on GitHub Pages. */
const base = process.env.ATLAS_BASE ?? '/';
/** Absolute origin, used in sitemap.xml and Open Graph tags. */
const site = process.env.ATLAS_SITE ?? 'http://localhost:4321';
/** Content folder; tests point it at fixtures. */
const contentDir = process.env.ATLAS_CONTENT_DIR ?? 'content';
/** Map definitions folder; tests point it at fixtures. */
const geoDir = process.env.ATLAS_GEO_DIR ?? 'geo';
/** The citations: formatted ahead in a worker, their files written behind Pagefind. */
const cite = citeIntegration(contentDir);
/** Pagefind's index, and the pages it stamps with the index's tag. */
const search = pagefindIntegration();

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // Stylesheets are files, never inline <style>, so the CSP needs no 'unsafe-inline'.
    inlineStylesheets: 'never',
    // Three pages at a time: one renders while the others' files are written
    // (one at a time, the main thread waited on the disk for about 15% of the
    // pages' time). The site is the same, file for file.
    concurrency: 3,
  },
  i18n: {
    locales: ['en', { path: 'zh', codes: ['zh-CN', 'zh'] }],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  integrations: [
    // First, so that its worker formats the citations while the rest sets up.
    cite,
    validateContentIntegration(contentDir),
    validateGeoIntegration(contentDir, geoDir),
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', zh: 'zh-CN' } },
      // The offline page (what the service worker shows for a page not stored)
      // carries robots noindex: it is no page to find, so not in the sitemap.
      filter: (page) => !new URL(page).pathname.endsWith('/offline/'),
    }),
    headersIntegration(),
    search,
    // After Pagefind: the service worker precaches its index; the save
    // manifest lists the citation files too, once written, and takes their
    // hashes, and the stamped pages', as known.
    offlineIntegration([cite.filesWritten, search.pagesStamped]),
  ],
  vite: {
    // Scripts and assets are files, never inlined, so the CSP needs no hash.
    build: { assetsInlineLimit: 0 },
  },
});
