// One sheet → the villages it speaks of. Detects, without a template, the title rows, the header
// (one or two rows), the layout (a roster of persons, a count table of villages, or a plain list of
// villages), which rows belong to which village, and says why every other row was skipped.

import type { Committee, Finding, Gender, PersonRow, SourceRef, VillageInput, VillagePart, PartKind } from '../model.ts';
import { normalizeName, normalizeText, normalizePlaceName, parseGender, parseYesNo, parseCount } from '../text.ts';
import { parsePost, type PostParse } from '../seats.ts';
import { maskIdNumber } from '../idcard.ts';

const NO_POST: PostParse = Object.freeze({ seats: [], isChair: false, isRepresentative: false, otherPosts: [], unrecognised: [] }) as PostParse;
import {
  cleanTownship,
  isPlaceholderPlace,
  looksLikeTownship,
  looksLikeVillage,
  townshipFromText,
  townshipKey,
  villageFromSheetName,
  villageFromTitles,
  villageFromSectionLabel,
  villageKey,
} from '../places.ts';
import type { Grid } from './grid.ts';
import { columnLetter, columnOf, columnsOf, headerText, mapByHeader, refineByValues, roleOfHeader, ROLE_LABELS, type ColumnMapping, type ColumnRole } from './columns.ts';

export type SheetLayout = 'roster' | 'counts' | 'village-list' | 'none' | 'hidden';

export interface SkippedRow {
  row: number; // 1-based
  reason: string;
}

export interface SheetReport {
  file: string;
  sheet: string;
  layout: SheetLayout;
  /** Why the layout was chosen, or why nothing was read, in Chinese. */
  note: string;
  headerRows: number[]; // 1-based
  columns: Array<{ column: string; header: string; role: ColumnRole; label: string; byValue: boolean }>;
  parts: PartKind[];
  township: { name: string | null; from: 'column' | 'section' | 'title' | 'sheet' | 'file' | null };
  villages: Array<{ township: string; village: string; firstRow: number; lastRow: number; rows: number }>;
  skipped: SkippedRow[];
  skippedCount: number;
  dataRows: number;
}

export interface SheetRead {
  /** One report per table: a sheet may hold several tables, each under its own header. */
  reports: SheetReport[];
  inputs: VillageInput[];
  findings: Finding[];
  villageList: Array<{ township: string; village: string; source: SourceRef }>;
}

export interface SheetContext {
  file: string;
  /** Township named in the file name, the last resort. */
  fileTownship: string | null;
  /** True when the file name names no township and `fileTownship` is only the name standing in. */
  fileTownshipGuessed?: boolean;
  /** Override of the detected mapping (column index → role), when a person corrected it. */
  mapping?: Map<number, ColumnRole>;
  /** Override of the header rows (0-based). */
  headerRows?: number[];
  /** For a table further down a sheet: rows above it, and the township its sheet's title named. */
  rowOffset?: number;
  parentTownship?: string | null;
  /** For a table beside another on one sheet: the columns left of it. */
  columnOffset?: number;
}

const MAX_SKIPPED_LISTED = 200;
const HEADER_SCAN_ROWS = 40;
const FOOTER = /^(填表人|填报人|制表人|审核人|审核|负责人|联系人|联系电话|电话|填报日期|填表日期|报送日期|统计时间|日期|注|备注|说明|附注|领导签字|签字|盖章|单位负责人)[:：\s]?/u;
const DEPARTED = /已?调离|调出|辞职|离职|免职|罢免|去世|死亡|病故|已故|迁出|不再担任|已退出|退出/u;
const TOTAL = /^(合计|小计|总计|共计|总数|累计|全镇|全乡|全街道|汇总)|(合计|小计|总计|汇总)$/u;
const COUNT_ROLES: ColumnRole[] = ['committeeMembers', 'committeeWomen', 'chairSeated', 'repTotal', 'repWomen', 'partyMembers', 'partyWomen', 'villagersMembers', 'villagersWomen'];

const ROLE_WEIGHT: Partial<Record<ColumnRole, number>> = {
  name: 5,
  gender: 2,
  idNumber: 2,
  post: 3,
  representative: 2,
  village: 2,
  township: 1,
  committeeMembers: 3,
  committeeWomen: 3,
  partyMembers: 2,
  partyWomen: 2,
  villagersMembers: 2,
  villagersWomen: 2,
  crossHolders: 1,
  chairSeated: 2,
  repTotal: 3,
  repWomen: 3,
  ownVerdict: 1,
  ratio: 1,
  seq: 0.5,
  group: 0.5,
  remark: 0.2,
};

// Columns of persons say nothing of a count table's quality as a header (a 妇联主席 姓名 column in one).
const PERSON_ROLES: ReadonlySet<ColumnRole> = new Set(['name', 'gender', 'idNumber', 'post', 'representative', 'chairFlag', 'group']);

function score(m: ColumnMapping, layout: SheetLayout): number {
  let s = 0;
  for (const role of m.roles.values()) if (layout !== 'counts' || !PERSON_ROLES.has(role)) s += ROLE_WEIGHT[role] ?? 0;
  return s;
}

function has(m: ColumnMapping, role: ColumnRole): boolean {
  return columnOf(m, role) !== undefined;
}

function layoutOf(m: ColumnMapping): SheetLayout {
  const counts = COUNT_ROLES.filter((r) => has(m, r)).length;
  const personal = has(m, 'gender') || has(m, 'idNumber') || has(m, 'post') || has(m, 'representative');
  // A count table may also name people (a column of names in one cell): its counts decide.
  // Three counts make a count table even with a column of names in it (the chair's 姓名 | 任何职务).
  if (has(m, 'name') && counts < 3 && (personal || (has(m, 'village') && counts < 2))) return 'roster';
  if (has(m, 'village') && counts >= 2) return 'counts';
  if (has(m, 'village') && !has(m, 'name') && counts === 0) return 'village-list';
  return 'none';
}

/** The different texts of a row, in column order. */
function distinctOf(colCount: number, text: (c: number) => string): string[] {
  const out: string[] = [];
  for (let c = 0; c < colCount; c++) {
    const t = text(c);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

function distinctTexts(grid: Grid, r: number): string[] {
  return distinctOf(grid.width(r), (c) => grid.text(r, c));
}

/** A row whose only content is one text (often merged across the row): a title, a section label or a note. */
function isSingleTextRow(grid: Grid, r: number): boolean {
  return distinctTexts(grid, r).length === 1;
}

/** Finds the header: the row (or two rows, a group row over a sub-header row) whose cells name the most roles. */
export function findHeader(grid: Grid): { rows: number[]; mapping: ColumnMapping; layout: SheetLayout } | null {
  let best: { rows: number[]; mapping: ColumnMapping; layout: SheetLayout; score: number } | null = null;
  const limit = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const texts = distinctTexts(grid, r);
    if (texts.length < 2) continue; // a title or a blank row
    const candidates: number[][] = [[r]];
    if (r + 1 < grid.rowCount && !isSingleTextRow(grid, r + 1)) {
      candidates.push([r, r + 1]);
      // Three rows: a group cell over sub-groups over columns ("两委班子" > "其中女性" > "人数 | 占比").
      if (r + 2 < grid.rowCount && !isSingleTextRow(grid, r + 2)) candidates.push([r, r + 1, r + 2]);
    }
    for (const rows of candidates) {
      const mapping = mapByHeader(grid, rows);
      const layout = layoutOf(mapping);
      if (layout === 'none') continue;
      // More header rows must earn their place: on a tie fewer rows win, so the first data row is kept.
      const s = score(mapping, layout) - 0.75 * (rows.length - 1);
      if (!best || s > best.score) best = { rows, mapping, layout, score: s };
    }
  }
  return best ? { rows: best.rows, mapping: best.mapping, layout: best.layout } : null;
}

/**
 * The two committees from a table that counts each on its own: distinct members are both sides less the
 * members on both (交叉任职); the women are certain when one side has none (or nobody sits on both),
 * else only at least the larger side's are.
 */
export function committeesFromSides(
  party: number | null,
  partyWomen: number | null,
  villagers: number | null,
  villagersWomen: number | null,
  cross: number | null,
): { members: number | null; women: number | null; womenAtLeast: boolean } {
  const members = party !== null && villagers !== null && cross !== null && cross <= Math.min(party, villagers) ? party + villagers - cross : null;
  if (partyWomen === null || villagersWomen === null) return { members, women: null, womenAtLeast: false };
  if (partyWomen === 0 || villagersWomen === 0 || cross === 0) return { members, women: partyWomen + villagersWomen, womenAtLeast: false };
  return { members, women: Math.max(partyWomen, villagersWomen), womenAtLeast: true };
}

/** A 妇联主席是否进两委 cell: yes/no words, or 已进 / 未进. */
function chairSeatedCell(text: string): boolean | null {
  const yn = parseYesNo(text);
  if (yn !== null || !text) return yn;
  const t = normalizeText(text).replace(/\s/g, '');
  // "否（任监委会主任）", "是（兼村委委员）": the word before the note decides.
  if (/^(未进|没进|不进|未进入|没有进|未|否)/u.test(t)) return false;
  if (/^(已进|进入|已进入|进了|兼任|已|是)/u.test(t)) return true;
  return null;
}

/** A 是否村民代表 cell: yes/no words, or the word 代表 itself ("村民代表", "是（代表）"). */
function representativeCell(text: string): boolean | null {
  const yn = parseYesNo(text);
  if (yn !== null || !text) return yn;
  const t = normalizeText(text);
  if (/否|不是|非/u.test(t)) return false;
  if (/代表|是/u.test(t)) return true;
  return null;
}

/** Cheap first look, so that a 200,000-row sheet is not mapped row by row: header words no value holds. */
function mayBeHeaderRow(grid: Grid, r: number): boolean {
  for (let c = 0; c < grid.width(r); c++) {
    const t = grid.text(r, c);
    if (t.length > 0 && t.length <= 16 && /姓\s*名|性\s*别|身份证|成员数|代表数/u.test(t)) return true;
  }
  return false;
}

/** A row further down that is itself a header: a second table (e.g. 村民代表 under 两委班子) starts there. */
function isHeaderRow(grid: Grid, r: number): boolean {
  const m = mapByHeader(grid, [r]);
  return m.roles.size >= 3 && layoutOf(m) !== 'none';
}

/** The rows of a grid from `from` on, as a grid of their own. */
function sliceGrid(g: Grid, from: number): Grid {
  return {
    ...g,
    rowCount: Math.max(0, g.rowCount - from),
    width: (r) => g.width(r + from),
    text: (r, c) => g.text(r + from, c),
    isNumber: (r, c) => g.isNumber(r + from, c),
  };
}

/** The one committee a sheet name or title names ("村委会班子", "村党组织委员会"), else null (none, or both: 两委). */
export function committeeNamed(text: string): Committee | null {
  const t = normalizePlaceName(text);
  if (/两委|班子成员及|及村|和村/u.test(t)) return null;
  const party = /党组织|党支部|党总支|党委|支部|支委/u.test(t);
  const villagers = /村委会|村民委员会|居委会|居民委员会|村委|居委/u.test(t.replace(/村务监督委员会|居务监督委员会/gu, ''));
  return party === villagers ? null : party ? 'party' : 'villagers';
}

/** Columns from..to of a grid, as a grid of their own. */
function columnSlice(g: Grid, from: number, to: number): Grid {
  const n = to - from;
  return {
    ...g,
    colCount: n,
    width: (r) => Math.max(0, Math.min(g.width(r), to) - from),
    text: (r, c) => (c < n ? g.text(r, c + from) : ''),
    isNumber: (r, c) => c < n && g.isNumber(r, c + from),
  };
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

function joinReads(a: SheetRead, b: SheetRead): SheetRead {
  return {
    reports: [...a.reports, ...b.reports],
    inputs: [...a.inputs, ...b.inputs],
    findings: [...a.findings, ...b.findings],
    villageList: [...a.villageList, ...b.villageList],
  };
}

/** A cell quoted in a reason: short, and an ID number in it masked. */
function shown(text: string): string {
  return text.slice(0, 20).replace(/\d{6}[\dXx*]{4,}/gu, (id) => maskIdNumber(id));
}

function parseVerdictCell(text: string): boolean | null {
  const t = normalizeText(text).replace(/\s/g, '');
  if (!t) return null;
  if (/^(未达标|不达标|没达标|未达到|没达到|不达到|否|未完成|不符合|×|✗|N|no)$/iu.test(t)) return false;
  if (/^(达标|已达标|达到|已达到|是|完成|已完成|符合|√|✓|✔|Y|yes)$/iu.test(t)) return true;
  return parseYesNo(t);
}

function emptyReport(grid: Grid, ctx: SheetContext, layout: SheetLayout, note: string): SheetReport {
  return {
    file: ctx.file,
    sheet: grid.name,
    layout,
    note,
    headerRows: [],
    columns: [],
    parts: [],
    township: { name: null, from: null },
    villages: [],
    skipped: [],
    skippedCount: 0,
    dataRows: 0,
  };
}

export function readSheet(grid: Grid, ctx: SheetContext): SheetRead {
  const findings: Finding[] = [];
  if (grid.hidden) {
    const probe = findHeader(grid);
    const note = probe
      ? '隐藏工作表，未读取（其中似有名单，如需读取请在表格中取消隐藏）'
      : '隐藏工作表（多为下拉选项等辅助内容），未读取';
    if (probe) findings.push({ severity: 'warning', code: 'sheet-skipped', file: ctx.file, sheet: grid.name, row: null, message: note });
    return { reports: [emptyReport(grid, ctx, 'hidden', note)], inputs: [], findings, villageList: [] };
  }

  const detected = ctx.headerRows && ctx.mapping ? null : findHeader(grid);
  const headerRows = ctx.headerRows ?? detected?.rows;
  if (!headerRows) {
    const blank = grid.rowCount === 0 || grid.colCount === 0;
    const note = blank ? '空白工作表' : '未找到可识别的表头（如“姓名、性别、职务”或“村名、两委成员数”）';
    return { reports: [emptyReport(grid, ctx, 'none', note)], inputs: [], findings, villageList: [] };
  }
  // Two tables side by side (党组织 in A–E, 村委会 in G–K): each is read on its own.
  const split = detected ? sideBySide(grid, detected.rows) : 0;
  if (split > 0) {
    const left = readSheet(columnSlice(grid, 0, split), ctx);
    const right = readSheet(columnSlice(grid, split, grid.colCount), { ...ctx, columnOffset: (ctx.columnOffset ?? 0) + split });
    return joinReads(left, right);
  }
  const mapping: ColumnMapping = ctx.mapping
    ? { roles: new Map(ctx.mapping), headers: mapByHeader(grid, headerRows).headers, byValue: new Set() }
    : detected!.mapping;
  const dataStart = headerRows[headerRows.length - 1] + 1;
  if (!ctx.mapping) refineByValues(grid, mapping, dataStart);
  const layout = layoutOf(mapping);

  // Title rows above the header: where the township (or a village) is often named.
  const titles: string[] = [];
  for (let r = 0; r < headerRows[0]; r++) titles.push(...distinctTexts(grid, r));
  const titleText = titles.join(' ');

  // A sheet named like a village ("桐坑村") first, then a village its titles name, then a bare sheet name ("桐坑").
  const sheetVillage = (looksLikeVillage(grid.name) ? normalizePlaceName(grid.name) : null) ?? villageFromTitles(titles) ?? villageFromSheetName(grid.name);
  let sheetTownship: { name: string | null; from: SheetReport['township']['from'] } = { name: null, from: null };
  const fromTitle = titles.map(townshipFromText).find((t) => t);
  const fromSheet = looksLikeTownship(grid.name) ? cleanTownship(grid.name) : townshipFromText(grid.name);
  if (fromTitle) sheetTownship = { name: fromTitle, from: 'title' };
  else if (fromSheet) sheetTownship = { name: fromSheet, from: 'sheet' };
  else if (ctx.parentTownship) sheetTownship = { name: ctx.parentTownship, from: 'title' };
  else if (ctx.fileTownship) sheetTownship = { name: ctx.fileTownship, from: 'file' };

  if (sheetTownship.from === 'file' && ctx.fileTownshipGuessed && layoutOf(mapping) !== 'none' && !has(mapping, 'township')) {
    findings.push({
      severity: 'warning',
      code: 'township-unknown',
      file: ctx.file,
      sheet: grid.name,
      row: null,
      message: `表格中（乡镇列、标题、工作表名、文件名）都没有写明乡镇，暂以“${sheetTownship.name}”作为乡镇名，请核实`,
    });
  }

  const offset = ctx.rowOffset ?? 0;
  const report: SheetReport = {
    ...emptyReport(grid, ctx, layout, ''),
    headerRows: headerRows.map((r) => r + 1 + offset),
    columns: [...mapping.roles.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([c, role]) => ({ column: columnLetter(c + (ctx.columnOffset ?? 0)), header: mapping.headers.get(c) ?? '', role, label: ROLE_LABELS[role], byValue: mapping.byValue.has(c) })),
    township: sheetTownship,
  };
  if (has(mapping, 'township')) report.township = { name: null, from: 'column' };

  const skip = (r: number, reason: string) => {
    report.skippedCount++;
    if (report.skipped.length < MAX_SKIPPED_LISTED) report.skipped.push({ row: r + 1 + offset, reason });
  };
  const col = (role: ColumnRole) => columnOf(mapping, role);
  const postColumns = columnsOf(mapping, 'post');
  // The current row's cells, read once: a 200,000-row sheet is walked cell by cell only one time.
  let cachedRow = -1;
  let rowCells: string[] = [];
  const rowText = (r: number, c: number): string => {
    if (r !== cachedRow) {
      cachedRow = r;
      const w = grid.width(r);
      rowCells = new Array(w);
      for (let k = 0; k < w; k++) rowCells[k] = grid.text(r, k);
    }
    return c < rowCells.length ? rowCells[c] : '';
  };
  const rowDistinct = (r: number): string[] => distinctOf(grid.width(r), (c) => rowText(r, c));
  const cell = (r: number, role: ColumnRole) => {
    if (role === 'post' && postColumns.length > 1) {
      // Several post columns (党内职务, 村委会职务 …) read as one phrase.
      return postColumns.map((c) => rowText(r, c)).filter((t) => t && !/^(无|\/|-|—)$/.test(t)).join('、');
    }
    const c = col(role);
    return c === undefined ? '' : rowText(r, c);
  };
  const headerCells = headerRows.length === 1 ? [...mapping.headers.entries()] : [];
  const isRepeatedHeader = (r: number) => headerCells.filter(([c, h]) => rowText(r, c) === h).length >= 2;
  // Gender, yes/no and the like repeat a handful of words down a column: each distinct text is parsed once.
  const memos = new Map<string, Map<string, unknown>>();
  const memo = <T>(kind: string, raw: string, f: (s: string) => T): T => {
    let m = memos.get(kind);
    if (!m) memos.set(kind, (m = new Map()));
    let v = m.get(raw) as T | undefined;
    if (v === undefined && !m.has(raw)) m.set(raw, (v = f(raw)));
    return v as T;
  };

  if (layout === 'none') {
    report.note = '找到的表头不足以判断表格类型（需要姓名列，或村名列加上人数列）';
    return { reports: [report], inputs: [], findings, villageList: [] };
  }

  // Village and township of each data row: a column (blank cells mean "same as above"), else a
  // section row ("一、青山村"), else the sheet's name or title, else the file name.
  let sectionVillage: string | null = null;
  let sectionTownship: string | null = null;
  let lastVillageCell = '';
  let lastTownshipCell = '';
  let inFooter = false;
  let villageMissingRows = 0;
  // Most rows repeat the row above's township and village: normalise each distinct text once.
  const townshipNames = new Map<string, string>();
  const villageNames = new Map<string, string>();
  const cached = (map: Map<string, string>, raw: string, f: (s: string) => string): string => {
    let v = map.get(raw);
    if (v === undefined) map.set(raw, (v = f(raw)));
    return v;
  };
  const placeOf = (r: number): { township: string | null; village: string | null } => {
    let village: string | null = null;
    if (has(mapping, 'village')) {
      const v = cell(r, 'village');
      if (v) lastVillageCell = v;
      village = lastVillageCell || null;
    }
    village = village ?? sectionVillage ?? sheetVillage;
    let township: string | null = null;
    if (has(mapping, 'township')) {
      const t = cell(r, 'township');
      if (t) lastTownshipCell = t;
      township = lastTownshipCell || null;
    }
    township = township ?? sectionTownship ?? sheetTownship.name;
    const t = township ? cached(townshipNames, township, cleanTownship) : null;
    let v = village ? cached(villageNames, village, normalizePlaceName) : null;
    // "青山镇上塘村" in a 青山镇 row names the village 上塘村.
    if (t && v && v.length > t.length + 1 && v.startsWith(t) && looksLikeVillage(v.slice(t.length))) v = v.slice(t.length);
    return { township: t, village: v };
  };
  /** Handles a row that is not data: blank, footer, section label, total, repeated header. Returns true if consumed. */
  const consumeNonData = (r: number, texts: string[]): boolean => {
    if (texts.length === 0) return true;
    if (FOOTER.test(texts[0])) {
      inFooter = true;
      skip(r, `表尾（${texts[0].length <= 40 ? texts[0] : `${texts[0].slice(0, 38)}……`}）`);
      return true;
    }
    if (texts.length === 1) {
      const label = texts[0].replace(/[(（][^)）]*[)）]$/u, '').replace(/^(村名|村名称|村|单位|村社区)[:：]/u, '');
      if (looksLikeVillage(label)) {
        sectionVillage = normalizePlaceName(label);
        lastVillageCell = '';
        return true;
      }
      if (looksLikeTownship(label)) {
        sectionTownship = normalizePlaceName(label);
        lastTownshipCell = '';
        return true;
      }
      // "二、白石村“两委”班子", "村名：白石村　填报人：李" start a village too.
      // "一、张家湾（24人）": a village named without 村, marked as a section, where no column names villages.
      const named = inFooter ? null : (villageFromTitles([texts[0]]) ?? (col('village') === undefined ? villageFromSectionLabel(texts[0]) : null));
      if (named) {
        sectionVillage = named;
        lastVillageCell = '';
        return true;
      }
      skip(r, inFooter ? '表尾说明' : `只有一项内容“${shown(texts[0])}”，不是数据行`);
      return true;
    }
    const villageCol = col('village');
    if (villageCol !== undefined && isPlaceholderPlace(rowText(r, villageCol))) {
      skip(r, `填写示例（“${shown(rowText(r, villageCol))}”），不是真实的村`);
      return true;
    }
    if (texts.slice(0, 3).some((t) => /[计总全汇]/u.test(t) && TOTAL.test(normalizePlaceName(t)))) {
      skip(r, '合计/小计行，不是一个村');
      return true;
    }
    if (isRepeatedHeader(r)) {
      skip(r, '重复的表头');
      return true;
    }
    return false;
  };

  const groups = new Map<string, { township: string; village: string; rows: PersonRow[]; first: number; last: number; input: VillageInput }>();
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
  const source = (r: number): SourceRef => ({ file: ctx.file, sheet: grid.name, row: r + 1 + offset });

  // A second table further down the sheet ends this one; it is read on its own, from its title rows.
  let end = grid.rowCount;
  for (let r = dataStart; r < grid.rowCount; r++) {
    if (!mayBeHeaderRow(grid, r) || isSingleTextRow(grid, r) || !isHeaderRow(grid, r)) continue;
    end = r;
    while (end > dataStart && (isSingleTextRow(grid, end - 1) || distinctTexts(grid, end - 1).length === 0)) end--;
    break;
  }
  const finish = (read: SheetRead): SheetRead => {
    if (end >= grid.rowCount) return read;
    return joinReads(read, readSheet(sliceGrid(grid, end), { ...ctx, mapping: undefined, headerRows: undefined, rowOffset: offset + end, parentTownship: sheetTownship.name }));
  };

  if (layout === 'village-list') {
    const villageList: SheetRead['villageList'] = [];
    for (let r = dataStart; r < end; r++) {
      const texts = rowDistinct(r);
      if (consumeNonData(r, texts)) continue;
      const { township, village } = placeOf(r);
      if (!cell(r, 'village')) {
        skip(r, '村名为空');
        continue;
      }
      if (!village || !township) {
        skip(r, township ? '村名为空' : '无法确定所属乡镇');
        continue;
      }
      report.dataRows++;
      groupOf(township, village, r);
      villageList.push({ township, village, source: source(r) });
    }
    report.villages = [...groups.values()].map((g) => ({ township: g.township, village: g.village, firstRow: g.first + 1 + offset, lastRow: g.last + 1 + offset, rows: 1 }));
    report.note = '村名清单（只有乡镇和村，没有人员或人数）';
    return finish({ reports: [report], inputs: [], findings, villageList });
  }

  if (layout === 'counts') {
    const bySide = ['partyMembers', 'partyWomen', 'villagersMembers', 'villagersWomen'].some((role) => has(mapping, role as ColumnRole));
    const hasCommitteeCounts = has(mapping, 'committeeMembers') || has(mapping, 'committeeWomen') || has(mapping, 'chairSeated') || bySide;
    const hasRepCounts = has(mapping, 'repTotal') || has(mapping, 'repWomen');
    report.parts = [...(hasCommitteeCounts ? (['committees'] as const) : []), ...(hasRepCounts ? (['representatives'] as const) : [])];
    for (let r = dataStart; r < end; r++) {
      const texts = rowDistinct(r);
      if (consumeNonData(r, texts)) continue;
      const rawVillage = cell(r, 'village');
      if (!rawVillage) {
        skip(r, '村名为空');
        continue;
      }
      if (TOTAL.test(normalizePlaceName(rawVillage))) {
        skip(r, '合计/小计行，不是一个村');
        continue;
      }
      const { township, village } = placeOf(r);
      if (!township) {
        skip(r, '无法确定所属乡镇');
        continue;
      }
      const num = (role: ColumnRole) => (has(mapping, role) ? parseCount(cell(r, role)) : null);
      let members = num('committeeMembers');
      let women = num('committeeWomen');
      if (bySide) {
        const sides = committeesFromSides(num('partyMembers'), num('partyWomen'), num('villagersMembers'), num('villagersWomen'), num('crossHolders'));
        members ??= sides.members;
        if (women === null) {
          women = sides.women;
          if (sides.womenAtLeast) {
            findings.push({
              severity: 'info',
              code: 'row-note',
              file: ctx.file,
              sheet: grid.name,
              row: r + 1 + offset,
              township,
              village: village!,
              message: `党组织和村（居）委会都有女性委员，交叉任职者中有几位女性不详：两委女性成员数至少${sides.women}人，按${sides.women}人计`,
            });
          }
        }
      }
      const chairSeated = has(mapping, 'chairSeated') ? chairSeatedCell(cell(r, 'chairSeated')) : null;
      const total = num('repTotal');
      const repWomen = num('repWomen');
      if ([members, women, chairSeated, total, repWomen].every((v) => v === null)) {
        skip(r, '没有可读的人数');
        continue;
      }
      report.dataRows++;
      const g = groupOf(township, village!, r);
      const src = source(r);
      const where = { file: ctx.file, sheet: grid.name, row: r + 1 + offset, township, village: village! };
      if (members !== null && women !== null && women > members) {
        findings.push({ severity: 'error', code: 'count-inconsistent', ...where, message: `两委女性成员数（${women}）大于成员总数（${members}）` });
      }
      if (total !== null && repWomen !== null && repWomen > total) {
        findings.push({ severity: 'error', code: 'count-inconsistent', ...where, message: `女性村民代表数（${repWomen}）大于村民代表总数（${total}）` });
      }
      if (hasCommitteeCounts) g.input.parts.push({ kind: 'committees', form: 'counts', counts: { members, women, chairSeated }, source: src });
      if (hasRepCounts) g.input.parts.push({ kind: 'representatives', form: 'counts', counts: { total, women: repWomen }, source: src });
      if (has(mapping, 'ownVerdict')) {
        const own = parseVerdictCell(cell(r, 'ownVerdict'));
        if (own !== null) g.input.ownVerdict = { compliant: own, source: src };
      }
    }
    report.villages = [...groups.values()].map((g) => ({ township: g.township, village: g.village, firstRow: g.first + 1 + offset, lastRow: g.last + 1 + offset, rows: g.input.parts.length ? 1 : 0 }));
    report.note = '统计表：一行一个村，按表中人数核算';
    return finish({ reports: [report], inputs: [...groups.values()].map((g) => g.input), findings, villageList: [] });
  }

  // Roster: one row a person.
  const hasPost = has(mapping, 'post');
  const hasRep = has(mapping, 'representative');
  const nameHeader = mapping.headers.get(col('name')!) ?? '';
  // What the sheet's name and title say it lists: "村民代表名单" is a list of representatives, whatever
  // other columns it has; a title that names both (两委 … 及村民代表) leaves it to the columns.
  // The sheet's name speaks first, then the title line nearest the header, then all titles together.
  const says = (text: string): 'reps' | 'committees' | null => {
    const reps = /代表/u.test(text);
    const committees = /两委|班子|干部|支委|村委|职务|委员/u.test(text);
    return reps === committees ? null : reps ? 'reps' : 'committees';
  };
  const purpose = says(grid.name) ?? says(titles[titles.length - 1] ?? '') ?? says(titleText);
  // A list of one committee (a sheet or title "村委会", "村党组织委员会"): a bare 委员 on it sits on that one.
  const fileStem = ctx.file.replace(/\.[^.]+$/u, '');
  const listCommittee = committeeNamed(grid.name) ?? committeeNamed(titles[titles.length - 1] ?? '') ?? committeeNamed(titleText) ?? committeeNamed(fileStem);
  const placeSeats = (p: PostParse): PostParse =>
    listCommittee && p.seats.some((x) => x.committee === 'either') ? { ...p, seats: p.seats.map((x) => (x.committee === 'either' ? { ...x, committee: listCommittee } : x)) } : p;
  // A list of the supervision committee, reserve cadres or group leaders: nobody on it holds a seat on the two
  // committees by being listed there, so the sheet is no part of a village.
  const naming = `${grid.name} ${titles[titles.length - 1] ?? ''}`;
  if (/监督委员会|监委会|监委|后备干部|村民小组长|小组长/u.test(naming) && !/两委|党组织|党支部|党总支|村委会|居委会|村民委员会|代表/u.test(naming.replace(/村务监督委员会|监督委员会|监委会/gu, ''))) {
    report.layout = 'none';
    report.note = '村务监督委员会、后备干部或村民小组长名单，不属于两委班子或村民代表，未计入';
    return finish({ reports: [report], inputs: [], findings, villageList: [] });
  }
  const repsOnly = purpose === 'reps' || (!hasPost && !hasRep && /代表/u.test(`${nameHeader} ${grid.name} ${titleText}`));
  let postSaysRep = false;
  let repBlank = 0;
  let repUnclear = 0;
  const remarkColumns = columnsOf(mapping, 'remark');
  // A column that holds one mark and blanks ("●", "○", "Y"…): the mark says yes, whatever it is.
  let repMark: string | null = null;
  const repCol = col('representative');
  if (hasRep && repCol !== undefined) {
    const marks = new Set<string>();
    for (let r = dataStart; r < end && marks.size < 2; r++) {
      const t = grid.text(r, repCol);
      if (t) marks.add(t);
    }
    const [only] = marks;
    if (marks.size === 1 && only.length <= 2 && representativeCell(only) === null) repMark = only;
  }
  // A 性别 column of 1 and 2 only: the national code (GB/T 2261.1: 1 男, 2 女), said so in a finding.
  const genderCol = col('gender');
  let genderCodes = false;
  if (genderCol !== undefined) {
    let coded = 0;
    let other = 0;
    for (let r = dataStart; r < end && other === 0; r++) {
      const t = grid.text(r, genderCol);
      if (t === '1' || t === '2') coded++;
      else if (t && parseGender(t) !== 'unknown') other++;
    }
    genderCodes = other === 0 && coded >= 3;
    if (genderCodes) {
      findings.push({
        severity: 'info',
        code: 'gender-coded',
        file: ctx.file,
        sheet: grid.name,
        row: null,
        message: `“${mapping.headers.get(genderCol) ?? '性别'}”列填的是数字代码，按国家标准（GB/T 2261.1）读作 1＝男、2＝女`,
      });
    }
  }
  const genderOf = (text: string): Gender => (genderCodes && (text === '1' || text === '2') ? (text === '1' ? 'male' : 'female') : parseGender(text));
  for (let r = dataStart; r < end; r++) {
    const texts = rowDistinct(r);
    if (consumeNonData(r, texts)) continue;
    const typedName = cell(r, 'name');
    const name = normalizeName(typedName);
    if (!name) {
      skip(r, inFooter ? '表尾说明' : '姓名为空');
      continue;
    }
    // Spaces typed to align two-character names are no part of the name.
    const displayName = name;
    // Digits make no name, except a number told namesakes apart with ("李伟2").
    if (name.length > 12 || (/\d/u.test(name) && !/^[\u4e00-\u9fff〇·]{2,}\d{1,2}$/u.test(name)) || TOTAL.test(name)) {
      skip(r, `“${shown(typedName)}”不像姓名`);
      continue;
    }
    const { township, village } = placeOf(r);
    if (!village || !township) {
      villageMissingRows++;
      skip(r, village ? '无法确定所属乡镇' : '无法确定所属村');
      continue;
    }
    const post = hasPost ? cell(r, 'post') : '';
    // One parse per distinct post phrase: rows with the same phrase share its (never mutated) arrays.
    const parsed = post ? memo('post', post, (t) => placeSeats(parsePost(t))) : NO_POST;
    let representative: boolean | null = null;
    if (hasRep) {
      const mark = cell(r, 'representative');
      representative = mark === repMark ? true : memo('rep', mark, representativeCell);
      if (representative === null) {
        if (mark) repUnclear++;
        else repBlank++;
      }
    }
    const isChair = parsed.isChair || (has(mapping, 'chairFlag') && memo('yesno', cell(r, 'chairFlag'), parseYesNo) === true);
    if (parsed.isRepresentative) {
      representative = true;
      postSaysRep = true;
    }
    if (repsOnly && !(hasRep && representative === false)) representative = true;
    const idCol = col('idNumber');
    const idText = idCol === undefined ? '' : grid.text(r, idCol);
    const row: PersonRow = {
      source: source(r),
      name,
      displayName,
      declaredGender: memo('gender', cell(r, 'gender'), genderOf),
      idNumber: idText ? idText : null,
      idFromNumber: idCol !== undefined && idText !== '' && grid.isNumber(r, idCol),
      postText: post,
      seats: parsed.seats,
      isChair,
      otherPosts: parsed.otherPosts,
      // On a committees list: a phrase not understood, or no post at all on a sheet that lists the 两委.
      // (A blank post on a roster that also lists representatives just means "not a member".)
      seatUnknown: hasPost && !repsOnly && parsed.seats.length === 0 && (post ? parsed.unrecognised.length > 0 : purpose === 'committees' && !hasRep),
      representative,
    };
    // A note that the person has left ("已调离", "辞职"): still counted as listed, but the user should know.
    for (const c of remarkColumns) {
      const note = rowText(r, c);
      if (note && DEPARTED.test(note)) {
        findings.push({
          severity: 'warning',
          code: 'row-note',
          file: ctx.file,
          sheet: grid.name,
          row: r + 1 + offset,
          township,
          village,
          message: `${displayName}的备注写有“${shown(note)}”，仍按名单计入，请核实`,
        });
        break;
      }
    }
    if (parsed.unrecognised.length) {
      findings.push({
        severity: 'warning',
        code: 'seat-unrecognised',
        file: ctx.file,
        sheet: grid.name,
        row: r + 1 + offset,
        township,
        village,
        message: `${displayName}的职务“${post}”中“${parsed.unrecognised.join('、')}”无法识别，未计入两委`,
      });
    }
    report.dataRows++;
    groupOf(township, village, r).rows.push(row);
  }

  const covers: PartKind[] = [];
  if (hasPost && !repsOnly) covers.push('committees');
  // A 两委 list whose posts mention 村民代表 in passing is no list of the village's representatives.
  if (hasRep || repsOnly || (postSaysRep && purpose !== 'committees')) covers.push('representatives');
  report.parts = covers;
  if (covers.length === 0) {
    report.note = '有姓名列，但没有职务列或“是否村民代表”列，无法判断是两委名单还是代表名单';
    report.layout = 'none';
    return { reports: [report], inputs: [], findings, villageList: [] };
  }
  if (hasRep && repBlank > 0) {
    findings.push({
      severity: 'info',
      code: 'row-skipped',
      file: ctx.file,
      sheet: grid.name,
      row: null,
      message: `有 ${repBlank} 行“是否村民代表”为空，按“否”计`,
    });
  }
  if (hasRep && repUnclear > 0) {
    findings.push({
      severity: 'warning',
      code: 'row-skipped',
      file: ctx.file,
      sheet: grid.name,
      row: null,
      message: `有 ${repUnclear} 行“是否村民代表”的填写无法识别（应为“是”或“否”），按“否”计`,
    });
  }
  if (villageMissingRows > 0) {
    findings.push({
      severity: 'error',
      code: 'row-skipped',
      file: ctx.file,
      sheet: grid.name,
      row: null,
      message: `有 ${villageMissingRows} 行人员无法确定所属村或乡镇，未计入（表中没有村名列、分段标题，工作表名和文件名也不含村名或乡镇名）`,
    });
  }
  const inputs: VillageInput[] = [];
  for (const g of groups.values()) {
    const src = source(g.first);
    const parts: VillagePart[] = covers.map((kind) => ({ kind, form: 'roster', rows: g.rows, source: src, dedicated: covers.length === 1 }) as VillagePart);
    g.input.parts = parts;
    inputs.push(g.input);
  }
  report.villages = [...groups.values()].map((g) => ({ township: g.township, village: g.village, firstRow: g.first + 1 + offset, lastRow: g.last + 1 + offset, rows: g.rows.length }));
  report.note =
    covers.length === 2
      ? '人员名单：一行一人，含两委职务和村民代表'
      : covers[0] === 'committees'
        ? '两委班子名单：一行一人（不含村民代表）'
        : '村民代表名单：一行一人';
  return finish({ reports: [report], inputs, findings, villageList: [] });
}
