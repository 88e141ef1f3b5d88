// What each column means: by its header (synonyms as data) and, where the header is silent or odd,
// by the values under it.

import { normalizeHeader, parseGender, parseYesNo, parseCount } from '../text.ts';
import type { Grid } from './grid.ts';

export type ColumnRole =
  | 'seq'
  | 'township'
  | 'village'
  | 'name'
  | 'gender'
  | 'idNumber'
  | 'post'
  | 'chairFlag'
  | 'representative'
  | 'group'
  | 'remark'
  | 'committeeMembers'
  | 'committeeWomen'
  | 'partyMembers'
  | 'partyWomen'
  | 'villagersMembers'
  | 'villagersWomen'
  | 'crossHolders'
  | 'chairSeated'
  | 'repTotal'
  | 'repWomen'
  | 'ratio'
  | 'ownVerdict';

export const ROLE_LABELS: Record<ColumnRole, string> = {
  seq: '序号',
  township: '乡镇',
  village: '村（社区）',
  name: '姓名',
  gender: '性别',
  idNumber: '身份证号',
  post: '职务',
  chairFlag: '是否妇联主席',
  representative: '是否村民代表',
  group: '村民小组',
  remark: '备注',
  committeeMembers: '两委成员数',
  committeeWomen: '两委女性成员数',
  partyMembers: '党组织委员数',
  partyWomen: '党组织女性委员数',
  villagersMembers: '村（居）委会委员数',
  villagersWomen: '村（居）委会女性委员数',
  crossHolders: '交叉任职人数',
  chairSeated: '妇联主席是否进两委',
  repTotal: '村民代表数',
  repWomen: '女性村民代表数',
  ratio: '占比',
  ownVerdict: '乡镇自报是否达标',
};

/**
 * Header rules, tried in order on the normalised header text; the first that matches names the role.
 * Order matters: "是否村民代表" must be seen before "村民代表数", "妇联主席是否进两委" before "是否达标".
 */
const HEADER_RULES: ReadonlyArray<{ role: ColumnRole; test: (h: string) => boolean }> = [
  { role: 'seq', test: (h) => /^(序号|编号|序|no|NO|No|排序)$/.test(h) },
  { role: 'idNumber', test: (h) => /身份证|公民身份|证件号/.test(h) },
  // A name of an officer in a count table ("妇联主席姓名", "书记姓名") is no column of persons.
  // So is a list of names in one cell of a count table ("女性成员姓名", "女委员姓名").
  { role: 'remark', test: (h) => /(妇联主席|妇代会主任|妇女主任|书记|主任|联系人|填表人)(的)?姓名|女性?(成员|委员|干部|代表)?(的)?姓名/.test(h) },
  { role: 'chairSeated', test: (h) => /(妇联主席|妇代会主任|妇女主任|妇联主任)/.test(h) && /(进|两委|班子|交叉|兼任|任职)/.test(h) },
  { role: 'chairFlag', test: (h) => /^(是否为?|是否担任)?(村|社区)?(妇联主席|妇代会主任|妇女主任|妇联主任)$/.test(h) },
  { role: 'ownVerdict', test: (h) => /达标|符合要求|是否符合|完成情况|是否完成|是否达到|两进一有/.test(h) },
  { role: 'ratio', test: (h) => /占比|比例|比重|百分比|%/.test(h) },
  { role: 'representative', test: (h) => /代表/.test(h) && /是否|身份|为/.test(h) && !/数|女/.test(h) },
  { role: 'repWomen', test: (h) => /代表/.test(h) && /女/.test(h) },
  { role: 'repTotal', test: (h) => /代表/.test(h) && /(总|数|人数|合计|人)/.test(h) && !/姓名/.test(h) },
  // A count table that counts each committee on its own (and the members on both, 交叉任职).
  { role: 'crossHolders', test: (h) => /交叉任职|交叉/.test(h) && /(数|人数|人)$/.test(h) && !/妇联|妇代会|妇女/.test(h) },
  { role: 'partyWomen', test: (h) => PARTY_BODY.test(h) && !/两委/.test(h) && /女/.test(h) && !/姓名|后备/.test(h) },
  { role: 'partyMembers', test: (h) => PARTY_BODY.test(h) && !/两委/.test(h) && /(总数|人数|数|人)$/.test(h) && !/姓名|后备|书记/.test(h) },
  { role: 'villagersWomen', test: (h) => VILLAGERS_BODY.test(h) && !/两委/.test(h) && /女/.test(h) && !/姓名|后备/.test(h) },
  { role: 'villagersMembers', test: (h) => VILLAGERS_BODY.test(h) && !/两委/.test(h) && /(总数|人数|数|人)$/.test(h) && !/姓名|后备|主任/.test(h) },
  { role: 'committeeWomen', test: (h) => /(两委|班子|成员|委员|干部)/.test(h) && /女/.test(h) && !/姓名|后备/.test(h) },
  { role: 'committeeMembers', test: (h) => /(两委|班子|成员|干部)/.test(h) && /(总数|人数|数|合计|成员)人?$/.test(h) && !/姓名|后备|监督|监委|^是否/.test(h) },
  { role: 'name', test: (h) => /姓名|^名字$|^人员$|^成员$|^当选人员?$/.test(h) },
  { role: 'gender', test: (h) => /性[别別]/.test(h) },
  // A former post ("原职务", "上届职务") says nothing of the new committees: read as a remark.
  { role: 'remark', test: (h) => /^(原|前任|曾任|历任|上届|换届前|届前)/.test(h) && /职务|职位|任职|岗位|担任/.test(h) },
  // "是否新当选", "是否连任": a yes/no about the post, not the post.
  { role: 'post', test: (h) => /职务|职位|任职|岗位|担任|当选|现任|拟任|^(人员)?(类别|类型|身份)$/.test(h) && !/时间|日期|年月|年限|届|^是否/.test(h) },
  { role: 'group', test: (h) => /村民小组|所在组|^组别$|^小组$|^组$/.test(h) },
  // Headers made only of township words: 乡镇, 镇街道, 乡镇（街道）, 所属乡镇名称 …
  { role: 'township', test: (h) => /^[所属在乡镇街道办事处名称]+$/.test(h) && /乡|镇|街道/.test(h) },
  {
    role: 'village',
    test: (h) =>
      /^(所属|所在)?(行政|建制)?(村|社区|村社区|社区村|村居|村社|村名|村别|村委会|村居委会|居委会|社区居委会|村民委员会|村社区委员会|村级组织|嘎查|嘎查村|单位)(名称|名)?$/.test(h) ||
      /^村(社区|居)?名称?$/.test(h),
  },
  { role: 'remark', test: (h) => /备注|说明|其他/.test(h) },
  // A lone "村民代表" header (or "村民代表（打√）"): its values decide (yes/no → representative, numbers → repTotal).
  { role: 'representative', test: (h) => /^(村民代表|居民代表|代表)(请?(打|画|划)(勾|钩|对号)?)?$/.test(h) },
];

const PARTY_BODY = /党组织|党支部|党总支|党委|支部|支委/;
const VILLAGERS_BODY = /村委会|村民委员会|居委会|居民委员会|村委|居委/;

export function roleOfHeader(header: string): ColumnRole | null {
  const h = normalizeHeader(header);
  if (!h) return null;
  for (const rule of HEADER_RULES) if (rule.test(h)) return rule.role;
  return null;
}

export interface ColumnMapping {
  /** 0-based column → role. */
  roles: Map<number, ColumnRole>;
  /** 0-based column → header text as it reads (both header rows joined). */
  headers: Map<number, string>;
  /** Columns whose role came from their values, not their header. */
  byValue: Set<number>;
}

export function columnOf(m: ColumnMapping, role: ColumnRole): number | undefined {
  for (const [c, r] of m.roles) if (r === role) return c;
  return undefined;
}

export function columnsOf(m: ColumnMapping, role: ColumnRole): number[] {
  const out: number[] = [];
  for (const [c, r] of m.roles) if (r === role) out.push(c);
  return out.sort((a, b) => a - b);
}

/** Header text of column c over the header rows: a group cell merged across columns above a sub-header is joined to it. */
export function headerText(grid: Grid, headerRows: number[], c: number): string {
  const parts: string[] = [];
  for (const r of headerRows) {
    const t = grid.text(r, c);
    if (t && !parts.includes(t)) parts.push(t);
  }
  return parts.join('');
}

/** Roles that may span several columns (e.g. 党内职务 and 村委会职务), read together. */
export const MULTI_COLUMN_ROLES: ReadonlySet<ColumnRole> = new Set(['post', 'remark']);

/** Maps columns by header; one column per role (the first wins) except the multi-column roles. */
export function mapByHeader(grid: Grid, headerRows: number[]): ColumnMapping {
  const roles = new Map<number, ColumnRole>();
  const headers = new Map<number, string>();
  const taken = new Set<ColumnRole>();
  for (let c = 0; c < grid.colCount; c++) {
    const h = headerText(grid, headerRows, c);
    if (!h) continue;
    headers.set(c, h);
    const role = roleOfHeader(h);
    if (role && (!taken.has(role) || MULTI_COLUMN_ROLES.has(role))) {
      roles.set(c, role);
      taken.add(role);
    }
  }
  // "其中女性" with no group cell above: it belongs to the count just left of it.
  for (let c = 1; c < grid.colCount; c++) {
    const h = normalizeHeader(headers.get(c) ?? '');
    if (roles.has(c) || !WOMEN_AMONG.test(h)) continue;
    const women = WOMEN_OF[roles.get(c - 1) ?? 'remark'];
    if (women && !taken.has(women)) roles.set(c, women);
    else continue;
    taken.add(roles.get(c)!);
  }
  return { roles, headers, byValue: new Set() };
}

const WOMEN_OF: Partial<Record<ColumnRole, ColumnRole>> = {
  committeeMembers: 'committeeWomen',
  repTotal: 'repWomen',
  partyMembers: 'partyWomen',
  villagersMembers: 'villagersWomen',
};
const WOMEN_AMONG = /^(其中)?(女|女性)(人数|数|成员|成员数|人|干部|干部数|委员)?$/;

const ID_LIKE = /^[0-9０-９]{14,17}[0-9Xx０-９ｘＸ]$|^\d(\.\d+)?[eE]\+?1[4-7]$/;

/** Up to `max` values of column c from the first rows under the header (a sample, never the whole sheet). */
function sampleColumn(grid: Grid, c: number, fromRow: number, max = 60, scan = 1000): string[] {
  const out: string[] = [];
  const end = Math.min(grid.rowCount, fromRow + scan);
  for (let r = fromRow; r < end && out.length < max; r++) {
    if (c >= grid.width(r)) continue;
    const t = grid.text(r, c);
    if (t) out.push(t);
  }
  return out;
}

/**
 * Settles what headers leave open, from the values under them: an ID column under an odd header,
 * a gender column, and whether a lone "村民代表" column holds yes/no (representative) or numbers (repTotal).
 */
export function refineByValues(grid: Grid, m: ColumnMapping, firstDataRow: number): void {
  const has = (role: ColumnRole) => columnOf(m, role) !== undefined;
  for (let c = 0; c < grid.colCount; c++) {
    const role = m.roles.get(c);
    const values = sampleColumn(grid, c, firstDataRow);
    if (values.length === 0) continue;
    const share = (pred: (v: string) => boolean) => values.filter(pred).length / values.length;
    if (role === 'representative' && share((v) => parseCount(v) !== null && parseYesNo(v) === null) > 0.6) {
      m.roles.set(c, has('repTotal') ? 'remark' : 'repTotal');
      continue;
    }
    if (role !== undefined) continue;
    if (!has('idNumber') && share((v) => ID_LIKE.test(v.replace(/\s/g, ''))) >= 0.6) {
      m.roles.set(c, 'idNumber');
      m.byValue.add(c);
    } else if (!has('gender') && values.length >= 3 && share((v) => parseGender(v) !== 'unknown') >= 0.8) {
      m.roles.set(c, 'gender');
      m.byValue.add(c);
    }
  }
}

/** Roles that make a roster (one row a person) and a count table (one row a village). */
export function describeMapping(m: ColumnMapping): string {
  return [...m.roles.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, role]) => `${columnLetter(c)}列“${m.headers.get(c) ?? ''}”→${ROLE_LABELS[role]}${m.byValue.has(c) ? '（据内容判断）' : ''}`)
    .join('；');
}

export function columnLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
