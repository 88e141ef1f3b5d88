// Round 4: workbook structures and messy data. node tests/townships/gen-structures.mjs → tests/townships/cases/Fnn/
import fs from 'node:fs';
import path from 'node:path';
import { XLSX, P, reps, idCell, sexCell, expectRoster, verdict, sheet, book, resetSeed, agreeWithModel as agree, handVerdict as X } from './lib.mjs';
resetSeed(20261129);
const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), 'cases');
// This generator owns the F cases; gen.mjs the C cases, gen-more.mjs the D, gen-rules.mjs the E.
fs.mkdirSync(OUT, { recursive: true });
for (const d of fs.readdirSync(OUT)) if (d.startsWith('F')) fs.rmSync(path.join(OUT, d), { recursive: true, force: true });
const cases = [];
function write(id, file, wb) {
  const dir = path.join(OUT, id);
  fs.mkdirSync(dir, { recursive: true });
  XLSX.writeFile(wb, path.join(dir, file), { bookType: file.endsWith('.xls') ? 'biff8' : 'xlsx' });
}
const addCase = (id, desc, files, villages, extra = {}) => cases.push({ id, desc, files, villages, extra });
const yn = (p) => (p.rep ? '是' : '否');
const std = () => [P('书记', 'M'), P('主任', 'M'), P('村委委员、妇联主席', 'F', { chair: true })];
const uniq = (ps) => [...new Map(ps.map((p) => [p.id, p])).values()];

// F01 one workbook, a sheet per township (sheet name = township), 村 column; 上村 in both townships
{
  const A = '青山镇', B = '白沙镇';
  const a1 = [...std(), ...reps(9, 3)];
  const a2 = [P('书记', 'M'), P('主任', 'M'), P('委员', 'M'), P('妇联主席', 'F', { chair: true, seat: false, rep: true }), ...reps(8, 2)];
  const b1 = [P('书记', 'M'), P('主任', 'F'), P('委员、妇联主席', 'F', { chair: true, rep: true }), ...reps(11, 3)];
  const b2 = [...std(), ...reps(12, 3)];
  const H = ['村', '姓名', '性别', '职务', '身份证号', '是否村民代表'];
  const r = (v, ps) => ps.map((p) => [v, p.name, sexCell(p), p.post, idCell(p), yn(p)]);
  write('F01', '城北片区换届名单.xlsx', book([[A, sheet([H, ...r('上村', a1), ...r('下村', a2)])], [B, sheet([H, ...r('上村', b1), ...r('沙尾村', b2)])]]));
  addCase('F01', 'county-section workbook: a sheet per township (sheet names 青山镇/白沙镇), 村 column, no 乡镇 column; 上村 exists in both townships', ['城北片区换届名单.xlsx'], [
    agree(X(A, '上村', 'ppp', [3, 1, 9, 3]), a1),
    agree(X(A, '下村', 'ffp', [3, 0, 9, 3]), a2),
    agree(X(B, '上村', 'ppp', [3, 2, 12, 4]), b1),
    agree(X(B, '沙尾村', 'ppf', [3, 1, 12, 3]), b2),
  ]);
}

// F02 a sheet per township, title row, villages as section rows "一、东坑村" inside each; 序号 restarts
{
  const sh = [];
  const exp = [];
  const spec = {
    青山镇: [['东坑村', 'ppp', () => [...std(), ...reps(6, 2)], [3, 1, 6, 2]], ['西坑村', 'pfu', () => [P('书记', 'F'), P('主任', 'M'), P('妇联主席', 'F', { chair: true, seat: false }), ...reps(6, 1, 2)], [2, 1, 6, 1]]],
    白沙镇: [['沙头村', 'ppf', () => [...std(), ...reps(10, 3)], [3, 1, 10, 3]]],
    红石乡: [['石门村', 'upp', () => [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true, decl: '', idOut: 'none', rep: true }), ...reps(5, 2)], [3, 0, 6, 2]], ['石岭社区', 'ppp', () => [P('党委书记、居委会主任', 'M'), P('居委会委员、妇联主席', 'F', { chair: true }), ...reps(3, 1)], [2, 1, 3, 1]]],
  };
  const CN = '一二三四五';
  for (const [t, vs] of Object.entries(spec)) {
    const aoa = [[`${t}村“两委”换届当选人员名单`], ['序号', '姓名', '性别', '职务', '身份证号', '是否村民代表']];
    vs.forEach(([v, rr, mk, c], i) => {
      const ps = mk();
      aoa.push([`${CN[i]}、${v}`]);
      ps.forEach((p, j) => aoa.push([j + 1, p.name, sexCell(p), p.post, idCell(p), yn(p)]));
      exp.push(agree(X(t, v, rr, c), ps));
    });
    sh.push([t, sheet(aoa, [[0, 0, 0, 5]])]);
  }
  write('F02', '城南片区.xlsx', book(sh));
  addCase('F02', 'a sheet per township (青山镇/白沙镇/红石乡) with a title, villages as section rows "一、东坑村" inside each, 序号 restarts', ['城南片区.xlsx'], exp);
}

// F03 职务 typos and variants
{
  const t = '云山镇';
  const spec = [
    ['甲村', 'ppp', [3, 1, 9, 3], () => [P('书记', 'M'), P('主任', 'M'), P('付书记、妇联主席', 'F', { chair: true }), ...reps(9, 3)]],
    ['乙村', 'ppp', [3, 1, 9, 3], () => [P('书记', 'M'), P('主任', 'M'), P('付主任、妇联主席', 'F', { chair: true }), ...reps(9, 3)]],
    ['丙村', 'ppp', [3, 1, 9, 3], () => [P('书记', 'M'), P('主任', 'M'), P('支部委员、妇联主席', 'F', { chair: true }), ...reps(9, 3)]],
    ['丁村', 'ppp', [4, 2, 9, 3], () => [P('书记', 'M'), P('主任', 'M'), P('村委委员 、妇联主席', 'F', { chair: true }), P(' 村 委 委员　', 'F'), ...reps(9, 3)]],
    ['戊村', 'ppp', [2, 1, 9, 3], () => [P('書記、妇联主席', 'F', { chair: true }), P('主任', 'M'), ...reps(9, 3)]],
    ['己村', 'pfp', [2, 1, 9, 3], () => [P('书记 主任', 'M'), P('委员（女）', 'F'), P('妇联主席', 'F', { chair: true, seat: false, rep: true }), ...reps(8, 2)]],
    ['庚村', 'ffp', [2, 0, 9, 3], () => [P('书记/主任', 'M'), P('副主任', 'M'), P('妇联主席', 'F', { chair: true, seat: false }), P('村妇联执委', 'F', { seat: false }), ...reps(9, 3)]],
    ['辛村', 'pup', [2, 1, 9, 3], () => [P('书记', 'M'), P('主任（兼）', 'F'), P('村妇联执委', 'F', { seat: false }), ...reps(9, 3)]],
    ['壬村', 'pfp', [3, 1, 9, 3], () => [P('书记', 'M'), P('主任', 'M'), P('委员', 'F'), P('妇联主席', 'F', { chair: true, seat: false }), ...reps(9, 3)]],
  ];
  const Hd = ['乡镇', '村', '姓名', '性别', '职务', '身份证号', '是否村民代表'];
  const rows = [];
  const exp = [];
  for (const [v, rr, c, mk] of spec) {
    const ps = mk();
    ps.forEach((p) => rows.push([t, v, p.name, sexCell(p), p.post, idCell(p), yn(p)]));
    exp.push(agree(X(t, v, rr, c), ps));
  }
  write('F03', '云山镇名单.xlsx', book([['Sheet1', sheet([Hd, ...rows])]]));
  addCase('F03', '职务 variants: 付书记/付主任 (typos), 支部委员, "村 委 委员" with stray spaces, 書記 (traditional), "书记 主任", "书记/主任", 主任（兼）, 委员（女）, 妇联主席 alone (no seat), 村妇联执委 (not the chair, no seat)', ['云山镇名单.xlsx'], exp);
}

// F04 names with notes, empty rows inside a block, a village continued in a second block
{
  const t = '石湖镇';
  const sec = P('书记', 'M', { rep: true, name: '张建国' });
  const a = [sec, P('主任', 'M', { name: '李伟2' }), P('委员、妇联主席', 'F', { chair: true, name: '王芳芳' }), ...reps(8, 3)];
  const b = [P('书记、主任', 'M', { name: '赵强' }), P('委员', 'F', { name: '陈丽丽' }), P('妇联主席', 'F', { chair: true, seat: false, rep: true, name: '孙秀英' }), ...reps(8, 2)];
  const shown = new Map([['王芳芳', '王芳芳（女）'], ['李伟2', '李伟2'], ['陈丽丽', '陈丽丽 *新当选*'], ['孙秀英', '孙秀英（连任）']]);
  const row = (v, p) => [t, v, shown.get(p.name) ?? p.name, sexCell(p), p.post, idCell(p), yn(p)];
  const Hd = ['乡镇', '村', '姓名', '性别', '职务', '身份证号', '是否村民代表'];
  const aoa = [Hd];
  a.slice(0, 3).forEach((p) => aoa.push(row('湖东村', p)));
  aoa.push([], ['', '', '', '', '', '', '']);
  a.slice(3, 7).forEach((p) => aoa.push(row('湖东村', p)));
  b.forEach((p, i) => { aoa.push(row('湖西村', p)); if (i === 4) aoa.push([]); });
  aoa.push(row('湖东村', sec)); // the same person listed again in the continued block (same ID)
  a.slice(7).forEach((p) => aoa.push(row('湖东村', p)));
  write('F04', '石湖镇名单.xlsx', book([['名单', sheet(aoa)]]));
  addCase('F04', 'names with notes ("王芳芳（女）", "陈丽丽 *新当选*", "李伟2"), empty rows inside a village block, 湖东村 continues after 湖西村 (its 书记 listed again there, same ID)', ['石湖镇名单.xlsx'], [
    agree(X(t, '湖东村', 'ppp', [3, 1, 9, 3]), a),
    agree(X(t, '湖西村', 'pfp', [2, 1, 9, 3]), b),
  ]);
}

// F05 codes and numbers that are not IDs: 行政区划代码 (12 digits), 村代码, 出生年月 1980.05, 年龄, 联系电话 (11 digits); no ID column
{
  const t = '金溪镇';
  const vs = [
    ['金东村', '330102001201', 201, 'ppp', [3, 1, 9, 3], () => [...std().map((p) => ({ ...p, idOut: 'none' })), ...reps(9, 3, 0, { idOut: 'none' })]],
    ['金西村', '330102001202', 202, 'upu', [3, 0, 9, 2], () => [P('书记', 'M', { idOut: 'none' }), P('主任', 'M', { idOut: 'none' }), P('委员、妇联主席', 'F', { chair: true, decl: '', idOut: 'none' }), ...reps(9, 2, 2, { idOut: 'none' })]],
    ['金南村', '330102001203', 203, 'ffp', [3, 0, 9, 4], () => [P('书记', 'M', { idOut: 'none' }), P('主任', 'M', { idOut: 'none' }), P('委员', 'M', { idOut: 'none' }), P('妇联主席', 'F', { chair: true, seat: false, rep: true, idOut: 'none' }), ...reps(8, 3, 0, { idOut: 'none' })]],
  ];
  const Hd = ['序号', '行政区划代码', '村代码', '村名', '姓名', '性别', '出生年月', '年龄', '联系电话', '职务', '是否村民代表'];
  const aoa = [[`${t}村级组织换届当选人员登记表`], Hd];
  const exp = [];
  let n = 1;
  for (const [v, code, vc, rr, c, mk] of vs) {
    const ps = mk();
    for (const p of ps) {
      const y = 1960 + (n * 7) % 40, m = 1 + (n % 12);
      aoa.push([n++, Number(code), vc, v, p.name, sexCell(p), Number(`${y}.${String(m).padStart(2, '0')}`), 2026 - y, Number(`13${String(900000000 + n * 7919).slice(0, 9)}`), p.post, yn(p)]);
    }
    exp.push(agree(X(t, v, rr, c), ps));
  }
  write('F05', '金溪镇名单.xlsx', book([['Sheet1', sheet(aoa)]]));
  addCase('F05', 'no ID column; numeric 行政区划代码 (12 digits) and 村代码 before 村名, 出生年月 as 1980.05 numbers, 年龄, 联系电话 11-digit numbers (none is an ID); blank 性别 → unknown', ['金溪镇名单.xlsx'], exp);
}

// F06 printed layout: title + "第N页" + header repeated every page; a village spans a page break
{
  const t = '平安镇';
  const v1 = [...std(), ...reps(12, 4)];
  const v2 = [P('书记、主任', 'F', { rep: true }), P('副书记', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true }), ...reps(10, 2)];
  const v3 = [P('书记', 'M'), P('主任', 'M'), P('委员', 'M'), ...reps(6, 1)];
  const Hd = ['序号', '村名', '姓名', '性别', '职务', '身份证号码', '是否村民代表'];
  const all = [...v1.map((p) => ['平安村', p]), ...v2.map((p) => ['太平村', p]), ...v3.map((p) => ['永安村', p])];
  const aoa = [];
  const merges = [];
  const PAGE = 10;
  for (let i = 0; i < all.length; i += PAGE) {
    const pg = i / PAGE + 1;
    merges.push([aoa.length, 0, aoa.length, 6]);
    aoa.push([`${t}村“两委”换届当选人员名单`]);
    aoa.push(['', '', '', '', '', '', `第${pg}页`]);
    aoa.push(Hd);
    all.slice(i, i + PAGE).forEach(([v, p], j) => aoa.push([i + j + 1, v, p.name, sexCell(p), p.post, idCell(p), yn(p)]));
    aoa.push([]);
  }
  aoa.push(['填表人：王某', '', '', '审核人：李某', '', '填报日期：2026年11月']);
  write('F06', '平安镇名单.xlsx', book([['打印', sheet(aoa, merges)]]));
  addCase('F06', 'printed layout: title, "第N页" and header rows repeated every 10 rows; villages span page breaks; footer', ['平安镇名单.xlsx'], [
    agree(X(t, '平安村', 'ppp', [3, 1, 12, 4]), v1),
    agree(X(t, '太平村', 'ppp', [3, 2, 12, 4]), v2),
    agree(X(t, '永安村', 'fuf', [3, 0, 6, 1]), v3),
  ]);
}

// F07 very wide sheet (~35 columns), instruction block, header at row 10; 是否村务监督委员会成员 / 是否后备干部 columns (no seats)
{
  const t = '长乐镇';
  const sup = P('', 'F', { seat: false, rep: true, extra: { jw: '是' } });
  const v1 = [P('书记', 'M', { extra: { jw: '否' } }), P('主任', 'M'), P('委员', 'M'), sup, P('妇联主席', 'F', { chair: true, seat: false, extra: { hb: '是' } }), ...reps(8, 2)];
  const v2 = [...std(), ...reps(9, 3)];
  const Hd = ['序号', '乡镇（街道）', '村（社区）', '姓名', '性别', '民族', '出生年月', '年龄', '文化程度', '政治面貌', '入党时间', '籍贯', '工作单位', '职务', '任职时间', '是否连任', '是否新当选', '是否村民代表', '公民身份号码', '联系电话', '家庭住址', '是否退役军人', '是否致富带头人', '是否大学毕业生', '是否村务监督委员会成员', '是否后备干部', '是否党员', '健康状况', '宗教信仰', '户籍类型', '婚姻状况', '所在村民小组', '推荐单位', '审核意见', '备注'];
  const aoa = [
    [`${t}村级组织换届当选人员信息采集表`],
    ['填表说明：'],
    ['1. 性别填写“男”或“女”；身份证号码须为18位，以文本格式录入。'],
    ['2. 职务填写书记、副书记、委员、主任、副主任、妇联主席等，兼任的用“、”分隔。'],
    ['3. 是否村民代表、是否连任等栏目填写“是”或“否”。'],
    ['4. 村名填写全称，如“某某村”“某某社区”。'],
    ['5. 本表由乡镇（街道）组织办汇总，于换届结束后5个工作日内报县妇联。'],
    ['6. 村务监督委员会成员、后备干部不属于村“两委”班子成员。'],
    [],
    Hd,
  ];
  const exp = [];
  let n = 1;
  for (const [v, ps, rr, c] of [['长乐村', v1, 'ffp', [3, 0, 9, 3]], ['福寿村', v2, 'ppp', [3, 1, 9, 3]]]) {
    for (const p of ps) {
      aoa.push([n++, t, v, p.name, sexCell(p), '汉族', '1975.03', 51, '高中', '群众', '', '浙江', '', p.post, p.post ? '2026.10' : '', '否', '是', yn(p), idCell(p), '13800000000', `${v}${n}号`, '否', '否', '否', p.extra.jw ?? '否', p.extra.hb ?? '否', '否', '健康', '无', '农业', '已婚', '第一组', '村党组织', '同意', '']);
    }
    exp.push(agree(X(t, v, rr, c), ps));
  }
  write('F07', '长乐镇信息采集表.xlsx', book([['采集表', sheet(aoa)]]));
  addCase('F07', 'very wide (35 columns) sheet, 8-row instruction block, header at row 10; 是否村务监督委员会成员/是否后备干部 = 是 on persons without a seat', ['长乐镇信息采集表.xlsx'], exp);
}

// F08 汇总 count sheet + 名单 roster sheet in the same workbook, agreeing
{
  const t = '桃溪镇';
  const v1 = [...std(), ...reps(9, 3)];
  const v2 = [P('书记', 'M'), P('主任', 'M'), P('委员', 'M'), P('妇联主席', 'F', { chair: true, seat: false }), ...reps(9, 2)];
  const SH = ['村名', '两委成员数', '其中女性', '妇联主席是否进两委', '村民代表数', '其中女性'];
  const summ = [[`${t}“两进一有”情况汇总表`], SH, ['桃源村', 3, 1, '是', 9, 3], ['溪口村', 3, 0, '否', 9, 2], ['合计', 6, 1, '', 18, 5]];
  const Hd = ['村', '姓名', '性别', '职务', '身份证号', '是否村民代表'];
  const ro = [Hd, ...v1.map((p) => ['桃源村', p.name, sexCell(p), p.post, idCell(p), yn(p)]), ...v2.map((p) => ['溪口村', p.name, sexCell(p), p.post, idCell(p), yn(p)])];
  write('F08', '桃溪镇换届情况.xlsx', book([['汇总', sheet(summ)], ['名单', sheet(ro)]]));
  addCase('F08', '汇总 count sheet (with 合计) and 名单 roster sheet in one workbook, agreeing: each village once, verdicts as either', ['桃溪镇换届情况.xlsx'], [
    agree(X(t, '桃源村', 'ppp', [3, 1, 9, 3]), v1),
    agree(X(t, '溪口村', 'fff', [3, 0, 9, 2]), v2),
  ]);
}

// F09 汇总 count sheet and roster sheets DISAGREE (roster is more precise; DOMAIN does not settle which wins)
{
  const t = '柳溪镇';
  // roster: 上柳村 the only woman is 村务监督委员会委员 (no seat); reps 9 women of 30. 汇总 claims 5/1, 是, 30/10 → compliant
  const v1 = [P('书记', 'M'), P('主任', 'M'), P('副主任', 'M'), P('委员', 'M'), P('委员', 'M'), P('村务监督委员会委员、妇联主席', 'F', { chair: true, seat: false, rep: true }), ...reps(29, 8)];
  const v2 = [...std(), ...reps(12, 4)];
  const SH = ['村名', '两委成员数', '其中女性', '妇联主席是否进两委', '村民代表数', '其中女性'];
  const summ = [SH, ['上柳村', 5, 1, '是', 30, 10], ['下柳村', 3, 1, '是', 12, 4]];
  const Hd = ['村', '姓名', '性别', '职务', '身份证号', '是否村民代表'];
  const r = (v, ps) => ps.map((p) => [v, p.name, sexCell(p), p.post, idCell(p), yn(p)]);
  write('F09', '柳溪镇.xlsx', book([['汇总', sheet(summ)], ['两委及代表名单', sheet([Hd, ...r('上柳村', v1), ...r('下柳村', v2)])]]));
  addCase('F09', '汇总 sheet claims 上柳村 compliant (5/1, 是, 30/10); the roster sheet shows no woman seated, chair only on the 监委会, 9 of 30 women reps (AMBIGUOUS: roster expected to win, at least a finding)', ['柳溪镇.xlsx'], [
    agree(X(t, '上柳村', 'fff', [5, 0, 30, 9]), v1),
    agree(X(t, '下柳村', 'ppp', [3, 1, 12, 4]), v2),
  ], { ambiguous: 'summary vs roster in one workbook: DOMAIN does not say which wins' });
}

// F12 as F09 but the roster sheet comes FIRST and the 汇总 sheet second (order must not decide)
{
  const t = '柳溪镇';
  const v1 = [P('书记', 'M'), P('主任', 'M'), P('副主任', 'M'), P('委员', 'M'), P('委员', 'M'), P('村务监督委员会委员、妇联主席', 'F', { chair: true, seat: false, rep: true }), ...reps(29, 8)];
  const v2 = [...std(), ...reps(12, 4)];
  const SH = ['村名', '两委成员数', '其中女性', '妇联主席是否进两委', '村民代表数', '其中女性'];
  const summ = [SH, ['上柳村', 5, 1, '是', 30, 10], ['下柳村', 3, 1, '是', 12, 4]];
  const Hd = ['村', '姓名', '性别', '职务', '身份证号', '是否村民代表'];
  const r = (v, ps) => ps.map((p) => [v, p.name, sexCell(p), p.post, idCell(p), yn(p)]);
  write('F12', '柳溪镇.xlsx', book([['两委及代表名单', sheet([Hd, ...r('上柳村', v1), ...r('下柳村', v2)])], ['汇总', sheet(summ)]]));
  addCase('F12', 'as F09 with the sheets swapped (roster first, 汇总 last): 汇总 claims 上柳村 compliant, roster shows fff (AMBIGUOUS in DOMAIN; sheet order should not decide)', ['柳溪镇.xlsx'], [
    agree(X(t, '上柳村', 'fff', [5, 0, 30, 9]), v1),
    agree(X(t, '下柳村', 'ppp', [3, 1, 12, 4]), v2),
  ], { ambiguous: 'summary vs roster in one workbook: DOMAIN does not say which wins' });
}

// F10 county-section workbook: first sheet a township-level 汇总 (乡镇 | 村数 | 达标村数), then a sheet per township with 村 merged down
{
  const sh = [];
  const exp = [];
  const data = { 东山镇: [['东山村', 'ppp', [3, 1, 6, 2], () => [...std(), ...reps(6, 2)]], ['南山村', 'ppf', [3, 1, 7, 2], () => [...std(), ...reps(7, 2)]]], 西岭乡: [['西岭村', 'pfp', [2, 1, 3, 1], () => [P('书记、主任', 'M'), P('副书记', 'F'), P('妇联主席', 'F', { chair: true, seat: false, rep: true }), ...reps(2, 0)]]] };
  const top = [['城东片区各乡镇“两进一有”完成情况汇总'], ['乡镇', '村数', '达标村数', '未达标村数', '备注'], ['东山镇', 2, 1, 1, ''], ['西岭乡', 1, 0, 1, ''], ['合计', 3, 1, 2, '']];
  sh.push(['汇总', sheet(top)]);
  for (const [t, vs] of Object.entries(data)) {
    const aoa = [['村', '姓名', '性别', '职务', '身份证号', '是否村民代表']];
    const merges = [];
    for (const [v, rr, c, mk] of vs) {
      const ps = mk();
      const s = aoa.length;
      ps.forEach((p, i) => aoa.push([i === 0 ? v : '', p.name, sexCell(p), p.post, idCell(p), yn(p)]));
      merges.push([s, 0, aoa.length - 1, 0]);
      exp.push(agree(X(t, v, rr, c), ps));
    }
    sh.push([t, sheet(aoa, merges)]);
  }
  write('F10', '城东片区.xlsx', book(sh));
  addCase('F10', 'county-section workbook: a township-level 汇总 sheet (乡镇|村数|达标村数, must not become villages), then sheets 东山镇/西岭乡 with 村 merged down', ['城东片区.xlsx'], exp);
}

// F11 出生年月 as real dates, 年龄, 联系电话 numbers beside a 公民身份号码 column; 性别 blank where the ID is valid
{
  const t = '新丰镇';
  const blank = (p) => ({ ...p, decl: '' });
  const v1 = [P('书记', 'M'), blank(P('主任', 'M')), blank(P('委员、妇联主席', 'F', { chair: true })), ...reps(9, 3).map((p, i) => (i % 2 ? blank(p) : p))];
  const v2 = [blank(P('书记', 'M')), P('主任', 'M'), P('委员', 'M', { decl: '', idOut: 'none' }), ...reps(6, 2)];
  const Hd = ['村', '姓名', '性别', '出生年月', '年龄', '联系电话', '公民身份号码', '职务', '是否村民代表'];
  const aoa = [Hd];
  for (const [v, ps] of [['丰收村', v1], ['丰乐村', v2]]) {
    for (const p of ps) {
      const y = p.id ? Number(p.id.slice(6, 10)) : 1980;
      aoa.push([v, p.name, sexCell(p), new Date(Date.UTC(y, 4, 1)), 2026 - y, 13900000000 + Math.floor(Math.random() * 1e8), idCell(p), p.post, yn(p)]);
    }
  }
  const ws = sheet(aoa);
  for (const k of Object.keys(ws)) if (ws[k] && ws[k].t === 'd') ws[k].z = 'yyyy.mm';
  write('F11', '新丰镇名单.xlsx', book([['名单', ws]]));
  addCase('F11', '出生年月 as date cells (yyyy.mm), 年龄, 11-digit 联系电话 numbers next to 公民身份号码; 性别 blank where the ID is valid (gender from the ID)', ['新丰镇名单.xlsx'], [
    agree(X(t, '丰收村', 'ppp', [3, 1, 9, 3]), v1),
    agree(X(t, '丰乐村', 'uup', [3, 0, 6, 2]), v2),
  ]);
}

for (const c of cases) {
  const dir = path.join(OUT, c.id);
  fs.mkdirSync(dir, { recursive: true });
  const exitCode = c.extra.exitCode ?? (c.villages.every((v) => v.status === 'compliant') ? 0 : 1);
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify({ villages: c.villages, ...c.extra, exitCode }, null, 2));
  fs.writeFileSync(path.join(dir, 'CASE.txt'), `${c.desc}\nfiles: ${c.files.join(', ')}\n`);
}
console.log(`${cases.length} cases written to ${OUT}`);
