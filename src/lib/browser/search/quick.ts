/**
 * The header's search box, enhanced: "/" focuses it, and typing shows the
 * first results in a panel under it. The box stays a plain form: Enter goes
 * to the search page. Keyboard: Down from the box enters the results, Up and
 * Down move between their links, Escape closes the panel and returns to the
 * box; Tab moves on as usual and closes the panel when focus leaves it.
 */
import { resultsText, type QuickStrings } from '../../search/strings';
import { loadPagefind, type Pagefind, type PagefindResultData } from './pagefind';
import { renderResult } from './render';

const SHOWN = 5;
const TYPING_DELAY_MS = 200;

export class QuickSearch {
  private readonly input: HTMLInputElement | null;
  private readonly panel: HTMLElement | null;
  private readonly strings: QuickStrings;
  private pagefind: Promise<Pagefind> | undefined;
  private typing: ReturnType<typeof setTimeout> | undefined;
  private run = 0;

  constructor(private readonly root: HTMLElement) {
    this.input = root.querySelector('input[name="q"]');
    this.panel = root.querySelector('[data-quick-panel]');
    this.strings = JSON.parse(root.dataset['strings'] ?? '{}') as QuickStrings;
  }

  start(): void {
    const { input, panel } = this;
    if (!input || !panel) return;
    const onSearchPage =
      new URL(input.form?.action ?? '', location.href).pathname === location.pathname;
    if (onSearchPage) input.value = new URLSearchParams(location.search).get('q') ?? '';
    document.addEventListener('keydown', (event) => this.onShortcut(event));
    // On the search page the page itself shows the results.
    if (onSearchPage) return;
    input.addEventListener('input', () => {
      clearTimeout(this.typing);
      this.typing = setTimeout(() => void this.search(), TYPING_DELAY_MS);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' && !panel.hidden) {
        event.preventDefault();
        this.links()[0]?.focus();
      } else if (event.key === 'Escape' && !panel.hidden) {
        event.preventDefault();
        this.close();
      }
    });
    panel.addEventListener('keydown', (event) => this.onPanelKey(event));
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

  private links(): HTMLAnchorElement[] {
    return [...(this.panel?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])];
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
    if (this.panel) this.panel.hidden = true;
  }

  private async search(): Promise<void> {
    const query = this.input?.value.trim() ?? '';
    const run = ++this.run;
    const status = this.root.querySelector<HTMLElement>('[data-quick-status]');
    if (query.length < 2) {
      this.close();
      if (status) status.textContent = '';
      return;
    }
    try {
      this.pagefind ??= loadPagefind(
        this.root.dataset['base'] ?? '/',
        this.root.dataset['indexTag'] ?? '',
      );
      const pagefind = await this.pagefind;
      const response = await pagefind.search(query);
      const results = response?.results ?? [];
      const data = await Promise.all(results.slice(0, SHOWN).map((r) => r.data()));
      if (run !== this.run) return;
      this.show(query, results.length, data);
    } catch {
      // The box still submits to the search page, which says what went wrong.
      this.pagefind = undefined;
      this.close();
    }
  }

  private show(query: string, count: number, data: PagefindResultData[]): void {
    const { panel, root, strings } = this;
    if (!panel) return;
    const text = resultsText(strings, query, count, false);
    const list = root.querySelector<HTMLElement>('[data-quick-results]');
    const countLine = root.querySelector<HTMLElement>('[data-quick-count]');
    const all = root.querySelector<HTMLAnchorElement>('[data-quick-all]');
    const status = root.querySelector<HTMLElement>('[data-quick-status]');
    if (!list || !countLine || !all || !status) return;
    countLine.textContent = text;
    list.replaceChildren(
      ...data.map((d) =>
        renderResult(d, {
          query,
          matchesLabel: strings['search.matches'],
          matches: 1,
          heading: 'p',
        }),
      ),
    );
    const url = new URL(all.href);
    url.search = new URLSearchParams({ q: query }).toString();
    all.href = `${url.pathname}${url.search}`;
    panel.hidden = false;
    status.textContent = count > 0 ? strings['search.quickHint'].replace('{results}', text) : text;
  }
}
