// One sheet → the villages it speaks of: detect finds its tables (each read by the family that scores it
// best, see families/index.ts), and the reads are joined in order. A hidden sheet is not read.

import type { Finding } from '../model.ts';
import { detectTables, findHeader } from './detect.ts';
import type { SheetContext, SheetRead } from './table.ts';
import { emptyReport } from './walker.ts';
import { wholeSheet } from './coordinates.ts';
import type { Grid } from './grid.ts';
import { noVillageFinding } from './no-village.ts';
import { NOTES_SHEET } from '../vocabulary/index.ts';

export type { SheetContext, SheetLayout, SheetRead, SheetReport, SkippedRow } from './table.ts';

export function readSheet(grid: Grid, ctx: SheetContext): SheetRead {
  if (grid.hidden) {
    const findings: Finding[] = [];
    const probe = findHeader(grid);
    const note = probe
      ? '隐藏工作表，未读取（其中似有名单，如需读取请在表格中取消隐藏）'
      : '隐藏工作表（多为下拉选项等辅助内容），未读取';
    if (probe) findings.push({ severity: 'warning', code: 'sheet-skipped', file: ctx.file, sheet: grid.name, row: null, message: note });
    return { reports: [emptyReport(grid, ctx, 'hidden', note)], inputs: [], findings, villageList: [] };
  }
  if (NOTES_SHEET.test(grid.name.replace(/\s/gu, ''))) {
    return { reports: [emptyReport(grid, ctx, 'none', '说明类工作表（填表说明、注意事项等），未读取')], inputs: [], findings: [], villageList: [] };
  }
  let read: SheetRead = { reports: [], inputs: [], findings: [], villageList: [] };
  for (const found of detectTables(wholeSheet(grid), ctx)) {
    if ('unread' in found) {
      read.reports.push(found.unread);
      continue;
    }
    const t = found.table.family.read(found.table);
    const { provisional, confirmed } = found.table;
    if (provisional.length && t.inputs.length) {
      for (const input of t.inputs) for (const part of input.parts) part.provisional = provisional;
      t.findings.push({ severity: 'warning', code: 'reading-provisional', file: ctx.file, sheet: grid.name, row: t.report.headerRows[0] ?? null, message: `此表的读法待核对：${provisional.join('；')}。结论照常给出，但请核对读法（--explain）后确认` });
    }
    if (confirmed?.by === 'remembered') {
      t.findings.push({ severity: 'info', code: 'layout-remembered', file: ctx.file, sheet: grid.name, row: t.report.headerRows[0] ?? null, message: `此表的表头与记住的读法 #${confirmed.id}（来自“${confirmed.file}”）相同，已按该读法读取` });
    }
    // concat, not push(...): a table may give more findings than a call has room for arguments.
    read = {
      reports: [...read.reports, t.report],
      inputs: read.inputs.concat(t.inputs),
      findings: read.findings.concat(t.findings),
      villageList: read.villageList.concat(t.villageList),
    };
  }
  if (read.inputs.length === 0 && read.villageList.length === 0) {
    const lacking = noVillageFinding(grid, read.reports, ctx.file);
    if (lacking) read.findings.push(lacking);
  }
  return read;
}
