// The coordinate mapper: a table is read in its own coordinates (row 0 its first row), whether it is a whole
// sheet, a slice of one (tables side by side or one below another) or a sheet turned on its side (villages
// across, items down). Each view maps its cells back to the real sheet cell, so findings and --explain name
// the cell as Excel shows it (column letter, 1-based row).

import { columnLetter } from './columns.ts';
import type { Grid } from './grid.ts';
import type { TableView } from './table.ts';

/** A whole sheet as a table view: its cells are the sheet's own. */
export function wholeSheet(grid: Grid): TableView {
  return { ...grid, origin: (r, c) => ({ row: r, col: c }) };
}

/** The rows of a view from `from` on, as a view of their own. */
export function rowsFrom(v: TableView, from: number): TableView {
  return {
    ...v,
    rowCount: Math.max(0, v.rowCount - from),
    width: (r) => v.width(r + from),
    text: (r, c) => v.text(r + from, c),
    isNumber: (r, c) => v.isNumber(r + from, c),
    origin: (r, c) => v.origin(r + from, c),
  };
}

/** Columns from..to of a view, as a view of their own. */
export function columnRange(v: TableView, from: number, to: number): TableView {
  const n = to - from;
  return {
    ...v,
    colCount: n,
    width: (r) => Math.max(0, Math.min(v.width(r), to) - from),
    text: (r, c) => (c < n ? v.text(r, c + from) : ''),
    isNumber: (r, c) => c < n && v.isNumber(r, c + from),
    origin: (r, c) => v.origin(r, c + from),
  };
}

/** A view turned on its side: its columns become rows (a table with villages across and items down). */
export function transposed(v: TableView): TableView {
  let width = 0;
  for (let r = 0; r < v.rowCount; r++) width = Math.max(width, v.width(r));
  return {
    ...v,
    rowCount: width,
    colCount: v.rowCount,
    width: () => v.rowCount,
    text: (r, c) => (r < v.width(c) ? v.text(c, r) : ''),
    isNumber: (r, c) => r < v.width(c) && v.isNumber(c, r),
    origin: (r, c) => v.origin(c, r),
  };
}

/** The real sheet cell of a view's cell, as Excel names it ("C5"). */
export function cellName(v: TableView, r: number, c: number): string {
  const { row, col } = v.origin(r, c);
  return `${columnLetter(col)}${row + 1}`;
}

/** The 1-based sheet row of a view's row. */
export function sheetRow(v: TableView, r: number): number {
  return v.origin(r, 0).row + 1;
}
