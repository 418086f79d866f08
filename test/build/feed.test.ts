/**
 * The feeds of new evidence, parsed as XML: well-formed RSS 2.0, one item
 * per source dated by its `added` or `updated` date, each linking to a built
 * page; linked from every page's head and from the home page.
 */
import { existsSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import sax from 'sax';
import { describe, expect, it } from 'vitest';
import { feedDate } from '../../src/lib/feed/items';
import { dataSources } from '../support/content';
import { DIST, htmlPages, read } from '../support/dist';
import { parseHtml } from '../support/html';

const sources = dataSources('content');
const FEEDS = { en: 'feed.xml', zh: 'zh/feed.xml' } as const;

/** Reads the whole document with sax in strict mode, which throws on any malformed XML. */
function wellFormed(xml: string): void {
  const parser = sax.parser(true);
  parser.onerror = (error) => {
    throw error;
  };
  parser.write(xml).close();
}

interface Item {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink': string };
  pubDate: string;
}

describe('the feeds', () => {
  for (const [lang, file] of Object.entries(FEEDS)) {
    it(`${file} is well-formed RSS 2.0 with one item per source`, () => {
      const xml = read(file);
      expect(() => wellFormed(xml), file).not.toThrow();
      const doc = new XMLParser({
        ignoreAttributes: false,
        isArray: (name) => name === 'item',
      }).parse(xml) as {
        rss: { '@_version': string; channel: { title: string; language: string; item?: Item[] } };
      };
      expect(doc.rss['@_version']).toBe('2.0');
      expect(doc.rss.channel.language).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      const items = doc.rss.channel.item ?? [];
      expect(items).toHaveLength(sources.length);
      for (const s of sources) {
        const item = items.find((i) =>
          i.link.endsWith(`${lang === 'zh' ? '/zh' : ''}/sources/${s.id}/`),
        );
        expect(item, `${file}: ${s.id}`).toBeDefined();
        expect(new Date(item?.pubDate ?? '').toISOString().slice(0, 10)).toBe(feedDate(s));
        expect(item?.guid['@_isPermaLink']).toBe('false');
        expect(item?.title).toContain(s.shortTitle[lang as 'en' | 'zh']);
        const path = new URL(item?.link ?? '').pathname;
        expect(existsSync(`${DIST}${path}index.html`), path).toBe(true);
      }
      const dates = items.map((i) => Date.parse(i.pubDate));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
    });
  }

  it("is linked from every page's head in the page's language", () => {
    const wrong: string[] = [];
    for (const page of htmlPages()) {
      const links = parseHtml(read(page)).elements.filter(
        (e) =>
          e.name === 'link' &&
          e.attrs['rel'] === 'alternate' &&
          e.attrs['type'] === 'application/rss+xml',
      );
      const want = page.startsWith('zh/') ? `/${FEEDS.zh}` : `/${FEEDS.en}`;
      if (links.length !== 1 || links[0]?.attrs['href'] !== want) wrong.push(page);
    }
    expect(wrong).toEqual([]);
  });

  it('is linked from the home page', () => {
    expect(read('index.html')).toMatch(/<a href="\/feed\.xml"[^>]*>/);
    expect(read('zh/index.html')).toMatch(/<a href="\/zh\/feed\.xml"[^>]*>/);
  });
});
