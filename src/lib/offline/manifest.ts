/** The web app manifest of each language: installable, scoped to the base path. */
import { pageUrl, normaliseBase, type Lang } from '../i18n';

/** Icon sizes rendered from `public/favicon.svg` at build time (`src/pages/icons/[file].ts`). */
export const ICON_SIZES = [192, 512] as const;

export interface ManifestText {
  name: string;
  shortName: string;
  description: string;
}

export function webManifest(lang: Lang, base: string, text: ManifestText) {
  const root = normaliseBase(base);
  return {
    id: root,
    name: text.name,
    short_name: text.shortName,
    description: text.description,
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    dir: 'ltr',
    start_url: pageUrl('', lang, root),
    scope: root,
    display: 'standalone',
    background_color: '#fdfbf7',
    theme_color: '#7a4a0c',
    icons: ICON_SIZES.map((size) => ({
      src: `${root}icons/${size}.png`,
      sizes: `${size}x${size}`,
      type: 'image/png',
      purpose: 'any',
    })),
  };
}
