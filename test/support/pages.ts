/** The pages of the built site, as a browser reaches them. */
import { htmlPages, DIST } from './dist';
import { servedPath } from './html';

export interface SitePage {
  /** File under dist/, e.g. "zh/sources/x/index.html". */
  file: string;
  /** Path under the base, e.g. "zh/sources/x/". */
  path: string;
  /** The template it comes from, e.g. "sources/*" for every source page. */
  type: string;
}

/** "zh/sources/x/" → "sources/*"; "sources/by/year/" → "sources/by/*"; "" → "home". */
function pageType(path: string): string {
  const parts = path
    .replace(/^zh\/?/, '')
    .split('/')
    .filter(Boolean);
  if (parts.length === 0) return 'home';
  if (parts.length === 1) return parts[0] ?? '';
  return [...parts.slice(0, -1), '*'].join('/');
}

export function sitePages(dir = DIST): SitePage[] {
  return htmlPages(dir).map((file) => {
    const path = servedPath(file);
    return { file, path, type: pageType(path) };
  });
}

/** One page of each type in each language (the first in file order). */
export function onePerType(pages = sitePages()): SitePage[] {
  const seen = new Set<string>();
  return pages.filter((p) => {
    const key = `${p.file.startsWith('zh/') ? 'zh' : 'en'}:${p.type.replace(/^404.*/, '404')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
