// A synthetic township roster for benchmarks: one row a person, ~60 persons a village, written as
// .xlsx. Deterministic for a given (persons, seed). Reusable by other benchmarks (e.g. a store
// import): `generateRoster(200_000, file)` or `rosterRows(200_000)` for the rows without a file.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';

export const ROSTER_HEADER = ['乡镇', '村', '姓名', '性别', '职务', '身份证号', '是否村民代表'] as const;

export interface RosterStats {
  file: string;
  persons: number;
  villages: number;
  townships: number;
  bytes: number;
  /** Rows of the sheet, the header included. */
  rows: number;
}

export interface RosterOptions {
  seed?: number;
  /** Mean persons per village (default 60); village sizes vary ±10 around it, the total stays exact. */
  perVillage?: number;
  /** Merge the 村 cells down over each village's rows, as many townships do (default false). */
  mergeVillages?: boolean;
  /** A title row above the header (default none: the header is row 1). */
  title?: string;
}

/** mulberry32: a small seeded PRNG, deterministic across platforms. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 (ISO 7064 MOD 11-2) check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const MALE_GIVEN = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欣庆建国志海峰文東忠良德永胜春生荣福';
const FEMALE_GIVEN = '芳娟敏静丽艳娜霞秀英华玲萍红梅燕琴兰凤洁琳素云莲真环雪荣爱妹慧巧美娅婷倩瑶怡佳珍淑惠月';
const PLACE_CHARS = '青山白沙东湖云溪枫林柳岸石门西岭南塘北港桃源杏花荷塘竹园松岗梅坞丰乐太平长兴永安新华红星光明和平前进团结胜利建设民主先锋金星银河';
const TOWNSHIP_SUFFIX = ['镇', '乡', '街道'];
// County-level region codes (the first six digits of an ID number).
const REGIONS = ['330782', '330783', '330784', '330726', '330727', '360121', '360122', '430121', '430124', '512021'];

type Row = [string, string, string, string, string, string, string];

interface Person {
  name: string;
  female: boolean;
  post: string;
  rep: boolean;
}

/**
 * The rows of a roster of `persons` persons (the header first). Committee members with seats
 * ("书记、主任", "村委委员、妇联主席", "支委委员", "委员" …), a few posts that are no seat, and the rest
 * representatives; IDs valid 18-digit text; a few genders left blank. Village outcomes are a mix:
 * most compliant, some short of women representatives, some with the chair unseated or missing,
 * a few with no woman on the committees.
 */
export function rosterRows(persons: number, options: RosterOptions = {}): { rows: Row[]; villages: number; townships: number } {
  const rnd = prng(options.seed ?? 20260101);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: ArrayLike<T>): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;

  const perVillage = options.perVillage ?? 60;
  const villageCount = Math.max(1, Math.round(persons / perVillage));
  // Village sizes: the mean, perturbed in pairs so that the total stays exact.
  const sizes = new Array<number>(villageCount).fill(Math.floor(persons / villageCount));
  const remainder = persons - sizes[0] * villageCount;
  for (let i = 0; i < remainder; i++) sizes[i]++;
  for (let i = 0; i + 1 < villageCount; i += 2) {
    const d = int(0, 10);
    if (sizes[i + 1] - d >= 12) {
      sizes[i] += d;
      sizes[i + 1] -= d;
    }
  }

  // A few townships, villages spread over them; names unique within a township.
  const townshipCount = Math.min(villageCount, Math.max(3, Math.min(12, Math.round(villageCount / 300))));
  const townships: string[] = [];
  const usedTownships = new Set<string>();
  while (townships.length < townshipCount) {
    const t = pick(PLACE_CHARS) + pick(PLACE_CHARS) + pick(TOWNSHIP_SUFFIX);
    if (!usedTownships.has(t)) {
      usedTownships.add(t);
      townships.push(t);
    }
  }
  const villageNames = new Map<string, Set<string>>(townships.map((t) => [t, new Set()]));
  const villageName = (township: string): string => {
    const used = villageNames.get(township)!;
    for (;;) {
      const core = pick(PLACE_CHARS) + pick(PLACE_CHARS) + (used.size > 1500 ? pick(PLACE_CHARS) : '');
      const v = core + (chance(0.1) ? '社区' : '村');
      if (!used.has(v)) {
        used.add(v);
        return v;
      }
    }
  };

  const usedIds = new Set<string>();
  const idNumber = (female: boolean): string => {
    for (;;) {
      const year = int(1958, 2003);
      const month = int(1, 12);
      const day = int(1, 28);
      const seq = int(0, 99) * 10 + (female ? 2 * int(0, 4) : 2 * int(0, 4) + 1);
      const first17 =
        pick(REGIONS) + String(year) + String(month).padStart(2, '0') + String(day).padStart(2, '0') + String(seq).padStart(3, '0');
      const id = first17 + idCheckChar(first17);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const personName = (female: boolean): string => {
    const given = female ? FEMALE_GIVEN : MALE_GIVEN;
    return pick(SURNAMES) + pick(given) + (chance(0.7) ? pick(given) : '');
  };

  const rows: Row[] = [];
  if (options.title) rows.push([options.title, '', '', '', '', '', '']);
  rows.push([...ROSTER_HEADER] as Row);

  for (let v = 0; v < villageCount; v++) {
    const township = townships[Math.floor((v * townshipCount) / villageCount)];
    const village = villageName(township);
    const size = sizes[v];
    const members: Person[] = [];
    const kind = rnd();
    // The committees: 5–9 persons, the chair among them in most villages.
    const noWoman = kind < 0.03; // no woman on the committees, no chair listed
    const chairUnseated = kind >= 0.03 && kind < 0.08; // the chair listed without a seat
    const chairMissing = kind >= 0.08 && kind < 0.12; // no chair listed
    if (chance(0.8)) members.push({ name: '', female: chance(0.1) && !noWoman, post: pick(['书记、主任', '党支部书记、村委会主任', '书记兼主任']), rep: false });
    else {
      members.push({ name: '', female: chance(0.1) && !noWoman, post: pick(['书记', '党支部书记', '村党总支书记']), rep: false });
      members.push({ name: '', female: chance(0.15) && !noWoman, post: pick(['主任', '村委会主任']), rep: false });
    }
    if (chance(0.4)) members.push({ name: '', female: chance(0.2) && !noWoman, post: pick(['副书记', '党支部副书记']), rep: false });
    if (chance(0.3)) members.push({ name: '', female: chance(0.2) && !noWoman, post: pick(['副主任', '村委会副主任']), rep: false });
    for (let k = int(1, 2); k > 0; k--) members.push({ name: '', female: chance(0.2) && !noWoman, post: pick(['支委委员', '组织委员', '宣传委员', '纪检委员']), rep: false });
    for (let k = int(1, 2); k > 0; k--) members.push({ name: '', female: chance(0.25) && !noWoman, post: pick(['村委委员', '委员', '村委会委员']), rep: chance(0.3) });
    if (!noWoman && !chairMissing) {
      const post = chairUnseated ? pick(['妇联主席', '村妇联主席']) : pick(['村委委员、妇联主席', '支委委员、妇联主席', '委员(妇联主席)', '支委委员/妇联主席', '村委委员，妇联主席']);
      members.push({ name: '', female: true, post, rep: chance(0.5) });
    }
    if (chance(0.5)) members.push({ name: '', female: chance(0.2), post: pick(['监委会主任', '村务监督委员会主任']), rep: false });
    // The representatives: the rest of the village; women about a third, some villages short.
    const womenShare = chance(0.12) ? 0.22 + rnd() * 0.08 : 0.38 + rnd() * 0.12;
    const repCount = Math.max(0, size - members.length);
    const reps: Person[] = [];
    for (let k = 0; k < repCount; k++) {
      reps.push({ name: '', female: rnd() < womenShare, post: chance(0.12) ? pick(['村民小组长', '村民代表', '组长']) : '', rep: true });
    }
    for (const p of [...members, ...reps].slice(0, size)) {
      p.name = personName(p.female);
      const gender = chance(0.02) ? '' : p.female ? pick(['女', '女', '女', '女性']) : pick(['男', '男', '男', '男性']);
      rows.push([township, village, p.name, gender, p.post, idNumber(p.female), p.rep ? '是' : '否']);
    }
  }
  return { rows, villages: villageCount, townships: townshipCount };
}

/** Writes a roster of `persons` persons to `file` (.xlsx, shared strings, compressed, every cell text). */
export function generateRoster(persons: number, file: string, seed = 20260101, options: Omit<RosterOptions, 'seed'> = {}): RosterStats {
  const { rows, villages, townships } = rosterRows(persons, { ...options, seed });
  // Blank cells are left out, as Excel does, rather than written as empty strings.
  const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((x) => (x === '' ? null : x))));
  if (options.mergeVillages) {
    const first = options.title ? 2 : 1; // 0-based row of the first person
    const merges: XLSX.Range[] = [];
    let start = first;
    for (let r = first + 1; r <= rows.length; r++) {
      if (r === rows.length || rows[r][1] !== rows[start][1] || rows[r][0] !== rows[start][0]) {
        if (r - 1 > start) {
          merges.push({ s: { r: start, c: 1 }, e: { r: r - 1, c: 1 } });
          for (let k = start + 1; k < r; k++) delete (ws as Record<string, unknown>)[XLSX.utils.encode_cell({ r: k, c: 1 })];
        }
        start = r;
      }
    }
    ws['!merges'] = merges;
  }
  if (options.title) ws['!merges'] = [...(ws['!merges'] ?? []), { s: { r: 0, c: 0 }, e: { r: 0, c: ROSTER_HEADER.length - 1 } }];
  ws['!cols'] = [{ wch: 10 }, { wch: 10 }, { wch: 8 }, { wch: 5 }, { wch: 20 }, { wch: 20 }, { wch: 12 }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '换届名单');
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }) as Buffer;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return { file, persons, villages, townships, bytes: bytes.length, rows: rows.length };
}

/** A fresh temporary directory for benchmark files (under os.tmpdir(), never in the repository). */
export function benchTempDir(prefix = 'quota-watch-bench-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
