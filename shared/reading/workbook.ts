// File bytes → sheets as grids. Recognises the container by its bytes, not its name, and bounds the
// work a hostile file can cause before SheetJS ever sees it.

import * as XLSX from 'xlsx';
import { decodeHead, decodeText, parseCsv, EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, type TextEncodingName } from './csv.ts';
import { denseGrid, textGrid, type Grid } from './grid.ts';
import { readXlsxDirect, type DirectSheet } from './xlsx-direct.ts';
import { cellsGrid } from './cell-store.ts';
import { overBudgetMessage, readEstimate, type ReaderKind } from './budget.ts';
import { surveyZip } from './zip.ts';

export interface ReadLimits {
  maxSheets: number;
  maxRowsPerSheet: number;
  /** Sum of the uncompressed sizes a zip container may declare. */
  maxUnzippedBytes: number;
  maxZipEntries: number;
  /** Cells of a CSV kept in all: the parsed rows' memory (about 40 bytes a cell). */
  maxCells: number;
  /**
   * Memory one read may take. SheetJS is not given a file it would need more for (shared/reading/budget.ts);
   * with the worker's own base and the caller's, a read stays within 1 GiB for the whole process.
   */
  memoryBudgetBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxSheets: 300,
  maxRowsPerSheet: 1_048_576,
  maxUnzippedBytes: 1024 * 1024 * 1024,
  maxZipEntries: 20_000,
  maxCells: 12_000_000,
  memoryBudgetBytes: 720 * 1024 * 1024,
};

export type FileProblem = 'empty' | 'encrypted' | 'not-spreadsheet' | 'corrupt' | 'too-large';

export type WorkbookRead =
  | {
      ok: true;
      format: string;
      grids: Grid[];
      /** Things a person should know about how the file was read (sheets left out by a limit …), in Chinese. */
      notes: string[];
      encoding?: TextEncodingName;
    }
  | { ok: false; problem: FileProblem; message: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

function zipKind(names: string[]): 'xlsx' | 'xlsb' | 'ods' | 'docx' | 'pptx' | 'other' {
  const lower = names.map((n) => n.toLowerCase());
  if (lower.some((n) => n.endsWith('workbook.xml') || n === 'xl/workbook.xml')) return 'xlsx';
  if (lower.some((n) => n.endsWith('workbook.bin'))) return 'xlsb';
  if (lower.includes('content.xml') || lower.includes('mimetype')) return 'ods';
  if (lower.some((n) => n.startsWith('word/'))) return 'docx';
  if (lower.some((n) => n.startsWith('ppt/'))) return 'pptx';
  return 'other';
}

function sheetjsError(err: unknown): { problem: FileProblem; message: string } {
  const text = String((err as Error)?.message ?? err);
  if (/password|encrypt|decrypt|RC4|ECMA-376/i.test(text)) {
    return { problem: 'encrypted', message: '文件设有打开密码（已加密），无法读取；请在 Excel 或 WPS 中取消密码后另存，再导入' };
  }
  if (/Invalid array length|out of memory|Maximum call stack|too large|Cannot create a string/i.test(text)) {
    return { problem: 'too-large', message: '文件结构异常或过大，读取已中止' };
  }
  return { problem: 'corrupt', message: '文件已损坏或格式无法识别，无法读取' };
}

function isProbablyText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control <= n * 0.01;
}

const DAMAGED = '文件已损坏（表格内容不完整或格式错误），无法读取；请在 Excel 或 WPS 中打开检查，另存后再导入';

function damagedMessage(sheet: string | null): string {
  return sheet === null ? DAMAGED : `文件已损坏（工作表“${sheet}”内容不完整或格式错误），无法读取；请在 Excel 或 WPS 中打开检查，另存后再导入`;
}

/**
 * Which reader takes a plain .xlsx: 'auto' tries the direct one first (shared/reading/xlsx-direct.ts);
 * 'sheetjs' is there so that tests can compare the two.
 */
export type XlsxReader = 'auto' | 'sheetjs';

/** Reads a workbook of any supported kind. Never throws for bad input: a problem comes back as a value. */
export function readWorkbook(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS, xlsxReader: XlsxReader = 'auto'): WorkbookRead {
  if (bytes.length === 0) return { ok: false, problem: 'empty', message: '文件是空的（0 字节）' };
  const notes: string[] = [];

  if (startsWith(bytes, ZIP_MAGIC)) {
    const zip = surveyZip(bytes);
    if (!zip.readable) return { ok: false, problem: 'corrupt', message: '文件已损坏（压缩包目录不完整，可能是下载或拷贝不完整）' };
    const kind = zipKind(zip.entries.map((e) => e.name));
    if (kind === 'docx') return { ok: false, problem: 'not-spreadsheet', message: '这是 Word 文档（.docx），不是电子表格' };
    if (kind === 'pptx') return { ok: false, problem: 'not-spreadsheet', message: '这是 PowerPoint 演示文稿，不是电子表格' };
    if (kind === 'other') return { ok: false, problem: 'not-spreadsheet', message: '这是一个压缩包，其中没有电子表格' };
    if (zip.count > limits.maxZipEntries) {
      return { ok: false, problem: 'too-large', message: `文件内含 ${zip.count} 个部件，超过上限 ${limits.maxZipEntries}，疑为异常文件，未读取` };
    }
    if (zip.zip64 || zip.totalUncompressed > limits.maxUnzippedBytes) {
      const mb = Math.round(zip.totalUncompressed / 1048576);
      return { ok: false, problem: 'too-large', message: `文件解压后约 ${zip.zip64 ? '超过 4096' : mb} MB，超过上限 ${Math.round(limits.maxUnzippedBytes / 1048576)} MB（疑为压缩炸弹），未读取` };
    }
    if (kind === 'xlsx' && xlsxReader === 'auto' && zip.entries.length === zip.count) {
      const estimate = readEstimate('xlsxDirect', zip.totalUncompressed, bytes.length);
      if (estimate > limits.memoryBudgetBytes) return overBudget('xlsxDirect', estimate, limits);
      const direct = readXlsxDirect(bytes, zip.entries, limits.maxSheets, limits.maxRowsPerSheet);
      if (direct.ok) return { ok: true, format: kind, grids: direct.sheets.map((s) => directGrid(s, limits, notes)), notes };
      // Damage SheetJS would pass over in silence (a sheet cut short, a part missing): said, not read.
      if (direct.damaged) return { ok: false, problem: 'corrupt', message: damagedMessage(direct.sheet) };
    }
    return readWithSheetJS(bytes, kind, zip.totalUncompressed, limits, notes);
  }
  if (startsWith(bytes, CFB_MAGIC)) return readWithSheetJS(bytes, 'xls', bytes.length, limits, notes);

  // Old binary Excel without the compound-file wrapper (BIFF2-4) begins with a BOF record.
  if (bytes.length > 4 && bytes[1] === 0x00 && (bytes[0] === 0x09 || bytes[0] === 0x00) && !isProbablyText(bytes)) {
    return readWithSheetJS(bytes, 'xls', bytes.length, limits, notes);
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    return { ok: false, problem: 'not-spreadsheet', message: '这是 PDF 文件，不是电子表格' };
  }
  // UTF-16 text (Excel's "Unicode 文本" save) is full of NUL bytes: it is known by its byte-order mark.
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (!utf16 && !isProbablyText(bytes)) return { ok: false, problem: 'not-spreadsheet', message: '不是可识别的电子表格文件' };

  // What kind of text it is, from its head, and what reading it would take: decided before the whole is decoded.
  const head = decodeHead(bytes, 2000).trimStart().toLowerCase();
  // Excel 2003 XML and HTML tables saved as .xls: SheetJS reads them from text.
  const markup = head.startsWith('<?xml') || head.startsWith('<html') || head.startsWith('<table') || head.includes('urn:schemas-microsoft-com:office:spreadsheet');
  const kind: ReaderKind = !markup ? 'csv' : head.includes('urn:schemas-microsoft-com:office:spreadsheet') || (head.startsWith('<?xml') && !head.includes('<html')) ? 'xml' : 'html';
  const estimate = readEstimate(kind, bytes.length);
  if (estimate > limits.memoryBudgetBytes) return overBudget(kind, estimate, limits);
  const { text, encoding } = decodeText(bytes);
  if (markup) return readWithSheetJS(text, 'xml', bytes.length, limits, notes, kind);
  const csv = parseCsv(text, undefined, { maxRows: limits.maxRowsPerSheet, maxCells: limits.maxCells });
  if (csv.truncated) notes.push(`文件超过 ${limits.maxRowsPerSheet} 行，只读取了前 ${limits.maxRowsPerSheet} 行`);
  if (csv.cellsTruncated) notes.push(`文件超过 ${limits.maxCells} 个单元格，只读取了前 ${csv.rows.length} 行`);
  if (csv.wideRows > 0) notes.push(`有 ${csv.wideRows} 行超过 ${EXCEL_MAX_COLUMNS} 列（Excel 的上限），超出的部分未读取`);
  if (csv.longCells > 0) notes.push(`有 ${csv.longCells} 个单元格超过 ${EXCEL_MAX_CELL_CHARS} 个字符（Excel 的上限），只读取了前 ${EXCEL_MAX_CELL_CHARS} 个字符`);
  return { ok: true, format: 'csv', grids: [textGrid('', csv.rows)], notes, encoding };
}

/**
 * Reads with SheetJS, unless it would need more memory than the budget: `inputBytes` is what its need
 * is estimated from (the file, or a zip's unzipped parts); `kind` names the format for that estimate.
 */
function readWithSheetJS(
  given: Uint8Array | string,
  format: string,
  inputBytes: number,
  limits: ReadLimits,
  notes: string[],
  kind: ReaderKind = format as ReaderKind,
): WorkbookRead {
  const estimate = readEstimate(kind, inputBytes);
  if (estimate > limits.memoryBudgetBytes) return overBudget(kind, estimate, limits);
  // SheetJS gets bytes of its own: it may look past a view into the buffer behind it (Node hands small
  // files out as views into a shared pool) and it must never touch the caller's bytes.
  const input = typeof given === 'string' ? given : given.slice();
  let wb: XLSX.WorkBook;
  const opts: XLSX.ParsingOptions = {
    type: typeof input === 'string' ? 'string' : 'array',
    dense: true,
    cellHTML: false,
    cellText: false,
    cellFormula: false,
    cellStyles: false,
    cellNF: false,
    cellDates: false,
    sheetStubs: false,
    sheetRows: limits.maxRowsPerSheet,
    sheets: Array.from({ length: limits.maxSheets }, (_, i) => i),
  };
  try {
    wb = XLSX.read(input, opts);
  } catch (err) {
    const e = sheetjsError(err);
    return { ok: false, ...e };
  }
  const names = wb.SheetNames ?? [];
  if (names.length > limits.maxSheets) {
    notes.push(`工作簿有 ${names.length} 个工作表，超过上限，只读取了前 ${limits.maxSheets} 个`);
  }
  const meta = wb.Workbook?.Sheets ?? [];
  const grids: Grid[] = [];
  const missing: string[] = [];
  names.slice(0, limits.maxSheets).forEach((name, i) => {
    const ws = wb.Sheets[name] as (XLSX.WorkSheet & { '!data'?: unknown[][] }) | undefined;
    if (!ws) {
      // Listed in the workbook but not readable (its part missing or broken): SheetJS leaves it out silently.
      missing.push(name);
      return;
    }
    const data = (ws['!data'] ?? []) as SheetData;
    grids.push(sheetGrid(name, (meta[i]?.Hidden ?? 0) !== 0, data, ws['!merges'] ?? [], limits, notes));
  });
  if (missing.length > 0 && grids.length === 0) return { ok: false, problem: 'corrupt', message: damagedMessage(missing.length === 1 ? missing[0] : null) };
  for (const name of missing) notes.push(`工作表“${name}”已损坏，无法读取，其中的内容未计入`);
  return { ok: true, format, grids, notes };
}

function overBudget(kind: ReaderKind, estimate: number, limits: ReadLimits): WorkbookRead {
  return { ok: false, problem: 'too-large', message: overBudgetMessage(kind, estimate, limits.memoryBudgetBytes) };
}

type SheetData = ReadonlyArray<ReadonlyArray<{ t?: string; v?: unknown } | undefined> | undefined>;

/** A sheet's cells (SheetJS's dense `!data`) as a grid, with notes on what was left out. */
function sheetGrid(name: string, hidden: boolean, data: SheetData, merges: XLSX.Range[], limits: ReadLimits, notes: string[]): Grid {
  const { grid, mergesOverLimit } = denseGrid(name, hidden, data, merges, limits.maxRowsPerSheet);
  return noted(grid, mergesOverLimit, data.length, limits, notes);
}

/** A sheet the direct reader read, as a grid read exactly as sheetGrid reads SheetJS's cells. */
function directGrid(s: DirectSheet, limits: ReadLimits, notes: string[]): Grid {
  const { grid, mergesOverLimit } = cellsGrid(s.name, s.hidden, s.cells, s.merges, limits.maxRowsPerSheet);
  return noted(grid, mergesOverLimit, s.cells.length, limits, notes);
}

function noted(grid: Grid, mergesOverLimit: boolean, length: number, limits: ReadLimits, notes: string[]): Grid {
  if (mergesOverLimit) notes.push(`工作表“${grid.name}”的合并单元格过多，只展开了一部分`);
  if (length >= limits.maxRowsPerSheet) notes.push(`工作表“${grid.name}”超过 ${limits.maxRowsPerSheet} 行，只读取了前 ${limits.maxRowsPerSheet} 行`);
  return grid;
}
