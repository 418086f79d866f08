/**
 * Builds the DOM of one search result, for the search page and the header's
 * quick results. Every value from the index is set as text: Pagefind's
 * `meta` is not escaped. Excerpts go through `excerptNodes`.
 */
import { bestSubResults } from '../../search/results';
import { excerptNodes } from './excerpt';
import type { PagefindResultData } from './pagefind';

/** Creates an element with text (never HTML) and optional attributes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

function excerpt(html: string): HTMLParagraphElement {
  const p = el('p', undefined, { class: 'result__excerpt' });
  p.append(...excerptNodes(html));
  return p;
}

export interface RenderOptions {
  /** The words searched, to put the passage that holds them first. */
  query: string;
  /** Accessible name of the list of passages, "{title}" filled in. */
  matchesLabel: string;
  /** How many passages of one page to show. */
  matches: number;
  /** A heading on the search page; a plain paragraph in the header's panel. */
  heading: 'h3' | 'p';
}

/**
 * Title (linked to the page), type · year · symbol, the citation, then the
 * best passages, each linked to its anchor and titled with its locator.
 */
export function renderResult(data: PagefindResultData, options: RenderOptions): HTMLLIElement {
  const title = data.meta['title'] ?? data.url;
  const item = el('li', undefined, { class: 'result' });
  const heading = el(options.heading, undefined, { class: 'result__title' });
  heading.append(el('a', title, { href: data.url }));
  item.append(heading);
  const facts = [data.meta['type'], data.meta['year'], data.meta['symbol']].filter(Boolean);
  if (facts.length > 0) item.append(el('p', facts.join(' · '), { class: 'meta' }));
  const citation = data.meta['citation'];
  if (citation) item.append(el('p', citation, { class: 'result__citation' }));

  const subs = bestSubResults(data.sub_results, options.query, options.matches);
  if (subs.length === 0) {
    item.append(excerpt(data.excerpt));
    return item;
  }
  const list = el('ul', undefined, {
    class: 'result__matches',
    'aria-label': options.matchesLabel.replace('{title}', title),
  });
  for (const sub of subs) {
    const li = el('li');
    li.append(
      el('a', sub.title, { href: sub.url, class: 'result__locator' }),
      excerpt(sub.excerpt),
    );
    list.append(li);
  }
  item.append(list);
  return item;
}
