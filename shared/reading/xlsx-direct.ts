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
import { CellStore } from './cell-store.ts';

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
  /** The cells SheetJS's dense `!data` would hold, kept compactly (shared/reading/cells.ts). */
  cells: CellStore;
  merges: CellRange[];
}

/** Thrown inside the reader when the file is not plain enough, or damaged; never escapes. */
class Decline extends Error {
  constructor(
    why: string,
    readonly damaged: boolean,
    /** The sheet the damage is in, when it is in one. */
    readonly sheet: string | null = null,
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

export type DirectRead = { ok: true; sheets: DirectSheet[] } | { ok: false; declined: string; damaged: boolean; sheet: string | null };

/**
 * The workbook's sheets (at most `maxSheets`, rows up to `maxRows`), or why the file should be read by
 * SheetJS instead.
 */
export function readXlsxDirect(bytes: Uint8Array, entries: ZipEntry[], maxSheets: number, maxRows: number): DirectRead {
  try {
    return { ok: true, sheets: readPlainWorkbook(bytes, entries, maxSheets, maxRows) };
  } catch (err) {
    // A Decline, or anything a damaged part made go wrong: SheetJS reads it and reports it its way.
    if (err instanceof Decline) return { ok: false, declined: err.message, damaged: err.damaged, sheet: err.sheet };
    return { ok: false, declined: `error: ${String((err as Error)?.message ?? err)}`, damaged: false, sheet: null };
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
    // Names SheetJS would match differently (backslashes, case beyond ASCII), or entries it refuses
    // (encrypted, another compression, a local header that disagrees with the directory).
    if (e.name.includes('\\') || /[^\x00-\x7f]/u.test(e.name)) decline('part name SheetJS matches differently');
    if (!plainEntry(bytes, e)) decline('zip entry SheetJS reads differently');
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
    if (b && b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) decline('UTF-16 part');
    return b ? utf8.decode(b) : null;
  };
  for (const other of ['meta-inf/manifest.xml', 'objectdata.xml', 'index/document.iwa']) if (byName.has(other)) decline('not OOXML');

  const types = text('[Content_Types].xml') ?? decline('no content types');
  let namespace = '';
  const workbooks: string[] = [];
  const stringParts: string[] = [];
  for (const { name, attrs } of tags(types)) {
    if (name === 'Types') namespace = attrs.get('xmlns') ?? '';
    else if (name === 'Default' && !attrs.has('Extension')) decline('content type default without extension');
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
    // SheetJS folds attribute names (case, prefixes, "_…"): only the plain four are read the same.
    for (const a of attrs.keys()) if (!['name', 'sheetId', 'state', 'r:id'].includes(a) && /^(?:[^:]*:)?(name|state|id)(?:_|$)/iu.test(a)) decline('sheet attribute SheetJS reads differently');
    if (!attrs.has('name')) decline('sheet without a name');
    const rel = rels.get(attrs.get('r:id') ?? '') ?? decline('sheet without relationship');
    if (!WORKSHEET_RELS.has(rel.type)) decline('not a worksheet');
    if (/^\/(?!xl\/)|(^|\/)\.\.?\/|%/u.test(rel.target)) decline('relationship target SheetJS resolves differently');
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
    try {
      const xml = part(s.path) ?? damaged('sheet missing');
      return { name: s.name, hidden: s.hidden, ...worksheet(xml, strings, maxRows) };
    } catch (err) {
      // Damage is reported with the sheet it is in.
      throw err instanceof Decline && err.damaged ? new Decline(err.message, true, s.name) : err;
    }
  });
}

/** A zip entry SheetJS reads as the directory says: not encrypted, stored or deflated, its local header agreeing. */
function plainEntry(bytes: Uint8Array, e: ZipEntry): boolean {
  if (e.flags & 0x2041 || (e.method !== 0 && e.method !== 8)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return false;
  const flags = view.getUint16(at + 6, true);
  if (view.getUint16(at + 8, true) !== e.method || (flags & 8 && e.method === 0)) return false;
  const nameLength = view.getUint16(at + 26, true);
  if (at + 30 + nameLength > bytes.length) return false;
  let name = '';
  for (let i = 0; i < nameLength; i++) name += String.fromCharCode(bytes[at + 30 + i]);
  if (name !== e.name) return false;
  return flags & 8 ? true : view.getUint32(at + 18, true) === e.compressedSize && view.getUint32(at + 22, true) === e.size;
}

/** The tags of a small XML part, with their attributes (values as written, not unescaped). */
function* tags(xml: string): Generator<{ name: string; attrs: Map<string, string> }> {
  // SheetJS splits a tag's name from its attributes at a space or a line break, not at a tab.
  if (/<[A-Za-z_][\w:.-]*\t/u.test(xml)) decline('tab after an element name');
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

const SI_OPEN = /<(?:\w+:)?(?:si|sstItem)>/g;
const SI_CLOSE = /<\/(?:\w+:)?(?:si|sstItem)>/;
const PLAIN_T = /^\s*<(?:\w+:)?t[^>]*>/;
const T_CLOSE = /<\/(?:\w+:)?t>/;
const RICH_RUN = /<(?:\w+:)?r\b[^<>]*>/;
const RUN_TEXT = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
const PHONETIC = /<(?:\w+:)?rPh\b[^<>]*>[\s\S]*?<\/(?:\w+:)?rPh>/g;
const ANY_TAG = /<[\/\?]?[a-zA-Z0-9:_-]+(?:\s+[^"\s?<>\/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^'"<>\s=]+))*\s*[\/\?]?>/gm;

/** Each shared string's text (undefined where SheetJS finds none). */
function sharedStrings(xml: string): Array<string | undefined> {
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

function stringItem(x: string): string | undefined {
  if (!x) return '';
  if (PLAIN_T.test(x)) return unescapeXml(x.slice(x.indexOf('>') + 1).split(T_CLOSE)[0] || '', true);
  if (RICH_RUN.test(x)) {
    const plain = x.replace(PHONETIC, '');
    if (/<(?:\w+:)?rPh\b/.test(plain)) decline('phonetic run unterminated');
    const runs = plain.match(RUN_TEXT) ?? [];
    return unescapeXml(runs.join('').replace(ANY_TAG, ''), true);
  }
  return undefined;
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

/** Whether `needle` (ASCII) stands in `hay` at `i`. */
function bytesAt(hay: Uint8Array, i: number, needle: string): boolean {
  if (i + needle.length > hay.length) return false;
  for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle.charCodeAt(k)) return false;
  return true;
}

function indexOfBytes(hay: Uint8Array, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  for (let i = hay.indexOf(first, from); i >= 0; i = hay.indexOf(first, i + 1)) if (bytesAt(hay, i, needle)) return i;
  return -1;
}

function lastIndexOfBytes(hay: Uint8Array, needle: string): number {
  const first = needle.charCodeAt(0);
  for (let i = hay.lastIndexOf(first); i >= 0; i = i > 0 ? hay.lastIndexOf(first, i - 1) : -1) if (bytesAt(hay, i, needle)) return i;
  return -1;
}

function worksheet(xml: Uint8Array, strings: Array<string | undefined>, maxRows: number): Pick<DirectSheet, 'cells' | 'merges'> {
  if (xml.length >= 2 && ((xml[0] === 0xff && xml[1] === 0xfe) || (xml[0] === 0xfe && xml[1] === 0xff))) decline('UTF-16 part');
  const cells = new CellStore(strings);
  const open = indexOfBytes(xml, '<sheetData', 0);
  if (open < 0) {
    if (indexOfBytes(xml, ':sheetData', 0) >= 0) decline('namespace prefix');
    // A worksheet part that is no XML at all (a broken save) is damage; one without sheetData is odd.
    let k = xml[0] === 0xef && xml[1] === 0xbb && xml[2] === 0xbf ? 3 : 0;
    while (k < xml.length && isSpace(xml[k])) k++;
    if (xml[k] !== LT) damaged('sheet part is no XML');
    decline('no sheetData');
  }
  // A part that does not end as a worksheet ends is cut short: damage. Odd markup in a whole part is not.
  const complete = lastIndexOfBytes(xml, '</sheetData>') > open || lastIndexOfBytes(xml, 'worksheet>') > open;
  const odd = (why: string): never => (complete ? decline(why) : damaged(`cut short (${why})`));
  const after = xml[open + 10];
  if (after !== GT && after !== SLASH && !isSpace(after)) decline('sheetData?');
  const openEnd = xml.indexOf(GT, open);
  if (openEnd < 0) odd('sheetData unterminated');
  // An empty <sheetData/>: SheetJS then finds no sheetData element.
  const scanner = xml[openEnd - 1] === SLASH ? null : new SheetScanner(xml, openEnd + 1, strings, maxRows, cells, odd);
  const end = scanner ? scanner.scan() : openEnd + 1;
  // SheetJS looks for merges, hyperlinks and drawings in the whole part, before sheetData too.
  const rest = utf8.decode(xml.subarray(0, open)) + utf8.decode(xml.subarray(end));
  if (/<(?:\w+:)?hyperlink /.test(rest) || rest.includes('legacyDrawing')) decline('hyperlinks or drawings');
  const merges: CellRange[] = [];
  for (const m of rest.match(/<(?:\w+:)?mergeCell ref=["'][A-Z0-9:]+['"]\s*[/]?>/g) ?? []) {
    const ref = m.slice(m.indexOf('=') + 2).replace(/['"][\s\S]*$/, '');
    if (!/^[A-Z]{1,3}[1-9]\d{0,6}(:[A-Z]{1,3}[1-9]\d{0,6})?$/.test(ref)) decline('merge reference');
    merges.push(XLSX.utils.decode_range(ref));
  }
  return { cells, merges };
}

// Element names the scanner knows; anything else in sheetData makes it decline.
const ROW = 1;
const CELL = 2;
const VALUE = 3;
const FORMULA = 4;
const INLINE = 5;
const OTHER = 0;

/** Reads <row> and <c> elements between two offsets of a worksheet part. */
class SheetScanner {
  private pos: number;
  // Offsets of the r and t attributes of the element just read (start -1: absent).
  private rStart = -1;
  private rEnd = -1;
  private tStart = -1;
  private tEnd = -1;
  /** An element inside the cell has an attribute whose name ends in r ("dtr"). */
  private childEndsInR = false;
  // The r attribute was written with spaces around "=", or after another attribute whose name ends in r
  // (SheetJS finds a cell's reference with a regular expression over the cell's text).
  private rOdd = false;
  private endsInR = false;

  private readonly end: number;

  constructor(
    private readonly x: Uint8Array,
    start: number,
    private readonly strings: Array<string | undefined>,
    private readonly maxRows: number,
    private readonly store: CellStore,
    /** Markup this reader does not expect: declined, or damage when the part is cut short. */
    private readonly odd: (why: string) => never,
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
      if (this.pos >= this.end) this.odd('sheetData unterminated');
      if (x[this.pos] === LT && x[this.pos + 1] === SLASH) {
        const at = this.pos;
        this.closeTag('sheetData');
        return at;
      }
      const tag = this.openTag();
      if (tag !== ROW) this.odd('not a row in sheetData');
      // SheetJS's attribute parser splits a row's name at a space or a line break, not at a tab.
      if (x[this.pos] === 0x09) decline('tab after row');
      // SheetJS splits rows at </row>: an empty <row/> adds nothing and takes no row number.
      if (this.readAttributes()) continue;
      if (this.rStart >= 0) {
        rowNumber = this.digits(this.rStart, this.rEnd);
        if (rowNumber < 0) decline('row number');
      } else rowNumber += 1;
      if (rowNumber > EXCEL_ROWS) damaged('row past the last row a sheet can have');
      this.cells(rowNumber, rowNumber > this.maxRows);
    }
  }

  private skipSpace(): void {
    while (this.pos < this.end && isSpace(this.x[this.pos])) this.pos++;
  }

  /** At '<': reads an opening tag's name; declines on a closing tag, comment or instruction. */
  private openTag(): number {
    const x = this.x;
    if (x[this.pos] !== LT) this.odd('text in sheetData');
    const p = this.pos + 1;
    let q = p;
    while (q < this.end && ((x[q] >= 0x61 && x[q] <= 0x7a) || (x[q] >= 0x41 && x[q] <= 0x5a))) q++;
    const c = x[q];
    if (q === p) {
      // "<!--", "<?", "<![CDATA[": well-formed XML this reader leaves to SheetJS.
      if (c === 0x21 || c === 0x3f) decline('comment or instruction');
      this.odd('not an element');
    }
    if (c === 0x3a) decline('namespace prefix');
    if (c !== GT && c !== SLASH && !isSpace(c)) this.odd('element name');
    this.pos = q;
    const n = q - p;
    const a = x[p];
    if (n === 1) return a === 0x63 ? CELL : a === 0x76 ? VALUE : a === 0x66 ? FORMULA : OTHER;
    if (n === 3) return a === 0x72 && x[p + 1] === 0x6f && x[p + 2] === 0x77 ? ROW : OTHER;
    if (n === 2) return a === 0x69 && x[p + 1] === 0x73 ? INLINE : OTHER;
    return OTHER;
  }

  /** Reads attributes up to the tag's end, noting where r and t are. Returns whether the tag closed itself. */
  private readAttributes(): boolean {
    const x = this.x;
    this.rStart = this.tStart = -1;
    this.rOdd = this.endsInR = false;
    let p = this.pos;
    for (;;) {
      const before = p;
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
      // Attributes run together ('r="A1"t="s"'): SheetJS reads them otherwise.
      if (p === before && x[p - 1] !== 0x20 && !isSpace(x[p - 1])) decline('attributes not apart');
      const nameStart = p;
      while (p < this.end && x[p] !== EQ && x[p] !== GT && !isSpace(x[p])) p++;
      const nameEnd = p;
      while (p < this.end && isSpace(x[p])) p++;
      const spaced = p > nameEnd;
      if (x[p] !== EQ) this.odd('attribute');
      p++;
      const afterEq = p;
      while (p < this.end && isSpace(x[p])) p++;
      // SheetJS skips only spaces after "=".
      for (let k = afterEq; k < p; k++) if (x[k] !== 0x20) decline('line break after =');
      const quote = x[p];
      if (quote !== QUOTE && quote !== APOS) this.odd('attribute value');
      let valueEnd = p + 1;
      while (valueEnd < this.end && x[valueEnd] !== quote) valueEnd++;
      if (valueEnd >= this.end) this.odd('attribute value');
      // SheetJS ends a tag at its first ">".
      for (let k = p + 1; k < valueEnd; k++) if (x[k] === GT) decline('> in an attribute');
      const nameLength = nameEnd - nameStart;
      const first = x[nameStart];
      if (nameLength === 1 && first === 0x72) {
        this.rStart = p + 1;
        this.rEnd = valueEnd;
        if (spaced || p > afterEq || this.endsInR) this.rOdd = true;
      } else if (nameLength === 1 && first === 0x74) {
        this.tStart = p + 1;
        this.tEnd = valueEnd;
      } else {
        if (x[nameEnd - 1] === 0x72) this.endsInR = true;
        if (foldsToRorT(x, nameStart, nameEnd)) decline('attribute name SheetJS folds onto r or t');
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
      if (this.pos >= this.end) this.odd('row unterminated');
      if (x[this.pos] === LT && x[this.pos + 1] === SLASH) {
        this.closeTag('row');
        return;
      }
      const tagStart = this.pos;
      const tag = this.openTag();
      if (tag !== CELL) this.odd('not a cell in a row');
      // SheetJS splits cells at "<c" followed by a space, "/" or ">" only.
      if (x[this.pos] === 0x09 || x[this.pos] === 0x0a || x[this.pos] === 0x0d) decline('line break after c');
      const selfClosing = this.readAttributes();
      if (this.rOdd) decline('cell reference SheetJS finds elsewhere');
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
        if (this.rStart < 0 && this.endsInR) decline('cell reference SheetJS finds elsewhere');
        if (!skipped) this.place(r, column, this.cell(type, -1, -1, null));
        continue;
      }
      const hadRef = this.rStart >= 0;
      const cellEndsInR = this.endsInR;
      this.cellContent();
      // Without a reference of its own, SheetJS takes the first r="…" anywhere in the cell for it.
      if (!hadRef && (cellEndsInR || this.childEndsInR || hasRefPattern(x, tagStart, this.pos))) decline('cell reference SheetJS finds elsewhere');
      if (skipped) continue;
      this.place(r, column, this.cell(type, this.vStart, this.vEnd, this.isXml));
    }
  }

  /** A shared string's index, another cell, or none. */
  private place(r: number, column: number, cell: DirectCell | number | null): void {
    if (cell === null) return;
    const added = typeof cell === 'number' ? this.store.addShared(r, column, cell) : this.store.addOther(r, column, cell);
    // A cell placed by its reference before one already read (SheetJS would overwrite or go back): left to SheetJS.
    if (!added) decline('cells out of order');
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
    // t="": SheetJS's "tag.t || 'n'".
    return n === 0 ? 'n' : latin(x, this.tStart, this.tEnd);
  }

  private closeTag(name: string): void {
    const x = this.x;
    let p = this.pos + 2;
    for (let i = 0; i < name.length; i++, p++) if (x[p] !== name.charCodeAt(i)) this.odd(`</${name}> expected`);
    // "</row >": SheetJS splits rows at "</row>" exactly.
    if (x[p] !== GT && name !== 'c') decline(`space in </${name}>`);
    while (isSpace(x[p])) p++;
    if (x[p] !== GT) this.odd(`</${name}> expected`);
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
    this.childEndsInR = false;
    let emptyValue = false;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) this.odd('cell unterminated');
      if (x[this.pos] === LT && x[this.pos + 1] === SLASH) {
        this.closeTag('c');
        return;
      }
      const name = this.openTag();
      if (name !== VALUE && name !== FORMULA && name !== INLINE) this.odd('unknown element in a cell');
      const empty = this.readAttributes();
      if (this.endsInR) this.childEndsInR = true;
      if (name === VALUE && emptyValue) decline('<v> after an empty <v/>');
      if (empty) {
        // "<v/>" alone is no value; but SheetJS would take a later "</v>" in the cell as this one's end.
        if (name === VALUE) emptyValue = true;
        continue;
      }
      const closing = name === VALUE ? x.indexOf(LT, this.pos) : indexOfBytes(x, name === FORMULA ? '</f>' : '</is>', this.pos);
      if (closing < 0 || closing >= this.end) this.odd('element unterminated');
      if (name === VALUE) {
        if (x[closing + 1] !== SLASH || x[closing + 2] !== 0x76 || x[closing + 3] !== GT) this.odd('markup in a value');
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
  private cell(type: string | null, vStart: number, vEnd: number, isXml: string | null): DirectCell | number | null {
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
        if (index < 0 || index >= this.strings.length || !Number.isInteger(index)) damaged('shared string index');
        return index;
      }
      case 'str': {
        if (empty) return { t: 's', v: '' };
        const raw = utf8.decode(x.subarray(vStart, vEnd));
        // SheetJS decodes this one from its byte string after unescaping: a character reference beyond
        // Latin-1 comes out differently there.
        const once = unescapeXml(raw);
        // A character past ASCII made by an escape (&#233;, _x00E9_): SheetJS decodes its text as UTF-8
        // after unescaping once, which turns such a character into another.
        if (once !== raw && beyondAscii(once) > beyondAscii(raw)) decline('escape past ASCII in a formula string');
        return { t: 's', v: unescapeXml(once, true) };
      }
      case 'inlineStr':
        return { t: 's', v: isXml !== null ? stringItem(isXml) : '' };
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
    let escapes = false;
    for (let i = start; i < end; i++) {
      const b = x[i];
      if (b === 0x26 || b === 0x5f) escapes = true;
    }
    // SheetJS reads these from its byte string: the bytes themselves, not UTF-8 text.
    const s = latin(x, start, end);
    return escapes ? unescapeXml(s) : s;
  }
}

/**
 * Whether an attribute name that is not r or t is read as r or t by SheetJS, which takes the part after
 * a prefix ("x:r"), cuts a name at "_" ("r_x"), and also keeps it lower-cased ("R").
 */
function foldsToRorT(x: Uint8Array, start: number, end: number): boolean {
  let from = start;
  let to = end;
  let colon = -1;
  for (let k = start; k < end; k++) {
    if (x[k] === 0x3a) {
      colon = k;
      break;
    }
  }
  if (colon >= 0) from = colon + 1;
  else {
    for (let k = start + 1; k < end; k++) {
      if (x[k] === 0x5f) {
        to = k;
        break;
      }
    }
  }
  if (to - from !== 1) return false;
  const c = x[from] | 0x20;
  return c === 0x72 || c === 0x74;
}

/** Whether x[from..to) holds r=" or r=' anywhere. */
function hasRefPattern(x: Uint8Array, from: number, to: number): boolean {
  for (let i = x.indexOf(0x72, from); i >= 0 && i + 2 < to; i = x.indexOf(0x72, i + 1)) {
    if (x[i + 1] === EQ && (x[i + 2] === QUOTE || x[i + 2] === APOS)) return true;
  }
  return false;
}

/** How many characters of the text are past ASCII. */
function beyondAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) n++;
  return n;
}

function latin(x: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(x[i]);
  return s;
}
