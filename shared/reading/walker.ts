// One walk over a table's rows, the same for every family: the rows that are no data (titles, 小计/合计/总计,
// footers, notes, repeated headers), section rows that name a village or township, and the village and
// township of each data row. Rows and columns are the table view's (coordinates.ts maps them back to the
// real sheet cell, so a slice of a sheet or a transposed table reads the same and is reported where it is).

import type { Finding, PersonRow, SourceRef, VillageInput } from '../model.ts';
import { normalizePlaceName } from '../text.ts';
import { FOOTER, NO_POST_CELL, SECTION_LABEL_NOTE, SECTION_LABEL_PREFIX, TOTAL, TOTAL_HINT } from '../vocabulary/index.ts';
import {
  cleanTownship,
  isPlaceholderPlace,
  looksLikeTownship,
  looksLikeVillage,
  townshipKey,
  villageFromTitles,
  villageFromSectionLabel,
  villageKey,
} from '../places.ts';
import { cellName, sheetRow } from './coordinates.ts';
import { columnOf, columnsOf, type ColumnMapping, type ColumnRole } from './columns.ts';
import type { SheetContext, SheetReport, Table, TableRead, TableView } from './table.ts';
import { bodyOfHeading, type Body } from './bodies.ts';

import { distinctOf, placeOfTable, shown, tableReport, type TablePlace } from './table-place.ts';

export { distinctOf, distinctTexts, isSingleTextRow, shown, placeOfTable, emptyReport, columnsReport, tableReport, type TablePlace } from './table-place.ts';

const MAX_SKIPPED_LISTED = 200;

// ---- the walk --------------------------------------------------------------------------------------

export interface VillageGroup {
  township: string;
  village: string;
  rows: PersonRow[];
  first: number;
  last: number;
  input: VillageInput;
}

/** A walk over one table's data rows: what a family needs to read them, with the state the rows share. */
export interface Walker {
  table: Table;
  view: TableView;
  ctx: SheetContext;
  mapping: ColumnMapping;
  place: TablePlace;
  report: SheetReport;
  findings: Finding[];
  groups: Map<string, VillageGroup>;
  has(role: ColumnRole): boolean;
  col(role: ColumnRole): number | undefined;
  /** A cell of the row by its column's role ('' when none); several post columns read as one phrase. */
  cell(r: number, role: ColumnRole): string;
  rowText(r: number, c: number): string;
  rowDistinct(r: number): string[];
  skip(r: number, reason: string): void;
  /** Handles a row that is not data: blank, footer, section label, total, repeated header. True if consumed. */
  consumeNonData(r: number, texts: string[]): boolean;
  /** True once a footer line was passed: rows after it are notes. */
  inFooter(): boolean;
  /** The body the last section heading named ("二、村民委员会", "三、上届班子"), with its text; null when none. */
  sectionBody(): { body: Body; heading: string } | null;
  placeOf(r: number): { township: string | null; village: string | null };
  groupOf(township: string, village: string, r: number): VillageGroup;
  /**
   * Where row r's data is on the sheet. On a table on its side each item is a sheet row of its own: with
   * `role`, the row of that item's cell (the village's cell, or the person's name, without).
   */
  source(r: number, role?: ColumnRole): SourceRef;
  /** The real sheet cell of row r's `role` as Excel names it ("C5"), for a finding's text on a table on its side; '' on one the right way up. */
  cellOf(r: number, role: ColumnRole): string;
  /** Each distinct text parsed once per kind: a column repeats a handful of words. */
  memo<T>(kind: string, raw: string, f: (s: string) => T): T;
  /** The villages of the report, from the groups. */
  villagesReport(rowsOf: (g: VillageGroup) => number): SheetReport['villages'];
  /** The read of the table: its report, the given inputs, the findings. */
  done(inputs: VillageInput[], villageList?: TableRead['villageList']): TableRead;
}

/** The cells of the row being read, each row read once: a 200,000-row sheet is walked cell by cell only one time. */
function rowReader(view: TableView, mapping: ColumnMapping) {
  const postColumns = columnsOf(mapping, 'post');
  let cachedRow = -1;
  let rowCells: string[] = [];
  const rowText = (r: number, c: number): string => {
    if (r !== cachedRow) {
      cachedRow = r;
      const w = view.width(r);
      rowCells = new Array(w);
      for (let k = 0; k < w; k++) rowCells[k] = view.text(r, k);
    }
    return c < rowCells.length ? rowCells[c] : '';
  };
  const rowDistinct = (r: number): string[] => distinctOf(view.width(r), (c) => rowText(r, c));
  const cell = (r: number, role: ColumnRole) => {
    if (role === 'post' && postColumns.length > 1) {
      // Several post columns (党内职务, 村委会职务 …) read as one phrase.
      return postColumns.map((c) => rowText(r, c)).filter((t) => t && !NO_POST_CELL.test(t)).join('、');
    }
    const c = columnOf(mapping, role);
    return c === undefined ? '' : rowText(r, c);
  };
  return { rowText, rowDistinct, cell };
}

/** Each distinct text parsed once per kind: gender, yes/no and the like repeat a handful of words down a column. */
function memoizer() {
  const memos = new Map<string, Map<string, unknown>>();
  return <T>(kind: string, raw: string, f: (s: string) => T): T => {
    let m = memos.get(kind);
    if (!m) memos.set(kind, (m = new Map()));
    let v = m.get(raw) as T | undefined;
    if (v === undefined && !m.has(raw)) m.set(raw, (v = f(raw)));
    return v as T;
  };
}

/** Normalises each distinct text once: most rows repeat the row above's township and village. */
function cachedBy(f: (s: string) => string): (raw: string) => string {
  const map = new Map<string, string>();
  return (raw) => {
    let v = map.get(raw);
    if (v === undefined) map.set(raw, (v = f(raw)));
    return v;
  };
}

type Rows = ReturnType<typeof rowReader>;

/**
 * Village and township of each data row: a column (blank cells mean "same as above"), else a section row
 * ("一、青山村"), else the sheet's name or title, else the file name. And the rows that are no data.
 */
function placeTracker(table: Table, place: TablePlace, rows: Rows, skip: (r: number, reason: string) => void) {
  const { mapping, headerRows } = table;
  const villageCol = columnOf(mapping, 'village');
  const townshipCol = columnOf(mapping, 'township');
  let sectionVillage: string | null = null;
  let sectionTownship: string | null = null;
  let lastVillageCell = '';
  let lastTownshipCell = '';
  let inFooter = false;
  let body: { body: Body; heading: string } | null = null;
  const townshipName = cachedBy(cleanTownship);
  const villageName = cachedBy(normalizePlaceName);
  const headerCells = headerRows.length === 1 ? [...mapping.headers.entries()] : [];
  const isRepeatedHeader = (r: number) => headerCells.filter(([c, h]) => rows.rowText(r, c) === h).length >= 2;

  const placeOf = (r: number): { township: string | null; village: string | null } => {
    let village: string | null = null;
    if (villageCol !== undefined) {
      const v = rows.cell(r, 'village');
      if (v) lastVillageCell = v;
      village = lastVillageCell || null;
    }
    village = village ?? sectionVillage ?? place.sheetVillage;
    let township: string | null = null;
    if (townshipCol !== undefined) {
      const t = rows.cell(r, 'township');
      if (t) lastTownshipCell = t;
      township = lastTownshipCell || null;
    }
    township = township ?? sectionTownship ?? place.township.name;
    const t = township ? townshipName(township) : null;
    let v = village ? villageName(village) : null;
    // "青山镇上塘村" in a 青山镇 row names the village 上塘村.
    if (t && v && v.length > t.length + 1 && v.startsWith(t) && looksLikeVillage(v.slice(t.length))) v = v.slice(t.length);
    return { township: t, village: v };
  };

  /** A row of one text: a section naming a village or township, else a title or note skipped. */
  const consumeLabel = (r: number, text: string): true => {
    const label = text.replace(SECTION_LABEL_NOTE, '').replace(SECTION_LABEL_PREFIX, '');
    if (looksLikeVillage(label)) {
      sectionVillage = normalizePlaceName(label);
      lastVillageCell = '';
      body = null;
      return true;
    }
    if (looksLikeTownship(label)) {
      sectionTownship = normalizePlaceName(label);
      lastTownshipCell = '';
      return true;
    }
    // "二、白石村“两委”班子", "村名：白石村　填报人：李" start a village too.
    // "一、张家湾（24人）": a village named without 村, marked as a section, where no column names villages.
    const titled = inFooter ? null : villageFromTitles([text]);
    // "二、村民委员会", "四、村妇联", "三、上届班子成员": the rows below stand under that body (bodies.ts).
    const named = bodyOfHeading(text);
    // "凤凰村村民代表": a village's list of representatives starts — the village and the body both.
    if (titled && !inFooter && named === 'representatives') {
      sectionVillage = titled;
      lastVillageCell = '';
      body = { body: named, heading: text };
      return true;
    }
    if (!titled && !inFooter && named) {
      body = { body: named, heading: text };
      return true;
    }
    const village = titled ?? (inFooter || villageCol !== undefined ? null : villageFromSectionLabel(text));
    if (village) {
      sectionVillage = village;
      lastVillageCell = '';
      body = null;
      return true;
    }
    skip(r, inFooter ? '表尾说明' : `只有一项内容“${shown(text)}”，不是数据行`);
    return true;
  };

  const consumeNonData = (r: number, texts: string[]): boolean => {
    if (texts.length === 0) return true;
    if (FOOTER.test(texts[0])) {
      inFooter = true;
      skip(r, `表尾（${texts[0].length <= 40 ? texts[0] : `${texts[0].slice(0, 38)}……`}）`);
      return true;
    }
    if (texts.length === 1) return consumeLabel(r, texts[0]);
    if (villageCol !== undefined && isPlaceholderPlace(rows.rowText(r, villageCol))) {
      skip(r, `填写示例（“${shown(rows.rowText(r, villageCol))}”），不是真实的村`);
      return true;
    }
    if (texts.slice(0, 3).some((t) => TOTAL_HINT.test(t) && TOTAL.test(normalizePlaceName(t)))) {
      skip(r, '合计/小计行，不是一个村');
      return true;
    }
    if (isRepeatedHeader(r)) {
      skip(r, '重复的表头');
      return true;
    }
    return false;
  };
  return { placeOf, consumeNonData, inFooter: () => inFooter, sectionBody: () => body };
}

/** The villages of a table, rows grouped by township and village, in the order first seen. */
function villageGroups() {
  const groups = new Map<string, VillageGroup>();
  const groupKeys = new Map<string, string>();
  const groupOf = (township: string, village: string, r: number) => {
    const raw = `${township}\u0000${village}`;
    let key = groupKeys.get(raw);
    if (key === undefined) groupKeys.set(raw, (key = `${townshipKey(township)}|${villageKey(village)}`));
    let g = groups.get(key);
    if (!g) {
      g = { township, village, rows: [], first: r, last: r, input: { township, village, parts: [], ownVerdict: null } };
      groups.set(key, g);
    }
    g.last = r;
    return g;
  };
  return { groups, groupOf };
}

export function walk(table: Table): Walker {
  const { view, ctx, mapping, headerRows } = table;
  const findings: Finding[] = [];
  const place = placeOfTable(view, headerRows, ctx, table.place);
  const has = (role: ColumnRole) => columnOf(mapping, role) !== undefined;
  if (place.township.from === 'file' && ctx.fileTownshipGuessed && !has('township')) {
    findings.push({
      severity: 'warning',
      code: 'township-unknown',
      file: ctx.file,
      sheet: view.name,
      row: null,
      message: `表格中（乡镇列、标题、工作表名、文件名）都没有写明乡镇，暂以“${place.township.name}”作为乡镇名，请核实`,
    });
  }
  const report: SheetReport = {
    id: table.id,
    ...tableReport(view, ctx, headerRows, mapping, table.family.layout, place, table.orientation),
    family: table.family.id,
    detection: { family: table.family.id, scores: table.scores },
    provisional: table.provisional,
    ...(table.place ? { place: table.place } : {}),
    ...(table.confirmed ? { confirmed: table.confirmed } : {}),
  };
  const onSide = table.orientation === 'columns';
  // A line of a table on its side is a sheet column: named by its cells, from its first to its last.
  const lineCells = (first: number, last: number) => `${cellName(view, first, 0)}:${cellName(view, last, Math.max(0, view.colCount - 1))}`;
  const skip = (r: number, reason: string) => {
    report.skippedCount++;
    if (report.skipped.length < MAX_SKIPPED_LISTED) report.skipped.push({ row: sheetRow(view, r), reason, ...(onSide ? { cells: lineCells(r, r) } : {}) });
  };
  const keyColumn = columnOf(mapping, 'name') ?? columnOf(mapping, 'village') ?? 0;
  const rowOf = (r: number, role?: ColumnRole) => view.origin(r, (role && columnOf(mapping, role)) ?? keyColumn).row + 1;
  const rows = rowReader(view, mapping);
  const places = placeTracker(table, place, rows, skip);
  const { groups, groupOf } = villageGroups();
  return {
    table,
    view,
    ctx,
    mapping,
    place,
    report,
    findings,
    groups,
    has,
    col: (role) => columnOf(mapping, role),
    ...rows,
    skip,
    ...places,
    groupOf,
    source: (r, role) => ({ file: ctx.file, sheet: view.name, row: onSide ? rowOf(r, role) : sheetRow(view, r) }),
    cellOf: (r, role) => {
      const c = columnOf(mapping, role);
      return onSide && c !== undefined ? cellName(view, r, c) : '';
    },
    memo: memoizer(),
    villagesReport: (rowsOf) =>
      [...groups.values()].map((g) => ({ township: g.township, village: g.village, firstRow: sheetRow(view, g.first), lastRow: sheetRow(view, g.last), rows: rowsOf(g), ...(onSide ? { cells: lineCells(g.first, g.last) } : {}) })),
    done: (inputs, villageList = []) => ({ report, inputs, findings, villageList }),
  };
}
