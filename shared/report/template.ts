// The county's own template for townships: what it holds (columns, drop-down lists, its hidden marker and
// version). A filled one is read back by the template family (shared/reading/families/template.ts). Pure.

import type { Seat } from '../model.ts';
import { normalizeText } from '../text.ts';
import type { Grid } from '../reading/grid.ts';
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
/** Where each column of the template is (the template family reads by these). */
export const TEMPLATE_AT = {
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
