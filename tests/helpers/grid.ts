// A sheet as rows of text in memory, for tests of the reader's pipeline below the workbook (detect, walker,
// families). Whole files go through tests/helpers/workbooks.ts instead.

import type { Grid } from '../../shared/reading/grid.ts';
import { detectTables, type Detected } from '../../shared/reading/detect.ts';
import type { Table, TableRead } from '../../shared/reading/table.ts';
import { wholeSheet } from '../../shared/reading/coordinates.ts';

export function gridOf(name: string, rows: Array<Array<string | number>>): Grid {
  const colCount = Math.max(0, ...rows.map((r) => r.length));
  return {
    name,
    hidden: false,
    rowCount: rows.length,
    colCount,
    width: (r) => rows[r]?.length ?? 0,
    text: (r, c) => String(rows[r]?.[c] ?? '').trim(),
    isNumber: (r, c) => typeof rows[r]?.[c] === 'number',
  };
}

/** The tables detect finds on a sheet given as rows. */
export function tablesOf(name: string, rows: Array<Array<string | number>>, file = '青山镇.xlsx'): Table[] {
  return detectTables(wholeSheet(gridOf(name, rows)), { file, fileTownship: '青山镇' })
    .filter((d): d is Extract<Detected, { table: Table }> => 'table' in d)
    .map((d) => d.table);
}

/** Each table of a sheet read by the family detect chose for it. */
export function readTables(name: string, rows: Array<Array<string | number>>): TableRead[] {
  return tablesOf(name, rows).map((t) => t.family.read(t));
}
