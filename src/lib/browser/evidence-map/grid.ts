/**
 * Keyboard navigation for a data table, after the ARIA grid pattern: the
 * table is one tab stop; arrow keys move between cells, Home and End to the
 * ends of the row, Ctrl+Home and Ctrl+End to the first and last cells; Enter
 * or Space activates the cell, Escape asks to close what it opened. One cell
 * at a time is focusable (a roving tabindex).
 */

export interface GridHandlers {
  /** A cell was chosen (Enter, Space or a click). */
  activate: (cell: HTMLTableCellElement) => void;
  /** Escape was pressed in the grid. */
  escape: () => void;
}

export interface Grid {
  /** The cell that has the tab stop. */
  current: () => HTMLTableCellElement | undefined;
  /** Gives the tab stop to `cell` and, if `focus`, focuses it. */
  moveTo: (cell: HTMLTableCellElement, focus?: boolean) => void;
}

export function enableGrid(table: HTMLTableElement, handlers: GridHandlers): Grid {
  const rows = [...table.rows].map((row) => [...row.cells]);
  table.setAttribute('role', 'grid');
  for (const row of rows)
    for (const cell of row) {
      cell.tabIndex = -1;
      if (cell.tagName === 'TD') cell.setAttribute('role', 'gridcell');
    }
  let at: [number, number] = [
    Math.min(1, rows.length - 1),
    Math.min(1, (rows[0]?.length ?? 1) - 1),
  ];
  const cellAt = (r: number, c: number) => rows[r]?.[Math.min(c, (rows[r]?.length ?? 1) - 1)];
  const place = (r: number, c: number, focus: boolean) => {
    const target = cellAt(r, c);
    if (!target) return;
    cellAt(at[0], at[1])?.setAttribute('tabindex', '-1');
    at = [r, Math.min(c, (rows[r]?.length ?? 1) - 1)];
    target.tabIndex = 0;
    if (focus) target.focus();
  };
  place(at[0], at[1], false);
  const position = (cell: Element): [number, number] | undefined => {
    for (const [r, row] of rows.entries()) {
      const c = row.indexOf(cell as HTMLTableCellElement);
      if (c >= 0) return [r, c];
    }
    return undefined;
  };

  table.addEventListener('keydown', (event) => {
    const here = position(event.target as Element);
    if (!here) return;
    const [r, c] = here;
    const last = rows.length - 1;
    const lastCol = (rows[r]?.length ?? 1) - 1;
    const moves: Record<string, [number, number] | undefined> = {
      ArrowUp: [Math.max(0, r - 1), c],
      ArrowDown: [Math.min(last, r + 1), c],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowRight: [r, Math.min(lastCol, c + 1)],
      Home: event.ctrlKey ? [0, 0] : [r, 0],
      End: event.ctrlKey ? [last, (rows[last]?.length ?? 1) - 1] : [r, lastCol],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      place(move[0], move[1], true);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      handlers.activate(event.target as HTMLTableCellElement);
    } else if (event.key === 'Escape') {
      handlers.escape();
    }
  });
  table.addEventListener('click', (event) => {
    const cell = (event.target as Element).closest('td, th');
    const here = cell ? position(cell) : undefined;
    if (!cell || !here) return;
    place(here[0], here[1], true);
    handlers.activate(cell as HTMLTableCellElement);
  });
  table.addEventListener('focusin', (event) => {
    const here = position(event.target as Element);
    if (here && (here[0] !== at[0] || here[1] !== at[1])) place(here[0], here[1], false);
  });
  return {
    current: () => cellAt(at[0], at[1]),
    moveTo: (cell, focus = false) => {
      const here = position(cell);
      if (here) place(here[0], here[1], focus);
    },
  };
}
