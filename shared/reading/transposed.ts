// A count table on its side: villages as columns, items as rows (两委成员数 / 其中女性 / 妇联主席是否进两委 /
// 村民代表数 / 其中女性 …), with or without a 合计 column, under a corner cell such as 项目 or 指标. Found by its
// column of item labels; turned the right way up (coordinates.ts maps every cell back to the real sheet cell),
// it is a count table whose first column names the villages.

import { looksLikeVillage } from '../places.ts';
import { normalizePlaceName } from '../text.ts';
import { TOTAL } from '../vocabulary/index.ts';
import { COUNT_ROLES, mapByHeader, refineByValues, roleOfHeader, type ColumnMapping } from './columns.ts';
import { columnRange, rowsFrom, transposed } from './coordinates.ts';
import type { TableView } from './table.ts';
import { distinctTexts } from './walker.ts';

const LABEL_COLUMNS = 3;
const SCAN_ROWS = 60;

export interface TransposedTable {
  /** The table turned the right way up: row 0 the item labels, column 0 the villages. */
  view: TableView;
  mapping: ColumnMapping;
  /** The sheet row of the villages' names (0-based, in the view given). */
  villagesRow: number;
}

/** A count table with villages across and items down, or null. */
export function findTransposed(view: TableView): TransposedTable | null {
  for (let c = 0; c < Math.min(LABEL_COLUMNS, view.colCount); c++) {
    const items: number[] = [];
    for (let r = 0; r < Math.min(view.rowCount, SCAN_ROWS); r++) {
      const role = roleOfHeader(view.text(r, c));
      if (role && COUNT_ROLES.includes(role)) items.push(r);
      else if (items.length && /^(其中)?[:：]?(女|女性)/u.test(view.text(r, c).replace(/\s/gu, ''))) items.push(r);
    }
    if (items.length < 2) continue;
    const first = items[0];
    const last = items[items.length - 1];
    // The villages' row: the nearest row above the first item that names at least two villages.
    let villagesRow = -1;
    for (let r = first - 1; r >= 0 && villagesRow < 0; r--) {
      const names = distinctTexts(view, r).filter((t) => looksLikeVillage(normalizePlaceName(t)) && !TOTAL.test(normalizePlaceName(t)));
      if (names.length >= 2) villagesRow = r;
    }
    if (villagesRow < 0) continue;
    // Rows villagesRow..last become columns; the label column becomes the header row.
    const upright = rowsFrom(transposed(rowsFrom(view, villagesRow)), c);
    const table = columnRange(upright, 0, last - villagesRow + 1);
    const mapping = mapByHeader(table, [0]);
    if (![...mapping.roles.values()].some((role) => COUNT_ROLES.includes(role))) continue;
    mapping.roles.set(0, 'village');
    refineByValues(table, mapping, 1);
    return { view: table, mapping, villagesRow };
  }
  return null;
}
