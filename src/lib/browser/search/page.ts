/**
 * The search page: reads the search from the URL, runs it with Pagefind,
 * renders filters with live counts and the results, and keeps the URL in
 * step. Everything from the index is written as text (Pagefind's `meta` and
 * `content` are not escaped); excerpts go through `excerptNodes`.
 */
import { buildFacets, countQueries, type Facet, type FilterCounts } from '../../search/facets';
import {
  isEmpty,
  parseState,
  serializeState,
  toPagefindOptions,
  type FilterKey,
  type SearchState,
} from '../../search/state';
import { format, formatList } from '../../format';
import { resultsText, type SearchStrings } from '../../search/strings';
import { queryWordsFound } from '../../search/results';
import { MISSING_INDEX } from '../../offline/precache';
import { downloadCitations } from './download';
import { loadPagefind, resultTexts, type Pagefind, type PagefindResult } from './pagefind';
import { el, renderResult } from './render';

const PAGE_SIZE = 10;
const WORKER_REPLY_MS = 2000;

/**
 * The search index files the service worker could not serve since the last
 * call (offline, neither read nor saved): Pagefind skips a missing part of
 * its index without a word, so the page asks.
 */
async function missingIndex(): Promise<string[]> {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return [];
  const channel = new MessageChannel();
  const reply = new Promise<string[]>((resolve) => {
    channel.port1.onmessage = (event) => resolve(event.data as string[]);
    // A worker from before this page's build does not answer: assume nothing is missing.
    setTimeout(() => resolve([]), WORKER_REPLY_MS);
  });
  worker.postMessage({ type: MISSING_INDEX }, [channel.port2]);
  return reply;
}
const TYPING_DELAY_MS = 250;

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  filters: HTMLDetailsElement;
  facets: HTMLElement;
  clear: HTMLButtonElement;
  status: HTMLElement;
  error: HTMLElement;
  help: HTMLElement;
  gap: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
  exporter: HTMLElement;
  exportStatus: HTMLElement;
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`search page: missing ${selector}`);
  return el;
}

export class SearchPage {
  private readonly els: Elements;
  private readonly strings: SearchStrings;
  private readonly base: string;
  private readonly locale: string;
  private pagefind: Pagefind | undefined;
  private totals: FilterCounts = {};
  private state: SearchState;
  private results: PagefindResult[] = [];
  private shown = 0;
  /** Results whose data the browser could not load (offline, not stored). */
  private unshown = 0;
  /** The index files the service worker could not serve for the results shown (offline). */
  private missing: string[] = [];
  private run = 0;
  private typing: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly root: HTMLElement) {
    this.els = {
      form: required(root, '[data-search-form]'),
      input: required(root, 'input[name="q"]'),
      sort: required(root, 'select[name="sort"]'),
      filters: required(root, '[data-filters]'),
      facets: required(root, '[data-facets]'),
      clear: required(root, '[data-clear]'),
      status: required(root, '[data-status]'),
      error: required(root, '[data-error]'),
      help: required(root, '[data-help]'),
      gap: required(root, '[data-offline-gap]'),
      results: required(root, '[data-results]'),
      more: required(root, '[data-more]'),
      exporter: required(root, '[data-export]'),
      exportStatus: required(root, '[data-export-status]'),
    };
    this.strings = JSON.parse(root.dataset['strings'] ?? '{}') as SearchStrings;
    this.base = root.dataset['base'] ?? '/';
    this.locale = root.dataset['locale'] ?? 'en';
    this.state = parseState(location.search);
  }

  async start(): Promise<void> {
    this.showState();
    this.els.status.textContent = this.strings['search.loading'];
    try {
      this.pagefind = await loadPagefind(this.base, this.root.dataset['indexTag'] ?? '');
      // Pagefind loads the filter index lazily; counts come with results only once it has.
      this.totals = await this.pagefind.filters();
    } catch {
      this.showError();
      return;
    }
    this.openFilters();
    this.bind();
    await this.search();
  }

  /**
   * Shows the filters: open where they sit beside the results (the layout's
   * two-column breakpoint), or where some already apply, so none is hidden.
   */
  private openFilters(): void {
    const { filters } = this.els;
    const applied = Object.values(this.state.filters).some((v) => v.length > 0);
    filters.open = applied || matchMedia('(min-width: 56rem)').matches;
    filters.hidden = false;
  }

  private showError(): void {
    this.root.dataset['state'] = 'error';
    this.els.status.textContent = '';
    this.els.error.textContent = this.strings['search.error'];
    this.els.error.hidden = false;
    this.els.filters.hidden = true;
  }

  private bind(): void {
    const { form, input, more, clear } = this.els;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.typing);
      this.update(this.readForm(), 'push');
    });
    input.addEventListener('input', () => {
      clearTimeout(this.typing);
      this.typing = setTimeout(() => this.update(this.readForm(), 'replace'), TYPING_DELAY_MS);
    });
    form.addEventListener('change', (event) => {
      if (event.target === input) return;
      this.update(this.readForm(), 'push');
    });
    clear.addEventListener('click', () => {
      this.update(parseState(new URLSearchParams({ q: this.state.q })), 'push');
      input.focus();
    });
    more.addEventListener('click', () => void this.more());
    window.addEventListener('popstate', () => {
      this.state = parseState(location.search);
      this.showState();
      void this.search();
    });
    for (const button of this.els.exporter.querySelectorAll<HTMLButtonElement>(
      'button[data-ext]',
    )) {
      button.addEventListener('click', () => void this.export(button.dataset['ext'] ?? 'bib'));
    }
  }

  /** The state the form shows (the words, the order and every ticked filter). */
  private readForm(): SearchState {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(this.els.form)) {
      if (typeof value === 'string') params.append(name, value);
    }
    return parseState(params);
  }

  private update(next: SearchState, history: 'push' | 'replace'): void {
    const query = serializeState(next);
    if (query === serializeState(this.state)) return;
    this.state = next;
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    void this.search();
  }

  /** Puts the state into the form controls that exist before any search. */
  private showState(): void {
    this.els.input.value = this.state.q;
    this.els.sort.value = this.state.sort;
  }

  private async search(): Promise<void> {
    const pagefind = this.pagefind;
    if (!pagefind) return;
    const run = ++this.run;
    const state = this.state;
    this.root.dataset['state'] = 'searching';
    const term = state.q === '' ? null : state.q;
    try {
      await missingIndex();
      const queries = countQueries(state);
      const responses = await Promise.all(
        queries.map(({ state: s }) => pagefind.search(term, toPagefindOptions(s))),
      );
      // Asked before anything is drawn, so the results and what they lack appear at once.
      const missing = await missingIndex();
      if (run !== this.run) return;
      const counts = new Map<FilterKey | null, FilterCounts>();
      queries.forEach(({ key }, i) => counts.set(key, responses[i]?.filters ?? {}));
      if (isEmpty(state)) counts.set(null, this.totals);
      let results = isEmpty(state) ? [] : (responses[0]?.results ?? []);
      const best = results[0];
      const bestData = await best?.data().catch(() => undefined);
      if (term !== null && bestData && !queryWordsFound(term, resultTexts(bestData))) {
        // Pagefind found only a stand-in for a word of the query: nothing, honestly.
        results = [];
        for (const key of counts.keys()) counts.set(key, {});
      }
      if (run !== this.run) return;
      this.renderFacets(buildFacets(state, counts, this.locale));
      this.results = results;
      this.shown = 0;
      this.unshown = 0;
      this.els.results.replaceChildren();
      await this.showMore(false);
      if (run !== this.run) return;
      this.announce();
      this.missing = missing;
      this.showGap(missing);
      this.root.dataset['state'] = 'done';
    } catch {
      if (run === this.run) this.showError();
    }
  }

  private announce(): void {
    const { status, help, exporter, clear } = this.els;
    const s = this.strings;
    const n = this.results.length;
    const filtered = Object.values(this.state.filters).some((v) => v.length > 0);
    clear.hidden = !filtered;
    help.hidden = true;
    exporter.hidden = n === 0;
    this.els.exportStatus.textContent = '';
    status.textContent = resultsText(
      s,
      this.state.q,
      n,
      isEmpty(this.state),
      document.documentElement.lang,
    );
    if (n === 0 && !isEmpty(this.state)) {
      help.textContent = s['search.noneHelp'];
      help.hidden = false;
    }
  }

  /**
   * Says, offline, which results may be missing: the words whose part of the
   * index is not stored, and how many results could not be shown.
   */
  private showGap(missing: string[]): void {
    const { gap } = this.els;
    const words = this.state.q.split(/\s+/).filter((w) => w !== '');
    const lines: string[] = [];
    if (missing.some((p) => !p.startsWith('pagefind/fragment/')) && words.length > 0) {
      const quoted = formatList(
        words.map((w) => `“${w}”`),
        this.locale,
      );
      lines.push(format(this.strings['search.offlineMissing'], { words: quoted }));
    }
    if (this.unshown > 0)
      lines.push(format(this.strings['search.offlineUnshown'], { count: this.unshown }));
    gap.textContent = lines.join(' ');
    gap.hidden = lines.length === 0;
    this.root.dataset['gap'] = lines.length > 0 ? 'missing' : '';
  }

  /** "Show more": the next results, and what of them could not be shown offline. */
  private async more(): Promise<void> {
    const run = this.run;
    await missingIndex();
    await this.showMore(true);
    const missing = await missingIndex();
    if (run !== this.run) return;
    this.missing = [...this.missing, ...missing];
    this.showGap(this.missing);
  }

  private async showMore(moveFocus: boolean): Promise<void> {
    const run = this.run;
    const batch = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    const settled = await Promise.allSettled(batch.map((r) => r.data()));
    if (run !== this.run) return;
    const data = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    this.unshown += settled.length - data.length;
    const items = data.map((d) =>
      renderResult(d, {
        query: this.state.q,
        matchesLabel: this.strings['search.matches'],
        matches: 3,
        heading: 'h3',
      }),
    );
    this.els.results.append(...items);
    this.shown += batch.length;
    this.els.more.hidden = this.shown >= this.results.length;
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }

  private renderFacets(facets: Facet[]): void {
    const active = document.activeElement;
    const focused =
      active instanceof HTMLInputElement && active.type === 'checkbox'
        ? { name: active.name, value: active.value }
        : undefined;
    const fieldsets = facets.map((facet) => {
      const fieldset = el('fieldset', undefined, { class: 'facet' });
      fieldset.append(el('legend', this.strings[`search.filter.${facet.key}`]));
      const list = el('ul');
      for (const v of facet.values) {
        const li = el('li');
        const label = el('label');
        const box = el('input', undefined, { type: 'checkbox', name: facet.key, value: v.value });
        box.checked = v.selected;
        label.append(box, ` ${v.value} `, el('span', `(${v.count})`, { class: 'facet__count' }));
        li.append(label);
        list.append(li);
      }
      fieldset.append(list);
      return fieldset;
    });
    this.els.facets.replaceChildren(...fieldsets);
    if (focused) {
      for (const box of this.els.facets.querySelectorAll<HTMLInputElement>('input')) {
        if (box.name === focused.name && box.value === focused.value) box.focus();
      }
    }
  }

  private async export(ext: string): Promise<void> {
    const status = this.els.exportStatus;
    try {
      const data = await Promise.all(this.results.map((r) => r.data()));
      const file = await downloadCitations(
        data.map((d) => d.url),
        ext,
        this.state.q,
        this.base,
      );
      status.textContent = file
        ? format(this.strings['search.exportDone'], { file: file.name, count: file.count })
        : this.strings['search.exportNone'];
    } catch {
      status.textContent = this.strings['search.exportFailed'];
    }
  }
}
