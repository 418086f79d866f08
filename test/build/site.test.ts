import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIST, htmlPages, read } from '../support/dist';

const pages = htmlPages();

describe('the built site', () => {
  it('has the pages of every kind in both languages', () => {
    for (const page of [
      'index.html',
      'sources/index.html',
      'sources/by/year/index.html',
      'sources/iccd-cop17-8/index.html',
      'initiatives/index.html',
      'regions/index.html',
      'glossary/index.html',
      'about/index.html',
      '404.html',
    ]) {
      expect(pages, page).toContain(page);
      if (page !== '404.html') expect(pages, `zh/${page}`).toContain(`zh/${page}`);
    }
  });

  it('sets the language of every page', () => {
    for (const page of pages) {
      const lang = page.startsWith('zh/') ? 'zh-CN' : 'en';
      expect(read(page), page).toContain(`<html lang="${lang}"`);
    }
  });

  it('gives every page a title, a description, Open Graph tags and language alternates', () => {
    for (const page of pages.filter((p) => p !== '404.html' && !p.startsWith('zh/404'))) {
      const html = read(page);
      expect(html, page).toMatch(/<title>[^<]+<\/title>/);
      expect(html, page).toMatch(/<meta name="description" content="[^"]+"/);
      expect(html, page).toMatch(/<meta property="og:title" content="[^"]+"/);
      expect(html, page).toContain('hreflang="zh-CN"');
    }
  });

  it('has a skip link and one main landmark on every page', () => {
    for (const page of pages) {
      const html = read(page);
      expect(html, page).toContain('href="#main"');
      expect(html.match(/<main\b/g), page).toHaveLength(1);
    }
  });

  it('publishes a sitemap and a search index', () => {
    expect(existsSync(`${DIST}/sitemap-index.xml`)).toBe(true);
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toContain('/sources/iccd-cop17-8/');
    // Every page it lists is one to find: none says robots noindex.
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (m) => new URL(m[1] ?? '').pathname,
    );
    expect(listed.length).toBeGreaterThan(100);
    for (const path of listed) {
      expect(read(`${path.slice(1)}index.html`), path).not.toMatch(
        /name="robots" content="noindex"/,
      );
    }
    expect(existsSync(`${DIST}/pagefind/pagefind.js`)).toBe(true);
  });
});
