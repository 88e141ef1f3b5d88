// Second-round township workbooks (D01…): layouts the C cases (gen.mjs) do not cover.
//   node tests/townships/gen-more.mjs → tests/townships/cases/Dnn/<files…>, expected.json, CASE.txt
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  XLSX, P, reps, idCell, sexCell, expectRoster, expectCounts, sheet, book, csvText, gbk, rnd, pick, knownSex, verdict, resetSeed,
} from './lib.mjs';

const require = createRequire(import.meta.url);
const ExcelJS = require('exceljs');
const { zipSync, strToU8 } = require('fflate');

const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), 'cases');
// This generator owns the D cases; gen.mjs owns the C cases.
fs.mkdirSync(OUT, { recursive: true });
for (const d of fs.readdirSync(OUT)) if (d.startsWith('D')) fs.rmSync(path.join(OUT, d), { recursive: true, force: true });
resetSeed(20260917);

const cases = [];
const addCase = (id, desc, files, expected) => cases.push({ id, desc, files, expected });
const V = (name, committee, repList) => ({ name, persons: [...committee, ...repList] });
function rosterRows(villages, cols) {
  const rows = [];
  for (const v of villages) {
    let i = 0;
    for (const p of v.persons) rows.push(cols.map(([, f]) => f({ p, v: v.name, t: v.township, i: ++i })));
  }
  return rows;
}
const H = (cols) => cols.map(([h]) => h);
const ex = (township, villages, parts) => villages.map((v) => expectRoster(township, v.name, v.persons, parts));
function write(caseId, file, data) {
  const dir = path.join(OUT, caseId);
  fs.mkdirSync(dir, { recursive: true });
  const f = path.join(dir, file);
  if (data instanceof Buffer || data instanceof Uint8Array || typeof data === 'string') fs.writeFileSync(f, data);
  else XLSX.writeFile(data, f, { bookType: file.endsWith('.xls') ? 'biff8' : 'xlsx' });
}
const pending = [];
const yn = (b) => (b ? '是' : '否');

// =====================================================================================
// D01 性 别 as 1/2 (GB/T 2261.1 codes), 身份证号(18位), names with a middle dot and 4-character names.
//   Every ID is valid text, so gender is known from the ID whatever 1/2 means.
{
  const T = '阿克苏镇';
  const code = (p) => (p.sex === 'M' ? '1' : '2');
  const vs = [
    V('团结村', [
      P('书记、主任', 'M', { name: '热合曼·艾力', rep: true }), P('副书记', 'M', { name: '欧阳建国' }),
      P('委员、妇联主席', 'F', { name: '阿依古丽·买买提', chair: true, rep: true }), P('村委委员', 'M', { name: '司马俊峰' }),
    ], reps(28, 9)), // 30 reps, 10 women → pass
    V('友谊村', [
      P('书记', 'M', { name: '买买提·吐尔逊' }), P('主任', 'M'), P('副主任', 'F', { name: '上官晓燕', rep: true }),
      P('妇联主席', 'F', { name: '古丽娜尔·阿不都', seat: false, chair: true, rep: true }),
    ], reps(31, 9)), // 33 reps, 11 women → pass; chair without seat → fail
  ];
  vs.forEach((v) => (v.township = T));
  for (const v of vs) for (const p of v.persons) p.decl = code(p);
  const cols = [['乡镇', (c) => c.t], ['村名', (c) => c.v], ['姓　名', (c) => c.p.name], ['性 别', (c) => c.p.decl], ['职务', (c) => c.p.post],
    ['身份证号(18位)', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)]];
  write('D01', '阿克苏镇名单.xlsx', book([['Sheet1', sheet([H(cols), ...rosterRows(vs, cols)])]]));
  addCase('D01', 'roster: 性 别 as 1/2 codes (valid IDs), 身份证号(18位), names with a middle dot (热合曼·艾力) and 4 characters (欧阳建国)', ['阿克苏镇名单.xlsx'], ex(T, vs));
}

// D02 性 别 as 男性/女性, ID column 证件号码, some IDs blank (gender from the word then).
{
  const T = '石桥镇';
  const vs = [
    V('石桥村', [P('书记', 'M'), P('主任', 'M', { idOut: 'none' }), P('委员兼妇联主席', 'F', { chair: true, idOut: 'none', rep: true }), P('委员', 'M')], reps(20, 7, 0, { idOut: 'none' })), // 21 reps, 8 W → pass
    V('长塘村', [P('书记兼主任', 'M', { idOut: 'none' }), P('副主任', 'M'), P('委员', 'M', { idOut: 'none' })], reps(24, 7)), // 24, 7 → fail; no woman → fail; no chair → unknown
  ];
  vs.forEach((v) => (v.township = T));
  for (const v of vs) for (const p of v.persons) p.decl = p.sex === 'F' ? '女性' : '男性';
  const cols = [['序号', (c) => c.i], ['村（居）委会名称', (c) => c.v], ['姓名', (c) => c.p.name], ['性 别', (c) => c.p.decl], ['职务', (c) => c.p.post],
    ['证件号码', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)]];
  write('D02', '石桥镇换届名单.xlsx', book([['Sheet1', sheet([[`${T}村“两委”换届人员名单`], H(cols), ...rosterRows(vs, cols)], [[0, 0, 0, 6]])]]));
  addCase('D02', 'roster: 性 别 as 男性/女性, ID column 证件号码 with some blank, village column 村（居）委会名称', ['石桥镇换届名单.xlsx'], ex(T, vs));
}

// D03 persons twice: 党组织 sheet (with IDs) and 村委会 sheet (no ID column); reps on a third sheet (no ID).
{
  const T = '青田镇';
  const A = [P('书记', 'M'), P('副书记', 'M'), P('委员', 'F', { name: '欧阳丽华' }), P('委员', 'M', { name: '阿不都·热依木' })];
  const B = [P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true })];
  // 青田村: 党组织 = A; 村委会 = A[0] (一肩挑, listed as 主任 again), A[2] (交叉任职 as 村委委员), A[3] (委员), B[1]; reps include A[2] and B[1]
  const vA = { name: '青田村', party: [[A[0], '书记'], [A[1], '副书记'], [A[2], '支委委员'], [A[3], '支委委员']], vill: [[A[0], '主任'], [A[2], '委员'], [A[3], '委员'], [B[1], '委员、妇联主席']], reps: [A[2], B[1], ...reps(28, 8)] };
  // 31 reps, women A[2], B[1] + 8 = 10 → 30 < 31 fail
  const C = [P('书记', 'M'), P('委员', 'M'), P('主任', 'M'), P('副主任', 'M'), P('妇联主席', 'F', { seat: false, chair: true })];
  const vB = { name: '石门村', party: [[C[0], '书记'], [C[1], '委员']], vill: [[C[2], '主任'], [C[3], '副主任'], [C[1], '委员'], [C[4], '妇联主席']], reps: [C[4], C[3], ...reps(25, 9)] };
  // 27 reps, women C4 + 9 = 10 → 30 >= 27 pass; no woman seated → fail; chair (listed on 村委会 sheet, no seat) → fail
  const vsx = [vA, vB];
  const partyRows = [], villRows = [], repRows = [];
  for (const v of vsx) {
    v.party.forEach(([p, post], i) => partyRows.push([i + 1, v.name, p.name, sexCell(p), post, idCell(p)]));
    // the 村委会 sheet spells 4-character names with a space ("欧阳 丽华") as clerks do to align them
    v.vill.forEach(([p, post], i) => villRows.push([i + 1, v.name, p.name.length === 4 && !p.name.includes('·') ? `${p.name.slice(0, 2)} ${p.name.slice(2)}` : p.name, sexCell(p), post]));
    v.reps.forEach((p, i) => repRows.push([i + 1, v.name, p.name, sexCell(p), '第' + (1 + (i % 5)) + '组']));
  }
  const wb = book([
    ['村党组织', sheet([[`${T}村党组织委员会成员名单`], ['序号', '村名', '姓名', '性别', '职务', '身份证号码'], ...partyRows])],
    ['村委会', sheet([[`${T}村民委员会成员名单`], ['序号', '村名', '姓名', '性别', '职务'], ...villRows])],
    ['村民代表', sheet([[`${T}村民代表名单`], ['序号', '村名', '姓名', '性别', '所在村民小组'], ...repRows])],
  ]);
  write('D03', '青田镇换届名单.xlsx', wb);
  const mk = (v) => {
    const listed = [...v.party, ...v.vill].map(([p]) => p);
    const seated = new Set(listed.filter((p) => p.seat));
    const persons = new Set([...listed, ...v.reps]);
    return [...persons].map((p) => ({ ...p, seat: seated.has(p), rep: v.reps.includes(p) }));
  };
  addCase('D03', 'three sheets 村党组织 (IDs) / 村委会 (no ID column; 一肩挑 and 交叉任职 persons again, 4-char names spaced) / 村民代表 (no ID)', ['青田镇换届名单.xlsx'],
    [expectRoster(T, '青田村', mk(vA)), expectRoster(T, '石门村', mk(vB))]);
}

// D04 两委 sheet with 党组织 (A–E) and 村委会 (G–K) as two tables side by side; reps on a second sheet.
{
  const T = '龙泉镇';
  const mkV = (name, party, vill, repList) => ({ name, party, vill, repList });
  const a1 = P('书记', 'M'), a2 = P('副书记', 'M'), a3 = P('委员', 'F', { chair: true }), a4 = P('委员', 'M'), a5 = P('主任', 'M'), a6 = P('副主任', 'M');
  const b1 = P('书记', 'M'), b2 = P('委员', 'M'), b3 = P('委员', 'M'), b4 = P('副主任', 'F'), b5 = P('委员', 'M');
  const vs = [
    mkV('龙泉村', [[a1, '书记'], [a2, '副书记'], [a3, '委员'], [a4, '委员']], [[a1, '主任'], [a6, '副主任'], [a3, '委员（妇联主席）']], [a3, a6, ...reps(28, 10)]), // 30 reps, 11 W → pass
    mkV('凤鸣村', [[b1, '书记'], [b2, '委员'], [b3, '委员']], [[b1, '主任'], [b4, '副主任'], [b5, '委员']], [b4, ...reps(32, 10)]), // 33, 11 → pass; chair none → unknown
  ];
  const head = ['村名', '姓名', '性别', '职务', '身份证号码'];
  const aoa = [[`${T}村“两委”班子成员名单`], ['村党组织委员会', '', '', '', '', '', '村民委员会'], [...head, '', ...head]];
  const merges = [[0, 0, 0, 10], [1, 0, 1, 4], [1, 6, 1, 10]];
  for (const v of vs) {
    const n = Math.max(v.party.length, v.vill.length);
    for (let i = 0; i < n; i++) {
      const L = v.party[i] ? [v.name, v.party[i][0].name, sexCell(v.party[i][0]), v.party[i][1], idCell(v.party[i][0])] : ['', '', '', '', ''];
      const R = v.vill[i] ? [v.name, v.vill[i][0].name, sexCell(v.vill[i][0]), v.vill[i][1], idCell(v.vill[i][0])] : ['', '', '', '', ''];
      aoa.push([...L, '', ...R]);
    }
  }
  const repAoa = [['村名', '姓名', '性别', '身份证号码'], ...vs.flatMap((v) => v.repList.map((p) => [v.name, p.name, sexCell(p), idCell(p)]))];
  write('D04', '龙泉镇.xlsx', book([['两委班子', sheet(aoa, merges)], ['村民代表', sheet(repAoa)]]));
  const exp = vs.map((v) => {
    const seated = new Set([...v.party, ...v.vill].map(([p]) => p));
    const all = new Set([...seated, ...v.repList]);
    return expectRoster(T, v.name, [...all].map((p) => ({ ...p, seat: seated.has(p), rep: v.repList.includes(p) })));
  });
  addCase('D04', '两委班子 sheet with 村党组织委员会 (A–E) and 村民委员会 (G–K) as two tables side by side, group row above; 村民代表 sheet', ['龙泉镇.xlsx'], exp);
}

// D05 roster sorted by 类别 (两委成员 / 村民代表 / 其他人员); a person who is both is listed twice.
{
  const T = '桂花乡';
  const c1 = P('书记、主任', 'M'), c2 = P('副书记', 'M'), c3 = P('委员、妇联主席', 'F', { chair: true }), c4 = P('副主任', 'M');
  const d1 = P('书记', 'M'), d2 = P('主任', 'M'), d3 = P('委员', 'M'), d4 = P('妇联主席', 'F', { seat: false, chair: true });
  const vs = [
    { name: '桂花村', com: [c1, c2, c3, c4], other: [], reps: [c3, c4, ...reps(25, 8)] }, // 27 reps, 9 W → pass
    { name: '丹桂村', com: [d1, d2, d3], other: [d4], reps: [d4, d2, ...reps(30, 9)] }, // 32, 10 → 30<32 fail
  ];
  const aoa = [[`${T}村级组织换届当选人员花名册`], ['序号', '村别', '类别', '姓名', '性别', '职务', '身份证号']];
  let i = 0;
  for (const v of vs) {
    for (const p of v.com) aoa.push([++i, v.name, '两委成员', p.name, sexCell(p), p.post, idCell(p)]);
    for (const p of v.other) aoa.push([++i, v.name, '其他人员', p.name, sexCell(p), '村妇联主席', idCell(p)]);
    for (const p of v.reps) aoa.push([++i, v.name, '村民代表', p.name, sexCell(p), '', idCell(p)]);
  }
  write('D05', '桂花乡花名册.xlsx', book([['花名册', sheet(aoa, [[0, 0, 0, 6]])]]));
  const exp = vs.map((v) => {
    const all = new Set([...v.com, ...v.other, ...v.reps]);
    return expectRoster(T, v.name, [...all].map((p) => ({ ...p, seat: v.com.includes(p), rep: v.reps.includes(p) })));
  });
  addCase('D05', 'roster sorted by a 类别 column (两委成员 / 其他人员 / 村民代表) beside 职务; persons who are both listed twice (rep row without 职务)', ['桂花乡花名册.xlsx'], exp);
}

// D06 two files: committees file names villages "XX村委会"/"XX社区居委会", reps file names them "XX村"/"XX社区".
{
  const T = '白马镇';
  const vs = [
    V('白马村', [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true })], reps(24, 8)), // 24/8 pass
    V('黄泥村', [P('书记兼主任', 'M'), P('委员', 'M'), P('妇联主席', 'F', { seat: false, chair: true })], reps(30, 9)), // 30/9 fail
    V('城南社区', [P('书记', 'F'), P('居委会主任', 'M'), P('委员', 'M', { chair: false })], reps(21, 7)), // pass, chair unknown
  ];
  vs.forEach((v) => (v.township = T));
  const long = (n) => (n.endsWith('社区') ? `${n}居委会` : `${n.slice(0, -1)}村委会`);
  const com = [['单位', '姓名', '性别', '职务', '身份证号码'], ...vs.flatMap((v) => v.persons.filter((p) => p.post).map((p) => [long(v.name), p.name, sexCell(p), p.post, idCell(p)]))];
  const rp = [['村（社区）', '姓名', '性别', '身份证号码'], ...vs.flatMap((v) => v.persons.filter((p) => p.rep).map((p) => [v.name, p.name, sexCell(p), idCell(p)]))];
  write('D06', '白马镇两委成员.xlsx', book([['两委成员', sheet([[`${T}村（社区）“两委”成员名单`], ...com])]]));
  write('D06', '白马镇村民代表.xlsx', book([['村民代表', sheet([[`${T}村（居）民代表名单`], ...rp])]]));
  addCase('D06', 'committees file names villages 白马村委会/城南社区居委会 (column 单位), reps file 白马村/城南社区: must combine', ['白马镇两委成员.xlsx', '白马镇村民代表.xlsx'], ex(T, vs));
}

// D07 count table: 两委班子成员（人）| 女性（人）| 妇联主席（是否进入）| 村民代表（人）| 女（人）
{
  const T = '平湖镇';
  const rows = [
    ['平湖村', { members: 7, women: 2, chair: true, T: 45, W: 15 }],
    ['湖东村', { members: 6, women: 1, chair: false, T: 43, W: 14 }],
    ['湖西村', { members: 5, women: 0, chair: true, T: 30, W: 10 }],
  ];
  const aoa = [[`${T}2026年村“两委”换届“两进一有”情况统计表`], ['村名', '两委班子成员（人）', '女性（人）', '妇联主席（是否进入）', '村民代表（人）', '女（人）'],
    ...rows.map(([v, k]) => [v, k.members, k.women, yn(k.chair), k.T, k.W])];
  write('D07', '平湖镇统计表.xlsx', book([['Sheet1', sheet(aoa, [[0, 0, 0, 5]])]]));
  addCase('D07', 'count table, headers 两委班子成员（人）| 女性（人）| 妇联主席（是否进入）| 村民代表（人）| 女（人）', ['平湖镇统计表.xlsx'], rows.map(([v, k]) => expectCounts(T, v, k)));
}

// D08 count table, two-row header: 两委班子 over 人数|女性|女性占比, 妇联主席 over 姓名|是否两委成员, 村民代表 over 总数|女性|占比;
//     counts "7人", percent text "33.3%", own verdict √/×/达标/未达标, the 合计 row FIRST, village names "1.青山村".
{
  const T = '青山镇';
  const rows = [
    ['上游村', { members: 7, women: 2, chair: true, T: 45, W: 15 }, '√'],
    ['下游村', { members: 9, women: 1, chair: true, T: 43, W: 14 }, '√'], // township says √ but 14/43 fails
    ['中游村', { members: 5, women: 0, chair: false, T: 30, W: 12 }, '×'],
    ['青山社区', { members: 8, women: 3, chair: true, T: 36, W: 12 }, '达标'],
    ['水口村', { members: 6, women: 1, chair: false, T: 33, W: 11 }, '未达标'],
  ];
  const sum = rows.reduce((s, [, k]) => ({ m: s.m + k.members, w: s.w + k.women, t: s.t + k.T, rw: s.rw + k.W }), { m: 0, w: 0, t: 0, rw: 0 });
  const pct = (a, b) => (100 * a / b).toFixed(1) + '%';
  const h1 = ['序号', '村（社区）', '两委班子', '', '', '妇联主席', '', '村民代表', '', '', '是否达标'];
  const h2 = ['', '', '人数', '女性', '女性占比', '姓名', '是否两委成员', '总数', '女性', '占比', ''];
  const aoa = [[`${T}村（社区）“两委”换届“两进一有”完成情况`], h1, h2,
    ['', '合计', `${sum.m}人`, `${sum.w}人`, pct(sum.w, sum.m), '', '', `${sum.t}人`, `${sum.rw}人`, pct(sum.rw, sum.t), ''],
    ...rows.map(([v, k, own], i) => [i + 1, `${i + 1}.${v}`, `${k.members}人`, `${k.women}人`, pct(k.women, k.members), '某某', yn(k.chair), `${k.T}人`, `${k.W}人`, pct(k.W, k.T), own])];
  const merges = [[0, 0, 0, 10], [1, 2, 1, 4], [1, 5, 1, 6], [1, 7, 1, 9], ...[0, 1, 10].map((c) => [1, c, 2, c])];
  write('D08', '青山镇统计.xlsx', book([['统计', sheet(aoa, merges)]]));
  addCase('D08', 'count table, two-row header (两委班子/妇联主席 姓名|是否两委成员/村民代表), counts "7人", "33.3%" text, own 是否达标 √/×/达标/未达标, 合计 row first, villages "1.上游村"', ['青山镇统计.xlsx'], rows.map(([v, k]) => expectCounts(T, v, k)));
}

// D09 first sheet 填报说明 (much text naming the columns), data on sheet 2.
{
  const T = '竹山乡';
  const vs = [
    V('竹山村', [P('书记、主任', 'M'), P('副书记', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true })], reps(26, 9)), // 27,10 pass
    V('茶园村', [P('书记', 'M'), P('主任', 'F'), P('委员', 'M')], reps(33, 10)), // 33/10 fail
  ];
  vs.forEach((v) => (v.township = T));
  const notes = [['填报说明'], [''], ['一、本表由各乡镇（街道）组织办填报，每个村（社区）的“两委”成员和村民代表逐人填写，一人一行。'],
    ['二、“姓名、性别、职务、身份证号码、是否村民代表”各栏均为必填项。性别填“男”或“女”；是否村民代表填“是”或“否”。'],
    ['三、职务栏按“书记、副书记、委员、主任、副主任、委员”规范填写，交叉任职的用“、”隔开，如“书记、主任”；村妇联主席在职务栏注明。'],
    ['四、身份证号码请设置为文本格式，防止末位变为0。'], ['五、请于2026年6月10日前报送县妇联，联系人：赵某，电话：0571-88888888。']];
  const cols = [['序号', (c) => c.i], ['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)]];
  write('D09', '竹山乡换届名单.xlsx', book([['填报说明', sheet(notes, [], { cols: [120] })], ['名单', sheet([H(cols), ...rosterRows(vs, cols)])]]));
  addCase('D09', 'first sheet 填报说明 (long text naming the columns), data on sheet 2 (名单), township in the file name', ['竹山乡换届名单.xlsx'], ex(T, vs));
}

// D10 填报说明 sheet that holds a small filled-in example (填写示例: 某某村 张三 …) above the rules; data on sheet 2.
{
  const T = '梅林镇';
  const vs = [
    V('梅林村', [P('书记、主任', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true }), P('副主任', 'M')], reps(20, 7)), // 21/8 pass
    V('桃坑村', [P('书记', 'M'), P('主任', 'M'), P('委员', 'M')], reps(21, 7)), // 21/7 pass; no woman → fail
  ];
  vs.forEach((v) => (v.township = T));
  const notes = [['填报说明及示例'], ['填写示例：'], ['村名', '姓名', '性别', '职务', '身份证号码', '是否村民代表'],
    ['某某村', '张三', '男', '党支部书记、村委会主任', '330102196001011234', '是'], ['某某村', '李四', '女', '村委委员、妇联主席', '330102197002022345', '否'],
    [''], ['1.每人一行，交叉任职的只填一行，职务用顿号隔开。'], ['2.本表不得改动格式。']];
  const cols = [['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)]];
  write('D10', '梅林镇名单.xlsx', book([['填报说明', sheet(notes)], ['填报表', sheet([[`${T}村“两委”换届人员名单`], H(cols), ...rosterRows(vs, cols)])]]));
  addCase('D10', 'first sheet 填报说明 with a 填写示例 table (某某村 张三/李四); data on sheet 2 — the example is not a village', ['梅林镇名单.xlsx'], ex(T, vs));
}

// D11 ExcelJS: header in row 5 starting at column C, empty columns between data columns, frozen panes, autofilter.
{
  const T = '溪口镇';
  const vs = [
    V('溪口村', [P('书记兼主任', 'M', { rep: true }), P('副书记', 'M'), P('支委委员、妇联主席', 'F', { chair: true, rep: true }), P('村委委员', 'M')], reps(31, 10)), // 33/11 pass
    V('溪源村', [P('书记', 'M'), P('主任', 'M'), P('村委委员', 'F'), P('妇联主席', 'F', { seat: false, chair: true })], reps(34, 11)), // 34/11 fail
  ];
  vs.forEach((v) => (v.township = T));
  pending.push((async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单', { views: [{ state: 'frozen', xSplit: 4, ySplit: 5 }] });
    ws.getCell('C1').value = `${T}村“两委”换届选举结果登记表`;
    ws.mergeCells('C1:M1');
    ws.getCell('C3').value = `填报单位：${T}人民政府（盖章）`;
    ws.getCell('J3').value = '填报日期：2026年6月5日';
    // C 序号, D 村名, E (empty), F 姓名, G 性别, H (empty), I 职务, J 身份证号码, K (empty), L 是否村民代表, M 备注
    const hdr = { C: '序号', D: '村名', F: '姓名', G: '性别', I: '职务', J: '身份证号码', L: '是否村民代表', M: '备注' };
    for (const [c, h] of Object.entries(hdr)) ws.getCell(`${c}5`).value = h;
    let r = 6;
    for (const v of vs) {
      let i = 0;
      for (const p of v.persons) {
        ws.getCell(`C${r}`).value = ++i;
        ws.getCell(`D${r}`).value = v.name;
        ws.getCell(`F${r}`).value = p.name;
        ws.getCell(`G${r}`).value = sexCell(p);
        ws.getCell(`I${r}`).value = p.post;
        ws.getCell(`J${r}`).value = idCell(p);
        ws.getCell(`L${r}`).value = yn(p.rep);
        r++;
      }
    }
    ws.autoFilter = `C5:M${r - 1}`;
    ws.getColumn('E').width = 2; ws.getColumn('H').width = 2; ws.getColumn('K').width = 2;
    fs.mkdirSync(path.join(OUT, 'D11'), { recursive: true });
    await wb.xlsx.writeFile(path.join(OUT, 'D11', '溪口镇登记表.xlsx'));
  })());
  addCase('D11', 'ExcelJS: header on row 5 from column C, empty spacer columns E/H/K, frozen panes, autofilter, 填报单位 line names the township', ['溪口镇登记表.xlsx'], ex(T, vs));
}

// D12 社区 roster: 社区党委/党总支 seats, 居委会 seats (居委会主任, 居委委员), 网格员 / 社区专职工作者 / 居务监督委员会主任 (no seat), 是否居民代表.
{
  const T = '城关街道';
  const vs = [
    V('北门社区', [P('社区党委书记、居委会主任', 'M', { rep: true }), P('党委副书记', 'M'), P('党委委员', 'F'), P('居委会副主任', 'M'),
      P('居委委员（妇联主席）', 'F', { chair: true, rep: true }), P('网格员', 'F', { seat: false, rep: true }), P('社区专职工作者', 'F', { seat: false }), P('居务监督委员会主任', 'M', { seat: false })], reps(25, 8)), // 28 reps, W: chair, 网格员 + 8 = 10 → 30>=28 pass
    V('南门社区', [P('党总支书记', 'M'), P('党总支委员', 'M'), P('居委会主任', 'M'), P('居委委员', 'M'), P('网格员', 'F', { seat: false }), P('居委会委员、妇联副主席', 'M'),
      P('妇联主席、网格长', 'F', { seat: false, chair: true, rep: true })], reps(29, 9)), // 30 reps, 10 W → pass; no seated woman → fail; chair no seat → fail
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['序号', (c) => c.i], ['社区', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否居民代表', (c) => yn(c.p.rep)]];
  write('D12', '城关街道社区换届名单.xlsx', book([['Sheet1', sheet([[`${T}社区“两委”换届当选人员名单`], H(cols), ...rosterRows(vs, cols)])]]));
  addCase('D12', '社区 roster: 社区党委/党总支 and 居委会 seats, 居委委员（妇联主席）, 网格员/社区专职工作者/居务监督委员会主任 (no seat), 居委会委员、妇联副主席 (not the chair), 是否居民代表', ['城关街道社区换届名单.xlsx'], ex(T, vs));
}

// D13 roster rows for people who left, with 备注 "已调离" / "辞职" and a 补选 replacement. Verdict does not depend on them.
{
  const T = '金桥镇';
  const vs = [
    V('金桥村', [P('书记、主任', 'M'), P('副书记', 'M', { extra: { note: '已调离' } }), P('副书记', 'M', { extra: { note: '2026.5补选' } }), P('委员、妇联主席', 'F', { chair: true, rep: true }), P('委员', 'M')],
      [...reps(29, 10), P('', 'M', { seat: false, rep: true, extra: { note: '辞职' } })]), // 31 reps (incl. the one who resigned), 11 W → pass either way
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)], ['备注', (c) => c.p.extra.note ?? '']];
  write('D13', '金桥镇名单.xlsx', book([['Sheet1', sheet([H(cols), ...rosterRows(vs, cols)])]]));
  addCase('D13', 'roster with 备注 "已调离" / "辞职" on two rows and a "补选" replacement (verdict the same either way; counts as DOMAIN literally: every listed person)', ['金桥镇名单.xlsx'], ex(T, vs));
}

// D14 committees-only file for some villages, reps-only file for others, one village in both.
{
  const T = '南溪镇';
  const A = V('南溪村', [P('书记、主任', 'M'), P('委员、妇联主席', 'F', { chair: true })], []);
  const B = V('北溪村', [P('书记', 'M'), P('主任', 'M'), P('妇联主席', 'F', { seat: false, chair: true })], []);
  const C = V('东溪村', [P('书记兼主任', 'M'), P('委员', 'F'), P('委员、妇联主席', 'F', { chair: true })], reps(27, 9)); // committees + reps; 27/9 pass
  const D = V('西溪村', [], reps(30, 9)); // reps only, 9/30 → fail
  const E = V('上溪村', [], reps(24, 8)); // reps only, 8/24 → pass
  const com = [['村名', '姓名', '性别', '职务', '身份证号码'], ...[A, B, C].flatMap((v) => v.persons.filter((p) => p.post).map((p) => [v.name, p.name, sexCell(p), p.post, idCell(p)]))];
  const rp = [['村名', '代表姓名', '性别', '身份证号码', '所在村民小组'], ...[C, D, E].flatMap((v) => v.persons.filter((p) => p.rep).map((p, i) => [v.name, p.name, sexCell(p), idCell(p), `${1 + (i % 6)}组`]))];
  write('D14', '南溪镇两委班子名单.xlsx', book([['两委班子', sheet([[`${T}村“两委”班子成员名单（已换届村）`], ...com])]]));
  write('D14', '南溪镇村民代表名单.xlsx', book([['村民代表', sheet([[`${T}村民代表名单（已换届村）`], ...rp])]]));
  addCase('D14', 'committees-only file (南溪/北溪/东溪) and reps-only file (东溪/西溪/上溪): parts not given stay null/unknown, 东溪 combined', ['南溪镇两委班子名单.xlsx', '南溪镇村民代表名单.xlsx'], [
    expectRoster(T, A.name, A.persons, { committees: true, reps: false }), expectRoster(T, B.name, B.persons, { committees: true, reps: false }),
    expectRoster(T, C.name, C.persons), expectRoster(T, D.name, D.persons, { committees: false, reps: true }), expectRoster(T, E.name, E.persons, { committees: false, reps: true }),
  ]);
}

// ---------- hand-made xlsx packages ----------
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colL = (c) => { let s = ''; let n = c + 1; while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); } return s; };
function rawXlsx(sheetsXml, { absolute = false, sharedStrings = null, sheetNames }) {
  const files = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetsXml.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}${sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${absolute ? '/' : ''}xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetNames.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetsXml.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${absolute ? '/xl/' : ''}worksheets/sheet${i + 1}.xml"/>`).join('')}${sharedStrings ? `<Relationship Id="rId${sheetsXml.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="${absolute ? '/xl/' : ''}sharedStrings.xml"/>` : ''}</Relationships>`,
  };
  sheetsXml.forEach((x, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = x));
  if (sharedStrings) files['xl/sharedStrings.xml'] = sharedStrings;
  const u8 = {};
  for (const [k, v] of Object.entries(files)) u8[k] = strToU8(v);
  return Buffer.from(zipSync(u8));
}

// D15 openpyxl-like package: inline strings (t="inlineStr"), absolute relationship targets, no styles part, merged 村 cells.
{
  const T = '云门镇';
  const vs = [
    V('云门村', [P('书记、主任', 'M', { rep: true }), P('副书记', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true }), P('委员', 'M')], reps(28, 9)), // 30/10 pass
    V('石壁村', [P('书记', 'M'), P('主任', 'M'), P('副主任', 'M'), P('委员', 'F')], reps(30, 10)), // 30/10 pass; chair unknown
  ];
  vs.forEach((v) => (v.township = T));
  const aoa = [[`${T}村“两委”换届名单`], ['村名', '姓名', '性别', '职务', '身份证号码', '是否村民代表']];
  const merges = ['A1:F1'];
  for (const v of vs) {
    const start = aoa.length + 1;
    v.persons.forEach((p, k) => aoa.push([k === 0 ? v.name : null, p.name, sexCell(p), p.post, idCell(p), yn(p.rep)]));
    merges.push(`A${start}:A${aoa.length}`);
  }
  const rowsXml = aoa.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => (v === null || v === '' ? '' : typeof v === 'number' ? `<c r="${colL(c)}${r + 1}"><v>${v}</v></c>` : `<c r="${colL(c)}${r + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)).join('')}</row>`).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData><mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells></worksheet>`;
  write('D15', '云门镇名单.xlsx', rawXlsx([xml], { absolute: true, sheetNames: ['Sheet'] }));
  addCase('D15', 'openpyxl-like xlsx: inline strings, absolute relationship targets (/xl/worksheets/…), no styles part, 村 merged down', ['云门镇名单.xlsx'], ex(T, vs));
}

// D16 xlsx without r attributes on rows/cells, shared strings with rich-text runs and xml:space, cells of type "str" (formula text).
{
  const T = '莲花乡';
  const vs = [
    V('莲花村', [P('书记兼主任', 'M'), P('副书记', 'F'), P('委员、妇联主席', 'F', { chair: true, rep: true })], reps(26, 8)), // 27/9 pass
    V('荷塘村', [P('书记', 'M'), P('主任', 'M'), P('委员', 'M'), P('妇联主席', 'F', { seat: false, chair: true, rep: true })], reps(29, 8)), // 30/9 fail
  ];
  vs.forEach((v) => (v.township = T));
  const sst = [];
  const si = (s) => { let i = sst.indexOf(s); if (i < 0) { sst.push(s); i = sst.length - 1; } return i; };
  const aoa = [[`${T}村“两委”换届名单`], ['村名', '姓名', '性别', '职务', '身份证号码', '是否村民代表'], ...rosterRows(vs, [['', (c) => c.v], ['', (c) => c.p.name], ['', (c) => sexCell(c.p)], ['', (c) => c.p.post], ['', (c) => idCell(c.p)], ['', (c) => yn(c.p.rep)]])];
  const rowsXml = aoa.map((row, r) => `<row>${row.map((v, c) => {
    if (r >= 2 && c === 2) return `<c t="str"><f>IF(MOD(MID(E${r + 1},17,1),2),"男","女")</f><v>${esc(v)}</v></c>`; // 性别 computed from the ID by formula, cached value kept
    return `<c t="s"><v>${si(String(v))}</v></c>`;
  }).join('')}</row>`).join('');
  const sstXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => (/^身份证/.test(s) ? `<si><r><rPr><b/></rPr><t>身份证</t></r><r><t xml:space="preserve">号码 </t></r></si>` : `<si><t xml:space="preserve">${esc(s)}</t></si>`)).join('')}</sst>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData></worksheet>`;
  write('D16', '莲花乡名单.xlsx', rawXlsx([xml], { sharedStrings: sstXml, sheetNames: ['名单'] }));
  addCase('D16', 'xlsx with no r attributes on <row>/<c>, shared strings with rich-text runs, 性别 as t="str" formula cells with cached values', ['莲花乡名单.xlsx'], ex(T, vs));
}

// D17 Excel "Unicode 文本" save: UTF-16LE with BOM, tab-separated, .txt (named directly).
{
  const T = '凤山镇';
  const vs = [
    V('凤山村', [P('书记、主任', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true }), P('副主任', 'M')], reps(23, 7)), // 24/8 pass
    V('凤岭村', [P('书记', 'M'), P('主任', 'M'), P('委员', 'M')], reps(27, 8)), // 27/8 fail
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['乡镇', (c) => c.t], ['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)]];
  const text = [H(cols), ...rosterRows(vs, cols)].map((r) => r.join('\t')).join('\r\n') + '\r\n';
  write('D17', '凤山镇名单.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  addCase('D17', 'Excel "Unicode 文本" save: UTF-16LE BOM, tab-separated, .txt', ['凤山镇名单.txt'], ex(T, vs));
}

// D18 semicolon-separated UTF-8 CSV (no BOM), a quoted post with an ASCII comma, title line.
{
  const T = '龙口镇';
  const vs = [
    V('龙口村', [P('书记,主任', 'M'), P('委员,妇联主席', 'F', { chair: true, rep: true }), P('副主任', 'M')], reps(20, 7)), // 21/8 pass
    V('龙湾村', [P('书记', 'M'), P('主任', 'M'), P('委员', 'F')], reps(26, 8)), // 26/8 fail
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['序号', (c) => c.i], ['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)]];
  const q = (v) => { const s = String(v ?? ''); return /[";,\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
  const text = [[`${T}换届名单`], H(cols), ...rosterRows(vs, cols)].map((r) => r.map(q).join(';')).join('\r\n') + '\r\n';
  write('D18', '龙口镇名单.csv', Buffer.from(text, 'utf8'));
  addCase('D18', 'semicolon-separated UTF-8 CSV (no BOM), posts "书记,主任" quoted with an ASCII comma, title line', ['龙口镇名单.csv'], ex(T, vs));
}

// D19 UTF-16LE CSV with commas (some tools export "CSV (Unicode)").
{
  const T = '大洋镇';
  const vs = [
    V('大洋村', [P('书记兼主任', 'M'), P('委员兼妇联主席', 'F', { chair: true }), P('委员', 'M')], reps(30, 10)), // pass
    V('小洋村', [P('书记', 'M'), P('主任', 'M'), P('妇联主席', 'F', { seat: false, chair: true, rep: true })], reps(29, 9)), // 30/10 pass; chair fail; woman fail
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)]];
  write('D19', '大洋镇名单.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText([H(cols), ...rosterRows(vs, cols)]), 'utf16le')]));
  addCase('D19', 'comma CSV in UTF-16LE with BOM', ['大洋镇名单.csv'], ex(T, vs));
}

// D20 CSV exported from a web system: IDs as ="330…" (Excel text formula) and with a leading tab; 性别 blank on some (gender from the ID).
{
  const T = '东山镇';
  const vs = [
    V('东山村', [P('书记、主任', 'M'), P('委员、妇联主席', 'F', { chair: true, decl: '', rep: true }), P('委员', 'M')], reps(26, 8, 0, { decl: '' })), // 27/9 pass (reps' gender only from ID)
    V('东岭村', [P('书记', 'M', { decl: '' }), P('主任', 'M'), P('委员', 'M')], reps(25, 8, 0, { decl: '' })), // 25/8 fail; no woman fail
  ];
  vs.forEach((v) => (v.township = T));
  let k = 0;
  const cols = [['所属乡镇', (c) => c.t], ['所属村', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post],
    ['身份证号', (c) => ((k++ % 2) ? `="${idCell(c.p)}"` : `\t${idCell(c.p)}`)], ['是否村民代表', (c) => yn(c.p.rep)]];
  write('D20', '东山镇导出.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText([H(cols), ...rosterRows(vs, cols)]), 'utf8')]));
  addCase('D20', 'UTF-8 BOM CSV from a web export: IDs written ="330…" or with a leading tab; 性别 blank for many (gender only from the ID)', ['东山镇导出.csv'], ex(T, vs));
}

// D21 GBK CSV: IDs with a leading apostrophe ('330…), 性别 blank on some.
{
  const T = '西山乡';
  const vs = [
    V('西山村', [P('书记、主任', 'M'), P('委员、妇联主席', 'F', { chair: true, decl: '' }), P('委员', 'M')], reps(24, 8, 0, { decl: '' })), // 24/8 pass
    V('西岭村', [P('书记', 'M'), P('主任', 'M', { decl: '' }), P('委员', 'F')], reps(22, 7, 0, { decl: '' })), // 22/7 fail
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => `'${idCell(c.p)}`], ['是否村民代表', (c) => yn(c.p.rep)]];
  write('D21', '西山乡名单.csv', gbk(csvText([H(cols), ...rosterRows(vs, cols)])));
  addCase('D21', "GBK CSV with IDs written '330… (leading apostrophe kept as text); 性别 blank for many", ['西山乡名单.csv'], ex(T, vs));
}

// D22 same village name 中心村 in two townships (two files, township from each file name / title): must not merge.
{
  const mk = (T, w) => {
    const vs = [V('中心村', [P('书记、主任', 'M'), P('委员', w ? 'F' : 'M'), P('委员、妇联主席', 'F', { chair: true, seat: w })], reps(21, w ? 7 : 6)), V(`${T.slice(0, 2)}村`, [P('书记', 'M'), P('主任', 'M'), P('委员兼妇联主席', 'F', { chair: true })], reps(24, 8))];
    vs.forEach((v) => (v.township = T));
    return vs;
  };
  const cols = [['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)]];
  const a = mk('东岭镇', true), b = mk('西岭镇', false);
  for (const p of b[0].persons) if (p.chair) p.post = '妇联主席';
  write('D22', '东岭镇名单.xlsx', book([['Sheet1', sheet([H(cols), ...rosterRows(a, cols)])]]));
  write('D22', '西岭镇名单.xlsx', book([['Sheet1', sheet([[`西岭镇村“两委”换届名单`], H(cols), ...rosterRows(b, cols)])]]));
  addCase('D22', 'two townships each with a 中心村 (one township from the file name, one from the title): two villages, not one', ['东岭镇名单.xlsx', '西岭镇名单.xlsx'], [...ex('东岭镇', a), ...ex('西岭镇', b)]);
}

// D23 one sheet, sections per committee of each village: "青山村党总支（4人）", "青山村村民委员会（3人）", "青山村村民代表（N人）".
{
  const T = '高桥镇';
  const s1 = P('书记', 'M'), s2 = P('副书记', 'M'), s3 = P('委员', 'F'), s4 = P('委员', 'M'), s5 = P('主任', 'M'), s6 = P('委员、妇联主席', 'F', { chair: true });
  const t1 = P('书记', 'M'), t2 = P('委员', 'M'), t3 = P('主任', 'M'), t4 = P('委员', 'M');
  const vs = [
    { name: '高桥村', party: [[s1, '书记'], [s2, '副书记'], [s3, '委员'], [s4, '委员']], vill: [[s1, '主任'], [s3, '委员'], [s6, '委员、妇联主席']], reps: [s3, s6, ...reps(25, 8)] }, // 27/10 pass
    { name: '马塘村', party: [[t1, '书记'], [t2, '委员']], vill: [[t3, '主任'], [t4, '委员']], reps: [t4, ...reps(29, 11)] }, // 30/11 pass; no woman → fail; chair unknown
  ];
  const aoa = [[`${T}村级组织换届选举当选人员名单`], ['序号', '姓名', '性别', '职务', '身份证号码']];
  const merges = [[0, 0, 0, 4]];
  for (const v of vs) {
    for (const [label, list] of [[`${v.name}党总支`, v.party], [`${v.name}村民委员会`, v.vill], [`${v.name}村民代表`, v.reps.map((p) => [p, '村民代表'])]]) {
      merges.push([aoa.length, 0, aoa.length, 4]);
      aoa.push([`${label}（${list.length}人）`]);
      list.forEach(([p, post], i) => aoa.push([i + 1, p.name, sexCell(p), post, idCell(p)]));
    }
  }
  write('D23', '高桥镇当选名单.xlsx', book([['Sheet1', sheet(aoa, merges)]]));
  const exp = vs.map((v) => {
    const seated = new Set([...v.party, ...v.vill].map(([p]) => p));
    const all = new Set([...seated, ...v.reps]);
    return expectRoster(T, v.name, [...all].map((p) => ({ ...p, seat: seated.has(p), rep: v.reps.includes(p) })));
  });
  addCase('D23', 'one sheet, section rows per body of each village: "高桥村党总支（4人）" / "高桥村村民委员会（3人）" / "高桥村村民代表（N人）" (职务 "村民代表" for reps)', ['高桥镇当选名单.xlsx'], exp);
}

// D24 count table, headers 村（居）| 两委成员 | 其中女 | 妇联主席进两委 (√/×/blank) | 代表总数 | 女代表数, counts as text.
{
  const T = '柳林乡';
  const rows = [
    ['柳林村', { members: 7, women: 2, chair: true, T: 30, W: 10 }, '√'],
    ['杨柳村', { members: 5, women: 1, chair: false, T: 31, W: 10 }, '×'],
    ['柳溪村', { members: 6, women: 1, chair: null, T: 27, W: 9 }, ''],
  ];
  const aoa = [[`${T}“两进一有”落实情况表`], ['村（居）', '两委成员', '其中女', '妇联主席进两委', '代表总数', '女代表数'],
    ...rows.map(([v, k, m]) => [v, String(k.members), String(k.women), m, String(k.T), String(k.W)])];
  write('D24', '柳林乡.xlsx', book([['Sheet1', sheet(aoa)]]));
  addCase('D24', 'count table: 村（居）| 两委成员 | 其中女 | 妇联主席进两委 with √/×/blank | 代表总数 | 女代表数, counts typed as text', ['柳林乡.xlsx'], rows.map(([v, k]) => expectCounts(T, v, k)));
}

// D25 post traps: 团支部书记 (woman, no seat), 妇联执委, 党小组长, 村民小组长兼妇联主席 (chair, no seat), 文书兼妇联主席, "书记（一肩挑）".
{
  const T = '万安镇';
  const vs = [
    V('万安村', [P('书记（一肩挑）', 'M', { rep: true }), P('副书记', 'M'), P('村委委员（妇联执委）', 'M'), P('团支部书记', 'F', { seat: false, rep: true }), P('村民小组长兼妇联主席', 'F', { seat: false, chair: true, rep: true })], reps(26, 8)), // 29 reps, W 2+8=10 → 30>=29 pass; no seated woman → fail; chair fail
    V('万福村', [P('党支部书记、村委会主任', 'M'), P('村两委委员', 'F'), P('文书兼妇联主席', 'F', { seat: false, chair: true }), P('党小组长', 'M', { seat: false })], reps(30, 10)), // 30/10 pass; woman pass; chair fail
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)]];
  write('D25', '万安镇名单.xlsx', book([['Sheet1', sheet([H(cols), ...rosterRows(vs, cols)])]]));
  addCase('D25', 'post wording: 书记（一肩挑）, 村委委员（妇联执委）, 团支部书记 (woman, no seat), 村民小组长兼妇联主席, 文书兼妇联主席, 村两委委员, 党小组长', ['万安镇名单.xlsx'], ex(T, vs));
}

// D26 roster with two-row header: group 基本情况 over 姓名|性别|出生年月, group 任职情况 over 党组织|村委会|是否村民代表; ID column last
//     headed 身份证号(18位); 村 column headed 所在村(社区); 党组织/村委会 columns hold "—" for none.
{
  const T = '清河镇';
  const mk = (party, vill, sex, o = {}) => ({ ...P([party, vill].filter((x) => x !== '—').join('、'), sex, o), party, vill });
  const vs = [
    V('清河村', [mk('书记', '主任', 'M'), mk('委员', '—', 'F', { rep: true }), mk('—', '委员、妇联主席', 'F', { chair: true }), mk('—', '副主任', 'M')], reps(26, 8)), // 27/9 pass
    V('白河村', [mk('书记', '—', 'M'), mk('—', '主任', 'M'), mk('委员', '委员', 'M'), mk('—', '妇联主席', 'F', { seat: false, chair: true, rep: true })], reps(30, 9)), // 31/10 → 30<31 fail
  ];
  const h1 = ['序号', '所在村(社区)', '基本情况', '', '', '任职情况', '', '', '身份证号(18位)'];
  const h2 = ['', '', '姓名', '性别', '出生年月', '党组织', '村委会', '是否村民代表', ''];
  const aoa = [[`${T}村“两委”换届当选人员登记表`], h1, h2];
  let i = 0;
  for (const v of vs) for (const p of v.persons) aoa.push([++i, v.name, p.name, sexCell(p), `${p.id.slice(6, 10)}.${p.id.slice(10, 12)}`, p.party ?? '—', p.vill ?? '—', yn(p.rep), idCell(p)]);
  const merges = [[0, 0, 0, 8], [1, 2, 1, 4], [1, 5, 1, 7], ...[0, 1, 8].map((c) => [1, c, 2, c])];
  write('D26', '清河镇登记表.xlsx', book([['登记表', sheet(aoa, merges)]]));
  addCase('D26', 'two-row header: 基本情况 over 姓名|性别|出生年月, 任职情况 over 党组织|村委会|是否村民代表 ("—" = none); 所在村(社区); ID last', ['清河镇登记表.xlsx'], ex(T, vs));
}

// D27 one sheet a village, sheet names numbered "1.青峰村", "2.青竹村".
{
  const T = '青峰镇';
  const vs = [
    V('青峰村', [P('书记、主任', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true }), P('委员', 'M')], reps(23, 7)), // 24/8 pass
    V('青竹村', [P('书记', 'M'), P('主任', 'M'), P('委员', 'F'), P('妇联主席', 'F', { seat: false, chair: true })], reps(27, 8)), // 27/8 fail
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['序号', (c) => c.i], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)]];
  const sheets = vs.map((v, k) => [`${k + 1}.${v.name}`, sheet([[`${v.name}“两委”成员及村民代表名单`], H(cols), ...rosterRows([v], cols)])]);
  write('D27', '青峰镇.xlsx', book(sheets));
  addCase('D27', 'one sheet a village, sheet names numbered "1.青峰村" / "2.青竹村", title naming the village', ['青峰镇.xlsx'], ex(T, vs));
}

// D28 社区 whose only woman with a post is on the 居务监督委员会 (the 社区 name of the 村务监督委员会) or a 社区专职工作者: no seat → fail.
{
  const T = '东关街道';
  const vs = [
    V('东关社区', [P('社区党委书记、居委会主任', 'M'), P('党委委员', 'M'), P('居委会委员', 'M'), P('居务监督委员会主任、妇联主席', 'F', { seat: false, chair: true, rep: true })], reps(26, 9)), // 27/10 pass; woman fail; chair fail
    V('西关社区', [P('党总支书记', 'M'), P('居委会主任', 'M'), P('居委委员', 'M'), P('社区专职工作者', 'F', { seat: false, rep: true }), P('居委委员、妇联主席', 'M', { chair: true })], reps(23, 7)), // 24/8 pass; woman fail; chair pass
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['社区', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否居民代表', (c) => yn(c.p.rep)]];
  write('D28', '东关街道名单.xlsx', book([['Sheet1', sheet([[`${T}社区“两委”换届名单`], H(cols), ...rosterRows(vs, cols)])]]));
  addCase('D28', '社区 roster where the only woman with a post is 居务监督委员会主任 (also the chair) or a 社区专职工作者: no seat, so womanInCommittees fails', ['东关街道名单.xlsx'], ex(T, vs));
}

// D29 count table with each committee counted on its own: 村党组织委员数|其中女|村委会委员数|其中女|交叉任职人数 (women only on one side, so distinct women are certain).
{
  const T = '新桥镇';
  // P party members, pw party women, Vn villagers members, vw villagers women, X cross-holding persons
  const rows = [
    ['新桥村', { P: 5, pw: 0, Vn: 3, vw: 1, X: 2, chair: true, T: 33, W: 11 }], // distinct 6, women 1 (villagers side only)
    ['旧桥村', { P: 3, pw: 1, Vn: 3, vw: 0, X: 1, chair: false, T: 30, W: 10 }], // distinct 5, women 1
    ['桥头村', { P: 3, pw: 0, Vn: 3, vw: 0, X: 1, chair: false, T: 27, W: 8 }], // distinct 5, women 0
  ];
  const aoa = [[`${T}村“两委”换届情况统计表`], ['村名', '村党组织委员数', '其中女', '村委会委员数', '其中女', '交叉任职人数', '妇联主席是否进两委', '村民代表数', '其中女']];
  rows.forEach(([v, k]) => aoa.push([v, k.P, k.pw, k.Vn, k.vw, k.X, yn(k.chair), k.T, k.W]));
  write('D29', '新桥镇统计表.xlsx', book([['Sheet1', sheet(aoa, [[0, 0, 0, 8]])]]));
  addCase('D29', 'count table per committee: 村党组织委员数|其中女|村委会委员数|其中女|交叉任职人数 (a woman on the 村委会 side only must count)', ['新桥镇统计表.xlsx'],
    rows.map(([v, k]) => expectCounts(T, v, { members: k.P + k.Vn - k.X, women: k.pw + k.vw, chair: k.chair, T: k.T, W: k.W })));
}

// D30 .ods (LibreOffice / WPS "ODF 表格"), one sheet a village.
{
  const T = '枫桥镇';
  const vs = [
    V('枫桥村', [P('书记、主任', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true })], reps(20, 6)), // 21/7 pass
    V('枫溪村', [P('书记', 'M'), P('主任', 'M'), P('妇联主席', 'F', { seat: false, chair: true })], reps(21, 6)), // 21/6 fail
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)]];
  const wb = book(vs.map((v) => [v.name, sheet([H(cols), ...rosterRows([v], cols)])]));
  fs.mkdirSync(path.join(OUT, 'D30'), { recursive: true });
  fs.writeFileSync(path.join(OUT, 'D30', '枫桥镇.ods'), XLSX.write(wb, { bookType: 'ods', type: 'buffer' }));
  addCase('D30', '.ods workbook, one sheet a village (sheet name = village), township in the file name', ['枫桥镇.ods'], ex(T, vs));
}

// D31 GBK tab-separated .csv (WPS "文本文件(制表符分隔)" renamed .csv), merged-looking 村 (only first row filled).
{
  const T = '芦溪乡';
  const vs = [
    V('芦溪村', [P('书记兼主任', 'M'), P('委员兼妇联主席', 'F', { chair: true, rep: true })], reps(23, 7)), // 24/8 pass
    V('芦花村', [P('书记', 'M'), P('主任', 'F'), P('委员', 'M')], reps(25, 8)), // 25/8 fail
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['村名', (c) => (c.i === 1 ? c.v : '')], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)]];
  write('D31', '芦溪乡名单.csv', gbk([[`${T}换届名单`], H(cols), ...rosterRows(vs, cols)].map((r) => r.join('\t')).join('\r\n') + '\r\n'));
  addCase('D31', 'GBK tab-separated .csv with a title line, 村 only on each village\'s first row (as a merged cell saves)', ['芦溪乡名单.csv'], ex(T, vs));
}

// D32 old 15-digit IDs as text (gender in the 15th digit), 性别 blank for them.
{
  const T = '古城镇';
  // 15-digit: 6 area + YYMMDD + 3 seq (odd = male); built from an 18-digit model ID
  const old15 = (p) => p.id.slice(0, 6) + p.id.slice(8, 14) + p.id.slice(14, 17);
  const mk = (post, sex, o = {}) => { const p = P(post, sex, { decl: '', ...o }); p.id15 = true; return p; };
  const vs = [
    V('古城村', [P('书记、主任', 'M'), mk('委员、妇联主席', 'F', { chair: true, rep: true }), mk('委员', 'M')], [...reps(20, 6), mk('', 'F', { seat: false, rep: true }), mk('', 'M', { seat: false, rep: true })]), // 23 reps, 8 W → 24>=23 pass
    V('古塘村', [mk('书记', 'M'), P('主任', 'M'), mk('委员', 'M')], [...reps(22, 6), mk('', 'F', { seat: false, rep: true })]), // 23 reps, 7 W → 21<23 fail; woman fail
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => (c.p.id15 ? old15(c.p) : idCell(c.p))], ['是否村民代表', (c) => yn(c.p.rep)]];
  write('D32', '古城镇名单.xlsx', book([['Sheet1', sheet([H(cols), ...rosterRows(vs, cols)])]]));
  // knownSex() in lib treats idOut 'text' as known: true for a 15-digit text ID too (DOMAIN: the 15th digit carries it)
  addCase('D32', 'old 15-digit IDs as text with 性别 blank (gender from the 15th digit)', ['古城镇名单.xlsx'], ex(T, vs));
}

// D33 roster copied from last term: a 原职务 (former post) column beside 现任职务; former 书记/委员 now only representatives.
{
  const T = '双河镇';
  const vs = [
    V('双河村', [P('书记、主任', 'M', { extra: { old: '主任' } }), P('委员、妇联主席', 'F', { chair: true, rep: true, extra: { old: '妇联主席' } }), P('副主任', 'M', { extra: { old: '' } })],
      [P('', 'M', { seat: false, rep: true, extra: { old: '书记' } }), P('', 'F', { seat: false, rep: true, extra: { old: '委员' } }), ...reps(22, 7)]), // 25 reps, 9 W → 27>=25 pass
    V('三河村', [P('书记', 'M', { extra: { old: '书记' } }), P('主任', 'M', { extra: { old: '副主任' } }), P('委员', 'M', { extra: { old: '' } }), P('妇联主席', 'F', { seat: false, chair: true, extra: { old: '委员、妇联主席' } })], reps(24, 8)), // woman fail (former 委员 no longer); chair fail; 24/8 pass
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['原职务', (c) => c.p.extra.old ?? ''], ['现任职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => yn(c.p.rep)]];
  write('D33', '双河镇换届名单.xlsx', book([['Sheet1', sheet([[`${T}村“两委”换届前后人员对照表`], H(cols), ...rosterRows(vs, cols)])]]));
  addCase('D33', 'roster with a 原职务 (former post) column beside 现任职务; former 书记/委员 now only representatives or chair without seat', ['双河镇换届名单.xlsx'], ex(T, vs));
}

await Promise.all(pending);
for (const c of cases) {
  const dir = path.join(OUT, c.id);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify({ villages: c.expected }, null, 2));
  fs.writeFileSync(path.join(dir, 'CASE.txt'), `${c.desc}\nfiles: ${c.files.join(', ')}\n`);
}
console.log(`${cases.length} cases written to ${OUT}`);
