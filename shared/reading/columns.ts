// What each column means: by its header (synonyms as data) and, where the header is silent or odd,
// by the values under it.

import { normalizeHeader, parseGender, parseYesNo, parseCount } from '../text.ts';
import { HEADER_RULES, ID_LIKE, ROLE_LABELS, WOMEN_AMONG, WOMEN_OF, type ColumnRole } from '../vocabulary/headers.ts';

export { ROLE_LABELS, type ColumnRole };
import type { Grid } from './grid.ts';
import { bodyOfPostHeader, postInBody } from './bodies.ts';
import { parsePost, type PostParse } from '../seats.ts';
import { parseCellPeople, parseCountSentence } from './people-in-cells.ts';

export function roleOfHeader(header: string): ColumnRole | null {
  const role = roleOfText(normalizeHeader(header));
  if (role || !header) return role;
  // Headers as offices make them: English or pinyin beside the Chinese ("Community", "ID No."), hints in
  // brackets ("职务（按换届后填写）"). Tried only when the header as written names no role.
  const bare = header.replace(/[（(【[][^）)】\]]*[)）】\]]/gu, '');
  for (const h of [header, bare]) {
    const t = normalizeHeader(h);
    const chinese = t.replace(/[A-Za-z]+/gu, '');
    for (const x of [t, chinese]) if (x && (x !== normalizeHeader(header))) {
      const r = roleOfText(x);
      if (r) return r;
    }
  }
  return null;
}

function roleOfText(h: string): ColumnRole | null {
  if (!h) return null;
  for (const rule of HEADER_RULES) if (rule.test(h)) return rule.role;
  // A seat's name alone ("村党组织书记", "村委会委员"): a seat matrix's column, marked ✓ or with the post again.
  return seatOfHeader(h) ? 'seatMark' : null;
}

/** The seat a seat matrix's column header names, or null. */
export function seatOfHeader(header: string): PostParse | null {
  const p = parsePost(header);
  return p.seats.length > 0 && p.unrecognised.length === 0 && p.otherPosts.length === 0 && !p.isRepresentative ? p : null;
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
export const MULTI_COLUMN_ROLES: ReadonlySet<ColumnRole> = new Set(['post', 'remark', 'seatMark']);

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
    // People written inside cells ("张三（男，书记）、李四（女，委员）"), a count as a sentence ("共45名（女15名）"),
    // the chair by name: whatever the header made of the column (a count, a flag), its values say what it holds.
    if (!PLAIN_ROLES.has(role as ColumnRole) && share((v) => (parseCellPeople(v) ?? []).some((p) => p.gender !== 'unknown' || p.post !== '')) >= 0.6) {
      m.roles.set(c, 'memberCells');
      // A header that says it holds members (班子成员, 两委人员) is no guess; one that says nothing is.
      if (!/成员|班子|人员|名单|姓名/u.test(m.headers.get(c) ?? '')) m.byValue.add(c);
      continue;
    }
    if ((role === 'repTotal' || role === 'representative' || role === undefined) && /代表/u.test(m.headers.get(c) ?? '') && share((v) => parseCount(v) === null && parseCountSentence(v)?.total != null) >= 0.6) {
      // The header names the representatives and the values count them: no guess.
      m.roles.set(c, 'repSentence');
      continue;
    }
    if (role === 'chairFlag' && share((v) => parseYesNo(v) === null && (parseCellPeople(v)?.length ?? 0) === 1) >= 0.6) {
      m.roles.set(c, 'chairName');
      continue;
    }
    if (role === 'representative' && share((v) => parseCount(v) !== null && parseYesNo(v) === null) > 0.6) {
      m.roles.set(c, has('repTotal') ? 'remark' : 'repTotal');
      continue;
    }
    if (role !== undefined) continue;
    // Beside election results, the votes (得票数, 得票率) are understood: they decide nothing here.
    if (has('elected') && /得票|票数|选票/u.test(m.headers.get(c) ?? '')) {
      m.roles.set(c, 'remark');
      continue;
    }
    // A column headed by a body's name alone ("党组织", "村委会", "村妇联") holding posts: that body's posts.
    const body = bodyOfPostHeader(m.headers.get(c) ?? '');
    // The header names the body and the values confirm the posts: no guess.
    if (body && values.length >= 2 && share((v) => isPost(postInBody(v, body))) >= 0.6) {
      m.roles.set(c, 'post');
      continue;
    }
    // 当选 / 未当选 / 落选 down a column: election results, whatever the header says.
    if (!has('elected') && values.length >= 2 && share((v) => /^(当选|未当选|落选|已当选|没当选)$/u.test(v.replace(/\s/g, ''))) >= 0.8) {
      m.roles.set(c, 'elected');
      m.byValue.add(c);
      continue;
    }
    if (!has('idNumber') && share((v) => ID_LIKE.test(v.replace(/\s/g, ''))) >= 0.6) {
      m.roles.set(c, 'idNumber');
      m.byValue.add(c);
    } else if (!has('gender') && values.length >= 3 && share((v) => parseGender(v) !== 'unknown') >= 0.8) {
      m.roles.set(c, 'gender');
      m.byValue.add(c);
    }
  }
}

/** Roles whose values are never people written in a cell, whatever they look like. */
const PLAIN_ROLES: ReadonlySet<ColumnRole> = new Set(['post', 'gender', 'idNumber', 'village', 'township', 'seq', 'group', 'representative', 'elected', 'education', 'birthDate', 'age']);

function isPost(p: ReturnType<typeof postInBody>): boolean {
  return p.unrecognised.length === 0 && (p.seats.length > 0 || p.isChair || p.otherPosts.length > 0);
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

// How much each role says that a header row is a table's header (a 序号 little, a 姓名 much).
const ROLE_WEIGHT: Partial<Record<ColumnRole, number>> = {
  name: 5,
  gender: 2,
  idNumber: 2,
  post: 3,
  representative: 2,
  elected: 2,
  memberCells: 5,
  repSentence: 3,
  chairName: 2,
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

/** The weight of a mapping's roles, those a family does not count left out. */
export function roleWeight(m: ColumnMapping, counted: (role: ColumnRole) => boolean = () => true): number {
  let s = 0;
  // A seat matrix has several seat columns: one alone is more likely a data row's post read as a header.
  const matrix = [...m.roles.values()].filter((r) => r === 'seatMark').length >= 2;
  for (const [c, role] of m.roles) {
    if (!counted(role)) continue;
    // A seat column weighs more when its header names the committee (村党组织委员) than when it does not (委员).
    if (role === 'seatMark') s += !matrix ? 0 : seatOfHeader(normalizeHeader(m.headers.get(c) ?? ''))?.seats.some((x) => x.committee === 'either') ? 0.5 : 1;
    else s += ROLE_WEIGHT[role] ?? 0;
  }
  return s;
}

/** Roles that count a village's members or representatives (one row a village). */
export const COUNT_ROLES: readonly ColumnRole[] = ['committeeMembers', 'committeeWomen', 'chairSeated', 'repTotal', 'repWomen', 'partyMembers', 'partyWomen', 'villagersMembers', 'villagersWomen'];
/** Roles that describe a person (one row a person). */
export const PERSON_ROLES: ReadonlySet<ColumnRole> = new Set(['name', 'gender', 'idNumber', 'post', 'representative', 'chairFlag', 'group', 'seatMark']);

/** What a mapping has: its count columns, whether it names persons, villages, names. */
export function mappingTraits(m: ColumnMapping): { counts: number; personal: boolean; name: boolean; village: boolean } {
  const has = (role: ColumnRole) => columnOf(m, role) !== undefined;
  return {
    counts: COUNT_ROLES.filter(has).length,
    personal: has('gender') || has('idNumber') || has('post') || has('representative'),
    name: has('name'),
    village: has('village'),
  };
}
