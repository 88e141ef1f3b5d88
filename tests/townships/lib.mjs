// Model + helpers for the generalisation test workbooks. Deterministic (seeded PRNG).
import * as XLSX from 'xlsx';
import * as cpexcel from 'xlsx/dist/cpexcel.full.mjs';
import fs from 'node:fs';
XLSX.set_fs(fs);
XLSX.set_cptable(cpexcel);
export { XLSX, cpexcel };

// ---------- PRNG ----------
let seed = 20260611;
export function rnd() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
export const pick = (a) => a[Math.floor(rnd() * a.length)];
export function resetSeed(s) { seed = s; }

// ---------- names ----------
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const F_GIVEN = '芳娟敏静丽艳娜秀英华玲红梅兰琴云霞燕萍洁雪莉倩婷慧颖琳凤翠珍菊月桂'.split('');
const M_GIVEN = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳建国峰成'.split('');
const usedNames = new Set();
export function personName(sex) {
  for (let i = 0; i < 10000; i++) {
    const g = sex === 'F' ? F_GIVEN : M_GIVEN;
    const n = pick(SURNAMES) + pick(g) + (rnd() < 0.6 ? pick(g) : '');
    if (!usedNames.has(n)) { usedNames.add(n); return n; }
  }
  throw new Error('names exhausted');
}

// ---------- ID numbers ----------
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function checkChar(s17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s17[i]) * W[i];
  return '10X98765432'[sum % 11];
}
const usedIds = new Set();
export function makeId(sex, { wantX = false } = {}) {
  for (let i = 0; i < 100000; i++) {
    const area = pick(['330102', '330521', '331023', '350181', '430124', '360732', '511025']);
    const y = 1960 + Math.floor(rnd() * 40);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    let seq = Math.floor(rnd() * 1000);
    if ((seq % 2 === 1) !== (sex === 'M')) seq = (seq + 1) % 1000;
    const s17 = `${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
    const id = s17 + checkChar(s17);
    if (wantX !== id.endsWith('X')) continue;
    if (usedIds.has(id)) continue;
    usedIds.add(id);
    return id;
  }
  throw new Error('no id');
}
export const idSex = (id) => (Number(id[16]) % 2 === 1 ? 'M' : 'F');

// ---------- persons & villages ----------
// person: {name, sex, id, post, seat, chair, rep, decl, idOut, extra:{}}
//  sex: true sex (the ID's).  decl: what the 性别 cell says (default from sex; '' for blank).
//  idOut: 'text' | 'num' (typed as a number, truncated to 15 digits) | 'none' | 'lower' | 'fw' | 'spaced' | 'bad' | 'sci'
export function P(post, sex, o = {}) {
  const wantX = o.idOut === 'lower' || o.wantX;
  const id = makeId(sex, { wantX });
  return {
    name: o.name ?? personName(sex),
    sex,
    id,
    post,
    seat: o.seat ?? (post !== ''),
    chair: !!o.chair,
    rep: !!o.rep,
    decl: o.decl ?? (sex === 'F' ? '女' : '男'),
    idOut: o.idOut ?? 'text',
    extra: o.extra ?? {},
  };
}
/** Representatives who hold no post: n in all, w women, u of unknown gender (blank 性别, no usable ID). */
export function reps(n, w, u = 0, o = {}) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const unknown = i >= n - u;
    const sex = unknown ? (i % 2 ? 'F' : 'M') : i < w ? 'F' : 'M';
    const p = P('', sex, { seat: false, rep: true, ...(unknown ? { decl: '', idOut: 'none' } : {}), ...o });
    out.push(p);
  }
  // shuffle a little so women are not all first
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The gender the checker should settle on: a valid ID wins, else the declared word, else unknown. */
export function knownSex(p) {
  if (['text', 'lower', 'fw', 'spaced'].includes(p.idOut)) return p.sex;
  const d = String(p.decl ?? '').normalize('NFKC').replace(/\s/g, '').toLowerCase();
  if (['女', '女性', 'f', 'female'].includes(d)) return 'F';
  if (['男', '男性', 'm', 'male'].includes(d)) return 'M';
  return null;
}

export function idCell(p) {
  switch (p.idOut) {
    case 'text': return p.id;
    case 'lower': return p.id.replace('X', 'x');
    case 'fw': return p.id.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 'spaced': return `${p.id.slice(0, 6)} ${p.id.slice(6, 14)} ${p.id.slice(14)}`;
    case 'num': return Number(p.id.slice(0, 15) + '000');
    case 'sci': return `${p.id[0]}.${p.id.slice(1, 6)}E+17`;
    case 'bad': { // wrong check character
      const c = p.id[17];
      const alt = '0123456789'.replace(c, '')[3];
      return p.id.slice(0, 17) + alt;
    }
    case 'none': return '';
  }
  throw new Error(p.idOut);
}
export const sexCell = (p) => p.decl;

/** Village model → expected verdict, straight from DOMAIN.md. parts: which parts the inputs hold. */
export function expectRoster(township, village, persons, parts = { committees: true, reps: true }) {
  const seated = parts.committees ? persons.filter((p) => p.seat) : [];
  const chairs = parts.committees ? persons.filter((p) => p.chair) : [];
  const rp = parts.reps ? persons.filter((p) => p.rep) : [];
  const members = seated.length;
  const cw = seated.filter((p) => knownSex(p) === 'F').length;
  const cu = seated.filter((p) => knownSex(p) === null).length;
  let woman;
  if (cw > 0) woman = 'pass';
  else if (members > 0 && cu === 0) woman = 'fail';
  else woman = 'unknown';
  let chair;
  if (chairs.length === 0) chair = 'unknown';
  else chair = chairs.some((p) => p.seat) ? 'pass' : 'fail';
  const T = rp.length;
  const Wn = rp.filter((p) => knownSex(p) === 'F').length;
  const U = rp.filter((p) => knownSex(p) === null).length;
  // A part the inputs do not hold at all is "not reported": its counts are null (the CLI's convention; a
  // representatives column that is all 否 is a part with 0 representatives, as in the public fixtures).
  return verdict(township, village, woman, chair, repRule(Wn, U, T), {
    committeeMembers: parts.committees ? members : null,
    committeeWomen: parts.committees ? cw : null,
    representatives: parts.reps ? T : null,
    womenRepresentatives: parts.reps ? Wn : null,
  });
}
function repRule(Wn, U, T) {
  if (!T) return 'unknown';
  if (3 * Wn >= T) return 'pass';
  if (3 * (Wn + U) < T) return 'fail';
  return 'unknown';
}
export function verdict(township, village, woman, chair, third, counts) {
  const rules = { womanInCommittees: woman, chairInCommittees: chair, womenRepresentativesThird: third };
  const vals = Object.values(rules);
  const status = vals.includes('fail') ? 'noncompliant' : vals.every((v) => v === 'pass') ? 'compliant' : 'incomplete';
  return { township, village, status, rules, counts };
}
/** Count-table village: members/women/chair(true|false|null)/T/W. */
export function expectCounts(township, village, { members, women, chair, T, W: Wn }) {
  const woman = women > 0 ? 'pass' : women === 0 && members > 0 ? 'fail' : 'unknown'; // null (column absent) → unknown
  const ch = chair === true ? 'pass' : chair === false ? 'fail' : 'unknown';
  return verdict(township, village, woman, ch, repRule(Wn, 0, T), { committeeMembers: members, committeeWomen: women, representatives: T, womenRepresentatives: Wn });
}

// ---------- sheet writing ----------
/** aoa + merges (as [r1,c1,r2,c2]) → worksheet; cells typed: numbers stay numbers. */
export function sheet(aoa, merges = [], opts = {}) {
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  if (merges.length) ws['!merges'] = merges.map(([r1, c1, r2, c2]) => ({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } }));
  if (opts.cols) ws['!cols'] = opts.cols.map((w) => ({ wch: w }));
  if (opts.formats) {
    for (const [addr, z] of opts.formats) if (ws[addr]) ws[addr].z = z;
  }
  return ws;
}
export function book(sheets, hidden = []) {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  if (hidden.length) {
    wb.Workbook = wb.Workbook || {};
    wb.Workbook.Sheets = wb.SheetNames.map((n) => ({ name: n, Hidden: hidden.includes(n) ? 1 : 0 }));
  }
  return wb;
}
export function csvText(aoa, eol = '\r\n') {
  const q = (v) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return aoa.map((r) => r.map(q).join(',')).join(eol) + eol;
}
export function gbk(text) {
  const out = cpexcel.utils.encode(936, text);
  return Buffer.from(out);
}

const OUTCOME = { p: 'pass', f: 'fail', u: 'unknown' };
/** A village's truth written by hand: parts as 3 letters ('ppu': woman, chair, third), counts [members, women, reps, women reps]. */
export function handVerdict(township, village, parts, c) {
  const [w, ch, th] = parts.split('').map((x) => OUTCOME[x]);
  return verdict(township, village, w, ch, th, { committeeMembers: c[0], committeeWomen: c[1], representatives: c[2], womenRepresentatives: c[3] });
}

/** A hand verdict cross-checked with the person model above (single roster only): they must agree. */
export function agreeWithModel(hand, persons, parts) {
  const m = expectRoster(hand.township, hand.village, persons, parts);
  const a = JSON.stringify([hand.status, hand.rules, hand.counts]);
  const b = JSON.stringify([m.status, m.rules, m.counts]);
  if (a !== b) throw new Error(`hand truth for ${hand.village} disagrees with model:\n hand  ${a}\n model ${b}`);
  return hand;
}
