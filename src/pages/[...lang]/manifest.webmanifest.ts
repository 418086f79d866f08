/** /manifest.webmanifest and /zh/manifest.webmanifest: see `src/lib/offline/manifest.ts`. */
import type { APIRoute } from 'astro';
import { langPaths } from '../../lib/content/store';
import { useTranslations, type Lang } from '../../lib/i18n';
import { webManifest } from '../../lib/offline/manifest';

export const getStaticPaths = langPaths;

export const GET: APIRoute<{ lang: Lang }> = ({ props }) => {
  const t = useTranslations(props.lang);
  const manifest = webManifest(props.lang, import.meta.env.BASE_URL, {
    name: t('site.title'),
    shortName: t('site.shortTitle'),
    description: t('site.description'),
  });
  return new Response(JSON.stringify(manifest, null, 2), {
    headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' },
  });
};
