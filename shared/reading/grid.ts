// A sheet as a grid of text cells, whatever file it came from. Cells are read lazily from the
// parser's own storage, so a 200,000-row sheet is never copied into a second grid.

import { numberToIdText } from '../idcard.ts';

export interface Grid {
  name: string;
  hidden: boolean;
  rowCount: number;
  colCount: number;
  /**
   * How many columns of row r can hold anything (its own cells, or merges reaching into it): a damaged
   * file may put one cell in column 16,000 or row 3,000,000, and a row must cost what it holds, not that.
   */
  width(r: number): number;
  /** The cell's text, trimmed; a merged cell gives the text of its top-left cell. */
  text(r: number, c: number): string;
  /** True when the cell (or its merge anchor) held a number, not text. */
  isNumber(r: number, c: number): boolean;
}

interface RawCell {
  t?: string;
  v?: unknown;
}

/** Text of a SheetJS cell as the user typed or saw it. */
export function cellText(cell: RawCell | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  switch (cell.t) {
    case 's':
    case 'str':
      return typeof v === 'string' ? v.trim() : String(v ?? '').trim();
    case 'n': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return '';
      if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
      if (Math.abs(v) >= 1e15) return numberToIdText(v);
      return String(Number(v.toPrecision(15)));
    }
    case 'b':
      return v ? 'TRUE' : 'FALSE';
    case 'd':
      return v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '');
    default:
      return '';
  }
}

/** Bound on merged cells expanded per sheet: a hostile file may declare merges over millions of cells. */
export const MAX_MERGED_CELLS = 2_000_000;

/** Builds the lookup of merged cells → their anchor, clipped to the data's extent. */
export function mergeIndex(
  merges: ReadonlyArray<{ s: { r: number; c: number }; e: { r: number; c: number } }>,
  rowCount: number,
  colCount: number,
): { anchors: Map<number, number>; overLimit: boolean } {
  const anchors = new Map<number, number>();
  let budget = MAX_MERGED_CELLS;
  let overLimit = false;
  for (const m of merges) {
    const r0 = Math.max(0, m.s.r);
    const c0 = Math.max(0, m.s.c);
    if (r0 >= rowCount || c0 >= colCount) continue;
    const r1 = Math.min(m.e.r, rowCount - 1);
    const c1 = Math.min(m.e.c, colCount - 1);
    if (r1 < r0 || c1 < c0) continue;
    const anchor = r0 * colCount + c0;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        if (r === r0 && c === c0) continue;
        if (--budget < 0) {
          overLimit = true;
          return { anchors, overLimit };
        }
        anchors.set(r * colCount + c, anchor);
      }
    }
  }
  return { anchors, overLimit };
}

/** A grid over plain rows of text (CSV). */
export function textGrid(name: string, rows: string[][]): Grid {
  let colCount = 0;
  for (const r of rows) if (r.length > colCount) colCount = r.length;
  return {
    name,
    hidden: false,
    rowCount: rows.length,
    colCount,
    width: (r) => rows[r]?.length ?? 0,
    text: (r, c) => (rows[r]?.[c] ?? '').trim(),
    isNumber: () => false,
  };
}

/** A grid over a SheetJS dense worksheet's `!data`, with merged cells resolved to their anchors. */
export function denseGrid(
  name: string,
  hidden: boolean,
  data: ReadonlyArray<ReadonlyArray<RawCell | undefined> | undefined>,
  merges: ReadonlyArray<{ s: { r: number; c: number }; e: { r: number; c: number } }>,
  maxRows = Infinity,
): { grid: Grid; mergesOverLimit: boolean } {
  // A damaged row number can make SheetJS's dense array millions of rows long, nearly all holes.
  const rowCount = Math.min(data.length, maxRows);
  let colCount = 0;
  for (let r = 0; r < rowCount; r++) {
    const row = data[r];
    if (row && row.length > colCount) colCount = row.length;
  }
  const { anchors, overLimit } = mergeIndex(merges, rowCount, colCount);
  // Rows inside a merge may be shorter than the merge is wide: they reach as far as the widest merge.
  let mergeWidth = 0;
  for (const m of merges) if (m.s.r < rowCount && m.s.c < colCount) mergeWidth = Math.max(mergeWidth, Math.min(m.e.c + 1, colCount));
  const at = (r: number, c: number): RawCell | undefined => {
    if (anchors.size > 0) {
      const a = anchors.get(r * colCount + c);
      if (a !== undefined) return data[Math.floor(a / colCount)]?.[a % colCount];
    }
    return data[r]?.[c];
  };
  return {
    grid: {
      name,
      hidden,
      rowCount,
      colCount,
      width: (r) => Math.max(data[r]?.length ?? 0, mergeWidth),
      text: (r, c) => cellText(at(r, c)),
      isNumber: (r, c) => at(r, c)?.t === 'n',
    },
    mergesOverLimit: overLimit,
  };
}
