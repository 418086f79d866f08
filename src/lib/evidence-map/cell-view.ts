/**
 * What a cell shows, as data: the build's table and the browser's re-render
 * both draw from this, so a filtered cell looks exactly like a built one.
 */
import { barSegments, type Cell, type CellState, type Segment } from './matrix';
import { DIRECTION_GLYPHS, TIER_GLYPHS, type Vocabulary } from './model';

export interface Mark {
  id: string;
  glyph: string;
  count: number;
}

export interface CellView {
  state: CellState;
  total: number;
  segments: Segment[];
  /** Directions with findings, in vocabulary order. */
  directions: Mark[];
  /** Design tiers with findings, in vocabulary order. */
  tiers: Mark[];
}

const marks = (ids: readonly string[], counts: readonly number[], glyphs: Record<string, string>) =>
  ids
    .map((id, i) => ({ id, glyph: glyphs[id] ?? '', count: counts[i] ?? 0 }))
    .filter((m) => m.count > 0);

export function cellView(cell: Cell, vocabulary: Vocabulary, maxDirected: number): CellView {
  return {
    state: cell.state,
    total: cell.findings.length,
    segments: barSegments(cell.directions, vocabulary.directions, maxDirected),
    directions: marks(vocabulary.directions, cell.directions, DIRECTION_GLYPHS),
    tiers: marks(vocabulary.tiers, cell.tiers, TIER_GLYPHS),
  };
}
