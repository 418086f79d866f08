/**
 * The evidence map page in the browser. The tables are built with every
 * count; this script reads the state from the URL, loads `index.json`, and
 * then drives the view switch, the filters (recounting every cell with the
 * same code the build used), the keyboard grid, the panel of findings (texts
 * loaded from the details files when first needed), the downloads and the
 * browser history.
 */
import { cellView } from '../../evidence-map/cell-view';
import { decodeDetails, decodeIndex } from '../../evidence-map/codec';
import type { EvidenceConfig } from '../../evidence-map/config';
import { exportFileName, findingRows, sourcesOf, type Detailed } from '../../evidence-map/export';
import { emptyFilters, isFiltered, LIST_FILTERS, type Filters } from '../../evidence-map/filter';
import { computeMatrix, mapFocus, selectFindings, summarise } from '../../evidence-map/matrix';
import {
  detailsFile,
  INDEX_FILE,
  VIEW_IDS,
  VIEWS,
  type DetailsChunk,
  type EvidenceIndex,
  type ViewId,
} from '../../evidence-map/model';
import {
  parseState,
  sameState,
  serializeState,
  type EvidenceMapState,
} from '../../evidence-map/state';
import { mapLink } from '../../map/state';
import { format } from '../../format';
import { saveFile } from '../save';
import { downloadSourceCitations } from '../search/download';
import { enableGrid, type Grid } from './grid';
import { findingItem, renderCell } from './render';

declare global {
  interface Window {
    /** performance.now() when the map became interactive (read by the benchmark). */
    __atlasEvidenceReadyAt?: number;
  }
}

/** Findings listed at once in a panel; "Show more" adds as many again. */
const PAGE = 100;

export function initEvidenceMap(root: HTMLElement): void {
  const config = JSON.parse(root.dataset['config'] ?? '{}') as EvidenceConfig;
  const { strings, labels, vocabulary } = config;
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  const panel = q<HTMLElement>('[data-em-panel]');
  const form = q<HTMLFormElement>('[data-em-filters]');
  const status = q<HTMLElement>('[data-em-status-text]');
  const list = q<HTMLOListElement>('[data-em-list]');
  const more = q<HTMLButtonElement>('[data-em-more]');
  if (!panel || !form || !status || !list || !more) return;

  let state = parseState(location.search, vocabulary);
  let index: EvidenceIndex | undefined;
  let listed = PAGE;
  let panelToken = 0;
  const grids = new Map<ViewId, Grid>();
  const tables = new Map<ViewId, HTMLTableElement>();
  for (const view of VIEW_IDS) {
    const table = q<HTMLTableElement>(`[data-em-table="${view}"]`);
    if (table) tables.set(view, table);
  }
  const urlOf = (s: EvidenceMapState) => `${location.pathname}${serializeState(s)}`;
  // A malformed or hostile query string leaves the address bar as its parsed state.
  history.replaceState(null, '', urlOf(state));

  const selection = () => ({ row: state.row, col: state.col });
  const hasSelection = () => state.row !== null || state.col !== null;

  function commit(next: EvidenceMapState, focusPanel = false): void {
    if (!sameState(next, state)) {
      if (next.row !== state.row || next.col !== state.col || next.view !== state.view)
        listed = PAGE;
      state = next;
      history.pushState(null, '', urlOf(state));
    }
    apply(focusPanel);
  }

  function apply(focusPanel = false): void {
    for (const view of VIEW_IDS) {
      const section = q<HTMLElement>(`[data-em-view="${view}"]`);
      if (section) section.hidden = view !== state.view;
    }
    for (const link of root.querySelectorAll<HTMLAnchorElement>('[data-em-view-link]')) {
      if (link.dataset['emViewLink'] === state.view) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
    syncForm(state.filters);
    if (!index) return;
    renderTable(index);
    renderPanel(index, focusPanel);
  }

  // ——— the table ———

  function renderTable(idx: EvidenceIndex): void {
    const table = tables.get(state.view);
    if (!table) return;
    const matrix = computeMatrix(idx, state.view, state.filters);
    for (const td of table.querySelectorAll<HTMLTableCellElement>('td[data-row][data-col]')) {
      const r = matrix.rows.indexOf(td.dataset['row'] ?? '');
      const c = matrix.cols.indexOf(td.dataset['col'] ?? '');
      const cell = matrix.cells[r]?.[c];
      if (cell) renderCell(td, cellView(cell, idx.vocabulary, matrix.maxDirected), config);
    }
    for (const cell of table.querySelectorAll<HTMLTableCellElement>('td, th')) {
      const { row = null, col = null } = cell.dataset;
      const chosen = hasSelection() && (row ?? null) === state.row && (col ?? null) === state.col;
      if (chosen) cell.setAttribute('aria-selected', 'true');
      else cell.removeAttribute('aria-selected');
    }
    status!.textContent = format(strings['evidence.shown'], {
      findings: matrix.findings,
      sources: matrix.sources,
    });
  }

  // ——— the panel ———

  const title = q<HTMLElement>('[data-em-panel-title]');
  const count = q<HTMLElement>('[data-em-panel-count]');
  const flag = q<HTMLElement>('[data-em-panel-flag]');
  const mapAnchor = q<HTMLAnchorElement>('[data-em-map]');
  const noMap = q<HTMLElement>('[data-em-nomap]');

  function panelTitle(): string {
    const { rows, cols } = VIEWS[state.view];
    const row = state.row === null ? '' : (labels.axes[rows][state.row] ?? state.row);
    const col = state.col === null ? '' : (labels.axes[cols][state.col] ?? state.col);
    if (state.row !== null && state.col !== null)
      return format(strings['evidence.panel.cell'], { row, col });
    return state.row !== null
      ? format(strings['evidence.panel.row'], { row })
      : format(strings['evidence.panel.col'], { col });
  }

  function renderPanel(idx: EvidenceIndex, focus: boolean): void {
    if (!hasSelection()) {
      panel!.hidden = true;
      return;
    }
    const findings = selectFindings(idx, state.view, state.filters, selection());
    const cell = summarise(idx, findings);
    const token = ++panelToken;
    panel!.hidden = false;
    if (title) title.textContent = panelTitle();
    if (count)
      count.textContent =
        findings.length === 0
          ? strings['evidence.panel.empty']
          : format(strings['evidence.panel.count'], {
              findings: findings.length,
              studies: cell.studies,
              sources: sourcesOf(idx, findings).length,
            });
    if (flag) {
      const thin = cell.state === 'policy-only' || cell.state === 'one-study' ? cell.state : null;
      flag.hidden = thin === null;
      flag.textContent = thin === null ? '' : strings[`evidence.flag.${thin}`];
    }
    const focusOn = mapFocus(idx, state.view, selection(), findings);
    if (mapAnchor && noMap) {
      mapAnchor.hidden = focusOn === null || findings.length === 0;
      noMap.hidden = !mapAnchor.hidden || findings.length === 0;
      if (focusOn) mapAnchor.href = mapLink(config.mapPage, focusOn);
      noMap.textContent = strings['evidence.notOnMap'];
    }
    for (const button of panel!.querySelectorAll<HTMLButtonElement>('[data-em-download]'))
      button.disabled = findings.length === 0;
    list!.replaceChildren();
    more!.hidden = true;
    if (findings.length > 0) {
      list!.setAttribute('aria-busy', 'true');
      const loading = document.createElement('li');
      loading.className = 'meta';
      loading.textContent = strings['evidence.panel.loading'];
      list!.append(loading);
      const page = findings.slice(0, listed);
      detailed(idx, page)
        .then((items) => {
          if (token !== panelToken) return;
          list!.replaceChildren(
            ...items.map((d) => {
              const f = idx.findings[d.index];
              const source = f ? idx.sources[f.source] : undefined;
              return findingItem(
                {
                  details: d.details,
                  source: {
                    ...d.source,
                    id: source?.id ?? '',
                    year: source?.year ?? 0,
                    tier: vocabulary.tiers[source?.tier ?? -1] ?? '',
                  },
                  direction:
                    f && f.direction >= 0 ? (vocabulary.directions[f.direction] ?? null) : null,
                  status: vocabulary.statuses[f?.status ?? -1] ?? '',
                },
                config,
              );
            }),
          );
          more!.hidden = findings.length <= listed;
        })
        .catch(() => {
          if (token === panelToken) list!.replaceChildren(errorItem());
        })
        .finally(() => list!.removeAttribute('aria-busy'));
    }
    if (focus) {
      panel!.scrollIntoView({ block: 'nearest' });
      title?.focus();
    }
  }

  const errorItem = () => {
    const li = document.createElement('li');
    li.className = 'em-error';
    li.textContent = strings['evidence.loadError'];
    return li;
  };

  more.addEventListener('click', () => {
    listed += PAGE;
    if (index) renderPanel(index, false);
  });

  /** Closes the panel and gives focus back to the chosen cell. */
  function closePanel(): void {
    const table = tables.get(state.view);
    const chosen = table?.querySelector<HTMLTableCellElement>('[aria-selected="true"]');
    commit({ ...state, row: null, col: null });
    const grid = grids.get(state.view);
    if (chosen && grid) grid.moveTo(chosen, true);
    else grid?.current()?.focus();
  }
  q<HTMLButtonElement>('[data-em-close]')?.addEventListener('click', closePanel);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closePanel();
  });

  // ——— details, downloads, links ———

  const chunks = new Map<number, Promise<DetailsChunk>>();
  function chunk(idx: EvidenceIndex, n: number): Promise<DetailsChunk> {
    let file = chunks.get(n);
    if (!file) {
      const sourceOf = idx.findings
        .slice(n * idx.chunk, (n + 1) * idx.chunk)
        .map((f) => idx.sources[f.source]?.id ?? '');
      file = fetch(`${config.data}${detailsFile(config.lang, n)}`).then(async (r) => {
        if (!r.ok) throw new Error(`${r.status} for details ${n}`);
        return decodeDetails(await r.json(), sourceOf);
      });
      file.catch(() => chunks.delete(n));
      chunks.set(n, file);
    }
    return file;
  }
  async function detailed(idx: EvidenceIndex, findings: readonly number[]): Promise<Detailed[]> {
    const needed = [...new Set(findings.map((i) => Math.floor(i / idx.chunk)))];
    const files = new Map(
      await Promise.all(needed.map(async (n) => [n, await chunk(idx, n)] as const)),
    );
    return findings.flatMap((i) => {
      const file = files.get(Math.floor(i / idx.chunk));
      const details = file?.findings[i % idx.chunk];
      const sourceId = idx.sources[idx.findings[i]?.source ?? -1]?.id ?? '';
      const source = file?.sources[sourceId];
      return details && source ? [{ index: i, details, source }] : [];
    });
  }

  async function download(ext: string, scope: 'selection' | 'shown', note: HTMLElement | null) {
    if (!index) return;
    const findings = selectFindings(
      index,
      state.view,
      state.filters,
      scope === 'selection' ? selection() : { row: null, col: null },
    );
    const name = exportFileName(state, scope, ext, isFiltered(state.filters));
    try {
      if (ext === 'csv') {
        const [rows, { findingsCsv }] = await Promise.all([
          detailed(index, findings).then((d) =>
            findingRows(index!, d, new URL(config.root, location.href).href),
          ),
          import('../../evidence-map/csv'),
        ]);
        saveFile(name, findingsCsv(rows), 'text/csv;charset=utf-8');
      } else {
        await downloadSourceCitations(sourcesOf(index, findings), ext, name, config.base);
      }
      if (note) note.textContent = format(strings['evidence.download.done'], { file: name });
    } catch {
      if (note) note.textContent = strings['evidence.download.failed'];
    }
  }

  for (const actions of root.querySelectorAll<HTMLElement>('[data-em-actions]')) {
    const scope = actions.dataset['emActions'] === 'selection' ? 'selection' : 'shown';
    const note = actions.querySelector<HTMLElement>('[data-em-note]');
    for (const button of actions.querySelectorAll<HTMLButtonElement>('[data-em-download]'))
      button.addEventListener(
        'click',
        () => void download(button.dataset['emDownload'] ?? '', scope, note),
      );
    const copy = actions.querySelector<HTMLButtonElement>('[data-em-copy]');
    // Shown from the first paint; hidden only where there is no clipboard to copy to.
    if (copy && !navigator.clipboard) copy.hidden = true;
    else if (copy) {
      copy.addEventListener('click', () => {
        void navigator.clipboard.writeText(location.href).then(() => {
          if (note) note.textContent = strings['evidence.copied'];
        });
      });
    }
  }

  // ——— filters and views ———

  function readForm(): Filters {
    const filters = emptyFilters();
    for (const key of LIST_FILTERS)
      filters[key] = [
        ...form!.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`),
      ].map((i) => i.value);
    const year = (name: string) => {
      const value = form!.querySelector<HTMLSelectElement>(`select[name="${name}"]`)?.value ?? '';
      return value === '' ? null : Number(value);
    };
    filters.from = year('from');
    filters.to = year('to');
    // The same reading as a URL's, so a backward range is turned round here too.
    return parseState(serializeState({ ...state, filters }), vocabulary).filters;
  }

  function syncForm(filters: Filters): void {
    for (const key of LIST_FILTERS)
      for (const input of form!.querySelectorAll<HTMLInputElement>(`input[name="${key}"]`))
        input.checked = filters[key].includes(input.value);
    for (const name of ['from', 'to'] as const) {
      const select = form!.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
      const value = filters[name] === null ? '' : String(filters[name]);
      if (select) select.value = [...select.options].some((o) => o.value === value) ? value : '';
    }
    const clear = form!.querySelector<HTMLButtonElement>('[data-em-clear]');
    if (clear) clear.disabled = !isFiltered(filters);
  }

  form.addEventListener('change', () => commit({ ...state, filters: readForm() }));
  form.addEventListener('submit', (event) => event.preventDefault());
  form
    .querySelector<HTMLButtonElement>('[data-em-clear]')
    ?.addEventListener('click', () => commit({ ...state, filters: emptyFilters() }));

  for (const link of root.querySelectorAll<HTMLAnchorElement>('[data-em-view-link]')) {
    link.addEventListener('click', (event) => {
      const view = VIEW_IDS.find((v) => v === link.dataset['emViewLink']);
      if (!view) return;
      event.preventDefault();
      commit({ ...state, view, row: null, col: null });
    });
  }

  addEventListener('popstate', () => {
    state = parseState(location.search, vocabulary);
    listed = PAGE;
    apply();
  });

  // ——— start ———

  for (const [view, table] of tables) {
    const grid = enableGrid(table, {
      activate: (cell) => {
        if (!index) return;
        const { row, col } = cell.dataset;
        if (row === undefined && col === undefined) return;
        commit({ ...state, view, row: row ?? null, col: col ?? null }, true);
      },
      escape: () => {
        if (hasSelection()) closePanel();
      },
    });
    grids.set(view, grid);
    // The cells are the tab stops now; the scrolling box needs none of its own.
    table.closest('[data-em-scroll]')?.removeAttribute('tabindex');
  }
  apply();
  root.dataset['emStatus'] = 'loading';
  status.textContent = strings['evidence.loading'];

  fetch(`${config.data}${INDEX_FILE}`)
    .then(async (response) => {
      if (!response.ok) throw new Error(`${response.status} for ${INDEX_FILE}`);
      index = decodeIndex(await response.json());
      // Laid out since the first paint, usable now.
      for (const control of root.querySelectorAll<HTMLInputElement>('[data-em-when-loaded]'))
        control.disabled = false;
      apply();
      const chosen = tables
        .get(state.view)
        ?.querySelector<HTMLTableCellElement>('[aria-selected="true"]');
      if (chosen) grids.get(state.view)?.moveTo(chosen);
      root.dataset['emStatus'] = 'ready';
      window.__atlasEvidenceReadyAt = performance.now();
    })
    .catch(() => {
      root.dataset['emStatus'] = 'error';
      status.textContent = strings['evidence.loadError'];
    });
}
