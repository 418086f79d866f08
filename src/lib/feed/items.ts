/**
 * The feed of new evidence: one item per source, dated by when it was added
 * to the atlas or, if later, last revised (`added`, `updated`), newest first.
 * Pure: the endpoint hands the items to @astrojs/rss.
 */
import type { Lang, Localized } from '../../schemas/common';

/** The feed's file, relative to each language root. */
export const FEED_FILE = 'feed.xml';

/** What a feed item needs from a source. */
export interface FeedSource {
  id: string;
  shortTitle: Localized;
  summary: Localized;
  typeLabel: Localized;
  added: string;
  updated?: string | undefined;
}

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
  /** A guid that changes when the entry is revised, so readers show the revision. */
  customData: string;
}

/** The date an entry was last added or revised. */
export const feedDate = (s: { added: string; updated?: string | undefined }): string =>
  s.updated !== undefined && s.updated > s.added ? s.updated : s.added;

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Items of the feed of `lang`. `pageUrl` gives a source's absolute page
 * address; `revised` words the title of a revised entry.
 */
export function feedItems(
  sources: readonly FeedSource[],
  lang: Lang,
  pageUrl: (id: string) => string,
  revised: (title: string) => string,
): FeedItem[] {
  return [...sources]
    .sort((a, b) => feedDate(b).localeCompare(feedDate(a)) || a.id.localeCompare(b.id))
    .map((s) => {
      const date = feedDate(s);
      const link = pageUrl(s.id);
      const title = s.shortTitle[lang];
      return {
        title: date === s.added ? title : revised(title),
        link,
        pubDate: new Date(`${date}T00:00:00Z`),
        description: s.summary[lang].split('\n')[0] ?? '',
        categories: [s.typeLabel[lang]],
        customData: `<guid isPermaLink="false">${escapeXml(`${link}#${date}`)}</guid>`,
      };
    });
}
