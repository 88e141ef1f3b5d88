// The plain .xlsx read directly: one pass over the worksheet's bytes instead of SheetJS's regular
// expressions over a string of the whole sheet. A province's roster is one big sheet, and SheetJS
// spends seconds and hundreds of MiB of garbage on it; this reads the same sheet several times faster.
//
// It must read exactly what SheetJS reads, so it only takes files it fully understands: a workbook
// found through [Content_Types].xml and its relationships, worksheets of plain <row>/<c> elements,
// shared strings. Anything else (comments, hyperlinks, dates stored as text, namespace prefixes in
// the sheet, CDATA, odd cell references, damaged parts …) makes it decline, and SheetJS reads the
// file as before. tests/reading/xlsx-direct.test.ts and tests/corpus/direct-vs-sheetjs.ts compare
// both readers cell by cell.

import * as XLSX from 'xlsx';
import { zipEntryBytes, type ZipEntry } from './zip.ts';

export interface DirectCell {
  t: string;
  v?: unknown;
}

export interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface DirectSheet {
  name: string;
  hidden: boolean;
  /** Rows of cells, as SheetJS's dense `!data`: holes where nothing was written. */
  data: Array<Array<DirectCell | undefined> | undefined>;
  merges: CellRange[];
  /** Rows past the row limit were left out. */
  truncated: boolean;
}

/** Thrown inside the reader when the file is not plain enough, or damaged; never escapes. */
class Decline extends Error {
  constructor(
    why: string,
    readonly damaged: boolean,
  ) {
    super(why);
  }
}

/** Not plain enough for this reader: SheetJS reads the file instead. */
function decline(why: string): never {
  throw new Decline(why, false);
}

/** Broken: the part is not well-formed or not there. SheetJS would pass over it in silence (an empty or a missing sheet). */
function damaged(why: string): never {
  throw new Decline(why, true);
}

/** The last row and column a worksheet can have (Excel's limits): beyond them a reference is damage. */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

export type DirectRead = { ok: true; sheets: DirectSheet[] } | { ok: false; declined: string; damaged: boolean };

/**
 * The workbook's sheets (at most `maxSheets`, rows up to `maxRows`), or why the file should be read by
 * SheetJS instead.
 */
export function readXlsxDirect(bytes: Uint8Array, entries: ZipEntry[], maxSheets: number, maxRows: number): DirectRead {
  try {
    return { ok: true, sheets: readPlainWorkbook(bytes, entries, maxSheets, maxRows) };
  } catch (err) {
    // A Decline, or anything a damaged part made go wrong: SheetJS reads it and reports it its way.
    if (err instanceof Decline) return { ok: false, declined: err.message, damaged: err.damaged };
    return { ok: false, declined: `error: ${String((err as Error)?.message ?? err)}`, damaged: false };
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** UTF-8 text of a part or a value; bytes that are no UTF-8 are damage. */
const utf8 = {
  decode(bytes: Uint8Array): string {
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return damaged('not UTF-8');
    }
  },
};

const CT_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/content-types';
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
]);
const STRINGS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const WORKSHEET_RELS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet',
]);

function readPlainWorkbook(bytes: Uint8Array, entries: ZipEntry[], maxSheets: number, maxRows: number): DirectSheet[] {
  // SheetJS finds parts by name without regard to case.
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    const key = e.name.toLowerCase();
    if (byName.has(key)) decline('two parts of one name');
    byName.set(key, e);
  }
  const part = (name: string): Uint8Array | null => {
    const e = byName.get(name.replace(/^\//, '').toLowerCase());
    if (!e) return null;
    return zipEntryBytes(bytes, e) ?? damaged(`part ${name} unreadable`);
  };
  const text = (name: string): string | null => {
    const b = part(name);
    return b ? utf8.decode(b) : null;
  };
  for (const other of ['meta-inf/manifest.xml', 'objectdata.xml', 'index/document.iwa']) if (byName.has(other)) decline('not OOXML');

  const types = text('[Content_Types].xml') ?? decline('no content types');
  let namespace = '';
  const workbooks: string[] = [];
  const stringParts: string[] = [];
  for (const { name, attrs } of tags(types)) {
    if (name === 'Types') namespace = attrs.get('xmlns') ?? '';
    else if (name === 'Override') {
      const type = attrs.get('ContentType') ?? '';
      if (WORKBOOK_TYPES.has(type)) workbooks.push(attrs.get('PartName') ?? '');
      else if (type === STRINGS_TYPE) stringParts.push(attrs.get('PartName') ?? '');
      else if (type === 'application/vnd.ms-excel.sheet.binary.macroEnabled.main' || type === 'application/vnd.ms-excel.sharedStrings') decline('binary parts');
    } else if (name.includes(':')) decline('prefixed content types');
  }
  if (namespace !== CT_NAMESPACE || workbooks.length === 0) decline('content types not plain');
  const workbookPath = workbooks[0].replace(/^\//, '');
  if (!workbookPath.endsWith('.xml')) decline('workbook not XML');

  const strings = stringParts.length > 0 ? sharedStrings(text(stringParts[0]) ?? '') : [];

  const workbookXml = text(workbookPath) ?? decline('no workbook');
  const slash = workbookPath.lastIndexOf('/');
  let relsPath = `${workbookPath.slice(0, slash + 1)}_rels/${workbookPath.slice(slash + 1)}.rels`;
  if (!byName.has(relsPath.toLowerCase())) relsPath = 'xl/_rels/workbook.xml.rels';
  const rels = new Map<string, { type: string; target: string }>();
  for (const { name, attrs } of tags(text(relsPath) ?? decline('no workbook relationships'))) {
    if (name === 'Relationship') rels.set(attrs.get('Id') ?? '', { type: attrs.get('Type') ?? '', target: unescapeXml(attrs.get('Target') ?? '') });
  }

  const listed: Array<{ name: string; hidden: boolean; path: string }> = [];
  for (const { name, attrs } of tags(workbookXml)) {
    if (name !== 'sheet') {
      if (/:sheets?$/.test(name)) decline('prefixed sheet list');
      continue;
    }
    const rel = rels.get(attrs.get('r:id') ?? '') ?? decline('sheet without relationship');
    if (!WORKSHEET_RELS.has(rel.type)) decline('not a worksheet');
    // The order SheetJS tries the target in.
    let path = `xl/${rel.target.replace(/[/]?xl\//, '')}`;
    if (!byName.has(path.toLowerCase())) path = rel.target;
    if (!byName.has(path.replace(/^\//, '').toLowerCase())) path = relsPath.replace(/_rels\/[\S\s]*$/, '') + rel.target;
    const state = attrs.get('state');
    listed.push({ name: unescapeXml(attrs.get('name') ?? ''), hidden: state === 'hidden' || state === 'veryHidden', path });
  }
  if (listed.length === 0 || listed.length > maxSheets) decline('sheet count');
  if (new Set(listed.map((s) => s.name)).size !== listed.length) decline('two sheets of one name');

  return listed.map((s) => {
    const sheetRels = text(s.path.replace(/^(.*)(\/)([^/]*)$/, '$1/_rels/$3.rels'));
    // Comments and threaded comments become cells of their own in SheetJS.
    if (sheetRels && /comments|threadedComment/i.test(sheetRels)) decline('comments');
    const xml = part(s.path) ?? damaged('sheet missing');
    return { name: s.name, hidden: s.hidden, ...worksheet(xml, strings, maxRows) };
  });
}

/** The tags of a small XML part, with their attributes (values as written, not unescaped). */
function* tags(xml: string): Generator<{ name: string; attrs: Map<string, string> }> {
  const tag = /<([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g;
  const attr = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const attrs = new Map<string, string>();
    for (let a = attr.exec(m[2]); a; a = attr.exec(m[2])) attrs.set(a[1], a[2] ?? a[3]);
    attr.lastIndex = 0;
    yield { name: m[1], attrs };
  }
}

// ---- text as SheetJS unescapes it ----

const ENTITIES: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE = /_x([\da-fA-F]{4})_/gi;

/** XML entities and Excel's _xHHHH_ escapes, exactly as SheetJS's unescapexml treats them. */
function unescapeXml(s: string, xlsx = false): string {
  if (s.includes('<![CDATA[')) decline('CDATA');
  let out = s;
  if (out.includes('&')) out = out.replace(ENTITY, (all, code: string) => ENTITIES[all] || String.fromCharCode(parseInt(code, all.indexOf('x') > -1 ? 16 : 10)) || all);
  if (out.includes('_x') || out.includes('_X')) out = out.replace(CODE, (_m, c: string) => String.fromCharCode(parseInt(c, 16)));
  return xlsx && out.includes('\r\n') ? out.replace(/\r\n/g, '\n') : out;
}

// ---- shared strings, as SheetJS's parse_sst_xml / parse_si read them ----

interface SharedString {
  text: string | undefined;
}

const SI_OPEN = /<(?:\w+:)?(?:si|sstItem)>/g;
const SI_CLOSE = /<\/(?:\w+:)?(?:si|sstItem)>/;
const PLAIN_T = /^\s*<(?:\w+:)?t[^>]*>/;
const T_CLOSE = /<\/(?:\w+:)?t>/;
const RICH_RUN = /<(?:\w+:)?r\b[^<>]*>/;
const RUN_TEXT = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
const PHONETIC = /<(?:\w+:)?rPh\b[^<>]*>[\s\S]*?<\/(?:\w+:)?rPh>/g;
const ANY_TAG = /<[\/\?]?[a-zA-Z0-9:_-]+(?:\s+[^"\s?<>\/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^'"<>\s=]+))*\s*[\/\?]?>/gm;

function sharedStrings(xml: string): SharedString[] {
  const open = /<(?:\w+:)?sst\b[^<>]*>/.exec(xml);
  if (!open) return [];
  const close = xml.indexOf('</sst>', open.index + open[0].length);
  if (close < 0) {
    if (/<\/\w+:sst>/.test(xml)) decline('prefixed shared strings');
    return []; // as SheetJS: no strings (an empty <sst/>, or a damaged part)
  }
  const pieces = xml.slice(open.index + open[0].length, close).replace(SI_OPEN, '').split(SI_CLOSE);
  return pieces.map((p) => stringItem(p.trim()));
}

function stringItem(x: string): SharedString {
  if (!x) return { text: '' };
  if (PLAIN_T.test(x)) return { text: unescapeXml(x.slice(x.indexOf('>') + 1).split(T_CLOSE)[0] || '', true) };
  if (RICH_RUN.test(x)) {
    const plain = x.replace(PHONETIC, '');
    if (/<(?:\w+:)?rPh\b/.test(plain)) decline('phonetic run unterminated');
    const runs = plain.match(RUN_TEXT) ?? [];
    return { text: unescapeXml(runs.join('').replace(ANY_TAG, ''), true) };
  }
  return { text: undefined };
}

// ---- the worksheet, byte by byte ----

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const EQ = 0x3d;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

function indexOfBytes(hay: Uint8Array, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  const n = needle.length;
  for (let i = hay.indexOf(first, from); i >= 0 && i + n <= hay.length; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < n && hay[i + k] === needle.charCodeAt(k)) k++;
    if (k === n) return i;
  }
  return -1;
}

function worksheet(xml: Uint8Array, strings: SharedString[], maxRows: number): Pick<DirectSheet, 'data' | 'merges' | 'truncated'> {
  const data: DirectSheet['data'] = [];
  const open = indexOfBytes(xml, '<sheetData', 0);
  if (open < 0) {
    if (indexOfBytes(xml, ':sheetData', 0) >= 0) decline('namespace prefix');
    damaged('no sheetData');
  }
  const after = xml[open + 10];
  if (after !== GT && after !== SLASH && !isSpace(after)) decline('sheetData?');
  let openEnd = xml.indexOf(GT, open);
  if (openEnd < 0) damaged('sheetData unterminated');
  // An empty <sheetData/>: SheetJS then finds no sheetData element and looks for merges in the whole part.
  const scanner = xml[openEnd - 1] === SLASH ? null : new SheetScanner(xml, openEnd + 1, strings, maxRows, data);
  const tail = scanner ? xml.subarray(scanner.scan()) : xml;
  const rest = utf8.decode(tail);
  if (/<(?:\w+:)?hyperlink /.test(rest) || rest.includes('legacyDrawing')) decline('hyperlinks or drawings');
  const merges: CellRange[] = [];
  for (const m of rest.match(/<(?:\w+:)?mergeCell ref=["'][A-Z0-9:]+['"]\s*[/]?>/g) ?? []) {
    const ref = m.slice(m.indexOf('=') + 2).replace(/['"][\s\S]*$/, '');
    if (!/^[A-Z]{1,3}[1-9]\d{0,6}(:[A-Z]{1,3}[1-9]\d{0,6})?$/.test(ref)) decline('merge reference');
    merges.push(XLSX.utils.decode_range(ref));
  }
  return { data, merges, truncated: scanner?.truncated ?? false };
}

// Element names the scanner knows; anything else in sheetData makes it decline.
const ROW = 1;
const CELL = 2;
const VALUE = 3;
const FORMULA = 4;
const INLINE = 5;
const EXTENSION = 6; // <extLst>: allowed in rows and cells, but not read here
const OTHER = 0;

/** Reads <row> and <c> elements between two offsets of a worksheet part. */
class SheetScanner {
  private pos: number;
  // Offsets of the r and t attributes of the element just read (start -1: absent).
  private rStart = -1;
  private rEnd = -1;
  private tStart = -1;
  private tEnd = -1;
  private readonly sharedCells: Array<DirectCell | undefined> = [];
  /** Rows past the row limit were met (and left out). */
  truncated = false;

  private readonly end: number;

  constructor(
    private readonly x: Uint8Array,
    start: number,
    private readonly strings: SharedString[],
    private readonly maxRows: number,
    private readonly data: DirectSheet['data'],
  ) {
    this.pos = start;
    this.end = x.length;
  }

  /** Reads the rows up to </sheetData>, and returns where that is. */
  scan(): number {
    let rowNumber = 0;
    const x = this.x;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) damaged('sheetData unterminated');
      if (x[this.pos] === LT && x[this.pos + 1] === SLASH) {
        const at = this.pos;
        this.closeTag('sheetData');
        return at;
      }
      // sheetData holds rows only (the schema has nothing else there): anything else is damage.
      const tag = this.openTag();
      if (tag === EXTENSION) decline('extension in sheetData');
      if (tag !== ROW) damaged('not a row in sheetData');
      // SheetJS splits rows at </row>: an empty <row/> adds nothing and takes no row number.
      if (this.readAttributes()) continue;
      if (this.rStart >= 0) {
        rowNumber = this.digits(this.rStart, this.rEnd);
        if (rowNumber < 0) decline('row number');
      } else rowNumber += 1;
      if (rowNumber > EXCEL_ROWS) damaged('row past the last row a sheet can have');
      if (rowNumber > this.maxRows) this.truncated = true;
      this.cells(rowNumber, rowNumber > this.maxRows);
    }
  }

  private skipSpace(): void {
    while (this.pos < this.end && isSpace(this.x[this.pos])) this.pos++;
  }

  /** At '<': reads an opening tag's name; declines on a closing tag, comment or instruction. */
  private openTag(): number {
    const x = this.x;
    if (x[this.pos] !== LT) damaged('text in sheetData');
    const p = this.pos + 1;
    let q = p;
    while (q < this.end && ((x[q] >= 0x61 && x[q] <= 0x7a) || (x[q] >= 0x41 && x[q] <= 0x5a))) q++;
    const c = x[q];
    if (q === p) {
      // "<!--", "<?", "<![CDATA[": well-formed XML this reader leaves to SheetJS; anything else is damage.
      if (c === 0x21 || c === 0x3f) decline('comment or instruction');
      damaged('not an element');
    }
    if (c === 0x3a) decline('namespace prefix');
    if (c !== GT && c !== SLASH && !isSpace(c)) damaged('element name');
    this.pos = q;
    const n = q - p;
    const a = x[p];
    if (n === 1) return a === 0x63 ? CELL : a === 0x76 ? VALUE : a === 0x66 ? FORMULA : OTHER;
    if (n === 3) return a === 0x72 && x[p + 1] === 0x6f && x[p + 2] === 0x77 ? ROW : OTHER;
    if (n === 2) return a === 0x69 && x[p + 1] === 0x73 ? INLINE : OTHER;
    if (n === 6 && String.fromCharCode(...x.subarray(p, q)) === 'extLst') return EXTENSION;
    return OTHER;
  }

  /** Reads attributes up to the tag's end, noting where r and t are. Returns whether the tag closed itself. */
  private readAttributes(): boolean {
    const x = this.x;
    this.rStart = this.tStart = -1;
    let p = this.pos;
    for (;;) {
      while (p < this.end && isSpace(x[p])) p++;
      const c = x[p];
      if (c === GT) {
        this.pos = p + 1;
        return false;
      }
      if (c === SLASH && x[p + 1] === GT) {
        this.pos = p + 2;
        return true;
      }
      const nameStart = p;
      while (p < this.end && x[p] !== EQ && x[p] !== GT && !isSpace(x[p])) p++;
      const nameEnd = p;
      while (p < this.end && isSpace(x[p])) p++;
      if (x[p] !== EQ) damaged('attribute');
      p++;
      while (p < this.end && isSpace(x[p])) p++;
      const quote = x[p];
      if (quote !== QUOTE && quote !== APOS) damaged('attribute value');
      let valueEnd = p + 1;
      while (valueEnd < this.end && x[valueEnd] !== quote) valueEnd++;
      if (valueEnd >= this.end) damaged('attribute value');
      if (nameEnd - nameStart === 1) {
        const n = x[nameStart];
        if (n === 0x72) {
          this.rStart = p + 1;
          this.rEnd = valueEnd;
        } else if (n === 0x74) {
          this.tStart = p + 1;
          this.tEnd = valueEnd;
        }
      }
      p = valueEnd + 1;
    }
  }

  /** The number written in x[start..end) (1 to 7 digits, no leading zero), else -1. */
  private digits(start: number, end: number): number {
    const x = this.x;
    if (end <= start || end - start > 7 || x[start] === 0x30) return -1;
    let n = 0;
    for (let i = start; i < end; i++) {
      const d = x[i] - 0x30;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  }

  private cells(rowNumber: number, skipped: boolean): void {
    const x = this.x;
    let column = -1;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) damaged('row unterminated');
      if (x[this.pos] === LT && x[this.pos + 1] === SLASH) {
        this.closeTag('row');
        return;
      }
      const tag = this.openTag();
      if (tag === EXTENSION) decline('extension in a row');
      if (tag !== CELL) damaged('not a cell in a row');
      const selfClosing = this.readAttributes();
      let r = rowNumber - 1;
      if (this.rStart >= 0) {
        // A reference like AB12: SheetJS places the cell by it, whatever the row says.
        let p = this.rStart;
        column = 0;
        while (p < this.rEnd && x[p] >= 0x41 && x[p] <= 0x5a) column = column * 26 + x[p++] - 64;
        const letters = p - this.rStart;
        const row = this.digits(p, this.rEnd);
        if (letters < 1 || letters > 3 || row < 0) decline('cell reference');
        if (row > EXCEL_ROWS || column > EXCEL_COLUMNS) damaged('cell past the last row or column a sheet can have');
        column -= 1;
        r = row - 1;
      } else column += 1;
      const type = this.cellType();
      if (selfClosing) {
        if (!skipped) this.place(r, column, this.cell(type, -1, -1, null));
        continue;
      }
      this.cellContent();
      if (skipped) continue;
      this.place(r, column, this.cell(type, this.vStart, this.vEnd, this.isXml));
    }
  }

  private place(r: number, column: number, cell: DirectCell | null): void {
    if (cell) (this.data[r] ??= [])[column] = cell;
  }

  /** The t attribute just read: null when absent. */
  private cellType(): string | null {
    if (this.tStart < 0) return null;
    const x = this.x;
    const n = this.tEnd - this.tStart;
    if (n === 1) {
      const a = x[this.tStart];
      if (a === 0x73) return 's';
      if (a === 0x6e) return 'n';
      if (a === 0x62) return 'b';
      if (a === 0x65) return 'e';
    }
    return latin(x, this.tStart, this.tEnd);
  }

  private closeTag(name: string): void {
    const x = this.x;
    let p = this.pos + 2;
    for (let i = 0; i < name.length; i++, p++) if (x[p] !== name.charCodeAt(i)) damaged(`</${name}> expected`);
    while (isSpace(x[p])) p++;
    if (x[p] !== GT) damaged(`</${name}> expected`);
    this.pos = p + 1;
  }

  // The cell's first <v> (offsets; -1: none) and <is> (its inner XML), set by cellContent.
  private vStart = -1;
  private vEnd = -1;
  private isXml: string | null = null;

  /** Reads a cell's children up to </c>: its <v> and <is>; formulas are passed over. */
  private cellContent(): void {
    const x = this.x;
    this.vStart = this.vEnd = -1;
    this.isXml = null;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) damaged('cell unterminated');
      if (x[this.pos] === LT && x[this.pos + 1] === SLASH) {
        this.closeTag('c');
        return;
      }
      const name = this.openTag();
      if (name === EXTENSION) decline('extension in a cell');
      if (name !== VALUE && name !== FORMULA && name !== INLINE) damaged('unknown element in a cell');
      if (this.readAttributes()) continue;
      const closing = name === VALUE ? x.indexOf(LT, this.pos) : indexOfBytes(x, name === FORMULA ? '</f>' : '</is>', this.pos);
      if (closing < 0 || closing >= this.end) damaged('element unterminated');
      if (name === VALUE) {
        if (x[closing + 1] !== SLASH || x[closing + 2] !== 0x76 || x[closing + 3] !== GT) damaged('markup in a value');
        if (this.vStart < 0) {
          this.vStart = this.pos;
          this.vEnd = closing;
        }
        this.pos = closing + 4;
      } else {
        if (name === INLINE && this.isXml === null) this.isXml = utf8.decode(x.subarray(this.pos, closing));
        this.pos = closing + (name === FORMULA ? 4 : 5);
      }
    }
  }

  /**
   * The cell SheetJS makes of a type and a <v> (parse_ws_xml_data with cellFormula, cellText and
   * sheetStubs off); null when it makes none.
   */
  private cell(type: string | null, vStart: number, vEnd: number, isXml: string | null): DirectCell | null {
    const x = this.x;
    const empty = vStart < 0 || vEnd === vStart;
    if (type === null && empty) return null;
    switch (type ?? 'n') {
      case 'n':
        if (empty) return null;
        return { t: 'n', v: parseFloat(this.valueText(vStart, vEnd)) };
      case 's': {
        if (empty) return null;
        let index = this.digits(vStart, vEnd);
        if (index < 0) index = x[vStart] === 0x30 && vEnd - vStart === 1 ? 0 : parseInt(this.valueText(vStart, vEnd), 10);
        const shared = this.strings[index] ?? damaged('shared string index');
        return (this.sharedCells[index] ??= { t: 's', v: shared.text });
      }
      case 'str': {
        if (empty) return { t: 's', v: '' };
        const raw = utf8.decode(x.subarray(vStart, vEnd));
        // SheetJS decodes this one from its byte string after unescaping: a character reference beyond
        // Latin-1 comes out differently there.
        if (raw.includes('&#') && beyondAscii(raw)) decline('character reference in a formula string');
        return { t: 's', v: unescapeXml(unescapeXml(raw), true) };
      }
      case 'inlineStr':
        return { t: 's', v: isXml !== null ? stringItem(isXml).text : '' };
      case 'b': {
        const v = empty ? '' : this.valueText(vStart, vEnd);
        return { t: 'b', v: v === '1' || v === 'true' };
      }
      case 'd':
        return decline('date cell');
      case 'e':
        return { t: 'e' };
      default:
        return { t: type ?? 'n', v: empty ? undefined : this.valueText(vStart, vEnd) };
    }
  }

  /** A <v>'s text, unescaped as SheetJS does. */
  private valueText(start: number, end: number): string {
    const x = this.x;
    let ascii = true;
    let escapes = false;
    for (let i = start; i < end; i++) {
      const b = x[i];
      if (b >= 0x80) ascii = false;
      else if (b === 0x26 || b === 0x5f) escapes = true;
    }
    const s = ascii ? latin(x, start, end) : utf8.decode(x.subarray(start, end));
    return escapes ? unescapeXml(s) : s;
  }
}

/** Whether a character reference in the text stands for a character past ASCII. */
function beyondAscii(text: string): boolean {
  for (const m of text.matchAll(/&#(x?)([\da-fA-F]+);/gi)) if (parseInt(m[2], m[1] ? 16 : 10) >= 0x80) return true;
  return false;
}

function latin(x: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(x[i]);
  return s;
}
