// A sheet's cells kept compactly: one number a cell (a shared string's index, or a place in a short list
// of other values) and its column, in typed arrays, row after row. A 1,000,000-row roster held as
// SheetJS's dense `!data` is a million arrays and their cell objects, which the garbage collector walks
// again and again; held here it is a few typed arrays. The direct .xlsx reader fills one of these, and
// `cellsGrid` reads it as any other grid.

import { cellText, mergeIndex, type Grid } from './grid.ts';

/** A cell that is not a shared string: as SheetJS makes it ({ t: 'n', v: 12 }, { t: 'b', v: true } …). */
export interface OtherCell {
  t: string;
  v?: unknown;
}

function grownInt32(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Cells in row order, each row's cells in column order (the order a worksheet part gives them). */
export class CellStore {
  private rowNumbers: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private rowStarts: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private cols = new Uint16Array(4096);
  private codes: Int32Array<ArrayBuffer> = new Int32Array(4096);
  private rows = 0;
  private count = 0;
  private lastRow = -1;
  private lastCol = -1;
  /** As SheetJS's dense array's length: the last row with a cell, plus one. */
  length = 0;
  colCount = 0;
  readonly others: OtherCell[] = [];

  constructor(readonly strings: ReadonlyArray<string | undefined>) {}

  /**
   * Whether the cell could be added in order: false for a cell before (or on) one already added — a
   * worksheet may place cells anywhere by their references, and such a file is left to SheetJS.
   */
  addShared(r: number, c: number, index: number): boolean {
    return this.add(r, c, index);
  }

  addOther(r: number, c: number, cell: OtherCell): boolean {
    if (!this.add(r, c, -2 - this.others.length)) return false;
    this.others.push(cell);
    return true;
  }

  private add(r: number, c: number, code: number): boolean {
    if (r !== this.lastRow) {
      if (r < this.lastRow) return false;
      if (this.rows === this.rowNumbers.length) {
        this.rowNumbers = grownInt32(this.rowNumbers);
        this.rowStarts = grownInt32(this.rowStarts);
      }
      this.rowNumbers[this.rows] = r;
      this.rowStarts[this.rows] = this.count;
      this.rows++;
      this.lastRow = r;
      this.lastCol = -1;
      this.length = r + 1;
    } else if (c <= this.lastCol) return false;
    if (this.count === this.codes.length) {
      this.codes = grownInt32(this.codes);
      const cols = new Uint16Array(this.codes.length);
      cols.set(this.cols);
      this.cols = cols;
    }
    this.cols[this.count] = c;
    this.codes[this.count] = code;
    this.count++;
    this.lastCol = c;
    if (c + 1 > this.colCount) this.colCount = c + 1;
    return true;
  }

  /** The stored rows, for the grid: which sheet row each is, where its cells start, and the cells. */
  sealed(): { rowNumbers: Int32Array; rowStarts: Int32Array; cols: Uint16Array; codes: Int32Array; rows: number; count: number } {
    return { rowNumbers: this.rowNumbers, rowStarts: this.rowStarts, cols: this.cols, codes: this.codes, rows: this.rows, count: this.count };
  }
}

type Merge = { s: { r: number; c: number }; e: { r: number; c: number } };

/** A grid over a CellStore, read exactly as denseGrid reads SheetJS's `!data` of the same cells. */
export function cellsGrid(name: string, hidden: boolean, store: CellStore, merges: ReadonlyArray<Merge>, maxRows = Infinity): { grid: Grid; mergesOverLimit: boolean } {
  const { rowNumbers, rowStarts, cols, codes, rows, count } = store.sealed();
  const rowCount = Math.min(store.length, maxRows);
  // The stored row of each sheet row (-1: none), and each row's width.
  const rowOf = new Int32Array(rowCount).fill(-1);
  let colCount = 0;
  for (let k = 0; k < rows; k++) {
    const r = rowNumbers[k];
    if (r >= rowCount) break;
    rowOf[r] = k;
    const end = k + 1 < rows ? rowStarts[k + 1] : count;
    colCount = Math.max(colCount, cols[end - 1] + 1);
  }
  const { anchors, overLimit } = mergeIndex(merges, rowCount, colCount);
  let mergeWidth = 0;
  for (const m of merges) if (m.s.r < rowCount && m.s.c < colCount) mergeWidth = Math.max(mergeWidth, Math.min(m.e.c + 1, colCount));
  const { strings, others } = store;
  const rowWidth = (r: number): number => {
    const k = r >= 0 && r < rowCount ? rowOf[r] : -1;
    if (k < 0) return 0;
    const end = k + 1 < rows ? rowStarts[k + 1] : count;
    return cols[end - 1] + 1;
  };
  /** The code of the cell at (r, c), or -1 for none. */
  const codeAt = (r: number, c: number): number => {
    const k = r >= 0 && r < rowCount ? rowOf[r] : -1;
    if (k < 0 || c < 0) return -1;
    const start = rowStarts[k];
    const end = k + 1 < rows ? rowStarts[k + 1] : count;
    if (start + c < end && cols[start + c] === c) return codes[start + c];
    let lo = start;
    let hi = end - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = cols[mid];
      if (x === c) return codes[mid];
      if (x < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const resolved = (r: number, c: number): number => {
    if (anchors.size > 0) {
      const a = anchors.get(r * colCount + c);
      if (a !== undefined) return codeAt(Math.floor(a / colCount), a % colCount);
    }
    return codeAt(r, c);
  };
  return {
    grid: {
      name,
      hidden,
      rowCount,
      colCount,
      width: (r) => Math.max(rowWidth(r), mergeWidth),
      text: (r, c) => {
        const code = resolved(r, c);
        if (code >= 0) return (strings[code] ?? '').trim();
        return code === -1 ? '' : cellText(others[-2 - code]);
      },
      isNumber: (r, c) => {
        const code = resolved(r, c);
        return code < -1 && others[-2 - code].t === 'n';
      },
    },
    mergesOverLimit: overLimit,
  };
}
