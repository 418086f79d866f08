/**
 * The header's search box, enhanced: "/" focuses it, and typing shows the
 * first results in a panel under it. The box stays a plain form: Enter goes
 * to the search page. Keyboard: Down from the box enters the results, Up and
 * Down move between their links, Escape closes the panel and returns to the
 * box; Tab moves on as usual and closes the panel when focus leaves it.
 */
import { resultsText, type HeaderStrings } from '../../search/strings';
import { queryWordsFound } from '../../search/results';
import { loadStrings } from '../strings';
import { loadPagefind, resultTexts, type Pagefind, type PagefindResultData } from './pagefind';
import { el, renderResult } from './render';

const SHOWN = 5;
const TYPING_DELAY_MS = 200;
const PANEL_ID = 'site-search-panel';

interface Panel {
  root: HTMLElement;
  count: HTMLElement;
  list: HTMLOListElement;
  all: HTMLAnchorElement;
}

export class QuickSearch {
  private readonly input: HTMLInputElement | null;
  private readonly status: HTMLElement | null;
  private panel: Panel | undefined;
  private pagefind: Promise<Pagefind> | undefined;
  private typing: ReturnType<typeof setTimeout> | undefined;
  private run = 0;

  constructor(private readonly root: HTMLElement) {
    this.input = root.querySelector('input[name="q"]');
    this.status = root.querySelector('[data-quick-status]');
  }

  start(): void {
    const input = this.input;
    if (!input) return;
    const searchPage = new URL(input.form?.action ?? '', location.href).pathname;
    const onSearchPage = searchPage === location.pathname;
    if (onSearchPage) input.value = new URLSearchParams(location.search).get('q') ?? '';
    document.addEventListener('keydown', (event) => this.onShortcut(event));
    // On the search page the page itself shows the results.
    if (onSearchPage) return;
    input.addEventListener('input', () => {
      clearTimeout(this.typing);
      this.typing = setTimeout(() => void this.search(), TYPING_DELAY_MS);
    });
    input.addEventListener('keydown', (event) => {
      if (!this.isOpen()) return;
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.links()[0]?.focus();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    });
    this.root.addEventListener('focusout', (event) => {
      if (!(event.relatedTarget instanceof Node) || !this.root.contains(event.relatedTarget)) {
        this.close();
      }
    });
  }

  private onShortcut(event: KeyboardEvent): void {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement ||
      (target instanceof HTMLElement && target.isContentEditable)
    ) {
      return;
    }
    event.preventDefault();
    this.input?.focus();
    this.input?.select();
  }

  private isOpen(): boolean {
    return this.panel !== undefined && !this.panel.root.hidden;
  }

  private links(): HTMLAnchorElement[] {
    return [...(this.panel?.root.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])];
  }

  private onPanelKey(event: KeyboardEvent): void {
    const links = this.links();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
      this.input?.focus();
    } else if (event.key === 'ArrowDown' && at >= 0) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      if (at === 0) this.input?.focus();
      else links[at - 1]?.focus();
    }
  }

  private close(): void {
    if (this.panel) this.panel.root.hidden = true;
  }

  /** The panel, made on first use: a count, the results, a link to all of them. */
  private makePanel(strings: HeaderStrings): Panel {
    const root = el('div', undefined, { class: 'quick no-print', id: PANEL_ID });
    const count = el('p', undefined, { class: 'quick__count' });
    const list = el('ol', undefined, { class: 'quick__list' });
    const all = el('a', strings['search.all'], { href: this.input?.form?.action ?? '' });
    const more = el('p', undefined, { class: 'quick__all' });
    more.append(all);
    root.append(count, list, more);
    root.addEventListener('keydown', (event) => this.onPanelKey(event));
    this.root.append(root);
    this.input?.setAttribute('aria-controls', PANEL_ID);
    return { root, count, list, all };
  }

  private async search(): Promise<void> {
    const query = this.input?.value.trim() ?? '';
    const run = ++this.run;
    if (query.length < 2) {
      this.close();
      if (this.status) this.status.textContent = '';
      return;
    }
    try {
      this.pagefind ??= loadPagefind(
        this.root.dataset['base'] ?? '/',
        this.root.dataset['indexTag'] ?? '',
      );
      const [pagefind, strings] = await Promise.all([
        this.pagefind,
        loadStrings<HeaderStrings>(this.root.dataset['stringsUrl'] ?? ''),
      ]);
      const response = await pagefind.search(query);
      let results = response?.results ?? [];
      let data = await Promise.all(results.slice(0, SHOWN).map((r) => r.data()));
      const best = data[0];
      if (best && !queryWordsFound(query, resultTexts(best))) [results, data] = [[], []];
      if (run !== this.run) return;
      this.show(strings, query, results.length, data);
    } catch {
      // The box still submits to the search page, which says what went wrong.
      this.pagefind = undefined;
      this.close();
    }
  }

  private show(
    strings: HeaderStrings,
    query: string,
    count: number,
    data: PagefindResultData[],
  ): void {
    this.panel ??= this.makePanel(strings);
    const panel = this.panel;
    const text = resultsText(strings, query, count, false, document.documentElement.lang);
    panel.count.textContent = text;
    panel.list.replaceChildren(
      ...data.map((d) =>
        renderResult(d, {
          query,
          matchesLabel: strings['search.matches'],
          matches: 1,
          heading: 'p',
        }),
      ),
    );
    const url = new URL(panel.all.href);
    url.search = new URLSearchParams({ q: query }).toString();
    panel.all.href = `${url.pathname}${url.search}`;
    panel.root.hidden = false;
    if (this.status) {
      this.status.textContent =
        count > 0 ? strings['search.quickHint'].replace('{results}', text) : text;
    }
  }
}
