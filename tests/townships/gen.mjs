// Generates township workbooks of many layouts + expected verdicts.
//   node tests/townships/gen.mjs → tests/townships/cases/<case>/<files…>, expected.json and CASE.txt (the layout in a line)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  XLSX, P, reps, idCell, sexCell, expectRoster, expectCounts, sheet, book, csvText, gbk, rnd, pick, knownSex,
} from './lib.mjs';

const require = createRequire(import.meta.url);
const ExcelJS = require('exceljs');

const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), 'cases');
// This generator owns the C cases; gen-more.mjs owns the D cases.
fs.mkdirSync(OUT, { recursive: true });
for (const d of fs.readdirSync(OUT)) if (d.startsWith('C')) fs.rmSync(path.join(OUT, d), { recursive: true, force: true });

const cases = [];
function addCase(id, desc, files, expected) {
  cases.push({ id, desc, files, expected });
}

// ---------- small helpers ----------
const phone = () => '1' + pick(['3', '5', '8']) + String(Math.floor(rnd() * 1e9)).padStart(9, '0');
const birth = (p) => `${p.id.slice(6, 10)}.${p.id.slice(10, 12)}`;
const nation = () => (rnd() < 0.9 ? '汉族' : '畲族');
const partyOf = (p) => (p.seat ? '中共党员' : pick(['群众', '中共党员', '群众']));
const edu = () => pick(['高中', '大专', '本科', '初中', '中专']);
/** A village: committee persons then representatives; returns persons. */
const V = (name, committee, repList) => ({ name, persons: [...committee, ...repList] });

/** Rows of persons, per village, through column functions. */
function rosterRows(villages, cols, { seqRestart = true } = {}) {
  const rows = [];
  let g = 0;
  for (const v of villages) {
    let i = 0;
    for (const p of v.persons) {
      i++; g++;
      rows.push(cols.map(([, f]) => f({ p, v: v.name, t: v.township, i: seqRestart ? i : g })));
    }
  }
  return rows;
}
const H = (cols) => cols.map(([h]) => h);
const ex = (township, villages, parts) => villages.map((v) => expectRoster(township, v.name, v.persons, parts));
function write(caseId, file, data) {
  const dir = path.join(OUT, caseId);
  fs.mkdirSync(dir, { recursive: true });
  const f = path.join(dir, file);
  if (data instanceof Buffer || typeof data === 'string') fs.writeFileSync(f, data);
  else XLSX.writeFile(data, f, { bookType: file.endsWith('.xls') ? 'biff8' : 'xlsx' });
}
const pending = [];

// =====================================================================================
// C01 红星镇: flat roster, many extra columns, township only in the title, √ marks, footer.
{
  const T = '红星镇';
  const vs = [
    V('红星村', [
      P('书记兼主任', 'M', { rep: true }), P('副书记', 'M'), P('支委委员', 'F', { rep: true }),
      P('村委委员兼妇联主席', 'F', { chair: true }), P('村委委员', 'M'),
      P('第一书记', 'M', { seat: false }), P('监委会主任', 'M', { seat: false }),
    ], reps(29, 10)), // reps: 31 total, women 11 → 33>=31 pass
    V('光明村', [
      P('书记', 'M'), P('主任', 'M', { rep: true }), P('副主任', 'M'), P('委员', 'M'), P('妇联主席', 'F', { seat: false, chair: true, rep: true }),
    ], reps(28, 9)), // 30 reps, 10 women → pass
    V('新华社区', [
      P('社区党委书记、居委会主任', 'F'), P('党委副书记', 'M'), P('居委会副主任', 'M'), P('居委会委员（妇联主席）', 'F', { chair: true, rep: true }),
    ], reps(26, 7)), // 27 reps, 8 women → 24<27 fail
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [
    ['序号', (c) => c.i], ['村（社区）', (c) => c.v], ['姓  名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['民族', () => nation()],
    ['出生年月', (c) => birth(c.p)], ['政治面貌', (c) => partyOf(c.p)], ['文化程度', () => edu()], ['现任职务', (c) => c.p.post],
    ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => (c.p.rep ? '√' : '')], ['联系电话', () => phone()], ['备注', () => ''],
  ];
  const aoa = [[`${T}2026年村（社区）“两委”换届当选人员及村民代表名单`], H(cols), ...rosterRows(vs, cols), [], ['填表人：张某某', '', '', '审核人：李某某', '', '', '', '', '填报日期：2026年5月20日']];
  write('C01', '红星镇换届名单.xlsx', book([['Sheet1', sheet(aoa, [[0, 0, 0, 12]])]]));
  addCase('C01', 'flat roster, title-only township, 13 columns, √ marks, 社区 居委会 seats, 第一书记/监委会主任 no seat, footer', ['红星镇换届名单.xlsx'], ex(T, vs));
}

// C02 长岭乡: section rows "一、长岭村（共N人）", 序号 restarts, ● marks under lone 村民代表 header, township from file name.
{
  const T = '长岭乡';
  const vs = [
    V('长岭村', [P('书记、主任', 'M'), P('副书记', 'M', { rep: true }), P('支委', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true }), P('村委委员', 'M'), P('副主任', 'M')], reps(19, 6)), // 21, 7 → pass
    V('石桥村', [P('书记', 'M'), P('主任', 'M'), P('支委委员', 'F', { rep: true }), P('村委委员', 'F'), P('委员', 'M'), P('妇联主席', 'F', { seat: false, chair: true })], reps(23, 6)), // 24, 7 → 21<24 fail
    V('枣林村', [P('书记', 'M'), P('主任', 'M'), P('副主任', 'F'), P('支委', 'M'), P('委员', 'M'), P('委员', 'M'), P('委员', 'M', { rep: true })], reps(17, 6)), // 18,6 → pass; no chair → unknown
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['序号', (c) => c.i], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号', (c) => idCell(c.p)], ['村民代表', (c) => (c.p.rep ? '●' : '')]];
  const aoa = [H(cols)];
  const merges = [];
  const cn = ['一', '二', '三'];
  vs.forEach((v, k) => {
    merges.push([aoa.length, 0, aoa.length, 5]);
    aoa.push([`${cn[k]}、${v.name}（共${v.persons.length}人）`]);
    aoa.push(...rosterRows([v], cols));
  });
  write('C02', '长岭乡换届结果.xlsx', book([['Sheet1', sheet(aoa, merges)]]));
  addCase('C02', 'section rows 一、X村（共N人）, 序号 restarts, ● in a lone 村民代表 column, township from file name', ['长岭乡换届结果.xlsx'], ex(T, vs));
}

// C03 桃源镇: two post columns under a merged group "任职情况", two-row header, 乡镇 and 村 merged down.
{
  const T = '桃源镇';
  const mk = (party, vill, sex, o = {}) => ({ ...P([party, vill].filter((x) => x !== '/').join('、'), sex, o), party, vill });
  const vs = [
    V('桃源村', [mk('书记', '主任', 'M', { rep: true }), mk('副书记', '/', 'M'), mk('委员', '/', 'F', { rep: true }), mk('/', '委员兼妇联主席', 'F', { chair: true }), mk('/', '副主任', 'M')], reps(34, 11)), // 36, 12 → pass
    V('李家村', [mk('书记', '/', 'M'), mk('/', '主任', 'M'), mk('委员', '委员', 'M'), mk('委员', '/', 'F'), mk('/', '妇联主席', 'F', { seat: false, chair: true, rep: true })], reps(39, 13)), // 40, 14 → 42>=40 pass
  ];
  vs.forEach((v) => (v.township = T));
  const head1 = ['序号', '乡镇', '村名', '姓名', '性别', '出生年月', '任职情况', '', '是否为村民代表', '身份证号码'];
  const head2 = ['', '', '', '', '', '', '党组织职务', '村委会职务', '', ''];
  const aoa = [[`${T}村级组织换届选举结果汇总表`], head1, head2];
  const merges = [[0, 0, 0, 9], [1, 6, 1, 7], ...[0, 1, 2, 3, 4, 5, 8, 9].map((c) => [1, c, 2, c])];
  let seq = 0;
  vs.forEach((v, vi) => {
    const start = aoa.length;
    v.persons.forEach((p, k) => {
      seq++;
      aoa.push([seq, vi === 0 && k === 0 ? T : '', k === 0 ? v.name : '', p.name, sexCell(p), birth(p), p.party ?? '', p.vill ?? '', p.rep ? '是' : '否', idCell(p)]);
    });
    merges.push([start, 2, aoa.length - 1, 2]);
  });
  merges.push([3, 1, aoa.length - 1, 1]);
  write('C03', '桃源镇.xlsx', book([['汇总', sheet(aoa, merges)]]));
  addCase('C03', 'two-row header, merged group 任职情况 over 党组织职务|村委会职务 ("/" = none), 乡镇/村 merged down, 是/否', ['桃源镇.xlsx'], ex(T, vs));
}

// C04 石港镇 count table: single header row, percent numbers, 合计 row, 备注.
{
  const T = '石港镇';
  const rows = [
    ['东港村', { members: 7, women: 2, chair: true, T: 45, W: 15 }],
    ['西港村', { members: 9, women: 1, chair: true, T: 43, W: 14 }],
    ['南塘村', { members: 6, women: 1, chair: false, T: 33, W: 12 }],
    ['北塘村', { members: 5, women: 0, chair: false, T: 30, W: 11 }],
    ['渔港社区', { members: 8, women: 3, chair: null, T: 60, W: 20 }],
    ['新港村', { members: 7, women: 2, chair: true, T: 52, W: 18 }],
  ];
  const header = ['序号', '乡镇', '村名', '两委成员总数', '其中女', '妇联主席是否进入两委', '村民代表人数', '女性代表人数', '女代表占比', '是否达到“两进一有”要求', '备注'];
  const aoa = [[`${T}村“两委”换届“两进一有”完成情况统计表`], header];
  const sum = { m: 0, w: 0, t: 0, rw: 0 };
  rows.forEach(([v, k], i) => {
    const own = k.women > 0 && k.chair === true && 3 * k.W >= k.T;
    aoa.push([i + 1, T, v, k.members, k.women, k.chair === null ? '' : k.chair ? '是' : '否', k.T, k.W, k.W / k.T, v === '西港村' ? '是' : own ? '是' : '否', '']);
    sum.m += k.members; sum.w += k.women; sum.t += k.T; sum.rw += k.W;
  });
  aoa.push(['', '合计', '', sum.m, sum.w, '', sum.t, sum.rw, sum.rw / sum.t, '', '']);
  const formats = [];
  for (let r = 3; r <= aoa.length; r++) formats.push([`I${r}`, '0.0%']);
  write('C04', '石港镇两进一有统计.xlsx', book([['统计表', sheet(aoa, [[0, 0, 0, 10]], { formats })]]));
  addCase('C04', 'count table, one header row: 两委成员总数|其中女|妇联主席是否进入两委|村民代表人数|女性代表人数|女代表占比(0.0%)|是否达到…; 合计 row (合计 in 乡镇 col)', ['石港镇两进一有统计.xlsx'], rows.map(([v, k]) => expectCounts(T, v, k)));
}

// C05 金沙街道 count table: two-row header with groups, 已进入/未进入, township merged down, counts as text, footer.
{
  const T = '金沙街道';
  const rows = [
    ['金沙社区', { members: 9, women: 3, chair: true, T: 48, W: 16 }],
    ['银湖社区', { members: 7, women: 1, chair: false, T: 35, W: 11 }],
    ['沙头村', { members: 5, women: 1, chair: true, T: 31, W: 11 }],
    ['河口村', { members: 7, women: 0, chair: false, T: 40, W: 14 }],
    ['新城社区', { members: 8, women: 2, chair: null, T: 44, W: 15 }],
  ];
  const h1 = ['序号', '乡镇（街道）', '村（社区）', '村（社区）“两委”班子', '', '', '妇联主席进两委情况', '村民（居民）代表', '', '', '备注'];
  const h2 = ['', '', '', '成员数', '女性成员数', '女性占比', '', '总数', '女性', '占比', ''];
  const aoa = [[`${T}村（社区）“两委”换届女性进班子情况统计表`], ['填报单位（盖章）：' + T + '办事处', '', '', '', '', '', '', '', '填报日期：2026年6月2日'], h1, h2];
  const merges = [[0, 0, 0, 10], [2, 3, 2, 5], [2, 7, 2, 9], ...[0, 1, 2, 6, 10].map((c) => [2, c, 3, c])];
  rows.forEach(([v, k], i) => {
    aoa.push([String(i + 1), i === 0 ? T : '', v, String(k.members), String(k.women), (100 * k.women / k.members).toFixed(1) + '%', k.chair === null ? '' : k.chair ? '已进入' : '未进入', String(k.T), String(k.W), (100 * k.W / k.T).toFixed(1) + '%', '']);
  });
  merges.push([4, 1, 4 + rows.length - 1, 1]);
  aoa.push(['', '全街道合计', '', '36', '7', '', '', '198', '67', '', '']);
  aoa.push([]);
  aoa.push(['注：1.“两委”成员按实际人数填写，交叉任职的只计一次；2.占比保留一位小数。']);
  aoa.push(['填表人：王某', '', '', '联系电话：0571-88888888']);
  write('C05', '金沙街道统计表.xlsx', book([['Sheet1', sheet(aoa, merges)]]));
  addCase('C05', 'count table, two-row header with group cells, 已进入/未进入, township merged down, counts typed as text, 全街道合计, notes', ['金沙街道统计表.xlsx'], rows.map(([v, k]) => expectCounts(T, v, k)));
}

// C06 福田乡 count table with 妇联主席姓名 and 女性成员姓名 columns (names of officers in a count table).
{
  const T = '福田乡';
  const rows = [
    ['福田村', { members: 7, women: 2, chair: true, T: 36, W: 12 }, '王丽、陈芳', '王丽'],
    ['上田村', { members: 5, women: 1, chair: false, T: 30, W: 9 }, '刘梅', '赵燕'],
    ['下田村', { members: 6, women: 0, chair: false, T: 33, W: 12 }, '', '孙琴'],
  ];
  const header = ['村名', '两委成员数', '其中女性', '女性成员姓名', '妇联主席姓名', '妇联主席是否进两委', '村民代表数', '其中女性', '是否达标'];
  const aoa = [[`${T}2026年村“两委”换届女性进班子情况`], header];
  rows.forEach(([v, k, names, chairName]) => aoa.push([v, k.members, k.women, names, chairName, k.chair ? '是' : '否', k.T, k.W, '']));
  write('C06', '福田乡统计表.xlsx', book([['Sheet1', sheet(aoa, [[0, 0, 0, 8]])]]));
  addCase('C06', 'count table with 女性成员姓名 and 妇联主席姓名 text columns, two 其中女性 columns, blank 是否达标', ['福田乡统计表.xlsx'], rows.map(([v, k]) => expectCounts(T, v, k)));
}

// C07 松溪镇: two sheets 两委班子 / 村民代表, 村别 column, 代表姓名, 所在村民小组; committee reps listed on both.
{
  const T = '松溪镇';
  const vs = [
    V('松溪村', [P('党支部书记、村委会主任', 'M', { rep: true }), P('副书记', 'M'), P('支委委员、妇联主席', 'F', { chair: true, rep: true }), P('村委委员', 'M')], reps(28, 9)), // 30, 10 → pass
    V('竹林村', [P('书记', 'M'), P('主任', 'M'), P('委员', 'M'), P('委员', 'F', { rep: true }), P('妇联主席', 'F', { seat: false, chair: true, rep: true })], reps(31, 9)), // 33, 11 → pass
    V('溪头村', [P('书记', 'M'), P('主任', 'M', { rep: true }), P('委员', 'M'), P('村委委员', 'M')], reps(45, 14)), // 46,14 → fail; no woman → fail
  ];
  vs.forEach((v) => (v.township = T));
  const c1 = [['村别', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['备注', (c) => (c.p.post === '' ? '' : '')]];
  const com = vs.map((v) => ({ ...v, persons: v.persons.filter((p) => p.post !== '') }));
  const rp = vs.map((v) => ({ ...v, persons: v.persons.filter((p) => p.rep) }));
  const grp = () => `${pick(['一', '二', '三', '四', '五', '六'])}组`;
  const c2 = [['序号', (c) => c.i], ['村别', (c) => c.v], ['代表姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['所在村民小组', () => grp()], ['身份证号', (c) => idCell(c.p)]];
  const s1 = [[`${T}村“两委”班子成员名单`], H(c1), ...rosterRows(com, c1)];
  const s2 = [[`${T}第十二届村民代表名单`], H(c2), ...rosterRows(rp, c2, { seqRestart: false })];
  write('C07', '松溪镇换届.xlsx', book([['两委班子', sheet(s1)], ['村民代表', sheet(s2)]]));
  addCase('C07', 'two sheets 两委班子 / 村民代表 (村别, 代表姓名, 所在村民小组)', ['松溪镇换届.xlsx'], ex(T, vs));
}

// C08 双溪镇: committees and representatives in two FILES (xlsx + xls); reps file without ID, one committee
// member's gender blank in the reps file (known from the committees file by name); one village with no reps sent.
{
  const T = '双溪镇';
  const a = P('村委委员、妇联主席', 'F', { chair: true, rep: true });
  const vs = [
    V('双溪村', [P('书记兼主任', 'M', { rep: true }), P('副书记', 'M'), a, P('支委', 'M')], reps(25, 8)), // 27, 9 → pass
    V('前村村', [P('书记', 'M'), P('主任', 'F'), P('委员', 'M'), P('副主任', 'M', { rep: true })], reps(29, 9)), // 30, 9 → 27<30 fail; chair unknown
    V('后岭村', [P('书记', 'M'), P('主任', 'M'), P('委员（妇联主席）', 'F', { chair: true })], []), // no reps sent
  ];
  vs.forEach((v) => (v.township = T));
  const c1 = [['序号', (c) => c.i], ['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号', (c) => idCell(c.p)]];
  const com = vs.map((v) => ({ ...v, persons: v.persons.filter((p) => p.post !== '') }));
  write('C08', '双溪镇两委班子名单.xlsx', book([['Sheet1', sheet([[`${T}村“两委”班子成员名单`], H(c1), ...rosterRows(com, c1)])]]));
  const rp = vs.map((v) => ({ ...v, persons: v.persons.filter((p) => p.rep) })).filter((v) => v.persons.length);
  const c2 = [['所属乡镇', (c) => c.t], ['行政村', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => (c.p === a ? '' : sexCell(c.p))], ['年龄', (c) => 2026 - Number(c.p.id.slice(6, 10))], ['文化程度', () => edu()]];
  write('C08', '双溪镇村民代表名单.xls', book([['村民代表', sheet([H(c2), ...rosterRows(rp, c2)])]]));
  addCase('C08', 'committees (.xlsx) and representatives (.xls, no ID column) in two files of one township; 后岭村 has no reps; a rep\'s gender blank in reps file but known from committees file (same name)', ['双溪镇两委班子名单.xlsx', '双溪镇村民代表名单.xls'], [
    ...ex(T, vs.slice(0, 2)), expectRoster(T, '后岭村', vs[2].persons, { committees: true, reps: false }),
  ]);
}

// C09 河口镇 UTF-8 BOM csv: 所属乡镇, 村（社区）名称, 公民身份号码, blank 性别 with valid IDs, lower x, one "3.30102E+17" ID.
{
  const T = '河口镇';
  const vs = [
    V('河口村', [P('书记', 'M', { decl: '' }), P('主任', 'M', { decl: '' }), P('委员兼妇联主席', 'F', { chair: true, decl: '', rep: true }), P('副主任', 'M', { decl: '', idOut: 'lower', wantX: true })], reps(29, 9, 0, { decl: '' })), // 30, 10 → pass, all genders from ID
    V('江湾村', [P('书记、主任', 'M'), P('委员', 'F', { idOut: 'sci' }), P('妇联主席', 'F', { seat: false, chair: true, decl: '' })], [...reps(25, 8), P('', 'F', { seat: false, rep: true, idOut: 'sci' })]), // 26 reps, 9 known women (sci with declared 女 → known) → 27>=26 pass
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['所属乡镇', (c) => c.t], ['村（社区）名称', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['公民身份号码', (c) => idCell(c.p)], ['是否村民代表', (c) => (c.p.rep ? '是' : '否')]];
  write('C09', '河口镇名单.csv', '\uFEFF' + csvText([H(cols), ...rosterRows(vs, cols)]));
  addCase('C09', 'UTF-8 BOM CSV; 性别 blank where the ID is valid; lower-case x; IDs as "3.30102E+17" with 性别 given', ['河口镇名单.csv'], ex(T, vs));
}

// C10 青龙乡 GBK csv: 行政村, 姓 名, 性别(男/女), 职 务, 身份证, 代表 with Y/blank; full-width spaces in names; "女　".
{
  const T = '青龙乡';
  const vs = [
    V('青龙村', [P('书记', 'M'), P('主任', 'M', { rep: true }), P('副主任，妇联主席', 'F', { chair: true, decl: '女　' }), P('委员', 'M')], reps(23, 8)), // 24, 8 → pass
    V('白马村', [P('书记兼主任', 'M'), P('委员', 'M'), P('委员', 'M'), P('妇女主任', 'F', { seat: false, chair: true, rep: true })], reps(35, 11)), // 36, 12 → pass
  ];
  vs.forEach((v) => (v.township = T));
  for (const v of vs) for (const p of v.persons) if (p.name.length === 2 && rnd() < 0.5) p.shown = p.name[0] + '　' + p.name[1];
  const cols = [['乡镇', (c) => c.t], ['行政村', (c) => c.v], ['姓 名', (c) => c.p.shown ?? c.p.name], ['性别(男/女)', (c) => sexCell(c.p)], ['职 务', (c) => c.p.post], ['身份证', (c) => idCell(c.p)], ['代表', (c) => (c.p.rep ? 'Y' : '')]];
  write('C10', '青龙乡名单.csv', gbk(csvText([H(cols), ...rosterRows(vs, cols)])));
  addCase('C10', 'GBK CSV CRLF; 行政村, "姓 名", 性别(男/女), "职 务", 身份证, lone 代表 column with Y/blank; full-width spaces in names', ['青龙乡名单.csv'], ex(T, vs));
}

// C11 白云乡.xls: one sheet a village with a title row naming the village; a 说明 sheet; a hidden 字典 sheet.
{
  const T = '白云乡';
  const vs = [
    V('上坪村', [P('书记', 'M'), P('主任', 'M'), P('支委委员', 'F', { rep: true }), P('村委委员、妇代会主任', 'F', { chair: true, rep: true })], reps(30, 10)), // 32, 12 → pass
    V('下坪村', [P('书记、主任', 'F'), P('副书记', 'M'), P('委员', 'M', { rep: true })], reps(20, 6)), // 21, 6 → 18<21 fail; no chair → unknown
    V('城南社区', [P('党委书记', 'M'), P('居委会主任', 'M'), P('居委会委员兼妇联主席', 'F', { chair: true })], reps(33, 11)), // 33, 11 → pass
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['序号', (c) => c.i], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号', (c) => idCell(c.p)], ['是否村民代表', (c) => (c.p.rep ? '是' : '否')]];
  const sheets = vs.map((v) => [v.name, sheet([[`${v.name}“两委”班子成员及村民代表名单`], H(cols), ...rosterRows([v], cols)], [[0, 0, 0, 5]])]);
  sheets.push(['说明', sheet([['填表说明：'], ['1.每村一个工作表；'], ['2.身份证号请设置为文本格式。']])]);
  sheets.push(['字典', sheet([['性别', '是否'], ['男', '是'], ['女', '否']])]);
  write('C11', '白云乡.xls', book(sheets, ['字典']));
  addCase('C11', '.xls (BIFF8), one sheet per village with a title naming the village, 说明 sheet, hidden 字典 sheet, 社区 with 党委/居委会', ['白云乡.xls'], ex(T, vs));
}

// C12 凤凰镇: sheets named without 村 ("大坪", "小溪"), no title, and "城东社区居委会".
{
  const T = '凤凰镇';
  const vs = [
    V('大坪', [P('书记', 'M'), P('主任', 'M'), P('委员', 'F', { chair: true, post: '委员、妇联主席' })], reps(24, 8)),
    V('小溪', [P('书记兼主任', 'M'), P('副主任', 'M'), P('委员', 'M')], reps(27, 10)),
    V('城东社区居委会', [P('社区党委书记', 'F'), P('居委会主任', 'M'), P('居委会委员', 'F', { rep: true }), P('社区妇联主席', 'F', { seat: false, chair: true })], reps(20, 7)),
  ];
  vs[0].persons[2].post = '委员、妇联主席';
  vs.forEach((v) => (v.township = T));
  const cols = [['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => (c.p.rep ? '是' : '')]];
  write('C12', '凤凰镇.xlsx', book(vs.map((v) => [v.name, sheet([H(cols), ...rosterRows([v], cols)])])));
  // Expected villages: the bare names are villages as the township wrote them; the scorer matches names exactly
  addCase('C12', 'one sheet per village, sheet names without 村 (大坪, 小溪) and 城东社区居委会, no title', ['凤凰镇.xlsx'], [
    expectRoster(T, '大坪', vs[0].persons), expectRoster(T, '小溪', vs[1].persons), expectRoster(T, '城东社区', vs[2].persons),
  ]);
}

// C13 云台镇: post vocabulary variety.
{
  const T = '云台镇';
  const vs = [
    V('云台村', [P('党支部书记兼村委会主任', 'M'), P('党支部副书记', 'M'), P('村委会副主任、村妇联主席', 'F', { chair: true }), P('党支部委员', 'M'), P('报账员', 'F', { seat: false })], reps(30, 10)),
    V('朝阳村', [P('支部书记', 'M'), P('村委会主任', 'M'), P('村两委委员', 'M'), P('驻村第一书记', 'F', { seat: false }), P('村监委会主任、妇联主席', 'F', { seat: false, chair: true }), P('村民小组长', 'F', { seat: false })], reps(30, 12)),
    V('高坪村', [P('党总支书记', 'M'), P('村委主任', 'M'), P('支委、妇联主席', 'F', { chair: true }), P('村委委员', 'F'), P('治保主任', 'M', { seat: false }), P('会计', 'M', { seat: false })], reps(36, 12)),
    V('龙井村', [P('村党总支部书记', 'M'), P('村主任', 'M'), P('两委委员', 'M'), P('妇女主任（村委委员）', 'F', { chair: true }), P('后备干部', 'F', { seat: false })], reps(33, 11)),
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['乡镇', (c) => c.t], ['村', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号', (c) => idCell(c.p)], ['是否村民代表', (c) => (c.p.rep ? '是' : '否')]];
  write('C13', '云台镇名单.xlsx', book([['Sheet1', sheet([H(cols), ...rosterRows(vs, cols)])]]));
  addCase('C13', 'post wording: 党支部书记兼村委会主任, 村委会副主任、村妇联主席, 驻村第一书记 (F, no seat), 村监委会主任、妇联主席, 村民小组长, 党总支书记, 治保主任, 会计, 村党总支部书记, 妇女主任（村委委员）, 后备干部', ['云台镇名单.xlsx'], ex(T, vs));
}

// C14 石岩镇: ID variants at the one-third line.
{
  const T = '石岩镇';
  // 石岩村 reps: 30 reps, women must be >=10. Known: 9 plain women + 1 full-width-ID woman (declared blank) = 10 → pass.
  const v1reps = [...reps(28, 9), P('', 'F', { seat: false, rep: true, idOut: 'fw', decl: '' }), P('', 'M', { seat: false, rep: true, idOut: 'spaced' })];
  // 岩下村: 30 reps: 9 women + a woman declared 女 but whose valid ID says male (→ male) → 9 → fail;
  //          plus a person with a bad check char and declared 男 (male), a number-typed ID with declared 女 (female → 10?)
  const v2reps = [...reps(27, 8), P('', 'M', { seat: false, rep: true, decl: '女' }), P('', 'M', { seat: false, rep: true, idOut: 'bad', decl: '男' }), P('', 'F', { seat: false, rep: true, idOut: 'num', decl: '女' })];
  // → known women: 8 + 1 (num, declared 女) = 9 ; T = 30 → 27 < 30 fail
  const vs = [
    V('石岩村', [P('书记', 'M'), P('主任', 'M', { idOut: 'num' }), P('委员、妇联主席', 'F', { chair: true, idOut: 'lower', decl: '' })], v1reps),
    V('岩下村', [P('书记兼主任', 'M'), P('委员', 'F', { decl: '男' }), P('妇联主席', 'F', { seat: false, chair: true, idOut: 'num', decl: '' })], v2reps),
    // 岩头村: the only committee woman has blank gender and a number-typed ID → womanInCommittees unknown
    V('岩头村', [P('书记', 'M'), P('主任', 'M'), P('委员兼妇联主席', 'F', { chair: true, idOut: 'num', decl: '' })], reps(24, 8)),
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['序号', (c) => c.i], ['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['身份证号码', (c) => idCell(c.p)], ['职务', (c) => c.p.post], ['是否村民代表', (c) => (c.p.rep ? '是' : '否')]];
  write('C14', '石岩镇.xlsx', book([[`${T}`, sheet([H(cols), ...rosterRows(vs, cols)])]]));
  addCase('C14', 'IDs: full-width digits, spaces inside, lower x, typed as numbers (with/without 性别), wrong check char, declared gender contradicting the ID; township = sheet name', ['石岩镇.xlsx'], ex(T, vs));
}

// C15 two townships in one sheet: 乡镇 and 村 merged down.
{
  const vs = [
    { ...V('龙潭村', [P('书记', 'M'), P('主任', 'M'), P('委员兼妇联主席', 'F', { chair: true, rep: true })], reps(20, 7)), township: '龙潭镇' },
    { ...V('龙泉村', [P('书记兼主任', 'M'), P('委员', 'M'), P('委员', 'M'), P('妇联主席', 'F', { seat: false, chair: true })], reps(22, 7)), township: '龙潭镇' },
    { ...V('虎山村', [P('书记', 'F'), P('主任', 'M'), P('委员（妇联主席）', 'F', { chair: true })], reps(27, 9)), township: '虎山乡' },
    { ...V('虎溪村', [P('书记', 'M'), P('主任', 'M'), P('委员', 'M', { rep: true })], reps(29, 10)), township: '虎山乡' },
  ];
  const aoa = [['龙潭片区2026年村“两委”换届情况汇总'], ['序号', '乡镇', '村（社区）', '姓名', '性别', '职务', '身份证号', '是否村民代表']];
  const merges = [[0, 0, 0, 7]];
  let tStart = 2, lastT = null, seq = 0;
  vs.forEach((v) => {
    if (v.township !== lastT) {
      if (lastT) merges.push([tStart, 1, aoa.length - 1, 1]);
      tStart = aoa.length; lastT = v.township;
    }
    const start = aoa.length;
    v.persons.forEach((p, k) => {
      seq++;
      aoa.push([seq, aoa.length === tStart ? v.township : '', k === 0 ? v.name : '', p.name, sexCell(p), p.post, idCell(p), p.rep ? '是' : '否']);
    });
    merges.push([start, 2, aoa.length - 1, 2]);
  });
  merges.push([tStart, 1, aoa.length - 1, 1]);
  write('C15', '龙潭片区换届名单.xlsx', book([['名单', sheet(aoa, merges)]]));
  addCase('C15', 'two townships in one roster, 乡镇 and 村 columns merged down (top cell only); title names a 片区 not a township', ['龙潭片区换届名单.xlsx'], vs.map((v) => expectRoster(v.township, v.name, v.persons)));
}

// C16 梅村街道: township named only in the title; its name contains 村.
{
  const T = '梅村街道';
  const vs = [
    V('梅里社区', [P('社区党委书记、居委会主任', 'M'), P('居委会委员、妇联主席', 'F', { chair: true })], reps(30, 11)),
    V('新联村', [P('书记', 'M'), P('主任', 'M'), P('委员', 'F', { rep: true })], reps(26, 8)),
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['序号', (c) => c.i], ['社区（村）', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否居民（村民）代表', (c) => (c.p.rep ? '是' : '否')]];
  write('C16', '换届名单汇总.xlsx', book([['Sheet1', sheet([[`${T}2026年村（社区）“两委”换届当选人员名单`], H(cols), ...rosterRows(vs, cols)], [[0, 0, 0, 6]])]]));
  addCase('C16', 'township only in the title and its name holds 村 (梅村街道); generic file name', ['换届名单汇总.xlsx'], ex(T, vs));
}

// C17 header 建制村 (Zhejiang/Fujian wording for 行政村).
{
  const T = '安仁镇';
  const vs = [
    V('安仁村', [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true })], reps(21, 7)),
    V('永安村', [P('书记兼主任', 'M'), P('委员', 'M'), P('妇联主席', 'F', { seat: false, chair: true, rep: true })], reps(23, 6)),
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['乡镇', (c) => c.t], ['建制村', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['是否村民代表', (c) => (c.p.rep ? '是' : '否')]];
  write('C17', '安仁镇名单.xlsx', book([['Sheet1', sheet([H(cols), ...rosterRows(vs, cols)])]]));
  addCase('C17', 'village column headed 建制村', ['安仁镇名单.xlsx'], ex(T, vs));
}

// C18 header "村民代表（√）" with √ marks.
{
  const T = '临溪乡';
  const vs = [
    V('临溪村', [P('书记', 'M'), P('主任', 'M', { rep: true }), P('委员、妇联主席', 'F', { chair: true, rep: true })], reps(25, 8)), // 27, 9 → pass
    V('溪口村', [P('书记、主任', 'M'), P('委员', 'F'), P('委员', 'M')], reps(30, 9)), // 30, 9 → fail
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['村（居）', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号', (c) => idCell(c.p)], ['村民代表（√）', (c) => (c.p.rep ? '√' : '')]];
  write('C18', '临溪乡名单.xlsx', book([['临溪乡', sheet([H(cols), ...rosterRows(vs, cols)])]]));
  addCase('C18', 'representative column headed 村民代表（√）', ['临溪乡名单.xlsx'], ex(T, vs));
}

// C19 清水乡: one sheet a village, two tables in the sheet (一、两委班子成员 / 二、村民代表), each with its header.
{
  const T = '清水乡';
  const vs = [
    V('清水村', [P('书记', 'M'), P('主任', 'M', { rep: true }), P('副主任、妇联主席', 'F', { chair: true, rep: true }), P('委员', 'M')], reps(28, 9)), // 30, 10 → pass
    V('水口村', [P('书记兼主任', 'M'), P('委员', 'M'), P('委员', 'M'), P('妇联主席', 'F', { seat: false, chair: true })], reps(31, 11)), // 31, 11 → pass
  ];
  vs.forEach((v) => (v.township = T));
  const c1 = [['序号', (c) => c.i], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号', (c) => idCell(c.p)]];
  const c2 = [['序号', (c) => c.i], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['身份证号', (c) => idCell(c.p)], ['村民小组', () => pick(['1组', '2组', '3组'])]];
  const sheets = vs.map((v) => {
    const com = { ...v, persons: v.persons.filter((p) => p.post) };
    const rp = { ...v, persons: v.persons.filter((p) => p.rep) };
    const aoa = [['一、两委班子成员'], H(c1), ...rosterRows([com], c1), [], ['二、村民代表'], H(c2), ...rosterRows([rp], c2)];
    return [v.name, sheet(aoa)];
  });
  write('C19', '清水乡.xlsx', book(sheets));
  addCase('C19', 'one sheet per village; two tables in the sheet: "一、两委班子成员" (with 职务) and "二、村民代表" (no 职务, 村民小组)', ['清水乡.xlsx'], ex(T, vs));
}

// C20 count table: 妇联主席是否交叉任职, 村（社区）名称, township in title, percent text with two decimals.
{
  const T = '大同镇';
  const rows = [
    ['大同村', { members: 7, women: 1, chair: true, T: 39, W: 13 }],
    ['小同村', { members: 6, women: 2, chair: false, T: 42, W: 13 }],
    ['同心社区', { members: 9, women: 4, chair: true, T: 51, W: 17 }],
  ];
  const header = ['村（社区）名称', '村“两委”成员数', '女性成员数', '妇联主席是否交叉任职', '村民代表总数', '女性村民代表数', '女性代表占比'];
  const aoa = [[`${T}村“两委”换届“两进一有”情况统计表`], header];
  rows.forEach(([v, k]) => aoa.push([v, k.members, k.women, k.chair ? '是' : '否', k.T, k.W, (100 * k.W / k.T).toFixed(2) + '%']));
  write('C20', '统计表.xlsx', book([['Sheet1', sheet(aoa, [[0, 0, 0, 6]])]]));
  addCase('C20', 'count table headed 妇联主席是否交叉任职; township only in the title; file named 统计表.xlsx', ['统计表.xlsx'], rows.map(([v, k]) => expectCounts(T, v, k)));
}

// C21 representatives marked in the 职务 column ("村民代表"; "村委委员、村民代表").
{
  const T = '南山镇';
  const vs = [
    V('南山村', [P('书记、主任', 'M'), P('副书记', 'M'), P('村委委员、妇联主席', 'F', { chair: true, rep: true }), P('支委委员', 'M', { rep: true })], reps(22, 7)), // 24, 8 → pass
    V('北山村', [P('书记', 'M'), P('主任', 'M', { rep: true }), P('委员', 'M')], reps(24, 7)), // 25, 7 → fail
  ];
  vs.forEach((v) => (v.township = T));
  const postOf = (p) => [p.post, p.rep ? '村民代表' : ''].filter(Boolean).join('、');
  const cols = [['乡镇', (c) => c.t], ['村', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务（身份）', (c) => postOf(c.p)], ['身份证号', (c) => idCell(c.p)]];
  write('C21', '南山镇名单.xlsx', book([['Sheet1', sheet([H(cols), ...rosterRows(vs, cols)])]]));
  addCase('C21', 'no 是否代表 column: 村民代表 written in the 职务（身份） column ("村委委员、村民代表" / "村民代表")', ['南山镇名单.xlsx'], ex(T, vs));
}

// C22 wrapped headers ("是否村\n民代表", "身份证\n号码", "姓\n名"), incomplete villages.
{
  const T = '平桥镇';
  const vs = [
    V('平桥村', [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true })], []), // no representatives (all 否)
    V('东桥村', [P('书记兼主任', 'M'), P('委员', 'F'), P('委员', 'M', { decl: '' , idOut: 'none'})], [...reps(25, 8, 2)]), // 25 reps: 8 known women, 2 unknown → 24 < 25, 30 >= 25 → unknown; chair unknown
    V('西桥村', [P('书记', 'M'), P('主任', 'M', { decl: '', idOut: 'none' })], reps(21, 7)), // woman: members 2, unknown 1, no woman → unknown
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['序\n号', (c) => c.i], ['村\n名', (c) => c.v], ['姓\n名', (c) => c.p.name], ['性\n别', (c) => sexCell(c.p)], ['职\n务', (c) => c.p.post], ['身份证\n号码', (c) => idCell(c.p)], ['是否村\n民代表', (c) => (c.p.rep ? '是' : '否')]];
  write('C22', '平桥镇名单.xlsx', book([['Sheet1', sheet([[`${T}换届结果`], H(cols), ...rosterRows(vs, cols)])]]));
  addCase('C22', 'headers wrapped with line breaks; a village with no reps (all 否); unknown genders', ['平桥镇名单.xlsx'], ex(T, vs));
}

// C23 ExcelJS workbook: rich-text headers, real dates in 出生年月, 序号 as formulas, 镇（街道）/村（居） headers, bold title merged.
{
  const T = '东城街道';
  const vs = [
    V('东城社区', [P('党委书记、居委会主任', 'M'), P('党委副书记', 'F'), P('居委会委员、妇联主席', 'F', { chair: true, rep: true }), P('党委委员', 'M')], reps(35, 12)), // 36, 13 → pass
    V('东关村', [P('书记', 'M'), P('主任', 'M'), P('委员', 'M'), P('委员', 'M')], reps(30, 10)), // woman fail, chair unknown, pass
  ];
  vs.forEach((v) => (v.township = T));
  pending.push((async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.mergeCells('A1:I1');
    ws.getCell('A1').value = `${T}社区（村）“两委”换届选举当选人员统计表`;
    ws.getCell('A1').font = { bold: true, size: 16 };
    const heads = ['序号', '镇（街道）', '村（居）', '姓名', '性别', '出生年月', '职务', '身份证号码', '是否村（居）民代表'];
    heads.forEach((h, i) => {
      ws.getCell(2, i + 1).value = i === 7 ? { richText: [{ text: '身份证号码', font: { bold: true } }, { text: '（18位）', font: { color: { argb: 'FFFF0000' } } }] } : h;
    });
    let r = 3;
    for (const v of vs) {
      for (const p of v.persons) {
        ws.getCell(r, 1).value = { formula: `ROW()-2`, result: r - 2 };
        ws.getCell(r, 2).value = T;
        ws.getCell(r, 3).value = v.name;
        ws.getCell(r, 4).value = p.name;
        ws.getCell(r, 5).value = sexCell(p);
        ws.getCell(r, 6).value = new Date(Date.UTC(Number(p.id.slice(6, 10)), Number(p.id.slice(10, 12)) - 1, 1));
        ws.getCell(r, 6).numFmt = 'yyyy.mm';
        ws.getCell(r, 7).value = p.post;
        ws.getCell(r, 8).value = idCell(p);
        ws.getCell(r, 8).numFmt = '@';
        ws.getCell(r, 9).value = p.rep ? '是' : '否';
        r++;
      }
    }
    fs.mkdirSync(path.join(OUT, 'C23'), { recursive: true });
    await wb.xlsx.writeFile(path.join(OUT, 'C23', '东城街道名单.xlsx'));
  })());
  addCase('C23', 'ExcelJS-written: rich-text header 身份证号码（18位）, dates in 出生年月, 序号 as formulas, 镇（街道）/村（居）/是否村（居）民代表', ['东城街道名单.xlsx'], ex(T, vs));
}

// C24 count table, two townships with 小计 rows and a 总计 row, 社区居委会 names, 达标/不达标.
{
  const data = [
    ['红旗镇', '红旗村', { members: 7, women: 1, chair: true, T: 30, W: 10 }],
    ['红旗镇', '胜利村', { members: 5, women: 1, chair: true, T: 31, W: 10 }],
    ['红旗镇', '红旗社区居委会', { members: 9, women: 3, chair: true, T: 45, W: 18 }],
    ['向阳乡', '向阳村', { members: 6, women: 0, chair: false, T: 36, W: 12 }],
    ['向阳乡', '前进村', { members: 8, women: 2, chair: null, T: 40, W: 14 }],
  ];
  const h1 = ['乡镇', '村（社区）', '两委班子成员', '', '妇联主席是否进两委', '村民代表', '', '', '是否达标'];
  const h2 = ['', '', '总人数', '其中女性', '', '人数', '其中女性', '女性占比（%）', ''];
  const aoa = [['2026年村（社区）“两委”换届“两进一有”情况汇总表'], h1, h2];
  const merges = [[0, 0, 0, 8], [1, 2, 1, 3], [1, 5, 1, 7], ...[0, 1, 4, 8].map((c) => [1, c, 2, c])];
  let last = null;
  const sub = () => aoa.push(['', '小计', '', '', '', '', '', '', '']);
  for (const [t, v, k] of data) {
    if (last && t !== last) sub();
    const ok = k.women > 0 && k.chair === true && 3 * k.W >= k.T;
    aoa.push([t === last ? '' : t, v, k.members, k.women, k.chair === null ? '' : k.chair ? '是' : '否', k.T, k.W, Math.round(1000 * k.W / k.T) / 10, ok ? '达标' : '不达标']);
    last = t;
  }
  sub();
  aoa.push(['总计', '', 35, 7, '', 182, 64, '', '']);
  write('C24', '片区两进一有汇总.xlsx', book([['汇总表', sheet(aoa, merges)]]));
  addCase('C24', 'count table over two townships (乡镇 blank = same as above), 小计 rows with 乡镇 blank, 总计 row, 社区居委会 names, 女性占比（%） as numbers, 达标/不达标', ['片区两进一有汇总.xlsx'], data.map(([t, v, k]) => expectCounts(t, v.replace('居委会', ''), k)));
}

// C25 chair given in a separate 是否妇联主席 column, not in 职务.
{
  const T = '茶溪乡';
  const vs = [
    V('茶溪村', [P('书记', 'M'), P('主任', 'M'), P('村委委员', 'F', { chair: true, rep: true })], reps(20, 7)),
    V('茶山村', [P('书记兼主任', 'M'), P('委员', 'F'), P('', 'F', { seat: false, chair: true, rep: true })], reps(26, 8)),
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['两委职务', (c) => c.p.post], ['是否妇联主席', (c) => (c.p.chair ? '是' : '')], ['是否村民代表', (c) => (c.p.rep ? '是' : '')], ['身份证号码', (c) => idCell(c.p)]];
  write('C25', '茶溪乡名单.xlsx', book([[T, sheet([H(cols), ...rosterRows(vs, cols)])]]));
  addCase('C25', 'chair marked in its own 是否妇联主席 column (是/blank); 两委职务 header; a chair with no post', ['茶溪乡名单.xlsx'], ex(T, vs));
}

// C26 sections "青山村：" and "村名：X村　共N人", township section row, names with 〇 and trailing *.
{
  const vs = [
    { ...V('青山村', [P('书记', 'M'), P('主任', 'M', { name: '李〇明' }), P('委员、妇联主席', 'F', { chair: true, rep: true })], reps(24, 8)), township: '青峰镇' },
    { ...V('黄泥村', [P('书记兼主任', 'M'), P('委员', 'F'), P('委员', 'M')], reps(21, 6)), township: '青峰镇' },
  ];
  vs[1].persons[1].shown = vs[1].persons[1].name + '*';
  const cols = [['序号', (c) => c.i], ['姓名', (c) => c.p.shown ?? c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号', (c) => idCell(c.p)], ['是否村民代表', (c) => (c.p.rep ? '是' : '否')]];
  const aoa = [['村“两委”及村民代表名单'], ['青峰镇'], H(cols), ['青山村：'], ...rosterRows([vs[0]], cols), [`村名：黄泥村　共${vs[1].persons.length}人`], ...rosterRows([vs[1]], cols), [], ['注：带*号为新当选人员。']];
  write('C26', '名单.xlsx', book([['Sheet1', sheet(aoa)]]));
  addCase('C26', 'township as a single-cell row above the header; sections "青山村：" and "村名：黄泥村　共N人"; names with 〇 and a trailing *', ['名单.xlsx'], vs.map((v) => expectRoster(v.township, v.name, v.persons)));
}

// C27 no 性别 column at all; gender from the ID only; some IDs typed as numbers → unknown.
{
  const T = '马坪镇';
  const vs = [
    V('马坪村', [P('书记', 'M'), P('主任', 'M'), P('委员兼妇联主席', 'F', { chair: true })], reps(30, 10)), // pass
    V('马鞍村', [P('书记', 'M', { idOut: 'num' }), P('主任', 'M')], [...reps(27, 9), P('', 'F', { seat: false, rep: true, idOut: 'num' })]), // woman unknown; reps 28, 9 known, 1 unknown → 27<28, 30>=28 → unknown
  ];
  vs.forEach((v) => (v.township = T));
  for (const v of vs) for (const p of v.persons) p.decl = '';
  const cols = [['序号', (c) => c.i], ['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['职务', (c) => c.p.post], ['身份证号码', (c) => idCell(c.p)], ['村民代表', (c) => (c.p.rep ? '是' : '否')]];
  write('C27', '马坪镇.xlsx', book([['Sheet1', sheet([H(cols), ...rosterRows(vs, cols)])]]));
  addCase('C27', 'no 性别 column; gender from the ID; IDs typed as numbers → unknown', ['马坪镇.xlsx'], ex(T, vs));
}

// C28 roster with 党内职务 + 行政职务 columns where "无" means none, and the rep column 是否为村民代表 with ✓; 村（社区） merged.
{
  const T = '西河镇';
  const mk = (a, b, sex, o = {}) => ({ ...P([a, b].filter((x) => x !== '无').join('、'), sex, o), a, b });
  const vs = [
    V('西河村', [mk('党支部书记', '村委会主任', 'M'), mk('支部委员', '无', 'F', { rep: true }), mk('无', '村委委员、妇联主席', 'F', { chair: true, rep: true }), mk('无', '村民小组长', 'M', { seat: false })], reps(22, 7)), // 24, 9 → pass
    V('河湾村', [mk('党支部书记', '无', 'M'), mk('无', '村委会主任', 'M'), mk('无', '妇联主席', 'F', { seat: false, chair: true }), mk('无', '村务监督委员会委员', 'F', { seat: false })], reps(24, 8)),
  ];
  vs.forEach((v) => (v.township = T));
  const aoa = [[`${T}村级组织换届当选人员名单`], ['序号', '村（社区）', '姓名', '性别', '党内职务', '行政职务', '是否为村民代表', '身份证号码']];
  const merges = [[0, 0, 0, 7]];
  vs.forEach((v) => {
    const s = aoa.length;
    v.persons.forEach((p, k) => aoa.push([k + 1, k === 0 ? v.name : '', p.name, sexCell(p), p.a ?? '无', p.b ?? '无', p.rep ? '✓' : '', idCell(p)]));
    merges.push([s, 1, aoa.length - 1, 1]);
  });
  write('C28', '西河镇.xls', book([['Sheet1', sheet(aoa, merges)]]));
  addCase('C28', '.xls: 党内职务 + 行政职务 columns ("无" = none), 是否为村民代表 with ✓, 村 merged down', ['西河镇.xls'], ex(T, vs));
}

// C29 count table with no 村民代表 columns (committees only) and a separate reps count file.
{
  const T = '北湖乡';
  const k = { 北湖村: { members: 7, women: 2, chair: true, T: 33, W: 11 }, 湖东村: { members: 5, women: 1, chair: false, T: 29, W: 9 } };
  const a1 = [[`${T}村“两委”班子成员情况统计`], ['村名', '两委班子人数', '其中女性人数', '妇联主席是否进入两委班子'], ...Object.entries(k).map(([v, x]) => [v, x.members, x.women, x.chair ? '是' : '否'])];
  const a2 = [[`${T}村民代表选举情况统计`], ['村名', '村民代表人数', '其中女性', '女性占比'], ...Object.entries(k).map(([v, x]) => [v, x.T, x.W, `${(100 * x.W / x.T).toFixed(1)}%`])];
  write('C29', '北湖乡统计.xlsx', book([['两委', sheet(a1)], ['代表', sheet(a2)]]));
  addCase('C29', 'two count sheets: 两委 (人数/其中女性人数/妇联主席…) and 代表 (人数/其中女性/占比)', ['北湖乡统计.xlsx'], Object.entries(k).map(([v, x]) => expectCounts(T, v, x)));
}

// C30 roster where the rep column is "村民代表" with "是"/"否" and committee rows use "两委职务" plus a separate "其他职务" column.
{
  const T = '上河乡';
  const mk = (main, other, sex, o = {}) => ({ ...P(main, sex, o), other });
  const vs = [
    V('上河村', [mk('书记', '', 'M'), mk('主任', '', 'M'), mk('委员', '妇联主席', 'F', { chair: true })], reps(21, 7)), // pass
    V('下河村', [mk('书记', '', 'M'), mk('主任', '', 'M'), mk('', '妇联主席、监委会委员', 'F', { seat: false, chair: true })], reps(21, 8)), // woman fail chair fail
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['两委职务', (c) => c.p.post], ['其他职务', (c) => c.p.other ?? ''], ['身份证号码', (c) => idCell(c.p)], ['村民代表', (c) => (c.p.rep ? '是' : '否')]];
  write('C30', '上河乡名单.xlsx', book([[T, sheet([H(cols), ...rosterRows(vs, cols)])]]));
  addCase('C30', 'the chair written in a separate 其他职务 column next to 两委职务', ['上河乡名单.xlsx'], ex(T, vs));
}


// C31 committees-only count table without a chair column: 两委成员数 | 其中：女
{
  const T = '柏林镇';
  const rows = [['柏林村', { members: 7, women: 1, chair: null, T: null, W: null }], ['柏树村', { members: 5, women: 0, chair: null, T: null, W: null }]];
  const aoa = [[`${T}村“两委”班子女性成员统计`], ['序号', '村名', '两委成员数', '其中：女'], ...rows.map(([v, k], i) => [i + 1, v, k.members, k.women])];
  write('C31', '柏林镇两委统计.xlsx', book([['Sheet1', sheet(aoa)]]));
  addCase('C31', 'committees-only count table: 村名 | 两委成员数 | 其中：女 (no chair, no reps columns)', ['柏林镇两委统计.xlsx'], rows.map(([v, k]) => expectCounts(T, v, k)));
}

// C32 section rows naming villages without 村: "一、张家湾（12人）"
{
  const T = '河湾乡';
  const vs = [
    V('张家湾', [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true })], reps(21, 7)),
    V('李家坪', [P('书记兼主任', 'M'), P('委员', 'M'), P('委员', 'M')], reps(24, 6)),
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['序号', (c) => c.i], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号', (c) => idCell(c.p)], ['是否村民代表', (c) => (c.p.rep ? '是' : '否')]];
  const aoa = [[`${T}村“两委”换届当选名单`], H(cols)];
  const merges = [[0, 0, 0, 5]];
  vs.forEach((v, k) => { merges.push([aoa.length, 0, aoa.length, 5]); aoa.push([`${['一', '二'][k]}、${v.name}（${v.persons.length}人）`]); aoa.push(...rosterRows([v], cols)); });
  write('C32', '河湾乡名单.xlsx', book([['Sheet1', sheet(aoa, merges)]]));
  addCase('C32', 'section rows naming villages without 村 ("一、张家湾（24人）")', ['河湾乡名单.xlsx'], ex(T, vs));
}

// C33 村 column holding township+village ("安定镇安定村"); 村委会 suffixes
{
  const T = '安定镇';
  const vs = [
    V('安定村', [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true })], reps(20, 7)),
    V('新民村', [P('书记兼主任', 'M'), P('委员', 'F'), P('副主任', 'M')], reps(22, 8)),
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['乡镇', (c) => c.t], ['村（社区）', (c) => (c.v === '安定村' ? `${T}${c.v}` : `${c.v}村民委员会`)], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号', (c) => idCell(c.p)], ['是否村民代表', (c) => (c.p.rep ? '是' : '否')]];
  write('C33', '安定镇名单.xlsx', book([['Sheet1', sheet([H(cols), ...rosterRows(vs, cols)])]]));
  addCase('C33', '村 column values "安定镇安定村" and "新民村民委员会"', ['安定镇名单.xlsx'], ex(T, vs));
}

// C35 count table: 两委干部总数 | 其中女干部 | 妇联主席是否进“两委” | 村民代表 | 其中女代表
{
  const T = '花溪镇';
  const rows = [['花溪村', { members: 7, women: 2, chair: true, T: 36, W: 12 }], ['花园村', { members: 6, women: 0, chair: false, T: 33, W: 10 }]];
  const aoa = [[`${T}“两进一有”情况表`], ['村名', '两委干部总数', '其中女干部', '妇联主席是否进“两委”', '村民代表', '其中女代表'], ...rows.map(([v, k]) => [v, k.members, k.women, k.chair ? '是' : '否', k.T, k.W])];
  write('C35', '花溪镇.xlsx', book([['Sheet1', sheet(aoa)]]));
  addCase('C35', 'count table: 两委干部总数 | 其中女干部 | 妇联主席是否进“两委” | 村民代表 (lone, numbers) | 其中女代表', ['花溪镇.xlsx'], rows.map(([v, k]) => expectCounts(T, v, k)));
}

// C39 WPS .et (BIFF8 bytes, .et name) and C40 CSV saved from a sheet with a title row and footer
{
  const T = '坪山乡';
  const vs = [
    V('坪山村', [P('书记', 'M'), P('主任', 'M'), P('委员兼妇联主席', 'F', { chair: true })], reps(21, 7)),
    V('坪地村', [P('书记兼主任', 'M'), P('委员', 'F', { rep: true }), P('妇联主席', 'F', { seat: false, chair: true })], reps(26, 8)),
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['序号', (c) => c.i], ['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号', (c) => idCell(c.p)], ['是否村民代表', (c) => (c.p.rep ? '是' : '否')]];
  const aoa = [[`${T}村两委换届名单`], H(cols), ...rosterRows(vs, cols)];
  fs.mkdirSync(path.join(OUT, 'C39'), { recursive: true });
  fs.writeFileSync(path.join(OUT, 'C39', '坪山乡.et'), XLSX.write(book([['Sheet1', sheet(aoa)]]), { bookType: 'biff8', type: 'buffer' }));
  addCase('C39', 'WPS .et file (BIFF8 content)', ['坪山乡.et'], ex(T, vs));
  const T2 = '石龙镇';
  const vs2 = [
    V('石龙村', [P('书记', 'M'), P('主任', 'M'), P('委员兼妇联主席', 'F', { chair: true })], reps(21, 7)),
    V('龙头村', [P('书记兼主任', 'M'), P('委员', 'M')], reps(26, 9)),
  ];
  vs2.forEach((v) => (v.township = T2));
  const csv = [[`${T2}村两委换届名单`, '', '', '', '', '', ''], H(cols), ...rosterRows(vs2, cols), ['', '', '', '', '', '', ''], ['填表人：', '', '', '审核人：', '', '', '']];
  write('C40', '石龙镇名单.csv', gbk(csvText(csv)));
  addCase('C40', 'GBK CSV with a title line and a footer (as Excel saves a sheet with a title)', ['石龙镇名单.csv'], ex(T2, vs2));
}

// C41 / C42 titles that wrap the township name: "关于报送桃源乡…的报告", "中共青山镇委员会组织办公室"
for (const [cid, T, title, file] of [
  ['C41', '桃花乡', '关于报送桃花乡村“两委”换届选举结果的报告（附表）', '附表1.xlsx'],
  ['C42', '青峦镇', '中共青峦镇委员会组织办公室', '换届当选人员.xlsx'],
]) {
  const vs = [
    V(`${T.slice(0, 2)}村`, [P('书记', 'M'), P('主任', 'M'), P('委员兼妇联主席', 'F', { chair: true })], reps(21, 7)),
    V('新星村', [P('书记兼主任', 'M'), P('委员', 'F'), P('妇联主席', 'F', { seat: false, chair: true })], reps(26, 8)),
  ];
  vs.forEach((v) => (v.township = T));
  const cols = [['序号', (c) => c.i], ['村名', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号', (c) => idCell(c.p)], ['是否村民代表', (c) => (c.p.rep ? '是' : '否')]];
  write(cid, file, book([['Sheet1', sheet([[title], ['村“两委”换届当选人员及村民代表名单'], H(cols), ...rosterRows(vs, cols)])]]));
  addCase(cid, `township only inside a title that wraps it: "${title}"`, [file], ex(T, vs));
}

await Promise.all(pending);
for (const c of cases) {
  const dir = path.join(OUT, c.id);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify({ villages: c.expected }, null, 2));
  fs.writeFileSync(path.join(dir, 'CASE.txt'), `${c.desc}\nfiles: ${c.files.join(', ')}\n`);
}
console.log(`${cases.length} cases written to ${OUT}`);
