/** /feed.xml and /zh/feed.xml: RSS 2.0 feed of sources added or revised (src/lib/feed). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../../lib/content/data';
import { getAtlas, langPaths } from '../../lib/content/store';
import { FEED_FILE, feedItems } from '../../lib/feed/items';
import { HTML_LANG, useTranslations } from '../../lib/i18n';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ locals, site }) => {
  const { lang, t } = locals;
  const { sources } = await getAtlas();
  const url = (path: string) => new URL(locals.url(path), site ?? absoluteUrl('')).href;
  const types = { en: useTranslations('en'), zh: useTranslations('zh') };
  const items = feedItems(
    sources.map((s) => ({
      id: s.id,
      shortTitle: s.data.shortTitle,
      summary: s.data.summary,
      typeLabel: { en: types.en(`type.${s.data.type}`), zh: types.zh(`type.${s.data.type}`) },
      added: s.data.added,
      updated: s.data.updated,
    })),
    lang,
    (id) => url(`sources/${id}/`),
    (title) => t('feed.revised', { title }),
  );
  return rss({
    title: `${t('site.title')}: ${t('feed.title')}`,
    description: t('feed.description'),
    site: url(''),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${HTML_LANG[lang]}</language><atom:link href="${url(FEED_FILE)}" rel="self" type="application/rss+xml"/>`,
    items,
  });
};
