// How every workbook of the app looks: a title over the table, a line of date and rule set, bold headers
// on a light fill with thin borders, frozen header rows, filters, widths that fit Chinese text, red for
// 不达标 and amber for 数据不全, A4 landscape one page wide with the title rows repeated and page numbers.
// Cells are values only: text from imported files is written as text (never a formula or a link).

import ExcelJS from 'exceljs';

export type Cell = string | number | null;
export type Mark = 'red' | 'amber' | null;

export interface Column {
  header: string;
  /** Excel number format ('0.0%', '0.0' …); text columns get '@'. */
  numFmt?: string;
  /** Longest width allowed, in Excel's character units. */
  maxWidth?: number;
}

export interface TableSheet {
  name: string;
  title: string;
  subtitle: string;
  columns: Column[];
  rows: Cell[][];
  /** Per row: a red or amber mark on the whole row. */
  marks?: Mark[];
  /** The last row is a total (bold). */
  totalRow?: boolean;
  /** A note under the table. */
  note?: string;
}

export const COLOURS = {
  red: { fill: 'FFFFF1F0', font: 'FFCF1322' },
  amber: { fill: 'FFFFF7E6', font: 'FFD46B08' },
  header: 'FFE6F0FA',
  border: 'FFBFBFBF',
};

const FONT = '宋体';

/** Display width of text: a CJK (or other full-width) character counts two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return w;
}

const thin = { style: 'thin' as const, color: { argb: COLOURS.border } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** A value as a cell holds it: numbers as numbers, everything else as plain text. */
function cellValue(v: Cell): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return String(v);
}

export function addTableSheet(wb: ExcelJS.Workbook, t: TableSheet): ExcelJS.Worksheet {
  const n = t.columns.length;
  const ws = wb.addWorksheet(t.name, {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '1:3',
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页', evenFooter: '&C第 &P 页 共 &N 页' },
  });
  ws.addRow([t.title]);
  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.addRow([t.subtitle]);
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).font = { name: FONT, size: 10 };
  ws.getCell(2, 1).alignment = { horizontal: 'left', vertical: 'middle' };
  const head = ws.addRow(t.columns.map((c) => c.header));
  head.height = 22;
  head.eachCell((c) => {
    c.font = { name: FONT, size: 11, bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLOURS.header } };
    c.border = BORDER;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  t.rows.forEach((values, i) => {
    const row = ws.addRow(values.map(cellValue));
    const mark = t.marks?.[i] ?? null;
    const total = t.totalRow && i === t.rows.length - 1;
    for (let c = 1; c <= n; c++) {
      const cell = row.getCell(c);
      const col = t.columns[c - 1];
      cell.border = BORDER;
      cell.font = { name: FONT, size: 11, bold: total || undefined, color: mark ? { argb: COLOURS[mark].font } : undefined };
      if (mark) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLOURS[mark].fill } };
      cell.numFmt = typeof values[c - 1] === 'number' ? (col.numFmt ?? 'General') : '@';
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: typeof values[c - 1] === 'number' ? 'right' : 'left' };
    }
  });
  if (t.note) {
    const r = ws.addRow([t.note]);
    ws.mergeCells(r.number, 1, r.number, n);
    r.getCell(1).font = { name: FONT, size: 10, italic: true };
    r.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  }
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + t.rows.length, column: n } };
  t.columns.forEach((col, i) => {
    let w = textWidth(col.header) + 2;
    for (const r of t.rows) {
      const v = r[i];
      const shown = typeof v === 'number' ? (col.numFmt?.includes('%') ? 7 : String(v).length) : v === null ? 0 : textWidth(v);
      w = Math.max(w, shown + 2);
    }
    ws.getColumn(i + 1).width = Math.min(Math.max(w, 6), col.maxWidth ?? 50);
  });
  // Wrapped text needs a row tall enough for its lines: Excel grows a row only when it edits it, and
  // LibreOffice and WPS draw the overflow over the next row.
  const widths = t.columns.map((_, i) => ws.getColumn(i + 1).width ?? 8);
  const lines = (v: Cell | string, width: number) => (typeof v === 'string' && v ? Math.ceil(textWidth(v) / Math.max(1, width - 1)) : 1);
  const fit = (row: ExcelJS.Row, texts: ReadonlyArray<Cell | string>, spans: number[], base: number) => {
    const n = Math.max(1, ...texts.map((v, i) => lines(v, spans[i])));
    if (n > 1) row.height = Math.max(base, n * 14.5 + 4);
  };
  fit(head, t.columns.map((c) => c.header), widths, 22);
  t.rows.forEach((values, i) => fit(ws.getRow(4 + i), values, widths, 15));
  if (t.note) fit(ws.getRow(4 + t.rows.length), [t.note], [widths.reduce((a, b) => a + b, 0)], 15);
  return ws;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Quota Watch';
  return wb;
}
