// A sheet → the tables on it. Finds each table's header (one, two or three rows), splits tables that stand
// side by side or one below another, settles what each column means, and lets every family score the table:
// the best reads it, and the scores (the runner-up among them) go to --explain.

import { columnLetter, headerText, mapByHeader, refineByValues, roleOfHeader, type ColumnMapping, type ColumnRole } from './columns.ts';
import { headerSignature, provisionalReasons, tableId, viewColumn, viewRows, type Orientation, type RememberedLayout, type TableLayout } from './corrections.ts';
import { FAMILIES } from './families/index.ts';
import type { Family, FamilyScore, SheetContext, SheetReport, Table, TableView } from './table.ts';
import { distinctTexts, emptyReport, isSingleTextRow, placeOfTable, tableReport } from './walker.ts';
import { columnRange, rowsFrom, transposed } from './coordinates.ts';
import { findTransposed } from './transposed.ts';
import { blankColumns } from './beside.ts';
import { HEADER_HINT } from '../vocabulary/index.ts';
import type { Grid } from './grid.ts';

const HEADER_SCAN_ROWS = 40;
/** More header rows must earn their place: on a tie fewer rows win, so the first data row is kept. */
const EXTRA_HEADER_ROW_COST = 0.75;

/** Every family that can read a table whose columns mean `m`, best first. */
export function familyScores(m: ColumnMapping): Array<FamilyScore & { of: Family }> {
  const out: Array<FamilyScore & { of: Family }> = [];
  for (const f of FAMILIES) {
    const score = f.score(m);
    if (score !== null) out.push({ family: f.id, label: f.label, score, of: f });
  }
  // Stable: on a tie the family listed first in the registry wins.
  return out.sort((a, b) => b.score - a.score);
}

/** A row with an 18-character ID number in it: a person's row, no header. */
function holdsIdNumber(grid: Grid, r: number): boolean {
  for (let c = 0; c < grid.width(r); c++) if (ID_NUMBER.test(grid.text(r, c))) return true;
  return false;
}
const ID_NUMBER = /^\d{17}[\dXx]$/u;

export interface HeaderFound {
  rows: number[];
  mapping: ColumnMapping;
  family: Family;
  /** Each family's best score over all the header rows tried. */
  scores: Map<string, FamilyScore>;
}

/** Finds the header: the row (or two or three rows: group cells over sub-headers) a family scores best. */
export function findHeader(grid: Grid): HeaderFound | null {
  let best: { rows: number[]; mapping: ColumnMapping; family: Family; score: number } | null = null;
  const scores = new Map<string, FamilyScore>();
  const limit = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    if (distinctTexts(grid, r).length < 2) continue; // a title or a blank row
    const candidates: number[][] = [[r]];
    if (holdsIdNumber(grid, r)) continue; // a person's row, never a header
    if (r + 1 < grid.rowCount && !isSingleTextRow(grid, r + 1) && !holdsIdNumber(grid, r + 1)) {
      candidates.push([r, r + 1]);
      // Three rows: a group cell over sub-groups over columns ("两委班子" > "其中女性" > "人数 | 占比").
      if (r + 2 < grid.rowCount && !isSingleTextRow(grid, r + 2) && !holdsIdNumber(grid, r + 2)) candidates.push([r, r + 1, r + 2]);
    }
    for (const rows of candidates) {
      const mapping = mapByHeader(grid, rows);
      const fits = familyScores(mapping);
      if (fits.length === 0) continue;
      for (const f of fits) {
        const s = f.score - EXTRA_HEADER_ROW_COST * (rows.length - 1);
        const prior = scores.get(f.family);
        if (!prior || s > prior.score) scores.set(f.family, { family: f.family, label: f.label, score: s });
      }
      const s = fits[0].score - EXTRA_HEADER_ROW_COST * (rows.length - 1);
      if (!best || s > best.score) best = { rows, mapping, family: fits[0].of, score: s };
    }
  }
  return best ? { rows: best.rows, mapping: best.mapping, family: best.family, scores } : null;
}

/**
 * Where no header's words alone make a table: a header row whose columns, read with the values under them
 * (people written in cells, counts as sentences, IDs, genders), make one. Tried on the first rows only.
 */
function findHeaderByValues(grid: Grid): HeaderFound | null {
  for (let r = 0; r < Math.min(grid.rowCount - 1, VALUE_HEADER_SCAN_ROWS); r++) {
    if (distinctTexts(grid, r).length < 2) continue;
    const mapping = mapByHeader(grid, [r]);
    refineByValues(grid, mapping, r + 1);
    const fits = familyScores(mapping);
    if (fits.length) return { rows: [r], mapping, family: fits[0].of, scores: new Map(fits.map((f) => [f.family, { family: f.family, label: f.label, score: f.score }])) };
  }
  return null;
}
const VALUE_HEADER_SCAN_ROWS = 10;

/** A row further down that is itself a header: a second table (e.g. 村民代表 under 两委班子) starts there. */
function isHeaderRow(grid: Grid, r: number): boolean {
  const m = mapByHeader(grid, [r]);
  return m.roles.size >= 3 && familyScores(m).length > 0;
}

/** Cheap first look, so that a 200,000-row sheet is not mapped row by row: header words no value holds. */
function mayBeHeaderRow(grid: Grid, r: number): boolean {
  for (let c = 0; c < grid.width(r); c++) {
    const t = grid.text(r, c);
    if (t.length > 0 && t.length <= 16 && HEADER_HINT.test(t)) return true;
  }
  return false;
}

/** Where the table ends: before the title rows of a second table further down, else at the sheet's end. */
function tableEnd(grid: Grid, dataStart: number): number {
  for (let r = dataStart; r < grid.rowCount; r++) {
    if (!mayBeHeaderRow(grid, r) || isSingleTextRow(grid, r) || !isHeaderRow(grid, r)) continue;
    let end = r;
    while (end > dataStart && (isSingleTextRow(grid, end - 1) || distinctTexts(grid, end - 1).length === 0 || isLabelLine(grid, end - 1))) end--;
    return end;
  }
  return grid.rowCount;
}

/** A line of labelled values above a table ("村名：柏林村　填报人：张三"): a title of the table below, no data row. */
function isLabelLine(grid: Grid, r: number): boolean {
  const texts = distinctTexts(grid, r);
  return texts.length > 0 && texts.length <= 4 && texts.every((t) => /^[^:：]{1,8}[:：]/u.test(t));
}

// Roles a table has once: seen again further right, they start a second table beside the first.
const ONE_PER_TABLE: ReadonlySet<ColumnRole> = new Set(['seq', 'township', 'village', 'name', 'gender', 'idNumber']);

/** Where a second table beside the first begins (a second 姓名 column and the columns of its kind before it), else 0. */
function sideBySide(grid: Grid, headerRows: number[]): number {
  const roles: Array<ColumnRole | null> = [];
  for (let c = 0; c < grid.colCount; c++) roles.push(roleOfHeader(headerText(grid, headerRows, c)));
  if (roles.filter((r) => r === 'name').length < 2) return 0;
  const seen = new Set<ColumnRole>();
  for (let c = 0; c < roles.length; c++) {
    const role = roles[c];
    if (role === null || !ONE_PER_TABLE.has(role)) continue;
    if (seen.has(role)) return c;
    seen.add(role);
  }
  return 0;
}

/** A table a family reads, or a report of a part of the sheet no family can read. */
export type Detected = { table: Table } | { unread: SheetReport };

/** The tables of a view, in reading order: left before right, top before bottom. */
export function detectTables(view: TableView, ctx: SheetContext): Detected[] {
  const out: Detected[] = [];
  detectInto(view, ctx, out);
  return out;
}

function detectInto(view: TableView, ctx: SheetContext, out: Detected[]): void {
  const id = tableId(ctx.fileHash ?? '', view);
  const given = ctx.layouts?.get(id);
  if (given) {
    readAsLaidOut(view, ctx, id, laidOut(view, given), { by: 'layout' }, out);
    return;
  }
  const remembered = ctx.remembered?.length ? findRemembered(view, ctx.remembered) : null;
  if (remembered) {
    readAsLaidOut(view, ctx, id, remembered.laid, { by: 'remembered', id: remembered.layout.id, file: remembered.layout.file }, out);
    return;
  }
  // Blocks beside one another with an empty column between (beside.ts): each side is read on its own when both are tables.
  for (const gap of blankColumns(view)) {
    const left = columnRange(view, 0, gap + 1);
    const right = columnRange(view, gap + 1, view.colCount);
    if (!standsAlone(findHeader(left)) || !standsAlone(findHeader(right))) continue;
    detectInto(left, ctx, out);
    detectInto(right, ctx, out);
    return;
  }
  const detected = findHeader(view) ?? findHeaderByValues(view);
  // Nothing better than a plain list of villages the right way up: perhaps a count table on its side.
  if ((!detected || detected.family.layout === 'village-list') && readTransposed(view, ctx, out)) return;
  if (!detected) {
    const blank = view.rowCount === 0 || view.colCount === 0;
    const note = blank ? '空白工作表' : '未找到可识别的表头（如“姓名、性别、职务”或“村名、两委成员数”）';
    out.push({ unread: { ...emptyReport(view, ctx, 'none', note), id } });
    return;
  }
  // Two tables side by side (党组织 in A–E, 村委会 in G–K): each is read on its own.
  const split = sideBySide(view, detected.rows);
  if (split > 0) {
    detectInto(columnRange(view, 0, split), ctx, out);
    detectInto(columnRange(view, split, view.colCount), ctx, out);
    return;
  }
  const headerRows = detected.rows;
  const mapping = detected.mapping;
  const dataStart = headerRows[headerRows.length - 1] + 1;
  refineByValues(view, mapping, dataStart);
  const fits = familyScores(mapping);
  if (fits.length === 0) {
    out.push({ unread: unreadReport(view, ctx, id, headerRows, mapping) });
    return;
  }
  // The scores the table's own columns give, then the best other families reached on other header rows.
  const scores: FamilyScore[] = fits.map(({ family, label, score }) => ({ family, label, score }));
  for (const s of detected.scores.values()) if (!scores.some((x) => x.family === s.family)) scores.push(s);
  const end = tableEnd(view, dataStart);
  const provisional = provisionalReasons(scores, mapping.headers, mapping.roles, mapping.byValue, (c) => columnLetter(view.origin(headerRows[0], c).col));
  out.push({ table: { id, orientation: 'rows', view, ctx, headerRows, mapping, dataStart, end, family: fits[0].of, scores, confirmed: null, provisional } });
  below(view, ctx, headerRows, end, out);
}

/** A block that is a table on its own: its own village column, read as more than a list of villages (not a spacer column's side). */
function standsAlone(found: HeaderFound | null): boolean {
  if (!found || found.family.layout === 'village-list') return false;
  return [...found.mapping.roles.values()].includes('village');
}

/** A count table on its side (transposed.ts), read the right way up; false when the view holds none. */
function readTransposed(view: TableView, ctx: SheetContext, out: Detected[]): boolean {
  const found = findTransposed(view);
  const fits = found ? familyScores(found.mapping) : [];
  if (!found || fits.length === 0) return false;
  const tableCtx = { ...ctx, parentTownship: placeOfTable(view, [found.villagesRow], ctx).township.name };
  const id = tableId(ctx.fileHash ?? '', found.view);
  const given = ctx.layouts?.get(id);
  if (given && (given.orientation ?? 'columns') === 'columns') {
    // A person's layout names this table by its own range (as --explain gave it): the table as the sheet has it is found.view on its side again.
    const onSheet = transposed(found.view);
    readAsLaidOut(onSheet, tableCtx, id, laidOut(onSheet, { ...given, orientation: 'columns' }), { by: 'layout' }, out);
    return true;
  }
  const scores: FamilyScore[] = fits.map(({ family, label, score }) => ({ family, label, score }));
  const provisional = provisionalReasons(scores, found.mapping.headers, found.mapping.roles, found.mapping.byValue, (c) => columnLetter(found.view.origin(0, c).col));
  const table = { id, orientation: 'columns' as const, view: found.view, ctx: tableCtx, headerRows: [0], mapping: found.mapping };
  out.push({ table: { ...table, dataStart: 1, end: found.view.rowCount, family: fits[0].of, scores, confirmed: null, provisional } });
  return true;
}

/** A second table further down the sheet is read on its own, from its title rows. */
function below(view: TableView, ctx: SheetContext, headerRows: number[], end: number, out: Detected[]): void {
  if (end >= view.rowCount) return;
  const parentTownship = placeOfTable(view, headerRows, ctx).township.name;
  detectInto(rowsFrom(view, end), { ...ctx, parentTownship }, out);
}

function unreadReport(view: TableView, ctx: SheetContext, id: string, headerRows: number[], mapping: ColumnMapping): SheetReport {
  const report = { ...tableReport(view, ctx, headerRows, mapping, 'none', placeOfTable(view, headerRows, ctx)), id };
  report.note = '找到的表头不足以判断表格类型（需要姓名列，或村名列加上人数列）';
  return report;
}

/** A layout in the view's own coordinates. */
interface LaidOut {
  orientation: Orientation;
  family?: string;
  headerRows?: number[];
  roles?: Map<number, ColumnRole | null>;
  place?: TableLayout['place'];
}

/** A person's layout (sheet coordinates) in the coordinates of the view it names. */
function laidOut(view: TableView, layout: TableLayout): LaidOut {
  const orientation = layout.orientation ?? 'rows';
  const v = orientation === 'columns' ? transposed(view) : view;
  const roles = layout.columns ? new Map<number, ColumnRole | null>() : undefined;
  for (const col of layout.columns ?? []) {
    const c = viewColumn(v, col.index, orientation);
    if (c !== undefined) roles!.set(c, col.role);
  }
  const headerRows = layout.headerRows ? viewRows(v, layout.headerRows, orientation) : undefined;
  return { orientation, family: layout.family, headerRows: headerRows?.length ? headerRows : undefined, roles, place: layout.place };
}

/** A remembered layout whose header signature a candidate header of this view has, placed on that header. */
function findRemembered(view: TableView, remembered: readonly RememberedLayout[]): { layout: RememberedLayout; laid: LaidOut } | null {
  for (const layout of remembered) {
    const orientation = layout.layout.orientation ?? 'rows';
    const v = orientation === 'columns' ? transposed(view) : view;
    const offsets = layout.layout.headerRows ?? [0];
    const limit = Math.min(v.rowCount, HEADER_SCAN_ROWS);
    for (let r = 0; r < limit; r++) {
      const rows = offsets.map((o) => r + o);
      if (rows.some((x) => x >= v.rowCount)) break;
      const headers: string[] = [];
      for (let c = 0; c < v.colCount; c++) headers.push(headerText(v, rows, c));
      if (headerSignature(headers) !== layout.signature) continue;
      const roles = layout.layout.columns ? new Map(layout.layout.columns.map((x) => [x.index, x.role] as const)) : undefined;
      return { layout, laid: { orientation, family: layout.layout.family, headerRows: rows, roles, place: layout.layout.place } };
    }
  }
  return null;
}

/** Reads a table as a person laid it out: what the layout leaves open is detected as usual. */
function readAsLaidOut(sheetView: TableView, ctx: SheetContext, id: string, laid: LaidOut, confirmed: NonNullable<Table['confirmed']>, out: Detected[]): void {
  const view = laid.orientation === 'columns' ? transposed(sheetView) : sheetView;
  const detected = laid.headerRows && laid.roles ? null : findHeader(view);
  const headerRows = laid.headerRows ?? detected?.rows;
  if (!headerRows) {
    out.push({ unread: { ...emptyReport(view, ctx, 'none', '按更正的读法仍未找到表头，请指明表头所在行'), id } });
    return;
  }
  const mapping: ColumnMapping = detected && !laid.headerRows ? detected.mapping : mapByHeader(view, headerRows);
  const dataStart = headerRows[headerRows.length - 1] + 1;
  if (laid.roles) {
    mapping.roles = new Map([...laid.roles].filter((e): e is [number, ColumnRole] => e[1] !== null));
    mapping.byValue = new Set();
  } else refineByValues(view, mapping, dataStart);
  const fits = familyScores(mapping);
  const named = laid.family ? FAMILIES.find((f) => f.id === laid.family) : undefined;
  const family = named ?? fits[0]?.of;
  if (!family) {
    out.push({ unread: unreadReport(view, ctx, id, headerRows, mapping) });
    return;
  }
  const scores: FamilyScore[] = fits.map(({ family: f, label, score }) => ({ family: f, label, score }));
  // Tables below are looked for only on a sheet read the right way up.
  const end = laid.orientation === 'rows' ? tableEnd(view, dataStart) : view.rowCount;
  out.push({ table: { id, orientation: laid.orientation, view, ctx, headerRows, mapping, dataStart, end, family, scores, place: laid.place, confirmed, provisional: [] } });
  if (laid.orientation === 'rows') below(view, ctx, headerRows, end, out);
}
