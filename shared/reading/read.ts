// One file → what it holds: the villages, how each sheet was read, and findings. Pure: the caller
// supplies the bytes and the file's name.

import type { VillageInput, Finding, SourceRef } from '../model.ts';
import { baseName, failedRead, type FileRead, type FileReport } from './result.ts';

export { baseName, failedRead, type FileRead, type FileReport };
import { townshipFromText, villageIdentity } from '../places.ts';
import { readWorkbook, DEFAULT_LIMITS, type ReadLimits, type FileProblem } from './workbook.ts';
import { readSheet, type SheetReport } from './sheet.ts';
import type { ColumnRole } from './columns.ts';

export interface ReadOptions {
  limits?: ReadLimits;
  /** Called once the workbook is parsed, before the sheets are read (the worker frees the parser's garbage here). */
  afterParse?: () => void;
  /** Per sheet name: a corrected mapping (column index → role) and header rows (0-based). */
  overrides?: Record<string, { mapping: Record<number, ColumnRole>; headerRows: number[] }>;
}

export function readFile(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): FileRead {
  const file = baseName(fileName);
  const wb = readWorkbook(bytes, options.limits ?? DEFAULT_LIMITS);
  if (!wb.ok) return failedRead(file, wb.problem, wb.message);
  options.afterParse?.();
  const fileTownship = townshipFromText(file.replace(/\.[^.]+$/, ''));
  const inputs: VillageInput[] = [];
  const findings: Finding[] = [];
  const villageList: FileRead['villageList'] = [];
  const sheets: SheetReport[] = [];
  for (const grid of wb.grids) {
    const ov = options.overrides?.[grid.name];
    const read = readSheet(grid, {
      file,
      fileTownship,
      mapping: ov ? new Map(Object.entries(ov.mapping).map(([c, r]) => [Number(c), r])) : undefined,
      headerRows: ov?.headerRows,
    });
    sheets.push(...read.reports);
    inputs.push(...read.inputs);
    findings.push(...read.findings);
    villageList.push(...read.villageList);
  }
  for (const note of wb.notes) findings.push({ severity: 'warning', code: 'limit-reached', file, sheet: null, row: null, message: note });
  const villages = new Set(inputs.map((i) => villageIdentity(i.township, i.village))).size;
  let message: string;
  if (villages > 0) message = `读取了 ${villages} 个村的数据`;
  else if (villageList.length > 0) message = `村名清单，共 ${villageList.length} 个村`;
  else {
    message = '文件中没有找到人员名单或统计表';
    findings.push({ severity: 'info', code: 'no-roster', file, sheet: null, row: null, message });
  }
  return {
    report: { file, format: wb.format, encoding: wb.encoding, ok: true, problem: null, message, notes: wb.notes, sheets },
    inputs,
    findings,
    villageList,
  };
}
