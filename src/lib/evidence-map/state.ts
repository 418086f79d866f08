/**
 * The evidence map's shareable state — view, chosen cell, row or column, and
 * filters — and its place in the query string:
 *
 *   ?view=driver-region&cell=drought~sahel&design=synthesis,primary&from=2010
 *
 * `cell=<row>~<column>` chooses a cell, `row=` or `col=` a whole row or
 * column. List filters take comma-separated values. Parsing never throws and
 * never trusts the URL: every part is checked on its own against the map's
 * vocabularies, and a part that fails is dropped (a hostile query string gives
 * the default state). Serialising writes only what differs from the default,
 * in a fixed order, so equal states give equal URLs.
 */
import { emptyFilters, filterValues, LIST_FILTERS, type Filters } from './filter';
import { DEFAULT_VIEW, VIEW_IDS, VIEWS, type Vocabulary, type ViewId } from './model';

export interface EvidenceMapState {
  view: ViewId;
  /** Chosen row (with `col`: a cell), or null. */
  row: string | null;
  /** Chosen column (with `row`: a cell), or null. */
  col: string | null;
  filters: Filters;
}

export const defaultState = (): EvidenceMapState => ({
  view: DEFAULT_VIEW,
  row: null,
  col: null,
  filters: emptyFilters(),
});

/** Query strings longer than this are ignored whole. */
export const MAX_QUERY_LENGTH = 2000;
/** Years accepted in a URL. */
const YEAR_RANGE = [1800, 2100] as const;

const KEYS = ['view', 'cell', 'row', 'col', ...LIST_FILTERS, 'from', 'to'] as const;
type Key = (typeof KEYS)[number];

const decode = (value: string): string | null => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
};

const pick = <T extends string>(list: readonly T[], value: string): T | null =>
  (list as readonly string[]).includes(value) ? (value as T) : null;

const parseYear = (value: string): number | null => {
  if (!/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= YEAR_RANGE[0] && year <= YEAR_RANGE[1] ? year : null;
};

/**
 * Reads the state from a query string (with or without "?"). Unknown keys,
 * repeated keys (the first counts), malformed escapes and values outside the
 * vocabularies are ignored. A cell, row or column that the view does not have
 * is dropped; a year range given backwards is turned round.
 */
export function parseState(query: string, vocabulary: Vocabulary): EvidenceMapState {
  const state = defaultState();
  if (typeof query !== 'string') return state;
  const body = query.startsWith('?') ? query.slice(1) : query;
  if (body === '' || body.length > MAX_QUERY_LENGTH) return state;
  const values = new Map<Key, string>();
  for (const pair of body.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 1) continue;
    const key = pick(KEYS, decode(pair.slice(0, eq)) ?? '');
    if (key === null || values.has(key)) continue;
    const value = decode(pair.slice(eq + 1));
    if (value !== null) values.set(key, value);
  }
  state.view = pick(VIEW_IDS, values.get('view') ?? '') ?? DEFAULT_VIEW;
  const { rows, cols } = VIEWS[state.view];
  const rowIds = vocabulary.axes[rows];
  const colIds = vocabulary.axes[cols];
  const cell = values.get('cell');
  if (cell !== undefined) {
    const parts = cell.split('~');
    const row = parts.length === 2 ? pick(rowIds, parts[0] ?? '') : null;
    const col = parts.length === 2 ? pick(colIds, parts[1] ?? '') : null;
    if (row !== null && col !== null) {
      state.row = row;
      state.col = col;
    }
  } else {
    state.row = pick(rowIds, values.get('row') ?? '');
    state.col = state.row === null ? pick(colIds, values.get('col') ?? '') : null;
  }
  for (const key of LIST_FILTERS) {
    const raw = values.get(key);
    if (raw === undefined) continue;
    const allowed = filterValues(vocabulary, key);
    const tokens = new Set(raw.split(','));
    // Vocabulary order, so equal choices give equal URLs.
    state.filters[key] = allowed.filter((v) => tokens.has(v));
  }
  let from = parseYear(values.get('from') ?? '');
  let to = parseYear(values.get('to') ?? '');
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  state.filters.from = from;
  state.filters.to = to;
  return state;
}

/** Writes the state as a query string ("?…"), or "" for the default state. */
export function serializeState(state: EvidenceMapState): string {
  const enc = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',');
  const parts: string[] = [];
  if (state.view !== DEFAULT_VIEW) parts.push(`view=${state.view}`);
  if (state.row !== null && state.col !== null)
    parts.push(`cell=${enc(state.row)}~${enc(state.col)}`);
  else if (state.row !== null) parts.push(`row=${enc(state.row)}`);
  else if (state.col !== null) parts.push(`col=${enc(state.col)}`);
  for (const key of LIST_FILTERS) {
    if (state.filters[key].length > 0)
      parts.push(`${key}=${state.filters[key].map(enc).join(',')}`);
  }
  if (state.filters.from !== null) parts.push(`from=${state.filters.from}`);
  if (state.filters.to !== null) parts.push(`to=${state.filters.to}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** True if two states give the same URL. */
export const sameState = (a: EvidenceMapState, b: EvidenceMapState): boolean =>
  serializeState(a) === serializeState(b);

/** The link to the evidence map page with `state`: `pageUrl` is the page's own URL. */
export const evidenceMapLink = (pageUrl: string, state: Partial<EvidenceMapState>): string =>
  `${pageUrl}${serializeState({ ...defaultState(), ...state })}`;
