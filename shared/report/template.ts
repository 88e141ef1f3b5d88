// The county's own template for townships: what it holds (columns, drop-down lists, its hidden marker and
// version), and reading a filled one back by its marker with no guessing: the columns are where the
// template put them, or the file is refused with a message saying which header was changed. Pure.

import type { Finding, PersonRow, Seat, VillageInput } from '../model.ts';
import { normalizeName, normalizeText, parseGender, parseYesNo } from '../text.ts';
import type { Grid } from '../reading/grid.ts';
import type { FileRead } from '../reading/result.ts';
import type { SheetReport } from '../reading/sheet.ts';
import type { ColumnRole } from '../reading/columns.ts';

/** The hidden sheet that marks a workbook as this template: A1 the mark, B1 the version. */
export const TEMPLATE_MARKER_SHEET = '_qw_template';
export const TEMPLATE_MARK = 'quota-watch-template';
export const TEMPLATE_VERSION = 1;
export const TEMPLATE_SHEET = '名单';
/** Rows above the data: a title row and the header row. */
export const TEMPLATE_HEADER_ROW = 2;

export const PARTY_POSTS: Record<string, Seat['role']> = { 书记: 'secretary', 副书记: 'deputySecretary', 委员: 'member' };
export const VILLAGERS_POSTS: Record<string, Seat['role']> = { 主任: 'director', 副主任: 'deputyDirector', 委员: 'member' };
export const NO_POST = '无';
export const YES_NO = ['是', '否'];
export const GENDERS = ['女', '男'];

export interface TemplateColumn {
  header: string;
  role: ColumnRole;
  width: number;
  /** The drop-down list, if any. */
  list?: string[];
  /** Written and read as text (ID numbers, dates). */
  text?: boolean;
  hint: string;
}

export const TEMPLATE_COLUMNS: TemplateColumn[] = [
  { header: '乡镇（街道）', role: 'township', width: 14, hint: '必填，如：青山镇' },
  { header: '村（社区）', role: 'village', width: 14, hint: '必填，如：港口村；每人一行，同村各行都要填' },
  { header: '姓名', role: 'name', width: 12, hint: '必填' },
  { header: '性别', role: 'gender', width: 8, list: GENDERS, hint: '从下拉列表选择：女 / 男' },
  { header: '身份证号', role: 'idNumber', width: 22, text: true, hint: '18位，按文本填写（本列已设为文本，勿改为数字）' },
  { header: '出生年月', role: 'remark', width: 12, text: true, hint: '可选，如 1985-06；有身份证号时可不填' },
  { header: '学历', role: 'remark', width: 12, list: ['研究生', '大学本科', '大学专科', '中专', '高中', '初中', '小学'], hint: '从下拉列表选择' },
  { header: '村党组织职务', role: 'post', width: 14, list: [...Object.keys(PARTY_POSTS), NO_POST], hint: '书记 / 副书记 / 委员 / 无' },
  { header: '村（居）委会职务', role: 'post', width: 16, list: [...Object.keys(VILLAGERS_POSTS), NO_POST], hint: '主任 / 副主任 / 委员 / 无' },
  { header: '是否村妇联主席', role: 'chairFlag', width: 14, list: YES_NO, hint: '是 / 否' },
  { header: '是否村民代表', role: 'representative', width: 14, list: YES_NO, hint: '是 / 否' },
  { header: '备注', role: 'remark', width: 20, hint: '可选' },
];

const col = (header: string) => TEMPLATE_COLUMNS.findIndex((c) => c.header === header);
const C = {
  township: col('乡镇（街道）'),
  village: col('村（社区）'),
  name: col('姓名'),
  gender: col('性别'),
  id: col('身份证号'),
  birth: col('出生年月'),
  education: col('学历'),
  party: col('村党组织职务'),
  villagers: col('村（居）委会职务'),
  chair: col('是否村妇联主席'),
  rep: col('是否村民代表'),
};

export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The marker's version when the workbook is this template (hidden marker sheet), else null. */
export function templateVersion(grids: readonly Grid[]): number | null {
  const marker = grids.find((g) => g.name === TEMPLATE_MARKER_SHEET);
  if (!marker || marker.text(0, 0) !== TEMPLATE_MARK) return null;
  const v = Number(marker.text(0, 1));
  return Number.isInteger(v) && v > 0 ? v : 0;
}

/** 出生年月 as written (1985-06, 1985.6, 1985年6月, 198506, a date) → 'YYYY-MM' or 'YYYY-MM-DD'; null otherwise. */
export function parseBirth(text: string): string | null {
  const t = normalizeText(text);
  const m = /^(\d{4})[-./年]?(\d{1,2})(?:[-./月]?(\d{1,2})日?|月)?$/u.exec(t);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12) return null;
  const p2 = (n: number) => String(n).padStart(2, '0');
  if (m[3]) {
    const d = Number(m[3]);
    return d >= 1 && d <= 31 ? `${y}-${p2(mo)}-${p2(d)}` : null;
  }
  return `${y}-${p2(mo)}`;
}

/** A filled template → villages, read by the template's own columns. Null when the workbook is no template. */
export function readTemplate(grids: readonly Grid[], file: string, format: string | null): FileRead | null {
  const version = templateVersion(grids);
  if (version === null) return null;
  const refuse = (message: string): FileRead => ({
    report: { file, format, ok: true, problem: null, message, notes: [], sheets: [] },
    inputs: [],
    findings: [{ severity: 'error', code: 'sheet-skipped', file, sheet: TEMPLATE_SHEET, row: null, message }],
    villageList: [],
  });
  if (version !== TEMPLATE_VERSION) return refuse(`${file} 是本程序的填报模板，但版本（${version || '不明'}）与本程序（${TEMPLATE_VERSION}）不符，请用本程序重新生成模板后填写`);
  const grid = grids.find((g) => g.name === TEMPLATE_SHEET);
  if (!grid) return refuse(`${file} 是本程序的填报模板，但找不到工作表“${TEMPLATE_SHEET}”（工作表可能被改名或删除）`);
  const h = TEMPLATE_HEADER_ROW - 1;
  for (let c = 0; c < TEMPLATE_COLUMNS.length; c++) {
    if (normalizeText(grid.text(h, c)) !== normalizeText(TEMPLATE_COLUMNS[c].header)) {
      return refuse(`${file} 工作表“${TEMPLATE_SHEET}”第${TEMPLATE_HEADER_ROW}行 ${columnLetter(c)} 列的表头应为“${TEMPLATE_COLUMNS[c].header}”，现为“${grid.text(h, c)}”：模板的表头被改动，请勿增删或移动列`);
    }
  }
  const findings: Finding[] = [];
  const skipped: SheetReport['skipped'] = [];
  const byVillage = new Map<string, { township: string; village: string; rows: PersonRow[]; first: number; last: number }>();
  let dataRows = 0;
  for (let r = h + 1; r < grid.rowCount; r++) {
    const cell = (c: number) => grid.text(r, c).trim();
    const row = r + 1;
    if (TEMPLATE_COLUMNS.every((_, c) => cell(c) === '')) continue;
    dataRows++;
    const where = { file, sheet: TEMPLATE_SHEET, row };
    const skip = (reason: string) => {
      skipped.push({ row, reason });
      findings.push({ severity: 'error', code: 'row-skipped', ...where, message: `第${row}行${reason}，该行未计入` });
    };
    if (!cell(C.township)) { skip('未填乡镇（街道）'); continue; }
    if (!cell(C.village)) { skip('未填村（社区）'); continue; }
    if (!cell(C.name)) { skip('未填姓名'); continue; }
    const seats: Seat[] = [];
    let seatUnknown = false;
    for (const [c, committee, posts] of [[C.party, 'party', PARTY_POSTS], [C.villagers, 'villagers', VILLAGERS_POSTS]] as const) {
      const t = normalizeText(cell(c));
      if (!t || t === NO_POST) continue;
      const role = (posts as Record<string, Seat['role']>)[t];
      if (role) seats.push({ committee, role });
      else {
        seatUnknown = true;
        findings.push({ severity: 'warning', code: 'seat-unrecognised', ...where, township: cell(C.township), village: cell(C.village), message: `${TEMPLATE_COLUMNS[c].header}“${cell(c)}”不在下拉列表中，无法确定是否为“两委”职务` });
      }
    }
    const chair = parseYesNo(cell(C.chair)) === true;
    const posts = [cell(C.party) && cell(C.party) !== NO_POST ? `村党组织${cell(C.party)}` : '', cell(C.villagers) && cell(C.villagers) !== NO_POST ? `村委会${cell(C.villagers)}` : '', chair ? '村妇联主席' : ''].filter(Boolean);
    const idText = cell(C.id);
    const person: PersonRow = {
      source: where,
      name: normalizeName(cell(C.name)),
      displayName: cell(C.name),
      declaredGender: parseGender(cell(C.gender)),
      idNumber: idText || null,
      idFromNumber: idText !== '' && grid.isNumber(r, C.id),
      postText: posts.join('、'),
      seats,
      isChair: chair,
      otherPosts: [],
      seatUnknown,
      representative: parseYesNo(cell(C.rep)),
      education: cell(C.education) || null,
      birthDate: parseBirth(cell(C.birth)),
      statedAge: null,
    };
    const key = `${normalizeText(cell(C.township))}|${normalizeText(cell(C.village))}`;
    let v = byVillage.get(key);
    if (!v) byVillage.set(key, (v = { township: cell(C.township), village: cell(C.village), rows: [], first: row, last: row }));
    v.rows.push(person);
    v.last = row;
  }
  const inputs: VillageInput[] = [];
  for (const v of byVillage.values()) {
    const source = { file, sheet: TEMPLATE_SHEET, row: v.first };
    const parts: VillageInput['parts'] = [];
    if (v.rows.some((p) => p.seats.length > 0 || p.isChair || p.seatUnknown)) parts.push({ kind: 'committees', form: 'roster', rows: v.rows, source });
    if (v.rows.some((p) => p.representative === true)) parts.push({ kind: 'representatives', form: 'roster', rows: v.rows, source });
    if (parts.length) inputs.push({ township: v.township, village: v.village, parts, ownVerdict: null });
  }
  const villages = [...byVillage.values()];
  const report: SheetReport = {
    file,
    sheet: TEMPLATE_SHEET,
    layout: 'roster',
    note: `本程序的填报模板（第${version}版），按模板的列读取，未做版式识别`,
    headerRows: [TEMPLATE_HEADER_ROW],
    columns: TEMPLATE_COLUMNS.map((c, i) => ({ index: i, column: columnLetter(i), header: c.header, role: c.role, label: c.header, byValue: false, samples: [] })),
    parts: [...new Set(inputs.flatMap((i) => i.parts.map((p) => p.kind)))],
    township: { name: villages.length ? villages[0].township : null, from: 'column' },
    villages: villages.map((v) => ({ township: v.township, village: v.village, firstRow: v.first, lastRow: v.last, rows: v.rows.length })),
    skipped,
    skippedCount: skipped.length,
    dataRows,
  };
  const message = inputs.length ? `填报模板：读取了 ${inputs.length} 个村的数据` : '填报模板中没有填写名单';
  if (!inputs.length) findings.push({ severity: 'info', code: 'no-roster', file, sheet: TEMPLATE_SHEET, row: null, message });
  return { report: { file, format, ok: true, problem: null, message, notes: [], sheets: [report] }, inputs, findings, villageList: [] };
}
