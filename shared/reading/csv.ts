// CSV bytes → rows of text. Our own parser, so that every cell stays the text the user typed
// (SheetJS would turn an 18-digit ID into a number and change its last digits).

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Detects the encoding: a BOM if there is one, else UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK). */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  const bom = byteOrderMark(bytes);
  if (bom) return bom;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'gb18030', bomLength: 0 };
  }
}

function byteOrderMark(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return null;
}

/** The text and its encoding (as detectEncoding finds it), decoded once: a 90 MB file is not decoded twice. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const bom = byteOrderMark(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.bomLength)), encoding: bom.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** The first `chars` characters or so, to tell what kind of text it is (bytes past them not decoded). */
export function decodeHead(bytes: Uint8Array, chars: number): string {
  const bom = byteOrderMark(bytes);
  const from = bom?.bomLength ?? 0;
  // Four bytes a character at most; a character cut at the end decodes as U+FFFD, which no test looks at.
  return new TextDecoder(bom?.encoding ?? 'utf-8').decode(bytes.subarray(from, from + chars * 4)).slice(0, chars);
}

/** Picks the delimiter that splits the first lines most consistently: comma, tab, semicolon or '|'. */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 20_000).split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 30);
  let best = ',';
  let bestScore = -1;
  for (const d of [',', '\t', ';', '|']) {
    const counts = sample.map((l) => l.split(d).length - 1);
    const withIt = counts.filter((n) => n > 0).length;
    const score = withIt * 1000 + counts.reduce((a, b) => a + b, 0);
    if (withIt > 0 && score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * ="511025198812285924": how web systems export a long number as text so that Excel keeps every digit.
 * The value is the text inside.
 */
function unwrapFormulaText(field: string): string {
  return field.length >= 3 && field.charCodeAt(0) === 61 && field[1] === '"' && field.endsWith('"') && !field.slice(2, -1).includes('"') ? field.slice(2, -1) : field;
}

/** Excel's own limits, which it applies when it opens a CSV: columns a row can have, characters a cell can hold. */
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_CELL_CHARS = 32_767;

export interface CsvLimits {
  maxRows: number;
  /** Cells kept in all (the parsed rows' memory): past it no more rows are read. */
  maxCells: number;
}

export interface CsvParse {
  rows: string[][];
  /** Stopped at maxRows. */
  truncated: boolean;
  /** Stopped at maxCells. */
  cellsTruncated: boolean;
  /** Rows that had more than EXCEL_MAX_COLUMNS fields (the rest left out). */
  wideRows: number;
  /** Cells longer than EXCEL_MAX_CELL_CHARS (cut there). */
  longCells: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * RFC 4180 parsing with any line ending; quotes may hold delimiters and line breaks. Bounded as Excel
 * bounds a CSV it opens: a row keeps its first 16,384 fields and a cell its first 32,767 characters, so
 * that one huge line costs what a sheet can hold; and at most `maxCells` cells are kept in all.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text), limits: Partial<CsvLimits> = {}): CsvParse {
  const maxRows = limits.maxRows ?? Infinity;
  const maxCells = limits.maxCells ?? Infinity;
  const out: CsvParse = { rows: [], truncated: false, cellsTruncated: false, wideRows: 0, longCells: 0 };
  const { rows } = out;
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let row: string[] = [];
  let cells = 0;
  let wide = false;
  const push = (field: string) => {
    if (row.length >= EXCEL_MAX_COLUMNS) {
      wide = true;
      return;
    }
    const value = unwrapFormulaText(field);
    if (value.length > EXCEL_MAX_CELL_CHARS) {
      out.longCells++;
      row.push(value.slice(0, EXCEL_MAX_CELL_CHARS));
    } else row.push(value);
  };
  /** Ends the row; false when no more rows may be read. */
  const endRow = (): boolean => {
    if (wide) out.wideRows++;
    wide = false;
    cells += row.length;
    if (cells > maxCells) {
      out.cellsTruncated = true;
      return false;
    }
    rows.push(row);
    row = [];
    if (rows.length >= maxRows) {
      out.truncated = true;
      return false;
    }
    return true;
  };
  let i = 0;
  let atFieldStart = true;
  while (i < n) {
    if (atFieldStart && text.charCodeAt(i) === QUOTE) {
      // A quoted field: runs of text between quotes, "" an escaped quote. Kept only up to a cell's limit.
      let field = '';
      i++;
      for (;;) {
        const next = text.indexOf('"', i);
        const end = next === -1 ? n : next;
        if (field.length <= EXCEL_MAX_CELL_CHARS) field += text.slice(i, Math.min(end, i + EXCEL_MAX_CELL_CHARS + 1 - field.length));
        if (next === -1) {
          i = n;
          break;
        }
        if (text.charCodeAt(next + 1) === QUOTE) {
          if (field.length <= EXCEL_MAX_CELL_CHARS) field += '"';
          i = next + 2;
          continue;
        }
        i = next + 1;
        break;
      }
      // Text after the closing quote belongs to the field, as before ("a"b → ab).
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === delim || c === CR || c === LF) break;
        j++;
      }
      if (j > i && field.length <= EXCEL_MAX_CELL_CHARS) field += text.slice(i, Math.min(j, i + EXCEL_MAX_CELL_CHARS + 1 - field.length));
      i = j;
      // An empty quoted field cut short at the very end of a file is no row of its own.
      if (i >= n && field === '' && row.length === 0) return out;
      push(field);
    } else {
      // An unquoted field: up to the next delimiter or line break, taken in one slice.
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === delim || c === CR || c === LF) break;
        j++;
      }
      push(text.slice(i, Math.min(j, i + EXCEL_MAX_CELL_CHARS + 1)));
      i = j;
    }
    if (i >= n) {
      endRow();
      return out;
    }
    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      atFieldStart = true;
      if (i >= n) {
        push('');
        endRow();
        return out;
      }
      continue;
    }
    // A line break ends the row.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    atFieldStart = true;
    if (!endRow()) return out;
  }
  return out;
}
