// Round 7: workbooks laid out the way township clerks make them (issue 7, session 4), unlike K01–K37.
// node tests/townships/gen-clerks.mjs → tests/townships/cases/K38…/ (this generator owns K38 onwards).
// Truth: the persons' model (lib.mjs, straight from DOMAIN.md) for rosters, by hand for count tables.
import fs from 'node:fs';
import path from 'node:path';
import { XLSX, P, reps, idCell, sexCell, expectRoster, expectCounts, sheet, book, resetSeed } from './lib.mjs';

resetSeed(20261205);
const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), 'cases');
fs.mkdirSync(OUT, { recursive: true });
for (const d of fs.readdirSync(OUT)) if (/^K\d+$/.test(d) && Number(d.slice(1)) >= 38) fs.rmSync(path.join(OUT, d), { recursive: true, force: true });
const cases = [];
function write(id, file, wb) {
  const dir = path.join(OUT, id);
  fs.mkdirSync(dir, { recursive: true });
  XLSX.writeFile(wb, path.join(dir, file), { bookType: 'xlsx' });
}
const addCase = (id, desc, files, villages, extra = {}) => cases.push({ id, desc, files, villages, extra });
const R = (t, v, persons, parts) => expectRoster(t, v, persons, parts);
const yn = (p) => (p.rep ? '是' : '否');
const committee = (o = {}) => [P('书记', 'M'), P('主任', 'M'), P('委员', o.woman === false ? 'M' : 'F', { chair: o.chair !== false }), P('委员', 'M')];
const withPost = (p) => p.post + (p.chair ? '、妇联主席' : '');

// K38 one sheet per village, the sheet named after the village; no village column anywhere.
{
  const t = '金竹镇';
  const sheets = [];
  const exp = [];
  for (const [v, w] of [['金竹村', 9], ['竹园村', 5]]) {
    const ps = [...committee(), ...reps(24, w)];
    const aoa = [['序号', '姓名', '性别', '民族', '政治面貌', '职务', '身份证号', '是否村民代表']];
    ps.forEach((p, i) => aoa.push([i + 1, p.name, sexCell(p), '汉族', p.seat ? '中共党员' : '群众', withPost(p), idCell(p), yn(p)]));
    sheets.push([v, sheet(aoa)]);
    exp.push(R(t, v, ps));
  }
  write('K38', `${t}换届名单.xlsx`, book(sheets));
  addCase('K38', 'one sheet per village named after it, no village column; 民族 and 政治面貌 columns', [`${t}换届名单.xlsx`], exp);
}

// K39 the village only in a title row above each block ("XX镇XX村第十一届村民委员会成员名单"), the header repeated per block.
{
  const t = '银杏乡';
  const aoa = [];
  const exp = [];
  for (const [v, woman] of [['银杏村', true], ['杏岭村', false]]) {
    const ps = committee({ woman, chair: false });
    aoa.push([`${t}${v}第十一届村“两委”成员名单`], ['序号', '姓名', '性别', '职务', '身份证号码']);
    ps.forEach((p, i) => aoa.push([i + 1, p.name, sexCell(p), p.post, idCell(p)]));
    aoa.push([]);
    exp.push(R(t, v, ps, { committees: true, reps: false }));
  }
  write('K39', `${t}.xlsx`, book([['两委成员', sheet(aoa)]]));
  addCase('K39', 'the village only in a title row above each block, header repeated, 序号 restarting', [`${t}.xlsx`], exp);
}

// K40 village cells merged down the rows, a 小计 row after each village.
{
  const t = '石桥镇';
  const aoa = [['村名', '姓名', '性别', '职务', '身份证号', '村民代表']];
  const merges = [];
  const exp = [];
  for (const [v, w] of [['石桥村', 8], ['桥头村', 6]]) {
    const ps = [...committee(), ...reps(21, w)];
    const first = aoa.length;
    ps.forEach((p, i) => aoa.push([i === 0 ? v : '', p.name, sexCell(p), withPost(p), idCell(p), p.rep ? '√' : '']));
    merges.push([first, 0, aoa.length - 1, 0]);
    aoa.push(['小计', `${ps.length}人`, '', '', '', '']);
    exp.push(R(t, v, ps));
  }
  write('K40', `${t}名单.xlsx`, book([['名单', sheet(aoa, merges)]]));
  addCase('K40', 'village cells merged down the rows, 小计 rows between villages, representatives ticked √', [`${t}名单.xlsx`], exp);
}

// K41 the village only on its first row, blank rows between villages, 序号 restarting, birth as 1985.03 / 198503 / 1985年3月.
{
  const t = '白鹭镇';
  const aoa = [[`${t}村级组织换届选举结果`], [], ['序号', '所在村', '姓名', '性别', '出生年月', '文化程度', '职务', '身份证号码', '是否村民代表', '备注']];
  const exp = [];
  const births = ['1985.03', '198503', '1985年3月', '1979.11', '197911'];
  for (const [v, w] of [['鹭鸣村', 7], ['白塘村', 10]]) {
    const ps = [...committee(), ...reps(22, w)];
    ps.forEach((p, i) => aoa.push([i + 1, i === 0 ? v : '', p.name, sexCell(p), births[i % 5], '高中', withPost(p), idCell(p), yn(p), i === 0 ? '连任' : i === 1 ? '新任' : i === 2 ? '交叉任职' : '']));
    aoa.push([], []);
    exp.push(R(t, v, ps));
  }
  write('K41', `${t}.xlsx`, book([['Sheet1', sheet(aoa, [[0, 0, 0, 9]])]]));
  addCase('K41', 'village on its first row only, blank rows between villages, 序号 restarting, 出生年月 written three ways, 备注 连任/新任/交叉任职', [`${t}.xlsx`], exp);
}

// K42 the A4 "two halves": two persons side by side on each row, each half with its own village column.
{
  const t = '荷塘乡';
  const v1 = [...committee(), P('副主任', 'M')];
  const v2 = committee({ woman: false, chair: false });
  const aoa = [[`${t}村“两委”成员花名册`], ['村', '姓名', '性别', '职务', '村', '姓名', '性别', '职务']];
  const left = v1.map((p) => ['荷塘村', p.name, sexCell(p), withPost(p)]);
  const right = v2.map((p) => ['莲花村', p.name, sexCell(p), withPost(p)]);
  for (let i = 0; i < Math.max(left.length, right.length); i++) aoa.push([...(left[i] ?? ['', '', '', '']), ...(right[i] ?? [])]);
  write('K42', `${t}花名册.xlsx`, book([['花名册', sheet(aoa, [[0, 0, 0, 7]])]]));
  addCase('K42', 'the A4 two halves: two persons side by side on each row, no ID column', [`${t}花名册.xlsx`], [
    R(t, '荷塘村', v1, { committees: true, reps: false }),
    R(t, '莲花村', v2, { committees: true, reps: false }),
  ]);
}

// K43 the two committees on separate sheets (村党组织 / 村委会), one person on both (same ID), representatives on a third.
{
  const t = '松林镇';
  const sec = P('党支部书记兼村委会主任', 'M');
  const partyW = P('支部委员', 'F');
  const vcChair = P('村委委员、妇联主席', 'F', { chair: true });
  const other = P('村委委员', 'M');
  const rp = reps(27, 9);
  const party = [['村名', '姓名', '性别', '党内职务', '身份证号'], ...[sec, partyW].map((p) => ['松林村', p.name, sexCell(p), p === sec ? '书记' : '委员', idCell(p)])];
  const vc = [['村名', '姓名', '性别', '村委会职务', '身份证号'], ...[sec, vcChair, other].map((p) => ['松林村', p.name, sexCell(p), p === sec ? '主任' : p.post, idCell(p)])];
  const rs = [['村名', '姓名', '性别', '身份证号'], ...rp.map((p) => ['松林村', p.name, sexCell(p), idCell(p)])];
  write('K43', `${t}松林村换届.xlsx`, book([['村党组织', sheet(party)], ['村委会', sheet(vc)], ['村民代表', sheet(rs)]]));
  addCase('K43', 'the two committees on separate sheets, the secretary-director on both (one ID), representatives on a third sheet', [`${t}松林村换届.xlsx`], [
    R(t, '松林村', [sec, partyW, vcChair, other, ...rp]),
  ]);
}

// K44 a sheet of representatives per village with only names and gender (sheet named "XX村代表"), committees on their own sheet.
{
  const t = '清溪乡';
  const sheets = [];
  const exp = [];
  const com = [['村（社区）', '姓名', '性别', '职务', '身份证号']];
  const spec = [['清溪村', 8], ['溪口村', 5]];
  const all = spec.map(([v, w]) => [v, committee(), reps(20, w)]);
  for (const [v, c] of all) c.forEach((p) => com.push([v, p.name, sexCell(p), withPost(p), idCell(p)]));
  sheets.push(['两委班子', sheet(com)]);
  for (const [v, c, rp] of all) {
    sheets.push([`${v}代表`, sheet([['姓名', '性别'], ...rp.map((p) => [p.name, sexCell(p)])])]);
    exp.push(R(t, v, [...c, ...rp]));
  }
  write('K44', `${t}.xlsx`, book(sheets));
  // Two known columns only (姓名, 性别): the reading is provisional (待核对) by design.
  addCase('K44', 'representatives on one sheet per village named "XX村代表", names and gender only (provisional: two known columns)', [`${t}.xlsx`], exp, { provisional: true });
}

// K45 a count table with 占比 columns and 是否达标 written as text; units in the counts ("5人", "3名").
{
  const t = '云峰镇';
  const aoa = [[`${t}村“两委”换届女性参选情况统计表`], ['村名', '两委成员数', '其中女性', '女性占比', '妇联主席是否进两委', '村民代表数', '其中女性', '女性代表占比', '是否达标']];
  const rows = [['云峰村', '7人', '2人', '28.6%', '是', '36名', '13名', '36.1%', '达标'], ['峰下村', '5人', '0人', '0%', '否', '30名', '9名', '30%', '不达标']];
  aoa.push(...rows, ['合计', '12人', '2人', '16.7%', '', '66名', '22名', '33.3%', '']);
  write('K45', `${t}统计表.xlsx`, book([['统计', sheet(aoa)]]));
  addCase('K45', 'a count table with 占比 columns, counts with units (7人, 36名), 是否达标 as 达标/不达标, a 合计 row', [`${t}统计表.xlsx`], [
    expectCounts(t, '云峰村', { members: 7, women: 2, chair: true, T: 36, W: 13 }),
    expectCounts(t, '峰下村', { members: 5, women: 0, chair: false, T: 30, W: 9 }),
  ]);
}

// K46 gender written 男性/女性 and 1/2 (GB/T 2261.1), IDs valid.
{
  const t = '东岭镇';
  const v1 = [...committee(), ...reps(18, 6)];
  const v2 = [...committee({ woman: false }), ...reps(18, 5)];
  const aoa = [['村', '姓名', '性别', '职务', '身份证号', '是否代表']];
  v1.forEach((p) => aoa.push(['东岭村', p.name, p.sex === 'F' ? '女性' : '男性', withPost(p), idCell(p), yn(p)]));
  v2.forEach((p) => aoa.push(['岭脚村', p.name, p.sex === 'F' ? 2 : 1, withPost(p), idCell(p), yn(p)]));
  write('K46', `${t}.xlsx`, book([['名单', sheet(aoa)]]));
  addCase('K46', 'gender as 男性/女性 in one village and 1/2 in another, IDs valid', [`${t}.xlsx`], [R(t, '东岭村', v1), R(t, '岭脚村', v2)]);
}

// K47 gender as M/F and ♀/♂, no ID column.
{
  const t = '西岭乡';
  const v1 = [...committee(), ...reps(15, 5)];
  const v2 = [...committee(), ...reps(15, 4)];
  const aoa = [['Village 村', 'Name 姓名', 'Sex 性别', 'Post 职务', '村民代表']];
  v1.forEach((p) => aoa.push(['西岭村', p.name, p.sex, withPost(p), yn(p)]));
  v2.forEach((p) => aoa.push(['岭南村', p.name, p.sex === 'F' ? '♀' : '♂', withPost(p), yn(p)]));
  write('K47', `${t}.xlsx`, book([['Sheet1', sheet(aoa)]]));
  const decl = (ps, f, m) => ps.map((p) => ({ ...p, decl: p.sex === 'F' ? f : m, idOut: 'none' }));
  addCase('K47', 'gender as M/F and ♀/♂, no ID column, bilingual headers', [`${t}.xlsx`], [R(t, '西岭村', decl(v1, 'F', 'M')), R(t, '岭南村', decl(v2, 'F', 'M'))]);
}

// K48 seats as written: 党支部书记兼村委会主任, "一肩挑", 村妇联主席（兼）, 村委会委员兼妇联主席.
{
  const t = '南山镇';
  const a = [P('党支部书记兼村委会主任', 'M'), P('村委会委员兼妇联主席', 'F', { chair: true }), P('支委', 'M')];
  const b = [P('书记、主任“一肩挑”', 'M'), P('村委委员、村妇联主席（兼）', 'F', { chair: true }), P('副书记', 'M')];
  const c = [P('一肩挑', 'M'), P('村妇联主席', 'F', { chair: true, seat: false }), P('村委委员', 'M')];
  const aoa = [['村名', '姓名', '性别', '职务', '身份证号']];
  for (const [v, ps] of [['南山村', a], ['山前村', b], ['山后村', c]]) ps.forEach((p) => aoa.push([v, p.name, sexCell(p), p.post, idCell(p)]));
  write('K48', `${t}两委.xlsx`, book([['两委', sheet(aoa)]]));
  addCase('K48', 'seats as written: 党支部书记兼村委会主任, 一肩挑, 村妇联主席（兼）; a chair who holds no seat', [`${t}两委.xlsx`], [
    R(t, '南山村', a, { committees: true, reps: false }),
    R(t, '山前村', b, { committees: true, reps: false }),
    R(t, '山后村', c, { committees: true, reps: false }),
  ]);
}

// K49 a WPS-style export: a leading empty column and empty first rows.
{
  const t = '北坡乡';
  const ps = [...committee(), ...reps(30, 10)];
  const aoa = [[], [], ['', `${t}北坡村换届名单`], ['', '序号', '姓名', '性别', '职务', '身份证号', '村民代表']];
  ps.forEach((p, i) => aoa.push(['', i + 1, p.name, sexCell(p), withPost(p), idCell(p), yn(p)]));
  write('K49', `${t}北坡村.xlsx`, book([['sheet1', sheet(aoa)]]));
  addCase('K49', 'WPS export: a leading empty column, empty first rows, the village only in the title', [`${t}北坡村.xlsx`], [R(t, '北坡村', ps)]);
}

// K50 a 填表说明 sheet and a 说明 sheet that must be ignored, the roster on the last sheet.
{
  const t = '河西镇';
  const ps = [...committee(), ...reps(24, 7)];
  const aoa = [['村名', '姓名', '性别', '职务', '身份证号', '是否村民代表']];
  ps.forEach((p) => aoa.push(['河西村', p.name, sexCell(p), withPost(p), idCell(p), yn(p)]));
  const notes = [['填表说明'], ['1. 村名请填写全称，如“河西村”。'], ['2. 性别填写男或女。'], ['3. 职务填写如“书记、主任”。']];
  const expl = [['说明', ''], ['字段', '含义'], ['村名', '村（社区）全称'], ['姓名', '本人姓名'], ['职务', '换届后担任的职务']];
  write('K50', `${t}.xlsx`, book([['填表说明', sheet(notes)], ['说明', sheet(expl)], ['名单', sheet(aoa)]]));
  addCase('K50', 'a 填表说明 sheet and a 说明 sheet (field | meaning) before the roster: ignored', [`${t}.xlsx`], [R(t, '河西村', ps)]);
}

// K51 a summary sheet (汇总: 村数, 达标村数 …) that must not be read as villages, the rosters on per-village sheets.
{
  const t = '河东乡';
  const sheets = [['汇总', sheet([[`${t}换届情况汇总`], ['项目', '数量'], ['应换届村数', 2], ['已完成村数', 2], ['达标村数', 1]])]];
  const exp = [];
  for (const [v, w] of [['河东村', 9], ['东湾村', 4]]) {
    const ps = [...committee(), ...reps(21, w)];
    sheets.push([v, sheet([['姓名', '性别', '职务', '身份证号', '是否村民代表'], ...ps.map((p) => [p.name, sexCell(p), withPost(p), idCell(p), yn(p)])])]);
    exp.push(R(t, v, ps));
  }
  write('K51', `${t}.xlsx`, book(sheets));
  addCase('K51', 'a summary sheet of township figures first (not villages), one sheet per village after it', [`${t}.xlsx`], exp);
}

// K52 a hidden column (身份证号) and a 联系电话 column; 文化程度 and 政治面貌 as well.
{
  const t = '龙泉镇';
  const ps = [...committee(), ...reps(27, 9)];
  const aoa = [['村名', '姓名', '性别', '政治面貌', '文化程度', '联系电话', '职务', '身份证号', '村民代表']];
  ps.forEach((p, i) => aoa.push(['龙泉村', p.name, sexCell(p), '群众', '初中', `1385713${String(1000 + i)}`, withPost(p), idCell(p), yn(p)]));
  const ws = sheet(aoa);
  ws['!cols'] = aoa[0].map((_, c) => (c === 7 ? { hidden: true } : { wch: 10 }));
  write('K52', `${t}.xlsx`, book([['龙泉村', ws]]));
  addCase('K52', 'a hidden ID column, 联系电话 (11 digits), 政治面貌, 文化程度', [`${t}.xlsx`], [R(t, '龙泉村', ps)]);
}

// K53 representatives written as names only (no gender, no ID) under a 村民代表 block below the committees.
{
  const t = '凤凰乡';
  const c = committee();
  const rp = reps(12, 4, 12);
  const aoa = [['凤凰村村“两委”成员'], ['姓名', '性别', '职务', '身份证号'], ...c.map((p) => [p.name, sexCell(p), withPost(p), idCell(p)]), [], ['凤凰村村民代表'], ['姓名'], ...rp.map((p) => [p.name])];
  write('K53', `${t}凤凰村.xlsx`, book([['凤凰村', sheet(aoa)]]));
  addCase('K53', 'representatives below as a names-only list: their gender unknown, the third part unknown', [`${t}凤凰村.xlsx`], [R(t, '凤凰村', [...c, ...rp])]);
}

// K54 a count table with the two committees counted each on its own, under merged two-row headers and a 百分比 column.
{
  const t = '桂花镇';
  const aoa = [
    [`${t}各村“两进一有”情况`],
    ['村名', '村“两委”成员', '', '', '村民代表', '', '', '妇联主席是否进“两委”'],
    ['', '总人数', '女性', '百分比', '总人数', '女性', '百分比', ''],
    ['桂花村', 6, 1, '16.7%', 30, 10, '33.3%', '是'],
    ['金桂村', 7, 2, '28.6%', 33, 10, '30.3%', '是'],
    ['丹桂村', 5, 1, '20%', 27, 9, '33.3%', '否'],
  ];
  write('K54', `${t}.xlsx`, book([['情况表', sheet(aoa, [[0, 0, 0, 7], [1, 0, 2, 0], [1, 1, 1, 3], [1, 4, 1, 6], [1, 7, 2, 7]])]]));
  addCase('K54', 'a count table under merged two-row headers with 百分比 columns', [`${t}.xlsx`], [
    expectCounts(t, '桂花村', { members: 6, women: 1, chair: true, T: 30, W: 10 }),
    expectCounts(t, '金桂村', { members: 7, women: 2, chair: true, T: 33, W: 10 }),
    expectCounts(t, '丹桂村', { members: 5, women: 1, chair: false, T: 27, W: 9 }),
  ]);
}

// K55 committees and representatives in one list whose 职务 says 村民代表 for representatives, 小组长 for non-members.
{
  const t = '茶山镇';
  const c = committee();
  const rp = reps(18, 6).map((p) => ({ ...p, post: '村民代表' }));
  const workers = [P('村民小组长', 'F', { seat: false }), P('报账员', 'F', { seat: false })];
  const aoa = [['序号', '单位', '姓名', '性别', '身份证号', '职务']];
  [...c, ...workers, ...rp].forEach((p, i) => aoa.push([i + 1, `${t}茶山村`, p.name, sexCell(p), idCell(p), withPost(p)]));
  write('K55', `${t}.xlsx`, book([['茶山村', sheet(aoa)]]));
  addCase('K55', 'one list: 职务 says 村民代表 for the representatives, 村民小组长/报账员 are no seat; 单位 column as 镇+村', [`${t}.xlsx`], [R(t, '茶山村', [...c, ...workers, ...rp])]);
}

// K56 a count table whose villages are in a 村（居）委会 column with 社区 names, a 小计 row and 合计, units 人.
{
  const t = '城关街道';
  const aoa = [['村（居）委会', '“两委”成员（人）', '其中女性（人）', '村（居）民代表（人）', '其中女性（人）', '妇联主席进“两委”'],
    ['城东社区', 9, 3, 40, 15, '是'], ['城西社区', 7, 1, 35, 11, '否'], ['小计', 16, 4, 75, 26, ''], ['关口村', 5, 1, 28, 10, '是'], ['合计', 21, 5, 103, 36, '']];
  write('K56', `${t}.xlsx`, book([['Sheet1', sheet(aoa)]]));
  addCase('K56', 'a count table with 社区 names under 村（居）委会, units in the headers, a 小计 row between villages', [`${t}.xlsx`], [
    expectCounts(t, '城东社区', { members: 9, women: 3, chair: true, T: 40, W: 15 }),
    expectCounts(t, '城西社区', { members: 7, women: 1, chair: false, T: 35, W: 11 }),
    expectCounts(t, '关口村', { members: 5, women: 1, chair: true, T: 28, W: 10 }),
  ]);
}

// K57 several villages on one sheet, each under a "村名：XX村" line, columns in a different order (身份证号 first).
{
  const t = '柏树乡';
  const aoa = [];
  const exp = [];
  for (const [v, w] of [['柏树村', 7], ['柏林村', 8]]) {
    const ps = [...committee(), ...reps(21, w)];
    aoa.push([`村名：${v}`, '', '', '', '填报人：张三'], ['身份证号', '姓名', '职务', '性别', '是否村民代表']);
    ps.forEach((p) => aoa.push([idCell(p), p.name, withPost(p), sexCell(p), yn(p)]));
    exp.push(R(t, v, ps));
  }
  write('K57', `${t}.xlsx`, book([['名单', sheet(aoa)]]));
  addCase('K57', 'each village under a "村名：XX村　填报人" line, header repeated, 身份证号 first', [`${t}.xlsx`], exp);
}

// ===================================================================================== round 2: other styles
// K58 no 性别 column: gender from the ID only; 职务 with several posts split by "/" and "代表" among them.
{
  const t = '梅岭镇';
  const ps = [P('书记/主任', 'M'), P('委员/妇联主席/代表', 'F', { chair: true, rep: true }), P('副主任/代表', 'M', { rep: true }), ...reps(20, 7).map((p) => ({ ...p, post: '代表' }))];
  const aoa = [['村名', '姓名', '身份证号', '职务']];
  ps.forEach((p) => aoa.push(['梅岭村', p.name, idCell(p), p.post]));
  write('K58', `${t}.xlsx`, book([['Sheet1', sheet(aoa)]]));
  addCase('K58', 'no 性别 column (gender from the ID); posts split by "/" with 代表 among them', [`${t}.xlsx`], [R(t, '梅岭村', ps)]);
}

// K59 党组织职务 and 村委会职务 in two columns on one row, a 村务监督委员会 woman (no seat).
{
  const t = '竹溪乡';
  const a = P('书记', 'M'), b = P('委员', 'F'), c = P('主任', 'M'), d = P('监督委员会主任', 'F', { seat: false }), e = P('', 'F', { seat: false, chair: true });
  const aoa = [['村', '姓名', '性别', '身份证号', '党组织职务', '村委会职务', '其他职务']];
  aoa.push(['竹溪村', a.name, '男', idCell(a), '书记', '主任', ''], ['竹溪村', b.name, '女', idCell(b), '委员', '', ''], ['竹溪村', c.name, '男', idCell(c), '', '委员', ''], ['竹溪村', d.name, '女', idCell(d), '', '', '村务监督委员会主任'], ['竹溪村', e.name, '女', idCell(e), '', '', '妇联主席']);
  write('K59', `${t}.xlsx`, book([['两委', sheet(aoa)]]));
  addCase('K59', '党组织职务 and 村委会职务 as two columns, a 村务监督委员会 woman and a chair with no seat', [`${t}.xlsx`], [R(t, '竹溪村', [a, b, c, d, e], { committees: true, reps: false })]);
}

// K60 villages written as "XX镇XX村" in a 单位 column beside a 乡镇 column left blank after its first row.
{
  const t = '桥东镇';
  const v1 = [...committee(), ...reps(24, 8)];
  const v2 = [...committee({ woman: false }), ...reps(24, 9)];
  const aoa = [['乡镇', '单位', '姓名', '性别', '职务', '身份证号', '是否村民代表']];
  v1.forEach((p, i) => aoa.push([i === 0 ? t : '', `${t}东桥村`, p.name, sexCell(p), withPost(p), idCell(p), yn(p)]));
  v2.forEach((p) => aoa.push(['', `${t}西桥村`, p.name, sexCell(p), withPost(p), idCell(p), yn(p)]));
  write('K60', `汇总表.xlsx`, book([['Sheet1', sheet(aoa)]]));
  addCase('K60', 'a 乡镇 column filled once, villages as "桥东镇东桥村" in a 单位 column, the file name naming nothing', ['汇总表.xlsx'], [R(t, '东桥村', v1), R(t, '西桥村', v2)]);
}

// K61 committees counted each on its own: 村党组织 成员/女性, 村委会 成员/女性, 交叉任职人数; nobody crossing in one village.
{
  const t = '溪南乡';
  const aoa = [['村名', '村党组织成员数', '其中女性', '村委会成员数', '其中女性', '交叉任职人数', '村民代表数', '其中女性'],
    ['南溪村', 5, 1, 5, 0, 3, 30, 10], ['南坑村', 3, 0, 3, 0, 0, 21, 6]];
  write('K61', `${t}.xlsx`, book([['统计', sheet(aoa)]]));
  addCase('K61', 'the two committees counted each on its own with 交叉任职人数', [`${t}.xlsx`], [
    expectCounts(t, '南溪村', { members: 7, women: 1, chair: null, T: 30, W: 10 }),
    expectCounts(t, '南坑村', { members: 6, women: 0, chair: null, T: 21, W: 6 }),
  ]);
}

// K62 a two-row header with group cells (基本情况 | 任职情况) over sub-headers, a title above.
{
  const t = '望江镇';
  const ps = [...committee(), ...reps(27, 9)];
  const aoa = [[`${t}望江村村级组织换届选举结果`], ['基本情况', '', '', '', '任职情况', ''], ['姓名', '性别', '出生年月', '身份证号', '职务', '是否村民代表']];
  ps.forEach((p) => aoa.push([p.name, sexCell(p), `${p.id.slice(6, 10)}${p.id.slice(10, 12)}`, idCell(p), withPost(p), yn(p)]));
  write('K62', `${t}.xlsx`, book([['望江村', sheet(aoa, [[0, 0, 0, 5], [1, 0, 1, 3], [1, 4, 1, 5]])]]));
  addCase('K62', 'a two-row header: group cells 基本情况 | 任职情况 over the columns, 出生年月 as 198503', [`${t}.xlsx`], [R(t, '望江村', ps)]);
}

// K63 stacked: a committees roster, blank rows, then a representatives count table below, villages in another order.
{
  const t = '新田镇';
  const v1 = committee(), v2 = committee({ woman: false, chair: false });
  const aoa = [['一、村“两委”成员'], ['村名', '姓名', '性别', '职务', '身份证号']];
  v1.forEach((p) => aoa.push(['新田村', p.name, sexCell(p), withPost(p), idCell(p)]));
  v2.forEach((p) => aoa.push(['田心村', p.name, sexCell(p), withPost(p), idCell(p)]));
  aoa.push([], [], ['二、村民代表情况'], ['村名', '村民代表总数', '女性代表数'], ['田心村', 25, 7], ['新田村', 33, 11]);
  write('K63', `${t}.xlsx`, book([['Sheet1', sheet(aoa)]]));
  addCase('K63', 'stacked: a committees roster, then a representatives count table below (villages in another order)', [`${t}.xlsx`], [
    { ...R(t, '新田村', v1, { committees: true, reps: false }), ...(() => { const x = R(t, '新田村', v1, { committees: true, reps: false }); const th = 'pass'; const rules = { ...x.rules, womenRepresentativesThird: th }; const status = Object.values(rules).includes('fail') ? 'noncompliant' : Object.values(rules).every((v) => v === 'pass') ? 'compliant' : 'incomplete'; return { rules, status, counts: { ...x.counts, representatives: 33, womenRepresentatives: 11 } }; })() },
    { ...R(t, '田心村', v2, { committees: true, reps: false }), ...(() => { const x = R(t, '田心村', v2, { committees: true, reps: false }); const rules = { ...x.rules, womenRepresentativesThird: 'fail' }; return { rules, status: 'noncompliant', counts: { ...x.counts, representatives: 25, womenRepresentatives: 7 } }; })() },
  ]);
}

// K64 one village per column group side by side: the village's name merged over its three columns.
{
  const t = '青田乡';
  const a = committee(), b = committee({ woman: false, chair: false });
  const aoa = [[`${t}各村“两委”成员`], ['青田村', '', '', '', '青禾村', '', ''], ['姓名', '性别', '职务', '', '姓名', '性别', '职务']];
  for (let i = 0; i < 4; i++) aoa.push([a[i].name, sexCell(a[i]), withPost(a[i]), '', b[i].name, sexCell(b[i]), withPost(b[i])]);
  write('K64', `${t}.xlsx`, book([['Sheet1', sheet(aoa, [[0, 0, 0, 6], [1, 0, 1, 2], [1, 4, 1, 6]])]]));
  const noId = (ps) => ps.map((p) => ({ ...p, idOut: 'none' }));
  addCase('K64', 'one village per column group side by side, its name merged over the group, no IDs', [`${t}.xlsx`], [
    R(t, '青田村', noId(a), { committees: true, reps: false }),
    R(t, '青禾村', noId(b), { committees: true, reps: false }),
  ]);
}

// K65 election results: 候选人 | 得票数 | 得票率 | 是否当选 (当选 / 落选); only the elected count.
{
  const t = '白云镇';
  const won = [P('书记', 'M'), P('主任', 'M'), P('委员', 'F')];
  const lost = [P('委员', 'F', { seat: false }), P('委员', 'F', { seat: false })];
  const aoa = [[`${t}白云村村民委员会选举结果`], ['候选人', '性别', '拟任职务', '得票数', '得票率', '是否当选']];
  won.forEach((p, i) => aoa.push([p.name, sexCell(p), p.post, 800 - i * 10, `${80 - i}%`, '当选']));
  lost.forEach((p, i) => aoa.push([p.name, sexCell(p), p.post, 300 - i * 10, `${30 - i}%`, '落选']));
  write('K65', `${t}白云村.xlsx`, book([['选举结果', sheet(aoa)]]));
  const noId = (ps) => ps.map((p) => ({ ...p, idOut: 'none' }));
  addCase('K65', 'election results: candidates with 得票数/得票率 and 当选/落选, the women who lost do not count', [`${t}白云村.xlsx`], [R(t, '白云村', noId([...won, ...lost]), { committees: true, reps: false })]);
}

// K66 one row a seat: the secretary-director written twice (书记, then 主任) with the same ID: one person.
{
  const t = '黄山乡';
  const sec = P('书记', 'M');
  const w = P('委员', 'F');
  const o = P('副主任', 'M');
  const aoa = [['村', '姓名', '性别', '身份证号', '职务', '备注']];
  aoa.push(['黄山村', sec.name, '男', idCell(sec), '书记', '交叉任职'], ['黄山村', sec.name, '男', idCell(sec), '主任', '交叉任职'], ['黄山村', w.name, '女', idCell(w), '委员', '新任'], ['黄山村', o.name, '男', idCell(o), '副主任', '连任']);
  write('K66', `${t}.xlsx`, book([['名单', sheet(aoa)]]));
  addCase('K66', 'one row a seat: the secretary-director on two rows with one ID is one member', [`${t}.xlsx`], [R(t, '黄山村', [sec, w, o], { committees: true, reps: false })]);
}

// K67 the header with hints and line breaks ("性别\n(男/女)", "职务（按换届后填写）", "是否村民代表\n（是/否）").
{
  const t = '石门乡';
  const ps = [...committee(), ...reps(18, 5)];
  const aoa = [['村（社区）名称', '姓 名', '性别\n(男/女)', '职务（按换届后填写）', '公民身份号码', '是否村民代表\n（是/否）']];
  ps.forEach((p) => aoa.push(['石门村', p.name, sexCell(p), withPost(p), idCell(p), yn(p)]));
  write('K67', `${t}.xlsx`, book([['Sheet1', sheet(aoa)]]));
  addCase('K67', 'header cells with hints and line breaks, 公民身份号码', [`${t}.xlsx`], [R(t, '石门村', ps)]);
}

// ===================================================================================== round 3
// K68 gender coded 1/2 with no ID column, 是否村民代表 ticked ✓ or left blank.
{
  const t = '峡口镇';
  const ps = [...committee(), ...reps(21, 7)];
  const aoa = [['村名', '姓名', '性别', '职务', '是否村民代表']];
  ps.forEach((p) => aoa.push(['峡口村', p.name, p.sex === 'F' ? 2 : 1, withPost(p), p.rep ? '✓' : '']));
  write('K68', `${t}.xlsx`, book([['Sheet1', sheet(aoa)]]));
  addCase('K68', 'gender coded 1/2 (GB/T 2261.1) without IDs, representatives ticked ✓ or blank', [`${t}.xlsx`], [R(t, '峡口村', ps.map((p) => ({ ...p, idOut: 'none' })))]);
}

// K69 a count table with a 全镇合计 row first, then the villages.
{
  const t = '大洋镇';
  const aoa = [['单位', '两委成员数', '其中女性', '妇联主席是否进两委', '村民代表数', '其中女性'], ['全镇合计', 12, 3, '', 60, 20], ['大洋村', 7, 2, '是', 33, 11], ['洋坑村', 5, 1, '是', 27, 9]];
  write('K69', `${t}统计表.xlsx`, book([['Sheet1', sheet(aoa)]]));
  addCase('K69', 'a count table whose first row is 全镇合计, villages under a 单位 header', [`${t}统计表.xlsx`], [
    expectCounts(t, '大洋村', { members: 7, women: 2, chair: true, T: 33, W: 11 }),
    expectCounts(t, '洋坑村', { members: 5, women: 1, chair: true, T: 27, W: 9 }),
  ]);
}

// K70 per village two sheets, "XX村两委" and "XX村代表".
{
  const t = '湖山乡';
  const sheets = [];
  const exp = [];
  for (const [v, w] of [['湖山村', 7], ['山湖村', 9]]) {
    const c = committee();
    const rp = reps(24, w);
    sheets.push([`${v}两委`, sheet([['姓名', '性别', '职务', '身份证号'], ...c.map((p) => [p.name, sexCell(p), withPost(p), idCell(p)])])]);
    sheets.push([`${v}代表`, sheet([['姓名', '性别', '身份证号', '所在组'], ...rp.map((p, i) => [p.name, sexCell(p), idCell(p), `${(i % 5) + 1}组`])])]);
    exp.push(R(t, v, [...c, ...rp]));
  }
  write('K70', `${t}.xlsx`, book(sheets));
  addCase('K70', 'two sheets per village, "XX村两委" and "XX村代表", no village column', [`${t}.xlsx`], exp);
}

// K71 a roster whose 职务 for representatives is "村民代表" and where a woman is 村民小组长兼村民代表 (no seat).
{
  const t = '枫桥镇';
  const c = committee({ woman: false, chair: false });
  const lead = P('村民小组长兼村民代表', 'F', { seat: false, rep: true });
  const rp = reps(14, 4).map((p) => ({ ...p, post: '村民代表' }));
  const aoa = [['村别', '姓名', '性别', '身份证号', '职务']];
  [...c, lead, ...rp].forEach((p) => aoa.push(['枫桥村', p.name, sexCell(p), idCell(p), p.post]));
  write('K71', `${t}.xlsx`, book([['名单', sheet(aoa)]]));
  addCase('K71', '村别 column; a woman who is 村民小组长兼村民代表 holds no seat but is a representative', [`${t}.xlsx`], [R(t, '枫桥村', [...c, lead, ...rp])]);
}

for (const c of cases) {
  const dir = path.join(OUT, c.id);
  const exitCode = c.villages.every((v) => v.status === 'compliant') ? 0 : 1;
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify({ villages: c.villages, ...c.extra, exitCode }, null, 2));
  fs.writeFileSync(path.join(dir, 'CASE.txt'), `${c.desc}\nfiles: ${c.files.join(', ')}\n`);
}
console.log(`${cases.length} cases written to ${OUT}`);
