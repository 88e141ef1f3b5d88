// Every reader path is bounded in memory (issue 7, section 4): a CSV with one huge line costs what a
// sheet can hold (Excel's 16,384 columns and 32,767 characters a cell), a CSV's cells are capped in all,
// and SheetJS is not given a file it would need more memory for than the budget: such a file is refused
// at once with a message saying why and what to do. The limits are lowered here to prove the mechanism
// on small files; `npm run bench -- --only csv90` runs the 90 MB case and prints its time and peak.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { parseCsv, EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS } from '../../shared/reading/csv.ts';
import { readWorkbook, DEFAULT_LIMITS } from '../../shared/reading/workbook.ts';
import { readFile } from '../../shared/reading/read.ts';
import { readFiles } from '../../electron/backend/read-pool.ts';
import { surveyZip } from '../../shared/reading/zip.ts';

const HEADER = '乡镇,村,姓名,性别,职务,是否村民代表\n';
const ROWS = '甲镇,一村,张三,男,书记,否\n甲镇,一村,李芳,女,委员、妇联主席,否\n甲镇,一村,王五,男,,是\n';
const bytesOf = (text: string) => new TextEncoder().encode(text);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-bounded-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a CSV with one huge line', () => {
  it('keeps the first 16,384 fields of a row, says so, and still reads the roster', () => {
    const wide = Array.from({ length: EXCEL_MAX_COLUMNS + 5000 }, (_, i) => `x${i}`).join(',');
    const r = readFile(bytesOf(HEADER + ROWS + wide + '\n'), '甲镇名单.csv');
    expect(r.report.ok).toBe(true);
    expect(r.inputs.map((i) => i.village)).toEqual(['一村']);
    expect(r.findings.some((f) => f.code === 'limit-reached' && f.message.includes(`超过 ${EXCEL_MAX_COLUMNS} 列`))).toBe(true);
    const wb = readWorkbook(bytesOf(HEADER + ROWS + wide + '\n'));
    expect(wb.ok && wb.grids[0].width(4)).toBe(EXCEL_MAX_COLUMNS);
  });

  it('cuts a cell at 32,767 characters, quoted or not, and says so', () => {
    const long = '名'.repeat(EXCEL_MAX_CELL_CHARS * 3);
    for (const cell of [long, `"${long}""${long}"`]) {
      const wb = readWorkbook(bytesOf(HEADER + ROWS + `甲镇,一村,${cell},女,委员,否\n`));
      expect(wb.ok).toBe(true);
      if (!wb.ok) return;
      expect(wb.grids[0].text(4, 2)).toBe(long.slice(0, EXCEL_MAX_CELL_CHARS));
      expect(wb.grids[0].text(4, 3)).toBe('女');
      expect(wb.notes.some((n) => n.includes(`超过 ${EXCEL_MAX_CELL_CHARS} 个字符`))).toBe(true);
    }
  });

  it('reads the text in one slice a field: a 20 MB line of one field is cut, not built character by character', () => {
    const text = HEADER + '甲镇,一村,' + 'a'.repeat(20 * 1024 * 1024) + ',女\n';
    const { rows, longCells } = parseCsv(text);
    expect(longCells).toBe(1);
    expect(rows[1].map((c) => c.length)).toEqual([2, 2, EXCEL_MAX_CELL_CHARS, 1]);
  });
});

describe('cells in all', () => {
  it('stops at the cell budget and says how many rows were read', () => {
    const body = Array.from({ length: 1000 }, (_, i) => `甲镇,一村,张${i},男,,是`).join('\n');
    const wb = readWorkbook(bytesOf(HEADER + body), { ...DEFAULT_LIMITS, maxCells: 600 });
    expect(wb.ok).toBe(true);
    if (!wb.ok) return;
    expect(wb.grids[0].rowCount).toBe(100); // 100 rows of 6 cells
    expect(wb.notes).toContain('文件超过 600 个单元格，只读取了前 100 行');
  });
});

/** A small roster in each format SheetJS reads for us, written by SheetJS itself. */
function formats(): Array<{ ext: string; bytes: Uint8Array; kind: RegExp }> {
  const rows = [HEADER.trim().split(','), ...ROWS.trim().split('\n').map((l) => l.split(','))];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '名单');
  const write = (bookType: XLSX.BookType) => new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
  return [
    { ext: 'xls', bytes: write('biff8'), kind: /\.xls/ },
    { ext: 'ods', bytes: write('ods'), kind: /\.ods/ },
    { ext: 'html', bytes: bytesOf(XLSX.write(wb, { type: 'string', bookType: 'html' }) as string), kind: /HTML/ },
    { ext: 'xml', bytes: bytesOf(XLSX.write(wb, { type: 'string', bookType: 'xlml' }) as string), kind: /2003 XML/ },
  ];
}

describe('files SheetJS reads', () => {
  it('are read within the budget', () => {
    for (const f of formats()) {
      const r = readFile(f.bytes, `甲镇名单.${f.ext}`);
      expect(r.report.ok, f.ext).toBe(true);
      expect(r.inputs.map((i) => i.village), f.ext).toEqual(['一村']);
    }
  });

  it('are refused at once, naming the format and what to do, when they would need more than the budget', () => {
    const limits = { ...DEFAULT_LIMITS, memoryBudgetBytes: 1024 };
    for (const f of formats()) {
      const r = readFile(f.bytes, `甲镇名单.${f.ext}`, { limits });
      expect(r.report.ok, f.ext).toBe(false);
      expect(r.report.problem).toBe('too-large');
      expect(r.report.message).toMatch(f.kind);
      expect(r.report.message).toMatch(/超过上限 1 MB，未读取。请在 Excel 或 WPS 中打开，另存为 \.xlsx/);
      expect(r.findings[0]).toMatchObject({ severity: 'error', file: `甲镇名单.${f.ext}` });
    }
  });

  it('a plain .xlsx (the direct reader) and a CSV (our parser) have estimates of their own, far below SheetJS’s', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([HEADER.trim().split(','), ...ROWS.trim().split('\n').map((l) => l.split(','))]), '名单');
    const xlsx = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const csv = bytesOf(HEADER + ROWS);
    // SheetJS would take 7x the unzipped parts of this .xlsx; the direct reader is given 3x and reads it.
    const unzipped = surveyZip(xlsx).totalUncompressed;
    const r = readFile(xlsx, '甲镇名单.xlsx', { limits: { ...DEFAULT_LIMITS, memoryBudgetBytes: unzipped * 3 + xlsx.length } });
    expect(r.report.ok).toBe(true);
    expect(readFile(csv, '甲镇名单.csv', { limits: { ...DEFAULT_LIMITS, memoryBudgetBytes: csv.length * 5 } }).report.ok).toBe(true);
    // Below their own estimates, both are refused too.
    const x = readFile(xlsx, '甲镇名单.xlsx', { limits: { ...DEFAULT_LIMITS, memoryBudgetBytes: unzipped } });
    expect(x.report).toMatchObject({ ok: false, problem: 'too-large' });
    expect(x.report.message).toMatch(/Excel 工作簿（\.xlsx）/);
    const c = readFile(csv, '甲镇名单.csv', { limits: { ...DEFAULT_LIMITS, memoryBudgetBytes: csv.length } });
    expect(c.report).toMatchObject({ ok: false, problem: 'too-large' });
    expect(c.report.message).toMatch(/CSV 文本/);
  });
});

describe('in the worker pool', () => {
  it('a refused file is reported with its name, and the others are read', async () => {
    const big = path.join(dir, '大表.html');
    const small = path.join(dir, '小表.csv');
    fs.writeFileSync(big, formats()[2].bytes);
    fs.writeFileSync(small, HEADER + ROWS);
    const [a, b] = await readFiles([{ path: big }, { path: small }], { concurrency: 1, readOptions: { limits: { ...DEFAULT_LIMITS, memoryBudgetBytes: 1024 } } });
    expect(a.report).toMatchObject({ file: '大表.html', ok: false, problem: 'too-large' });
    expect(b.report.ok).toBe(true);
  });
});
