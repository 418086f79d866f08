/**
 * The counts of the evidence map: for a view and filters, every cell's
 * findings split by design tier and by direction, how many studies they come
 * from, and whether the cell is a gap or thin. The build renders the table
 * from these and the browser recomputes them when filters change, so the two
 * can never disagree.
 */
import { matcher, type Filters } from './filter';
import { VIEWS, type EvidenceIndex, type ViewId } from './model';

/**
 * What a cell holds.
 * - `gap`: no finding.
 * - `policy-only`: findings, but only from policy documents (thin).
 * - `one-study`: research findings from a single study (thin).
 * - `evidence`: research findings from two studies or more.
 */
export type CellState = 'gap' | 'policy-only' | 'one-study' | 'evidence';

export interface Cell {
  /** Indices of the findings in the cell, ascending. */
  findings: number[];
  /** Findings per design tier (index = tier). */
  tiers: number[];
  /** Findings per direction of effect (index = direction); findings without one are not counted. */
  directions: number[];
  /** Distinct research sources (tiers other than `policy`). */
  studies: number;
  state: CellState;
}

export interface Matrix {
  view: ViewId;
  rows: string[];
  cols: string[];
  /** cells[row][col]. */
  cells: Cell[][];
  /** The largest number of findings with a direction in one cell (scales the bars). */
  maxDirected: number;
  /** Findings that count in at least one cell, and their distinct sources. */
  findings: number;
  sources: number;
}

/** The tier index of policy documents (findings of those are not "studies"). */
const policyTier = (index: EvidenceIndex) => index.vocabulary.tiers.indexOf('policy');

export function summarise(index: EvidenceIndex, findings: readonly number[]): Cell {
  const v = index.vocabulary;
  const tiers = v.tiers.map(() => 0);
  const directions = v.directions.map(() => 0);
  const studies = new Set<number>();
  const policy = policyTier(index);
  for (const i of findings) {
    const f = index.findings[i];
    const source = f ? index.sources[f.source] : undefined;
    if (!f || !source) continue;
    tiers[source.tier] = (tiers[source.tier] ?? 0) + 1;
    if (f.direction >= 0) directions[f.direction] = (directions[f.direction] ?? 0) + 1;
    if (source.tier !== policy) studies.add(f.source);
  }
  const state: CellState =
    findings.length === 0
      ? 'gap'
      : studies.size === 0
        ? 'policy-only'
        : studies.size === 1
          ? 'one-study'
          : 'evidence';
  return { findings: [...findings], tiers, directions, studies: studies.size, state };
}

/** Every cell of `view` for `filters`. A finding counts once in each cell it falls in. */
export function computeMatrix(index: EvidenceIndex, view: ViewId, filters: Filters): Matrix {
  const { rows: rowAxis, cols: colAxis } = VIEWS[view];
  const rows = index.vocabulary.axes[rowAxis];
  const cols = index.vocabulary.axes[colAxis];
  const lists: number[][][] = rows.map(() => cols.map(() => []));
  const keep = matcher(index, filters);
  const shown = new Set<number>();
  index.findings.forEach((f, i) => {
    if (!keep(f)) return;
    for (const r of f.keys[rowAxis])
      for (const c of f.keys[colAxis]) {
        lists[r]?.[c]?.push(i);
        shown.add(i);
      }
  });
  const cells = lists.map((row) => row.map((findings) => summarise(index, findings)));
  const maxDirected = Math.max(
    0,
    ...cells.flat().map((c) => c.directions.reduce((a, b) => a + b, 0)),
  );
  const sources = new Set([...shown].map((i) => index.findings[i]?.source));
  return { view, rows, cols, cells, maxDirected, findings: shown.size, sources: sources.size };
}

/** A choice on the map: a cell (row and column), a whole row, a whole column, or the whole view. */
export interface Selection {
  row: string | null;
  col: string | null;
}

/**
 * The findings behind a selection, each once: those of the cell, or of every
 * cell of the row or column, or of the whole view.
 */
export function selectFindings(
  index: EvidenceIndex,
  view: ViewId,
  filters: Filters,
  selection: Selection,
): number[] {
  const { rows: rowAxis, cols: colAxis } = VIEWS[view];
  const r = selection.row === null ? -1 : index.vocabulary.axes[rowAxis].indexOf(selection.row);
  const c = selection.col === null ? -1 : index.vocabulary.axes[colAxis].indexOf(selection.col);
  const keep = matcher(index, filters);
  const out: number[] = [];
  index.findings.forEach((f, i) => {
    if (!keep(f) || f.keys[rowAxis].length === 0 || f.keys[colAxis].length === 0) return;
    if (r >= 0 && !f.keys[rowAxis].includes(r)) return;
    if (c >= 0 && !f.keys[colAxis].includes(c)) return;
    out.push(i);
  });
  return out;
}

/** A piece of a cell's bar: one direction, as a share of the widest cell of the view. */
export interface Segment {
  direction: string;
  /** Start and width, in percent of the bar's full length. */
  x: number;
  width: number;
}

/**
 * The segmented bar of a cell: one segment per direction with findings, in
 * vocabulary order, the bar as long as the cell's count relative to the
 * view's largest (at least `minimum` percent, so one finding stays visible).
 */
export function barSegments(
  directions: readonly number[],
  names: readonly string[],
  maxDirected: number,
  minimum = 12,
): Segment[] {
  const total = directions.reduce((a, b) => a + b, 0);
  if (total === 0 || maxDirected === 0) return [];
  const length = Math.max(minimum, (100 * total) / maxDirected);
  const out: Segment[] = [];
  let x = 0;
  directions.forEach((n, i) => {
    if (n === 0) return;
    const width = (length * n) / total;
    out.push({ direction: names[i] ?? '', x: round(x), width: round(width) });
    x += width;
  });
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** One line of the home page's summary: a driver and what its research findings say. */
export interface DriverSummary {
  driver: string;
  /** Findings per direction (index = direction). */
  directions: number[];
  findings: number;
  studies: number;
}

/**
 * For each driver row with research findings: how many point each way, and
 * from how many studies. Policy documents carry no direction and are left out.
 */
export function driverSummary(index: EvidenceIndex): DriverSummary[] {
  const policy = policyTier(index);
  const lists = index.vocabulary.axes.codedDrivers.map((): number[] => []);
  index.findings.forEach((f, i) => {
    if (f.direction < 0 || index.sources[f.source]?.tier === policy) return;
    for (const d of f.keys.codedDrivers) lists[d]?.push(i);
  });
  return index.vocabulary.axes.codedDrivers
    .map((driver, d) => {
      const cell = summarise(index, lists[d] ?? []);
      return {
        driver,
        directions: cell.directions,
        findings: cell.findings.length,
        studies: cell.studies,
      };
    })
    .filter((s) => s.findings > 0);
}

/**
 * Where the map page shows a selection: a region column selects the region;
 * otherwise, findings all from one source with features show that source's
 * places. Null when the map has nothing to show (global findings).
 */
export function mapFocus(
  index: EvidenceIndex,
  view: ViewId,
  selection: Selection,
  findings: readonly number[],
): { select: string } | { source: string } | null {
  if (VIEWS[view].cols === 'regions' && selection.col && index.regionsOnMap.includes(selection.col))
    return { select: `region:${selection.col}` };
  const sources = new Set(findings.map((i) => index.findings[i]?.source));
  if (sources.size !== 1) return null;
  const [only] = [...sources];
  const source = only === undefined ? undefined : index.sources[only];
  return source?.onMap ? { source: source.id } : null;
}
