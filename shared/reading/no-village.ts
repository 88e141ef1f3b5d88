// A sheet that yields no village says why, in one Chinese line that names the sheet and the row that looked
// most like a header: what the reader found there and what it lacked. Never just "no roster found".

import type { Finding } from '../model.ts';
import type { SheetReport } from './table.ts';
import type { Grid } from './grid.ts';
import { distinctTexts } from './walker.ts';

const SCAN_ROWS = 40;
const SHOWN = 4;

/** What a sheet that gave no village lacked, as one finding; null for a blank or hidden sheet. */
export function noVillageFinding(grid: Grid, reports: readonly SheetReport[], file: string): Finding | null {
  if (grid.hidden || grid.rowCount === 0 || grid.colCount === 0) return null;
  const at = (row: number | null, message: string): Finding => ({ severity: 'info', code: 'no-roster', file, sheet: grid.name, row, message: `工作表“${grid.name}”没有读出任何村：${message}` });
  const withHeader = reports.find((r) => r.headerRows.length > 0);
  if (withHeader) {
    const row = withHeader.headerRows[0];
    const found = withHeader.columns.filter((c) => c.role !== null).map((c) => c.label);
    const shown = found.length ? `（${found.slice(0, SHOWN).join('、')}${found.length > SHOWN ? '等' : ''}）` : '';
    const roles = new Set(withHeader.columns.map((c) => c.role));
    const unplaced = withHeader.skipped.some((s) => /无法确定所属村/u.test(s.reason));
    if (unplaced || (!roles.has('village') && withHeader.villages.length === 0 && withHeader.layout === 'roster')) {
      return at(row, `第${row}行像表头${shown}，但没有找到村名列，标题、工作表名和文件名也没有写明村名`);
    }
    return at(row, `第${row}行像表头${shown}，读作：${withHeader.note || '表中没有数据行'}`);
  }
  // No header: the row with the most texts, quoted, and what a header needs.
  let best = -1;
  let texts: string[] = [];
  for (let r = 0; r < Math.min(grid.rowCount, SCAN_ROWS); r++) {
    const t = distinctTexts(grid, r);
    if (t.length > texts.length) [best, texts] = [r, t];
  }
  if (best < 0) return null;
  const quoted = texts.slice(0, SHOWN).map((t) => `“${t.slice(0, 12)}”`).join('、');
  return at(best + 1, `第${best + 1}行内容最多（${quoted}${texts.length > SHOWN ? '等' : ''}），但没有可识别的表头：需要姓名列（加上职务或是否村民代表列），或村名列加上人数列`);
}
