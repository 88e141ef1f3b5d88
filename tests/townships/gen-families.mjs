// Round 6: families and forms (issue 7, section 2). node tests/townships/gen-families.mjs → tests/townships/cases/Knn/
// Who a table covers (partial lists, election results, bodies), people inside cells, several tables on a sheet,
// transposed count tables, seat matrices, counts carried on a roster, headers as offices make them, column
// meaning from values, posts as people write them, a sheet that yields nothing, the outgoing term.
// Truth is derived by hand from DOMAIN.md; where the layout is a plain roster, agree() checks it against lib's model.
import fs from 'node:fs';
import path from 'node:path';
import { XLSX, P, reps, idCell, sexCell, expectRoster, expectCounts, verdict, sheet, book, csvText, resetSeed, agreeWithModel as agree, handVerdict as X } from './lib.mjs';

resetSeed(20261204);
const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), 'cases');
// This generator owns the K cases.
fs.mkdirSync(OUT, { recursive: true });
for (const d of fs.readdirSync(OUT)) if (/^K\d+$/.test(d) && Number(d.slice(1)) <= 37) fs.rmSync(path.join(OUT, d), { recursive: true, force: true });
const cases = [];
function write(id, file, data) {
  const dir = path.join(OUT, id);
  fs.mkdirSync(dir, { recursive: true });
  if (typeof data === 'string' || data instanceof Buffer) fs.writeFileSync(path.join(dir, file), data);
  else XLSX.writeFile(data, path.join(dir, file), { bookType: file.endsWith('.xls') ? 'biff8' : 'xlsx' });
}
const addCase = (id, desc, files, villages, extra = {}) => cases.push({ id, desc, files, villages, extra });
const yn = (p) => (p.rep ? '是' : '否');
const birth = (p) => `${p.id.slice(6, 10)}.${p.id.slice(10, 12)}`;
const EDU = ['初中', '高中', '中专', '大专', '本科'];
const edu = (i) => EDU[i % EDU.length];
const women = (n, o = {}) => Array.from({ length: n }, () => P('', 'F', { seat: false, rep: true, ...o }));

// ===================================================================================== who a table covers
// K01 女性两委成员名单 alone: the women on the committees, not the committees. Members unknown; a woman with a
//     seat passes the first part; the chair passes where she is listed with a seat, else unknown.
{
  const t = '桃源镇';
  const spec = [
    ['桃源村', 'ppu', [null, 2, null, null], [P('村委委员、妇联主席', 'F', { chair: true }), P('副主任', 'F')]],
    ['桃花村', 'puu', [null, 1, null, null], [P('支部委员', 'F')]],
    ['桃林村', 'ppu', [null, 2, null, null], [P('书记、主任', 'F'), P('“两委”委员、妇联主席', 'F', { chair: true })]],
  ];
  const aoa = [[`${t}女性进村“两委”班子成员名单`], ['序号', '村名', '姓名', '性别', '出生年月', '文化程度', '现任职务', '备注']];
  const exp = [];
  let i = 0;
  for (const [v, r, c, ps] of spec) {
    for (const p of ps) aoa.push([++i, v, p.name, '女', birth(p), edu(i), p.post, i === 2 ? '新当选' : '']);
    exp.push(X(t, v, r, c));
  }
  aoa.push([], ['填表人：王丽', '', '', '审核人：', '', '', '填报日期：2026年11月20日']);
  write('K01', `${t}女性两委成员名单.xlsx`, book([['女性两委成员', sheet(aoa, [[0, 0, 0, 7]])]]));
  addCase('K01', '女性进村“两委”班子成员名单 alone (a list of only the women): members unknown, women as listed, no representatives', [`${t}女性两委成员名单.xlsx`], exp);
}

// K02 two partial lists in one workbook: 女性两委成员 and 女性村民代表 (no totals anywhere) → representatives unknown.
{
  const t = '杏林乡';
  const exp = [];
  const a = [['序号', '村（社区）', '姓名', '性别', '职务', '身份证号码']];
  const b = [[`${t}女性村民代表名单`], ['村（社区）', '姓名', '性别', '身份证号码', '所在村民小组']];
  const spec = [
    ['杏花村', 'ppu', [null, 1, null, 12], [P('副书记、妇联主席', 'F', { chair: true })], women(12)],
    ['杏坛社区', 'puu', [null, 2, null, 7], [P('居委会副主任', 'F'), P('党委委员', 'F')], women(7)],
  ];
  let n = 0;
  for (const [v, r, c, ps, ws] of spec) {
    ps.forEach((p) => a.push([++n, v, p.name, '女', p.post, idCell(p)]));
    ws.forEach((p, j) => b.push([j === 0 ? v : '', p.name, '女', idCell(p), `第${(j % 6) + 1}组`]));
    exp.push(X(t, v, r, c));
  }
  write('K02', `${t}女性两委成员及女性村民代表名单.xlsx`, book([['女性两委成员', sheet(a)], ['女性村民代表', sheet(b, [[0, 0, 0, 4], [2, 0, 13, 0]])]]));
  addCase('K02', 'two partial lists: 女性两委成员 and 女性村民代表 sheets, no totals anywhere: the representatives part stays unknown (women listed, total not given)', [`${t}女性两委成员及女性村民代表名单.xlsx`], exp);
}

// K03 partial lists with their totals from a totals sheet (两委成员总数 / 村民代表总数, no women counts there).
{
  const t = '梅岭镇';
  const exp = [];
  const spec = [
    // village, parts, counts, committee women, reps women, members total, reps total
    ['梅岭村', 'ppp', [5, 1, 30, 10], [P('委员、妇联主席', 'F', { chair: true })], women(10), 5, 30],
    ['梅溪村', 'ppf', [5, 2, 31, 10], [P('副主任', 'F'), P('支委、妇联主席', 'F', { chair: true })], women(10), 5, 31],
    ['梅坞村', 'puf', [7, 1, 40, 13], [P('村委委员', 'F')], women(13), 7, 40],
  ];
  const a = [[`${t}女性两委成员名单`], ['村', '姓名', '性别', '职务', '身份证号']];
  const b = [[`${t}女性村民代表名单`], ['村', '姓名', '性别', '身份证号']];
  const s = [[`${t}各村换届基本情况`], ['村名', '两委成员总数', '村民代表总数', '备注']];
  for (const [v, r, c, ps, ws, m, T] of spec) {
    ps.forEach((p) => a.push([v, p.name, '女', p.post, idCell(p)]));
    ws.forEach((p) => b.push([v, p.name, '女', idCell(p)]));
    s.push([v, m, T, '']);
    exp.push(X(t, v, r, c));
  }
  s.push(['合计', 17, 101, '']);
  write('K03', `${t}换届情况.xlsx`, book([['基本情况', sheet(s)], ['女性两委', sheet(a)], ['女性代表', sheet(b)]]));
  addCase('K03', 'women-only lists (两委, 村民代表) with the totals on a separate 基本情况 sheet (两委成员总数 / 村民代表总数 only): counts combine per village; 10 of 31 fails', [`${t}换届情况.xlsx`], exp);
}

// K04 女性村民代表名单 carrying its total in a column (村民代表总数, on the village's first row, merged down).
{
  const t = '竹溪镇';
  const exp = [];
  const spec = [['竹园村', 'uup', [null, null, 45, 15], 15, 45], ['竹山村', 'uuf', [null, null, 43, 14], 14, 43], ['竹海村', 'uup', [null, null, 21, 8], 8, 21]];
  const aoa = [[`${t}女性村民代表花名册`], ['村名', '村民代表总数（人）', '序号', '姓名', '性别', '身份证号码']];
  const merges = [[0, 0, 0, 5]];
  for (const [v, r, c, w, T] of spec) {
    const start = aoa.length;
    women(w).forEach((p, j) => aoa.push([j === 0 ? v : '', j === 0 ? T : '', j + 1, p.name, '女', idCell(p)]));
    merges.push([start, 0, aoa.length - 1, 0], [start, 1, aoa.length - 1, 1]);
    exp.push(X(t, v, r, c));
  }
  write('K04', `${t}女性村民代表.xlsx`, book([['Sheet1', sheet(aoa, merges)]]));
  addCase('K04', '女性村民代表花名册 with a 村民代表总数（人） column merged down each village: 15 of 45 passes, 14 of 43 fails', [`${t}女性村民代表.xlsx`], exp);
}

// K05 a list of the newly elected only (新进班子成员): a seated woman passes; otherwise the committees stay unknown.
//     Members are unknown; the seated women listed are a lower bound, used as the count (as D29 uses 至少 women).
{
  const t = '青溪镇';
  const exp = [];
  const spec = [
    ['青溪村', 'ppu', [null, 1, null, null], [P('村委委员、妇联主席', 'F', { chair: true }), P('副书记', 'M')]],
    ['青峰村', 'uuu', [null, null, null, null], [P('主任', 'M'), P('委员', 'M')]],
    ['青石村', 'puu', [null, 1, null, null], [P('支部委员', 'F')]],
  ];
  const aoa = [[`${t}村“两委”换届新进班子成员名单`], ['（仅填报本次换届新进入村“两委”班子的人员）'], ['村', '姓名', '性别', '年龄', '学历', '职务', '身份证号']];
  for (const [v, r, c, ps] of spec) {
    ps.forEach((p, j) => aoa.push([v, p.name, sexCell(p), 2026 - Number(p.id.slice(6, 10)), edu(j), p.post, idCell(p)]));
    exp.push(X(t, v, r, c));
  }
  write('K05', `${t}新进班子成员.xlsx`, book([['新进成员', sheet(aoa, [[0, 0, 0, 6], [1, 0, 1, 6]])]]));
  addCase('K05', 'a list of the newly elected only (新进班子成员): a seated woman passes, two new men do not make a fail; members unknown, women at least those listed', [`${t}新进班子成员.xlsx`], exp);
}

// K06 election results: 得票数 / 得票率 / 选举结果 当选 / 未当选 / 落选; only the elected count.
{
  const t = '石桥镇';
  const exp = [];
  const C = [[`${t}村“两委”换届选举结果统计表`], ['村', '职位', '候选人', '性别', '得票数', '得票率', '选举结果']];
  const R = [['村', '候选人姓名', '性别', '得票数', '选举结果']];
  const spec = [
    // elected committee, not elected committee, elected reps (n, w), not elected reps (n, w)
    ['石桥村', 'pup', [3, 1, 9, 3], [P('主任', 'M'), P('副主任', 'M'), P('委员', 'F')], [P('委员', 'M', { seat: false })], [9, 3], [3, 2]],
    ['石门村', 'fup', [3, 0, 9, 3], [P('主任', 'M'), P('副主任', 'M'), P('委员', 'M')], [P('委员', 'F', { seat: false })], [9, 3], [2, 1]],
    ['石坑村', 'ppf', [2, 1, 9, 2], [P('主任', 'M'), P('委员（妇联主席）', 'F', { chair: true })], [P('副主任', 'F', { seat: false })], [9, 2], [3, 3]],
  ];
  let k = 0;
  for (const [v, r, c, won, lost, [rn, rw], [ln, lw]] of spec) {
    for (const p of won) C.push([v, p.post, p.name, sexCell(p), 800 - 37 * k, `${(80 - k).toFixed(1)}%`, '当选']), k++;
    for (const p of lost) C.push([v, p.post, p.name, sexCell(p), 300 - k, `${(30 - k).toFixed(1)}%`, k % 2 ? '落选' : '未当选']), k++;
    reps(rn, rw).forEach((p, j) => R.push([v, p.name, sexCell(p), 120 - j, '当选']));
    reps(ln, lw).forEach((p, j) => R.push([v, p.name, sexCell(p), 40 - j, j % 2 ? '落选' : '未当选']));
    exp.push(X(t, v, r, c));
  }
  write('K06', `${t}选举结果.xlsx`, book([['两委选举', sheet(C, [[0, 0, 0, 6]])], ['村民代表选举', sheet(R)]]));
  addCase('K06', 'election results: 两委 candidates with 得票数/得票率/选举结果 (当选/未当选/落选), 村民代表 the same: only the elected count (a woman 落选 is no member; 3 women not elected would lift 2 of 9 past a third)', [`${t}选举结果.xlsx`], exp);
}

// K07 blocks naming a body: 一、村党组织委员会 二、村民委员会 三、村务监督委员会 四、村妇联 五、村民代表.
//     One sheet a village; the first with one header on top, the second with the header repeated in each block.
{
  const t = '龙泉镇';
  const sheets = [];
  const exp = [];
  const mk = (v, blocks, repeat) => {
    const aoa = [[`${t}${v}新一届村级组织成员名单`]];
    if (!repeat) aoa.push(['序号', '姓名', '性别', '职务', '身份证号码']);
    for (const [title, ps] of blocks) {
      aoa.push([title]);
      if (repeat) aoa.push(['序号', '姓名', '性别', '职务', '身份证号码']);
      ps.forEach((p, j) => aoa.push([j + 1, p.name, sexCell(p), p.post, idCell(p)]));
    }
    sheets.push([v, sheet(aoa, [[0, 0, 0, 4]])]);
  };
  { // 龙泉村: the chair is a villagers' committee member (same person in two blocks) → pass
    const chair = P('委员', 'F', { chair: true, name: '龙秀英' });
    const rp = reps(9, 3);
    mk('龙泉村', [
      ['一、村党组织委员会', [P('书记', 'M'), P('副书记', 'M'), P('委员', 'M')]],
      ['二、村民委员会', [P('主任', 'M'), { ...chair, post: '委员' }]],
      ['三、村务监督委员会', [P('主任', 'F', { seat: false }), P('委员', 'F', { seat: false })]],
      ['四、村妇联', [{ ...chair, post: '主席' }, P('副主席', 'F', { seat: false }), P('执委', 'F', { seat: false })]],
      ['五、村民代表', rp.map((p) => ({ ...p, post: '村民代表' }))],
    ], false);
    exp.push(X(t, '龙泉村', 'ppp', [5, 1, 9, 3]));
  }
  { // 龙潭村: women only in the supervision committee and the 村妇联 → fail, fail
    mk('龙潭村', [
      ['一、村党组织委员会（3人）', [P('书记', 'M'), P('委员', 'M'), P('委员', 'M')]],
      ['二、村民委员会（2人）', [P('主任', 'M'), P('委员', 'M')]],
      ['三、村务监督委员会（3人）', [P('主任', 'F', { seat: false }), P('委员', 'M', { seat: false }), P('委员', 'F', { seat: false })]],
      ['四、村妇联执委会', [P('主席', 'F', { chair: true, seat: false }), P('执委', 'F', { seat: false })]],
      ['五、村民代表（8人）', reps(8, 3).map((p) => ({ ...p, post: '' }))],
    ], true);
    exp.push(X(t, '龙潭村', 'ffp', [5, 0, 8, 3]));
  }
  write('K07', `${t}村级组织成员.xlsx`, book(sheets));
  addCase('K07', 'blocks naming a body (村党组织委员会 / 村民委员会 / 村务监督委员会 / 村妇联 / 村民代表), bare posts 主任 / 委员 / 主席 in each: a row counts for the body it stands under; the 主席 of the 村妇联 is the chair', [`${t}村级组织成员.xlsx`], exp);
}

// K08 columns naming a body: 党组织职务 | 村委会职务 | 村务监督委员会职务 | 村妇联职务 | 是否村民代表.
{
  const t = '凤凰镇';
  const exp = [];
  const rows = [['村', '姓名', '性别', '身份证号', '党组织职务', '村委会职务', '村务监督委员会职务', '村妇联职务', '是否村民代表']];
  const add = (v, p, po, vo, so, fo) => rows.push([v, p.name, sexCell(p), idCell(p), po, vo, so, fo, yn(p)]);
  { const v = '凤凰村';
    add(v, P('', 'M'), '书记', '主任', '', '');
    add(v, P('', 'M'), '副书记', '', '', '');
    add(v, P('', 'F', { rep: true }), '', '委员', '', '主席');
    add(v, P('', 'F', { rep: true }), '', '', '主任', '');
    reps(8, 2).forEach((p) => add(v, p, '', '', '', ''));
    exp.push(X(t, v, 'ppp', [3, 1, 10, 4])); }
  { const v = '凤山村';
    add(v, P('', 'M'), '书记', '', '', '');
    add(v, P('', 'M'), '委员', '主任', '', '');
    add(v, P('', 'F', { rep: true }), '', '', '委员', '主席');
    add(v, P('', 'F'), '', '', '主任', '执委');
    reps(8, 2).forEach((p) => add(v, p, '', '', '', ''));
    exp.push(X(t, v, 'ffp', [2, 0, 9, 3])); }
  write('K08', `${t}村级组织成员表.xlsx`, book([['成员表', sheet(rows)]]));
  addCase('K08', 'one column per body (党组织职务 / 村委会职务 / 村务监督委员会职务 / 村妇联职务) with bare posts: 主席 under 村妇联职务 is the chair; 主任 under 监委会 is no seat', [`${t}村级组织成员表.xlsx`], exp);
}

// K09 a block heading the reader cannot know (村级事务联席会议) holding women 委员: the parts it touches are unknown.
{
  const t = '金山镇';
  const exp = [];
  const sheets = [];
  const mk = (v, blocks) => {
    const aoa = [[`${v}村级班子成员名单`], ['姓名', '性别', '职务', '身份证号']];
    for (const [title, ps] of blocks) {
      aoa.push([title]);
      ps.forEach((p) => aoa.push([p.name, sexCell(p), p.post, idCell(p)]));
    }
    sheets.push([v, sheet(aoa)]);
  };
  mk('金山村', [
    ['一、党支部委员会', [P('书记', 'M'), P('委员', 'M')]],
    ['二、村民委员会', [P('主任', 'M'), P('委员', 'M')]],
    ['三、村级事务联席会议', [P('委员、妇联主席', 'F', { chair: true }), P('委员', 'F')]],
  ]);
  exp.push(X(t, '金山村', 'uuu', [4, 0, null, null]));
  mk('金沙村', [
    ['一、党支部委员会', [P('书记', 'M'), P('委员', 'F')]],
    ['二、村民委员会', [P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true })]],
    ['三、村级事务联席会议', [P('委员', 'M')]],
  ]);
  exp.push(X(t, '金沙村', 'ppu', [4, 2, null, null]));
  write('K09', `${t}班子成员.xlsx`, book(sheets));
  addCase('K09', 'a block heading not understood (三、村级事务联席会议) holding the only women and the chair: woman and chair unknown, with a finding; where the known blocks already decide, they pass', [`${t}班子成员.xlsx`], exp, {
    findings: [{ code: 'seat-unrecognised', village: '金山村' }],
  });
}

// ===================================================================================== people inside cells
// K10 one row a village, members as text ("姓名（性别，职务）、…") and representatives as a sentence.
{
  const t = '白云乡';
  const rows = [[`${t}村“两委”换届选举结果汇总表`], ['村名', '村党组织班子成员', '村委会班子成员', '村妇联主席', '村民代表情况']];
  rows.push(['白云村', '张建国（男，书记）、李秀英（女，副书记）、王强（男，委员）', '张建国（男，主任）；刘伟（男，委员）；陈芳（女，委员）', '陈芳', '共45名（女15名）']);
  rows.push(['白沙村', '赵刚（男，书记）\n孙明（男，委员）', '赵刚（男，主任）\n周杰（男，副主任）\n吴涛（男，委员）', '郑丽（女）', '共30名，其中女性9名']);
  rows.push(['白石村', '钱宇（男，书记）、冯敏（女，委员）', '钱宇（男，主任）、何军（男，委员）', '冯敏', '村民代表21名（女7名）']);
  write('K10', `${t}选举结果汇总.xlsx`, book([['汇总', sheet(rows, [[0, 0, 0, 4]])]]));
  addCase('K10', 'one row a village, members written in cells "姓名（性别，职务）" separated by 、；or line breaks, the chair by name, representatives as "共45名（女15名）"', [`${t}选举结果汇总.xlsx`], [
    X(t, '白云村', 'ppp', [5, 2, 45, 15]),
    X(t, '白沙村', 'fff', [4, 0, 30, 9]),
    X(t, '白石村', 'ppp', [3, 1, 21, 7]),
  ]);
}

// ===================================================================================== several tables on one sheet
// K11 stacked: a 两委 count table, then (blank row, own title) a 村民代表 count table with the villages in another order.
{
  const t = '清河镇';
  const k = { 清河村: [7, 2, true, 30, 10], 河口村: [5, 0, false, 27, 8], 河西村: [6, 1, true, 33, 11] };
  const aoa = [[`${t}村“两委”班子女性成员情况`], ['村名', '两委成员数', '其中女性', '妇联主席是否进两委']];
  for (const v of ['清河村', '河口村', '河西村']) aoa.push([v, k[v][0], k[v][1], k[v][2] ? '是' : '否']);
  aoa.push([], [`${t}村民代表女性比例情况`], ['村名', '村民代表数', '其中女性', '占比']);
  for (const v of ['河西村', '清河村', '河口村']) aoa.push([v, k[v][3], k[v][4], `${((100 * k[v][4]) / k[v][3]).toFixed(1)}%`]);
  aoa.push(['合计', 90, 29, '32.2%']);
  write('K11', `${t}统计.xlsx`, book([['统计', sheet(aoa)]]));
  addCase('K11', 'two count tables stacked on one sheet (两委 then 村民代表, each with its own title and header, villages in another order): both read and combined', [`${t}统计.xlsx`],
    Object.entries(k).map(([v, [m, w, ch, T, W]]) => expectCounts(t, v, { members: m, women: w, chair: ch, T, W })));
}

// K12 side by side: committees roster on the left, a representatives count table on the right (other order).
{
  const t = '柳河镇';
  const vs = [['柳河村', [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true })], [24, 8]], ['柳树村', [P('书记、主任', 'M'), P('副主任', 'M'), P('妇联主席', 'F', { chair: true, seat: false })], [30, 9]]];
  const left = [];
  for (const [v, ps] of vs) ps.forEach((p) => left.push([v, p.name, sexCell(p), p.post, idCell(p)]));
  const right = [['柳树村', 30, 9], ['柳河村', 24, 8]];
  const aoa = [[`${t}村“两委”成员及村民代表情况`], ['村“两委”成员', '', '', '', '', '', '村民代表', '', ''], ['村', '姓名', '性别', '职务', '身份证号', '', '村', '代表人数', '女代表人数']];
  left.forEach((r, i) => aoa.push([...r, '', ...(right[i] ?? ['', '', ''])]));
  write('K12', `${t}情况表.xlsx`, book([['Sheet1', sheet(aoa, [[0, 0, 0, 8], [1, 0, 1, 4], [1, 6, 1, 8]])]]));
  addCase('K12', 'side by side on one sheet: a committees roster (left) and a representatives count table (right, villages in another order) under group headings', [`${t}情况表.xlsx`], [
    X(t, '柳河村', 'ppp', [3, 1, 24, 8]),
    X(t, '柳树村', 'fff', [2, 0, 30, 9]),
  ]);
}

// ===================================================================================== name-only rows
// K13 representatives list where some rows hold only a name: each is a person of unknown gender.
{
  const t = '长乐镇';
  const exp = [];
  const aoa = [[`${t}村民代表名单`], ['村', '序号', '姓名', '性别', '身份证号']];
  const merges = [[0, 0, 0, 4]];
  const spec = [['长乐村', 12, 3, 2, 'uuu'], ['长安村', 9, 3, 3, 'uup'], ['长宁村', 15, 3, 1, 'uuf']];
  for (const [v, n, w, u, r] of spec) {
    const rp = reps(n, w, u);
    const start = aoa.length;
    rp.forEach((p, j) => {
      const onlyName = knownNone(p);
      aoa.push(onlyName ? ['', '', p.name, '', ''] : [j === 0 ? v : '', j + 1, p.name, sexCell(p), idCell(p)]);
    });
    if (knownNone(rp[0])) aoa[start][0] = v;
    merges.push([start, 0, aoa.length - 1, 0]);
    exp.push(agree(X(t, v, r, [null, null, n, w]), rp, { committees: false, reps: true }));
  }
  write('K13', `${t}村民代表.xlsx`, book([['村民代表', sheet(aoa, merges)]]));
  addCase('K13', 'a representatives list where some rows hold only a name (no 序号, gender or ID): each such row is a representative of unknown gender, not a skipped row', [`${t}村民代表.xlsx`], exp);
}
function knownNone(p) { return p.decl === '' && p.idOut === 'none'; }

// ===================================================================================== transposed count tables
// K14 villages as columns, items as rows, with a 合计 column; K15 the same without 合计, with a units column.
{
  const t = '东湖镇';
  const k = { 东湖村: [7, 2, true, 30, 10], 湖滨村: [5, 0, false, 27, 8], 新湖社区: [6, 1, true, 33, 11], 湖光村: [5, 1, false, 24, 8] };
  const vs = Object.keys(k);
  const sum = (i) => vs.reduce((s, v) => s + (typeof k[v][i] === 'number' ? k[v][i] : 0), 0);
  const items = [['两委成员数', 0], ['其中女性', 1], ['妇联主席是否进两委', 2], ['村民代表数', 3], ['其中女性', 4]];
  const aoa = [[`${t}“两进一有”情况统计表`], ['项目', ...vs, '合计']];
  for (const [label, i] of items) aoa.push([label, ...vs.map((v) => (i === 2 ? (k[v][i] ? '是' : '否') : k[v][i])), i === 2 ? '' : sum(i)]);
  aoa.push(['备注：以上数据截至2026年11月底']);
  write('K14', `${t}统计表.xlsx`, book([['统计表', sheet(aoa, [[0, 0, 0, vs.length + 1]])]]));
  addCase('K14', 'a transposed count table: items (两委成员数 / 其中女性 / 妇联主席是否进两委 / 村民代表数 / 其中女性) as rows, villages as columns, a 合计 column and a note row', [`${t}统计表.xlsx`],
    Object.entries(k).map(([v, [m, w, ch, T, W]]) => expectCounts(t, v, { members: m, women: w, chair: ch, T, W })));
}
{
  const t = '西湖乡';
  const k = { 西湖村: [6, 1, null, 21, 7], 西山村: [5, 1, null, 25, 8] };
  const aoa = [['西湖乡各村换届女性参选情况'], ['指标', '单位', '西湖村', '西山村'], ['村两委班子人数', '人', 6, 5], ['女性成员', '人', 1, 1], ['村民代表', '人', 21, 25], ['女性村民代表', '人', 7, 8]];
  write('K15', `${t}换届情况.xlsx`, book([['Sheet1', sheet(aoa)]]));
  addCase('K15', 'a transposed count table without 合计: 指标 | 单位 | villages as columns; no chair row (chair unknown); 8 of 25 fails', [`${t}换届情况.xlsx`],
    Object.entries(k).map(([v, [m, w, ch, T, W]]) => expectCounts(t, v, { members: m, women: w, chair: ch, T, W })));
}

// ===================================================================================== seat matrices
// K16 one column per seat, two header rows (村党组织 over 书记/副书记/委员, 村委会 over 主任/副主任/委员), marks ✓ √ ● 是 1.
{
  const t = '南屏镇';
  const MARKS = ['✓', '√', '●', '是', 1];
  const aoa = [[`${t}村“两委”成员任职情况表`],
    ['村', '姓名', '性别', '身份证号', '村党组织', '', '', '村委会', '', '', '妇联主席', '村民代表'],
    ['', '', '', '', '书记', '副书记', '委员', '主任', '副主任', '委员', '', '']];
  const merges = [[0, 0, 0, 11], [1, 0, 2, 0], [1, 1, 2, 1], [1, 2, 2, 2], [1, 3, 2, 3], [1, 4, 1, 6], [1, 7, 1, 9], [1, 10, 2, 10], [1, 11, 2, 11]];
  const exp = [];
  let m = 0;
  // marks: 0-2 party 书记/副书记/委员, 3-5 村委会 主任/副主任/委员, 6 妇联主席, 7 村民代表
  const row = (v, p, marks) => aoa.push([v, p.name, sexCell(p), idCell(p), ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => (marks.includes(i) ? MARKS[m++ % MARKS.length] : ''))]);
  { const v = '南屏村';
    const ps = [[P('书记、主任', 'M'), [0, 3]], [P('副书记', 'M'), [1]], [P('委员', 'F', { chair: true, rep: true }), [5, 6, 7]], [P('委员', 'M'), [2]]];
    const rp = reps(9, 3);
    ps.forEach(([p, s]) => row(v, p, s));
    rp.forEach((p) => row(v, p, [7]));
    exp.push(agree(X(t, v, 'ppp', [4, 1, 10, 4]), [...ps.map(([p]) => p), ...rp])); }
  { const v = '南山村';
    const ps = [[P('书记', 'M'), [0]], [P('主任', 'M'), [3]], [P('', 'F', { chair: true, seat: false }), [6]], [P('委员', 'M'), [2]]];
    const rp = reps(9, 2);
    ps.forEach(([p, s]) => row(v, p, s));
    rp.forEach((p) => row(v, p, [7]));
    exp.push(agree(X(t, v, 'fff', [3, 0, 9, 2]), [...ps.map(([p]) => p), ...rp])); }
  write('K16', `${t}任职情况.xlsx`, book([['任职情况', sheet(aoa, merges)]]));
  addCase('K16', 'a seat matrix: one column per seat under merged group headings (村党组织 书记/副书记/委员, 村委会 主任/副主任/委员), 妇联主席 and 村民代表 columns, marked ✓ √ ● 是 1', [`${t}任职情况.xlsx`], exp);
}

// K17 one row per seat, the post written again in its committee's column; a person on two rows is one person.
{
  const t = '北岭乡';
  const aoa = [['村名', '姓名', '性别', '身份证号', '党组织', '村委会', '村妇联', '是否村民代表']];
  const exp = [];
  { const v = '北岭村';
    const a = P('', 'F', { chair: true, rep: true }), b = P('', 'M'), c = P('', 'M', { rep: true });
    aoa.push([v, b.name, '男', idCell(b), '书记', '', '', '否'], [v, b.name, '男', idCell(b), '', '主任', '', '否']);
    aoa.push([v, a.name, '女', idCell(a), '委员', '', '', '是'], [v, a.name, '女', idCell(a), '', '', '主席', '是']);
    aoa.push([v, c.name, '男', idCell(c), '', '委员', '', '是']);
    reps(7, 3).forEach((p) => aoa.push([v, p.name, sexCell(p), idCell(p), '', '', '', '是']));
    exp.push(X(t, v, 'ppp', [3, 1, 9, 4])); }
  { const v = '北坡村';
    const a = P('', 'F', { chair: true }), b = P('', 'M');
    aoa.push([v, b.name, '男', idCell(b), '书记', '', '', '否'], [v, b.name, '男', idCell(b), '', '主任', '', '否']);
    aoa.push([v, a.name, '女', idCell(a), '', '', '主席', '是']);
    reps(8, 2).forEach((p) => aoa.push([v, p.name, sexCell(p), idCell(p), '', '', '', '是']));
    exp.push(X(t, v, 'ffp', [1, 0, 9, 3])); }
  write('K17', `${t}成员.xlsx`, book([['成员', sheet(aoa)]]));
  addCase('K17', 'one row per seat, the post written again in its body\'s column (党组织 / 村委会 / 村妇联): a person on two rows is one person', [`${t}成员.xlsx`], exp);
}

// ===================================================================================== counts carried on a roster
// K18 a committees roster with 村民代表总数 / 其中女性 columns on each village's first row (representatives not listed).
{
  const t = '安平镇';
  const aoa = [['村', '姓名', '性别', '职务', '身份证号', '村民代表总数', '其中女性']];
  const exp = [];
  const spec = [['安平村', [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true })], 30, 10, 'ppp'], ['安乐村', [P('书记、主任', 'M'), P('委员', 'F'), P('妇联主席', 'F', { chair: true, seat: false })], 28, 9, 'pff']];
  for (const [v, ps, T, W, r] of spec) {
    ps.forEach((p, j) => aoa.push([v, p.name, sexCell(p), p.post, idCell(p), j === 0 ? T : '', j === 0 ? W : '']));
    exp.push(X(t, v, r, [ps.filter((p) => p.seat).length, ps.filter((p) => p.seat && p.sex === 'F').length, T, W]));
  }
  write('K18', `${t}两委名单.xlsx`, book([['两委', sheet(aoa)]]));
  addCase('K18', 'a committees roster carrying the representatives as counts (村民代表总数 / 其中女性) on each village\'s first row', [`${t}两委名单.xlsx`], exp);
}

// K19 a roster of committees and representatives with a small count block below it that disagrees for one village:
//     the roster decides, the disagreement is reported.
{
  const t = '永和镇';
  const v1 = [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true }), ...reps(8, 2)];
  const v2 = [P('书记、主任', 'M'), P('委员', 'F'), P('妇联主席', 'F', { chair: true, seat: false, rep: true }), ...reps(9, 2)];
  const aoa = [['村', '姓名', '性别', '职务', '身份证号', '是否村民代表']];
  for (const [v, ps] of [['永和村', v1], ['永丰村', v2]]) ps.forEach((p) => aoa.push([v, p.name, sexCell(p), p.post, idCell(p), yn(p)]));
  aoa.push([], ['各村村民代表人数统计'], ['村', '村民代表数', '女性代表数'], ['永和村', 9, 3], ['永丰村', 12, 4]);
  write('K19', `${t}名单.xlsx`, book([['名单', sheet(aoa)]]));
  addCase('K19', 'a roster with a small count block below it (村 | 村民代表数 | 女性代表数); for 永丰村 the block says 12/4 but the roster lists 10/3: the roster decides, the difference is reported', [`${t}名单.xlsx`], [
    agree(X(t, '永和村', 'ppp', [3, 1, 9, 3]), v1),
    agree(X(t, '永丰村', 'pff', [2, 1, 10, 3]), v2),
  ], { findings: [{ code: 'table-disagrees', village: '永丰村' }] });
}

// ===================================================================================== headers as offices make them
// K20 three header rows (merged groups, a units row), English beside Chinese, hints and line breaks in headers,
//     the table beginning at C5, columns in an unusual order.
{
  const t = '新城街道';
  const v1 = [P('党委书记、居委会主任', 'M'), P('居委会委员、妇联主席', 'F', { chair: true, rep: true }), P('党委委员', 'M'), ...reps(8, 3)];
  const v2 = [P('书记', 'M'), P('主任', 'M'), P('居委会委员', 'M'), P('妇联主席', 'F', { chair: true, seat: false, rep: true }), ...reps(10, 3)];
  const pre = ['', ''];
  const aoa = [[], [], ['', '', `${t}社区“两委”换届当选人员登记表`], ['', '', '填报单位（盖章）：', '', '', '', '填报日期：'],
    [...pre, '基本信息 Basic', '', '', '', '任职情况', ''],
    [...pre, 'ID No.\n公民身份号码', 'Name 姓名', '性别\n(男/女)', '社区(村)名称\nCommunity', '职务（按换届后填写）', '是否村民（居民）代表\n(是/否)'],
    [...pre, '（18位）', '', '', '', '', '']];
  for (const [v, ps] of [['新城社区', v1], ['新华社区', v2]]) ps.forEach((p) => aoa.push([...pre, idCell(p), p.name, sexCell(p), v, p.post, yn(p)]));
  write('K20', `${t}登记表.xlsx`, book([['登记表', sheet(aoa, [[2, 2, 2, 7], [4, 2, 4, 5], [4, 6, 4, 7]])]]));
  addCase('K20', 'headers as offices make them: the table at C5, a group row, English beside Chinese (Name 姓名, ID No.), hints and line breaks (性别\\n(男/女), 职务（按换届后填写）), a units row （18位）, 社区(村)名称 after the ID', [`${t}登记表.xlsx`], [
    agree(X(t, '新城社区', 'ppp', [3, 1, 9, 4]), v1),
    agree(X(t, '新华社区', 'ffp', [3, 0, 11, 4]), v2),
  ]);
}

// K21 every 社区 / 居 wording of the village column, one file each (read together).
{
  const heads = [['和平镇', '村（居）委会'], ['和顺镇', '社区名称'], ['和乐镇', '所在村(社区)'], ['和美镇', '村居名称']];
  const files = [];
  const exp = [];
  heads.forEach(([t, h], i) => {
    const v = ['和平社区', '和顺村', '和乐居委会', '和美村'][i];
    const ps = [P('书记、主任', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true }), ...reps(5, 2)];
    const aoa = [[`${t}换届名单`], ['序号', h, '姓名', '性别', '职务', '身份证号', '是否代表']];
    ps.forEach((p, j) => aoa.push([j + 1, v, p.name, sexCell(p), p.post, idCell(p), yn(p)]));
    const f = `${t}.xlsx`;
    files.push(f);
    write('K21', f, book([['名单', sheet(aoa)]]));
    exp.push(agree(X(t, v, 'ppp', [2, 1, 6, 3]), ps));
  });
  addCase('K21', 'the village column headed 村（居）委会 / 社区名称 / 所在村(社区) / 村居名称, one township file each', files, exp);
}

// ===================================================================================== column meaning from values
// K22 headers that say nothing (列1, 备注, a blank) over unmistakable values: 18-character IDs, 男/女, village names.
{
  const t = '红旗镇';
  const v1 = [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true }), ...reps(8, 2)];
  const v2 = [P('书记、主任', 'M'), P('副主任', 'M'), P('妇联主席', 'F', { chair: true, seat: false, rep: true }), ...reps(5, 1)];
  const aoa = [['单位', '姓名', '列1', '职务', '', '是否村民代表']];
  for (const [v, ps] of [['红旗村', v1], ['红星村', v2]]) ps.forEach((p) => aoa.push([v, p.name, sexCell(p), p.post, idCell(p), yn(p)]));
  write('K22', `${t}.xlsx`, book([['Sheet1', sheet(aoa)]]));
  addCase('K22', 'columns known from their values: 单位 holding 红旗村/红星村, 列1 holding 男/女, a blank header over 18-character IDs (each with a note in --explain; the reading is provisional, 待核对, by design)', [`${t}.xlsx`], [
    agree(X(t, '红旗村', 'ppp', [3, 1, 9, 3]), v1),
    agree(X(t, '红星村', 'ffp', [2, 0, 6, 2]), v2),
  ], { provisional: true });
}

// ===================================================================================== posts as people write them
// K23 “两委”委员, 【村委委员】, 支委, 村委, 两委委员, several posts in one cell; posts that are plainly no seat.
{
  const t = '光明镇';
  const v1 = [P('党支部书记；村委会主任', 'M'), P('“两委”委员', 'F', { chair: false }), P('【村委委员】/妇联主席', 'F', { chair: true }), P('支委', 'M'), P('网格员', 'F', { seat: false }), ...reps(6, 2)];
  const v2 = [P('书记', 'M'), P('村委', 'M'), P('两委委员', 'M'), P('村民小组长', 'F', { seat: false, rep: true }), P('报账员', 'F', { seat: false }), P('会计', 'F', { seat: false }), P('妇联主席', 'F', { chair: true, seat: false, rep: true }), ...reps(7, 2)];
  const v3 = [P('书记 主任', 'M'), P('村委委员', 'M'), P('保洁员', 'F', { seat: false }), P('护林员', 'F', { seat: false }), P('委员（妇联主席）', 'F', { chair: true, rep: true }), ...reps(5, 2)];
  const aoa = [['村', '姓名', '性别', '职务', '身份证号', '是否村民代表']];
  for (const [v, ps] of [['光明村', v1], ['光华村', v2], ['光辉村', v3]]) ps.forEach((p) => aoa.push([v, p.name, sexCell(p), p.post, idCell(p), yn(p)]));
  write('K23', `${t}村干部名单.xlsx`, book([['村干部', sheet(aoa)]]));
  addCase('K23', 'posts as people write them (“两委”委员, 【村委委员】/妇联主席, 支委, 村委, 两委委员, "党支部书记；村委会主任") beside plainly no-seat posts (网格员, 村民小组长, 报账员, 会计, 保洁员, 护林员): those people are non-members, so 光华村 fails rather than staying unknown', [`${t}村干部名单.xlsx`], [
    agree(X(t, '光明村', 'ppp', [4, 2, 6, 2]), v1),
    agree(X(t, '光华村', 'ffp', [3, 0, 9, 4]), v2),
    agree(X(t, '光辉村', 'ppp', [3, 1, 6, 3]), v3),
  ]);
}

// ===================================================================================== a sheet that yields nothing
// K24 a workbook whose second sheet has a header row but no village column (and no place anywhere to take one from):
//     the villages of the first sheet are read; the second sheet says in one Chinese line what it found and lacked.
{
  const t = '群力镇';
  const v1 = [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true }), ...reps(5, 2)];
  const a = [['村', '姓名', '性别', '职务', '身份证号', '是否村民代表']];
  v1.forEach((p) => a.push(['群力村', p.name, sexCell(p), p.post, idCell(p), yn(p)]));
  const b = [['班子成员花名册（补充）'], ['姓名', '性别', '职务', '身份证号'], ...[P('副主任', 'F'), P('委员', 'M')].map((p) => [p.name, sexCell(p), p.post, idCell(p)])];
  write('K24', `${t}报送材料.xlsx`, book([['两委及代表', sheet(a)], ['Sheet2', sheet(b)]]));
  addCase('K24', 'a second sheet (Sheet2) with a header at row 2 and no village column, title, sheet or file naming one: no village from it, and one Chinese line naming the sheet and the header row says what it found and lacked', [`${t}报送材料.xlsx`], [
    agree(X(t, '群力村', 'ppp', [3, 1, 6, 3]), v1),
  ], { findings: [{ code: 'no-roster' }] });
}

// ===================================================================================== the outgoing term
// K25 a workbook with the new term and the outgoing one (上届 / 换届前): the outgoing lists are history, not counted.
{
  const t = '联合乡';
  const now1 = [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true, rep: true }), ...reps(8, 3)];
  const now2 = [P('书记、主任', 'M'), P('委员', 'M'), P('妇联主席', 'F', { chair: true, seat: false, rep: true }), ...reps(8, 2)];
  const old1 = [P('书记', 'M'), P('主任', 'F'), P('委员', 'M'), ...reps(8, 1)];
  const old2 = [P('书记', 'F'), P('主任', 'M'), P('副主任、妇联主席', 'F', { chair: true }), ...reps(9, 5)];
  const old3 = [P('书记', 'M'), P('主任', 'M'), ...reps(6, 1)];
  const H = ['村', '姓名', '性别', '职务', '身份证号', '是否村民代表'];
  const mk = (title, list) => [[title], H, ...list.flatMap(([v, ps]) => ps.map((p) => [v, p.name, sexCell(p), p.post, idCell(p), yn(p)]))];
  write('K25', `${t}换届前后对照.xlsx`, book([
    ['上届（换届前）', sheet(mk(`${t}上届村“两委”班子及村民代表名单`, [['联合村', old1], ['联盟村', old2], ['联星村', old3]]))],
    ['本届', sheet(mk(`${t}新一届村“两委”班子及村民代表名单`, [['联合村', now1], ['联盟村', now2]]))],
  ]));
  addCase('K25', 'the outgoing term (sheet 上届（换届前）, titled 上届…名单) beside the new one: history, not counted; 联星村 appears only there and is not reported', [`${t}换届前后对照.xlsx`], [
    agree(X(t, '联合村', 'ppp', [3, 1, 9, 4]), now1),
    agree(X(t, '联盟村', 'ffp', [2, 0, 9, 3]), now2),
  ]);
}


// ===================================================================================== more of each class
// K26 a 女干部 list (the title alone says it lists the women), sheet named Sheet1, with an 出生年月 / 学历 column.
{
  const t = '玉泉镇';
  const aoa = [[`${t}村“两委”女干部花名册`], ['村', '姓名', '民族', '出生年月', '学历', '职务', '身份证号', '联系电话']];
  const exp = [];
  const spec = [['玉泉村', 'ppu', [null, 2, null, null], [P('副书记', 'F'), P('村委委员、妇联主席', 'F', { chair: true })]], ['玉山村', 'puu', [null, 1, null, null], [P('主任', 'F')]]];
  for (const [v, r, c, ps] of spec) {
    ps.forEach((p, j) => aoa.push([v, p.name, '汉族', birth(p), edu(j + 3), p.post, idCell(p), 13800000000 + j]));
    exp.push(X(t, v, r, c));
  }
  write('K26', `${t}.xlsx`, book([['Sheet1', sheet(aoa, [[0, 0, 0, 7]])]]));
  addCase('K26', 'a list of women cadres (title 村“两委”女干部花名册, no 性别 column, sheet Sheet1): members unknown', [`${t}.xlsx`], exp);
}

// K27 election results with 是否当选 是/否 beside 得票数, committees and representatives in one table (类别 column,
//     拟任职务 for the committees' candidates).
{
  const t = '平安乡';
  const aoa = [['村', '类别', '姓名', '性别', '身份证号', '拟任职务', '得票数', '是否当选']];
  const exp = [];
  const row = (v, kind, p, votes, won) => aoa.push([v, kind, p.name, sexCell(p), idCell(p), kind === '两委' ? p.post : '', votes, won ? '是' : '否']);
  { const v = '平安村';
    [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true })].forEach((p, j) => row(v, '两委', p, 500 - j, true));
    row(v, '两委', P('委员', 'F'), 120, false);
    reps(6, 2).forEach((p, j) => row(v, '村民代表', p, 90 - j, true));
    reps(3, 3).forEach((p, j) => row(v, '村民代表', p, 30 - j, false));
    exp.push(X(t, v, 'ppp', [3, 1, 6, 2])); }
  { const v = '安宁村';
    [P('书记、主任', 'M'), P('委员', 'M')].forEach((p, j) => row(v, '两委', p, 400 - j, true));
    row(v, '两委', P('委员、妇联主席', 'F'), 100, false);
    reps(7, 2).forEach((p, j) => row(v, '村民代表', p, 80 - j, true));
    exp.push(X(t, v, 'fff', [2, 0, 7, 2])); }
  write('K27', `${t}选举情况.xlsx`, book([['选举情况', sheet(aoa)]]));
  addCase('K27', 'election results in one table with a 类别 column (两委 / 村民代表), 拟任职务, 得票数 and 是否当选 是/否: only the elected count; the chair standing for 委员 and not elected is a chair without a seat', [`${t}选举情况.xlsx`], exp);
}

// K28 the 村妇联 on a sheet of its own (主席 / 副主席 / 执委 by village), the committees on another without the chair's post.
{
  const t = '三江镇';
  const a = P('委员', 'F', { chair: true }), b = P('', 'F', { chair: true, seat: false });
  const c1 = [P('书记', 'M'), P('主任', 'M'), a];
  const c2 = [P('书记、主任', 'M'), P('副主任', 'M'), P('委员', 'M')];
  const aoa = [['村', '姓名', '性别', '职务', '身份证号']];
  for (const [v, ps] of [['三江村', c1], ['江口村', c2]]) ps.forEach((p) => aoa.push([v, p.name, sexCell(p), p.post, idCell(p)]));
  const f = [['村', '姓名', '性别', '职务']];
  f.push(['三江村', a.name, '女', '主席'], ['三江村', P('', 'F').name, '女', '副主席'], ['三江村', P('', 'F').name, '女', '执委']);
  f.push(['江口村', b.name, '女', '主席'], ['江口村', P('', 'F').name, '女', '执委']);
  write('K28', `${t}村级组织.xlsx`, book([['村两委', sheet(aoa)], ['村妇联', sheet(f)]]));
  addCase('K28', 'the 村妇联 on its own sheet (职务 主席 / 副主席 / 执委): its 主席 is the chair, matched to the committees sheet by name', [`${t}村级组织.xlsx`], [
    X(t, '三江村', 'ppu', [3, 1, null, null]),
    X(t, '江口村', 'ffu', [3, 0, null, null]),
  ]);
}

// K29 people inside cells, one line each "姓名 性别 职务", the chair named in a column, counts beside.
{
  const t = '双河镇';
  const aoa = [['村名', '两委班子成员（姓名 性别 职务）', '村妇联主席', '村民代表总数', '其中女性']];
  aoa.push(['双河村', '王建军 男 书记、主任\n李红梅 女 委员\n张伟 男 副书记', '李红梅', 27, 9]);
  aoa.push(['河东村', '陈志强 男 书记\n刘洋 男 主任\n赵磊 男 委员', '孙丽', 24, 7]);
  write('K29', `${t}汇总.xlsx`, book([['汇总', sheet(aoa)]]));
  addCase('K29', 'one row a village, the 两委 as lines "姓名 性别 职务" in one cell, the chair by name, representatives as counts', [`${t}汇总.xlsx`], [
    X(t, '双河村', 'ppp', [3, 1, 27, 9]),
    X(t, '河东村', 'fff', [3, 0, 24, 7]),
  ]);
}

// K30 one village per column group: 东坡村 over 姓名|性别|职务, 西坡村 over the same, side by side.
{
  const t = '坡头镇';
  const e = [P('书记、主任', 'M'), P('委员、妇联主席', 'F', { chair: true }), P('副主任', 'M')];
  const w = [P('书记', 'M'), P('主任', 'M'), P('委员', 'M'), P('妇联主席', 'F', { chair: true, seat: false })];
  const aoa = [[`${t}村“两委”班子成员名单`], ['东坡村', '', '', '', '西坡村', '', ''], ['姓名', '性别', '职务', '', '姓名', '性别', '职务']];
  for (let i = 0; i < Math.max(e.length, w.length); i++) {
    const l = e[i] ? [e[i].name, sexCell(e[i]), e[i].post] : ['', '', ''];
    const r = w[i] ? [w[i].name, sexCell(w[i]), w[i].post] : ['', '', ''];
    aoa.push([...l, '', ...r]);
  }
  write('K30', `${t}班子成员.xlsx`, book([['班子成员', sheet(aoa, [[0, 0, 0, 6], [1, 0, 1, 2], [1, 4, 1, 6]])]]));
  addCase('K30', 'one village per column group side by side (东坡村 over 姓名|性别|职务, 西坡村 over the same)', [`${t}班子成员.xlsx`], [
    agree(X(t, '东坡村', 'ppu', [3, 1, null, null]), e, { committees: true, reps: false }),
    agree(X(t, '西坡村', 'ffu', [3, 0, null, null]), w, { committees: true, reps: false }),
  ]);
}

// K31 a transposed count table with units in the item labels, the 合计 column first, "项目\村名" in the corner.
{
  const t = '高桥镇';
  const k = { 高桥村: [6, 1, '是', 30, 10], 桥头村: [5, 1, '否', 25, 9], 桥西村: [7, 0, '否', 33, 10] };
  const vs = Object.keys(k);
  const items = ['村“两委”班子成员（人）', '其中：女性（人）', '村妇联主席进“两委”（是/否）', '村民代表（人）', '其中：女性（人）'];
  const aoa = [[`${t}村级换届“两进一有”落实情况`], ['项目\\村名', '合计', ...vs]];
  items.forEach((label, i) => aoa.push([label, i === 2 ? '—' : vs.reduce((s, v) => s + k[v][i], 0), ...vs.map((v) => k[v][i])]));
  aoa.push([], ['填报人：', '', '审核人：']);
  write('K31', `${t}落实情况.xlsx`, book([['落实情况', sheet(aoa, [[0, 0, 0, 4]])]]));
  addCase('K31', 'a transposed count table: 项目\\村名 corner, 合计 as the first column, units and 其中： in the item labels, 是/否 for the chair', [`${t}落实情况.xlsx`],
    Object.entries(k).map(([v, [m, w, ch, T, W]]) => expectCounts(t, v, { members: m, women: w, chair: ch === '是', T, W })));
}

// K32 a seat matrix whose cells repeat the post (书记 / 副书记 / 委员 under 村党组织, 主任 / 委员 under 村委会) and 是/否 columns.
{
  const t = '观音镇';
  const aoa = [['序号', '村', '姓名', '性别', '党组织职务', '村委会职务', '是否妇联主席', '是否村民代表']];
  const exp = [];
  let n = 0;
  { const v = '观音村';
    const rows = [[P('', 'M'), '书记', '主任', '否', '否'], [P('', 'F', { rep: true }), '', '委员', '是', '是'], [P('', 'M'), '委员', '', '否', '否']];
    rows.forEach(([p, a, b, c, d]) => aoa.push([++n, v, p.name, sexCell(p), a, b, c, d]));
    const rp = reps(8, 2);
    rp.forEach((p) => aoa.push([++n, v, p.name, sexCell(p), '', '', '否', '是']));
    exp.push(X(t, v, 'ppp', [3, 1, 9, 3])); }
  { const v = '观山村';
    const rows = [[P('', 'M'), '书记', '', '否', '否'], [P('', 'M'), '', '主任', '否', '否'], [P('', 'F', { rep: true }), '', '', '是', '是']];
    rows.forEach(([p, a, b, c, d]) => aoa.push([++n, v, p.name, sexCell(p), a, b, c, d]));
    const rp = reps(8, 1);
    rp.forEach((p) => aoa.push([++n, v, p.name, sexCell(p), '', '', '否', '是']));
    exp.push(X(t, v, 'fff', [2, 0, 9, 2])); }
  write('K32', `${t}.xlsx`, book([['名单', sheet(aoa)]]));
  addCase('K32', 'posts in one column per body (党组织职务 / 村委会职务, bare 书记 / 主任 / 委员) with 是否妇联主席 and 是否村民代表 columns', [`${t}.xlsx`], exp);
}

// K33 a committees roster carrying the representatives' counts on every row of the village.
{
  const t = '马鞍镇';
  const aoa = [['乡镇', '村', '姓名', '性别', '职务', '身份证号', '村民代表人数', '女性村民代表人数']];
  const exp = [];
  const spec = [['马鞍村', [P('书记', 'M'), P('主任', 'F'), P('委员、妇联主席', 'F', { chair: true })], 21, 7, 'ppp'], ['马岭村', [P('书记、主任', 'M'), P('委员', 'M'), P('妇联主席', 'F', { chair: true, seat: false })], 24, 7, 'fff']];
  for (const [v, ps, T, W, r] of spec) {
    ps.forEach((p) => aoa.push([t, v, p.name, sexCell(p), p.post, idCell(p), T, W]));
    exp.push(X(t, v, r, [ps.filter((p) => p.seat).length, ps.filter((p) => p.seat && p.sex === 'F').length, T, W]));
  }
  write('K33', `${t}两委成员.xlsx`, book([['两委成员', sheet(aoa)]]));
  addCase('K33', 'a committees roster carrying 村民代表人数 / 女性村民代表人数 on every row of the village', [`${t}两委成员.xlsx`], exp);
}

// K34 a small count block beside a committees roster (two blank columns between), villages in another order.
{
  const t = '白马乡';
  const c1 = [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true })];
  const c2 = [P('书记、主任', 'F'), P('委员', 'M')];
  const left = [];
  for (const [v, ps] of [['白马村', c1], ['马塘村', c2]]) ps.forEach((p) => left.push([v, p.name, sexCell(p), p.post, idCell(p)]));
  const right = [['村民代表情况', '', ''], ['村', '代表数', '女代表数'], ['马塘村', 18, 6], ['白马村', 22, 7]];
  const aoa = [['村', '姓名', '性别', '职务', '身份证号', '', '', ...right[0]]];
  left.forEach((r, i) => aoa.push([...r, '', '', ...(right[i + 1] ?? ['', '', ''])]));
  write('K34', `${t}.xlsx`, book([['Sheet1', sheet(aoa)]]));
  addCase('K34', 'a small count block (村民代表情况: 村 | 代表数 | 女代表数) beside a committees roster, its own title one row higher, villages in another order', [`${t}.xlsx`], [
    X(t, '白马村', 'ppf', [3, 1, 22, 7]),
    X(t, '马塘村', 'pup', [2, 1, 18, 6]),
  ]);
}

// K35 posts: 妇女主任 (the chair, colloquial), "村委会委员兼报账员", "村民小组长、村民代表", "书记、主任（一肩挑）", 第一书记.
{
  const t = '和风镇';
  const v1 = [P('书记、主任（一肩挑）', 'M'), P('村委会委员兼报账员', 'F'), P('村委委员、妇女主任', 'F', { chair: true }), P('第一书记', 'F', { seat: false }), P('村民小组长、村民代表', 'F', { seat: false, rep: true }), ...reps(5, 1)];
  const v2 = [P('书记', 'M'), P('主任', 'M'), P('第一书记', 'F', { seat: false }), P('文书', 'F', { seat: false }), P('妇女主任', 'F', { chair: true, seat: false }), P('村民小组长', 'M', { seat: false, rep: true }), ...reps(5, 2)];
  const aoa = [['村', '姓名', '性别', '职务', '身份证号', '是否村民代表']];
  for (const [v, ps] of [['和风村', v1], ['和畅村', v2]]) ps.forEach((p) => aoa.push([v, p.name, sexCell(p), p.post, idCell(p), yn(p)]));
  write('K35', `${t}.xlsx`, book([['名单', sheet(aoa)]]));
  addCase('K35', 'posts: 书记、主任（一肩挑）, 村委会委员兼报账员, 村委委员、妇女主任 (the chair), 第一书记 and 文书 (no seat), 村民小组长、村民代表', [`${t}.xlsx`], [
    agree(X(t, '和风村', 'ppp', [3, 2, 6, 2]), v1),
    agree(X(t, '和畅村', 'ffp', [2, 0, 6, 2]), v2),
  ]);
}

// K36 the outgoing term as a block under the new one ("二、上届班子成员（供参考）") on the same sheet.
{
  const t = '红岩镇';
  const now = [P('书记', 'M'), P('主任', 'M'), P('委员', 'M'), P('妇联主席', 'F', { chair: true, seat: false })];
  const old = [P('书记', 'M'), P('主任', 'F'), P('委员、妇联主席', 'F', { chair: true })];
  const aoa = [[`${t}红岩村村“两委”班子成员`], ['序号', '姓名', '性别', '职务', '身份证号'], ['一、新一届班子成员']];
  now.forEach((p, j) => aoa.push([j + 1, p.name, sexCell(p), p.post, idCell(p)]));
  aoa.push(['二、上届班子成员（供参考）']);
  old.forEach((p, j) => aoa.push([j + 1, p.name, sexCell(p), p.post, idCell(p)]));
  write('K36', `${t}红岩村.xlsx`, book([['红岩村', sheet(aoa)]]));
  addCase('K36', 'the outgoing term as a second block on the same sheet (二、上届班子成员（供参考）): not counted', [`${t}红岩村.xlsx`], [
    agree(X(t, '红岩村', 'ffu', [3, 0, null, null]), now, { committees: true, reps: false }),
  ]);
}

// K37 posts that are plainly no seat, some the vocabulary may not know (保洁员, 护林员, 水管员, 出纳, 民兵连长):
//     the women holding them are non-members, so the village fails rather than staying unknown.
{
  const t = '青松镇';
  const v1 = [P('书记', 'M'), P('主任', 'M'), P('委员', 'M'), P('保洁员', 'F', { seat: false }), P('护林员', 'F', { seat: false }), P('水管员', 'F', { seat: false }), P('出纳', 'F', { seat: false }), P('民兵连长', 'F', { seat: false }), P('妇联主席', 'F', { chair: true, seat: false })];
  const aoa = [['村', '姓名', '性别', '职务', '身份证号']];
  v1.forEach((p) => aoa.push(['青松村', p.name, sexCell(p), p.post, idCell(p)]));
  write('K37', `${t}村干部.xlsx`, book([['村干部', sheet(aoa)]]));
  addCase('K37', 'a committees list whose only women hold posts that are plainly no seat (保洁员, 护林员, 水管员, 出纳, 民兵连长): woman and chair fail, not unknown', [`${t}村干部.xlsx`], [
    agree(X(t, '青松村', 'ffu', [3, 0, null, null]), v1, { committees: true, reps: false }),
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
