/**
 * Which pages of a built site a reader reaches by following links from the
 * home page of each language (`/` and `/zh/`). A link from a page to its own
 * translation (the language switch) does not count: a page that only its
 * translation links to is one nobody finds in that language. Only `<a>` and
 * `<area>` links count, on the site's own origin; 404 pages are left aside.
 */
import { DIST, fileFor, htmlPages, read } from './dist';
import { parseHtml, servedPath } from './html';

/** Stands for the site's origin when resolving relative links. */
const ORIGIN = 'http://site.invalid';
const LINKS: Record<string, string> = { a: 'href', area: 'href' };

export interface Reachability {
  /** Every HTML page considered (404 pages left aside). */
  pages: string[];
  /** Pages reached from the starts, the starts included. */
  reached: Set<string>;
  /** One line per page not reached, saying why: "orphan/index.html: no page links here". */
  problems: string[];
}

/** The same page in the other language: "zh/x/index.html" ↔ "x/index.html". */
export function translationOf(file: string): string {
  return file.startsWith('zh/') ? file.slice('zh/'.length) : `zh/${file}`;
}

/** The pages `file` links to: files under `dir`, on the site's origin. */
function linksFrom(file: string, dir: string): Set<string> {
  const here = `${ORIGIN}/${servedPath(file)}`;
  const targets = new Set<string>();
  for (const e of parseHtml(read(file, dir)).elements) {
    const attr = LINKS[e.name];
    const href = attr ? e.attrs[attr] : undefined;
    if (href === undefined || !URL.canParse(href, here)) continue;
    const url = new URL(href, here);
    if (url.origin !== ORIGIN) continue;
    const target = fileFor(url.pathname, dir);
    if (target?.endsWith('.html') && target !== file) targets.add(target);
  }
  return targets;
}

export function reachability(
  dir = DIST,
  starts = ['index.html', 'zh/index.html'],
  ignore = /(^|\/)404(\/index)?\.html$/,
): Reachability {
  const pages = htmlPages(dir).filter((p) => !ignore.test(p));
  const links = new Map(pages.map((p) => [p, linksFrom(p, dir)]));
  const reached = new Set<string>();
  const queue = starts.filter((s) => links.has(s));
  for (let page = queue.shift(); page !== undefined; page = queue.shift()) {
    if (reached.has(page)) continue;
    reached.add(page);
    for (const next of links.get(page) ?? []) {
      if (next !== translationOf(page) && !reached.has(next)) queue.push(next);
    }
  }
  const why = (page: string) =>
    links.get(translationOf(page))?.has(page)
      ? 'only its translation links here (the language switch does not count)'
      : 'no page reached from the home pages links here';
  const problems = [
    ...starts.filter((s) => !links.has(s)).map((s) => `${s}: start page missing`),
    ...pages.filter((p) => !reached.has(p)).map((p) => `${p}: ${why(p)}`),
  ];
  return { pages, reached, problems };
}
