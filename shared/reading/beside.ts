// Blocks beside one another with an empty column between them (a committees roster on the left, a small
// count block of representatives on the right, each under its own title, villages in another order): the
// empty column that parts them. detect.ts reads each side as a table of its own when both sides are tables.

import type { TableView } from './table.ts';
import { distinctTexts } from './walker.ts';

/** Fewest columns a block beside another has. A column is scanned only until a cell shows, so a long roster costs little. */
const MIN_SIDE_COLUMNS = 2;

/** Every empty column with cells on both sides (title rows, one text across the row, aside), leftmost first. */
export function blankColumns(view: TableView): number[] {
  const out: number[] = [];
  if (view.colCount < 2 * MIN_SIDE_COLUMNS + 1) return out;
  const single = new Map<number, boolean>();
  const isTitle = (r: number): boolean => {
    let s = single.get(r);
    if (s === undefined) single.set(r, (s = distinctTexts(view, r).length < 2));
    return s;
  };
  for (let c = MIN_SIDE_COLUMNS; c < view.colCount - MIN_SIDE_COLUMNS; c++) {
    let blank = true;
    for (let r = 0; r < view.rowCount && blank; r++) if (view.text(r, c) !== '' && !isTitle(r)) blank = false;
    if (blank && sideHasCells(view, 0, c, isTitle) && sideHasCells(view, c + 1, view.colCount, isTitle)) out.push(c);
  }
  return out;
}

function sideHasCells(view: TableView, from: number, to: number, isTitle: (r: number) => boolean): boolean {
  for (let r = 0; r < view.rowCount; r++) {
    if (isTitle(r)) continue;
    for (let c = from; c < Math.min(to, view.width(r)); c++) if (view.text(r, c) !== '') return true;
  }
  return false;
}
