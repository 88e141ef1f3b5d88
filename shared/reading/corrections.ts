// A person's corrections of a table, and when a reading rests on a guess.
//
// One coordinate system, everywhere (reports, overrides, remembered layouts):
//  - a table is named by its id: the file's hash, the sheet, and the range it was found in ("A1:H40");
//  - rows are 1-based sheet rows as Excel shows them (header rows, skipped rows, villages' rows);
//  - columns are 0-based sheet column indices (`index`), with the letter Excel shows (`column`) beside
//    them for display. A table turned on its side (orientation 'columns': villages across, items down)
//    swaps the two: its header "rows" are 1-based sheet column numbers (A = 1) and its fields' `index` is
//    the 0-based sheet row.
// `quota-watch check --explain --json` prints each table's report with exactly these fields, and
// `--layout FILE` takes that JSON back: what it says of a table is the table's reading, confirmed.

import { normalizeHeader } from '../text.ts';
import { IGNORED_HEADERS } from '../vocabulary/index.ts';
import { columnLetter, roleOfHeader, type ColumnRole } from './columns.ts';
import type { FamilyScore, TableView } from './table.ts';

export type Orientation = 'rows' | 'columns';

/** What a person says of one table: any of its header rows, orientation, family, columns' meanings, place. */
export interface TableLayout {
  id: string;
  orientation?: Orientation;
  family?: string;
  headerRows?: number[];
  columns?: Array<{ index: number; role: ColumnRole | null }>;
  /** The village or township of every row, where the sheet names none. */
  place?: { township?: string | null; village?: string | null };
}

/** A layout a person confirmed once, applied again to a table whose header reads the same. */
export interface RememberedLayout {
  id: number;
  /** The header's normalised words in order, joined by "|". */
  signature: string;
  /** The file it was confirmed on, for the finding that names it. */
  file: string;
  /** Relative to the table: header rows as offsets from the first (0, 1 …), columns by their place in it (0 the first). */
  layout: Omit<TableLayout, 'id'>;
}

// ---- ids and signatures ----------------------------------------------------------------------------

/** A 53-bit hash of a file's bytes (cyrb53), as 14 hex digits: with the sheet and range, a table's stable id. */
export function hashBytes(bytes: Uint8Array): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The range a view covers on its sheet, as Excel writes it ("A1:H40"). */
export function rangeOf(view: TableView): string {
  const a = view.origin(0, 0);
  const b = view.origin(Math.max(0, view.rowCount - 1), Math.max(0, view.colCount - 1));
  const top = Math.min(a.row, b.row);
  const left = Math.min(a.col, b.col);
  return `${columnLetter(left)}${top + 1}:${columnLetter(Math.max(a.col, b.col))}${Math.max(a.row, b.row) + 1}`;
}

export function tableId(fileHash: string, view: TableView): string {
  return `${fileHash}:${view.name}!${rangeOf(view)}`;
}

/** A header's signature: its columns' normalised header words, in order. */
export function headerSignature(headers: Iterable<string>): string {
  return [...headers].map(normalizeHeader).filter((h) => h).join('|');
}

// ---- sheet coordinates ↔ a view's ----------------------------------------------------------------

/** The sheet line (0-based) a view's row lies on: a sheet row, or a sheet column when the table is on its side. */
export function lineOfRow(view: TableView, r: number, orientation: Orientation): number {
  const o = view.origin(r, 0);
  return orientation === 'columns' ? o.col : o.row;
}

/** The sheet index (0-based) of a view's column: a sheet column, or a sheet row when the table is on its side. */
export function indexOfColumn(view: TableView, c: number, orientation: Orientation, headerRow = 0): number {
  const o = view.origin(headerRow, c);
  return orientation === 'columns' ? o.row : o.col;
}

/** How a report names a column (or, on its side, a row): "C", or "第3行". */
export function columnName(index: number, orientation: Orientation): string {
  return orientation === 'columns' ? `第${index + 1}行` : columnLetter(index);
}

/** A view's rows for 1-based sheet lines; lines outside the view are dropped. */
export function viewRows(view: TableView, lines: readonly number[], orientation: Orientation): number[] {
  const out: number[] = [];
  for (const line of lines) {
    for (let r = 0; r < view.rowCount; r++) {
      if (lineOfRow(view, r, orientation) === line - 1) {
        out.push(r);
        break;
      }
    }
  }
  return out;
}

/** A view's column for a 0-based sheet index, or undefined. */
export function viewColumn(view: TableView, index: number, orientation: Orientation): number | undefined {
  for (let c = 0; c < view.colCount; c++) if (indexOfColumn(view, c, orientation) === index) return c;
  return undefined;
}

// ---- provisional readings --------------------------------------------------------------------------

/** Below this a family's score is no recognition: the header gives too little to be sure of the layout. */
const CERTAIN_SCORE = 8;
/** A runner-up this close to the best leaves the layout in doubt. */
const CLEAR_MARGIN = 1;

/** Why a reading of a table is provisional (待核对), in Chinese; empty when the layout is a familiar one. */
export function provisionalReasons(scores: readonly FamilyScore[], headers: ReadonlyMap<number, string>, roles: ReadonlyMap<number, ColumnRole>, byValue: ReadonlySet<number>, name: (c: number) => string): string[] {
  const reasons: string[] = [];
  const [best, second] = scores;
  if (best.score < CERTAIN_SCORE) reasons.push(`表头可识别的列太少，不能确定是“${best.label}”`);
  if (second && best.score - second.score < CLEAR_MARGIN) reasons.push(`既像“${best.label}”又像“${second.label}”`);
  const unknown = [...headers].filter(([c, h]) => !roles.has(c) && roleOfHeader(h) === null && !IGNORED_HEADERS.test(normalizeHeader(h)));
  if (unknown.length) reasons.push(`有看不懂的列：${unknown.slice(0, 3).map(([c, h]) => `${name(c)}列“${h.slice(0, 16)}”`).join('、')}${unknown.length > 3 ? ` 等 ${unknown.length} 列` : ''}`);
  const guessed = [...byValue];
  if (guessed.length) reasons.push(`${guessed.map((c) => `${name(c)}列`).join('、')}的含义是按内容推断的`);
  return reasons;
}

/**
 * What a store remembers of a confirmed table: its header's signature, and its layout relative to the table
 * (header rows from the first, columns by their place in the table), so that it fits the same header anywhere.
 */
export function rememberable(report: { headerRows: number[]; columns: Array<{ header: string; role: ColumnRole | null }>; orientation?: Orientation; family?: string; place?: TableLayout['place'] }): Pick<RememberedLayout, 'signature' | 'layout'> | null {
  if (report.headerRows.length === 0 || report.columns.length === 0) return null;
  const first = report.headerRows[0];
  return {
    signature: headerSignature(report.columns.map((c) => c.header)),
    layout: {
      orientation: report.orientation ?? 'rows',
      ...(report.family ? { family: report.family } : {}),
      headerRows: report.headerRows.map((r) => r - first),
      columns: report.columns.map((c, i) => ({ index: i, role: c.role })),
      ...(report.place ? { place: report.place } : {}),
    },
  };
}
