// Round 3: the RULE and COMBINING inputs. Writes tests/townships/cases/Enn/ (workbooks, expected.json, CASE.txt).
//   node tests/townships/gen-rules.mjs
// Every expected verdict below is written out BY HAND from ../shared/DOMAIN.md (letters p/f/u per part:
// womanInCommittees, chairInCommittees, womenRepresentativesThird; counts [members, women, reps, women reps],
// null = part not given); where a single roster allows it, lib.mjs's model is asked too and must agree.
// expected.json extras (ignored by score.mjs): exitCode, findings (codes that must appear, with village),
// reasonIncludes (text a reason must contain), ruleSets (expected parts under --rules 法定 / 每委一女),
// ambiguous (DOMAIN.md does not settle it: reported separately, not as a failure).
import fs from 'node:fs';
import path from 'node:path';
import { XLSX, P, reps, idCell, sexCell, expectRoster, verdict, sheet, book, resetSeed, agreeWithModel as agree, handVerdict as X } from './lib.mjs';

resetSeed(20260703);
const OUT = path.join(path.dirname(new URL(import.meta.url).pathname), 'cases');
// This generator owns the E cases; gen.mjs the C cases, gen-more.mjs the D cases.
fs.mkdirSync(OUT, { recursive: true });
for (const d of fs.readdirSync(OUT)) if (d.startsWith('E')) fs.rmSync(path.join(OUT, d), { recursive: true, force: true });

const cases = [];
function write(id, file, wbOrBuf) {
  const dir = path.join(OUT, id);
  fs.mkdirSync(dir, { recursive: true });
  const f = path.join(dir, file);
  if (Buffer.isBuffer(wbOrBuf) || typeof wbOrBuf === 'string') fs.writeFileSync(f, wbOrBuf);
  else XLSX.writeFile(wbOrBuf, f, { bookType: file.endsWith('.xls') ? 'biff8' : 'xlsx' });
}
function addCase(id, desc, files, villages, extra = {}) {
  cases.push({ id, desc, files, villages, extra });
}

// ---- columns and rows ----
const FULL = [['乡镇', (c) => c.t], ['村', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号', (c) => idCell(c.p)], ['是否村民代表', (c) => (c.p.rep ? '是' : '否')]];
const COMM = [['乡镇', (c) => c.t], ['村', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['职务', (c) => c.p.post], ['身份证号', (c) => idCell(c.p)]];
const REPS = [['乡镇', (c) => c.t], ['村', (c) => c.v], ['姓名', (c) => c.p.name], ['性别', (c) => sexCell(c.p)], ['身份证号', (c) => idCell(c.p)]];
const H = (cols) => cols.map(([h]) => h);
/** rows of [{t, v, persons}] through cols. */
function rows(vs, cols) {
  const out = [];
  for (const v of vs) for (const p of v.persons) out.push(cols.map(([, f]) => f({ p, v: v.v, t: v.t })));
  return out;
}
const std = () => [P('书记', 'M'), P('主任', 'M'), P('村委委员、妇联主席', 'F', { chair: true })]; // 3 members, 1 woman, chair seated
const same = (p, o) => ({ ...p, ...o }); // the same person on another row

// =====================================================================================
// E01 exactly one third, in integers
{
  const t = '沙河镇';
  const vs = [
    { t, v: '一分村', persons: [P('书记兼主任', 'M', { rep: true }), P('委员、妇联主席', 'F', { chair: true, rep: true }), P('副主任', 'M'), ...reps(40, 13)] },
    { t, v: '二分村', persons: [...std(), ...reps(40, 13)] },
    { t, v: '三分村', persons: [...std(), ...reps(40, 13, 1)] },
    { t, v: '四分村', persons: [...std(), ...reps(3, 1)] },
    { t, v: '五分村', persons: [...std()] },
  ];
  write('E01', '沙河镇换届名单.xlsx', book([['Sheet1', sheet([H(FULL), ...rows(vs, FULL)])]]));
  addCase('E01', 'exactly one third: 14/42 pass, 13/40 fail (还差1人), 13/40 + 1 unknown → unknown, 1/3 pass, all 否 → unknown', ['沙河镇换届名单.xlsx'], [
    agree(X(t, '一分村', 'ppp', [3, 1, 42, 14]), vs[0].persons),
    agree(X(t, '二分村', 'ppf', [3, 1, 40, 13]), vs[1].persons),
    agree(X(t, '三分村', 'ppu', [3, 1, 40, 13]), vs[2].persons),
    agree(X(t, '四分村', 'ppp', [3, 1, 3, 1]), vs[3].persons),
    agree(X(t, '五分村', 'ppu', [3, 1, 0, 0]), vs[4].persons),
  ], { reasonIncludes: [{ village: '二分村', part: 'womenRepresentativesThird', text: '还差1人' }] });
}

// E02 unknown genders among representatives: can / cannot change the outcome
{
  const t = '柳河镇';
  const vs = [
    { t, v: '甲村', persons: [...std(), ...reps(30, 10, 3)] }, // W10 U3: 30>=30 pass
    { t, v: '乙村', persons: [...std(), ...reps(30, 7, 2)] }, // W7 U2: 3*9=27<30 fail
    { t, v: '丙村', persons: [...std(), ...reps(30, 9, 1)] }, // W9 U1: 27<30, 30>=30 unknown
    { t, v: '丁村', persons: [...std(), ...reps(30, 8, 5)] }, // W8 U5 unknown
    { t, v: '戊村', persons: [P('书记', 'M'), P('主任', 'M'), P('委员', 'F', { decl: '', idOut: 'none' }), ...reps(30, 5)] }, // u u f → noncompliant
  ];
  write('E02', '柳河镇名单.xlsx', book([['名单', sheet([H(FULL), ...rows(vs, FULL)])]]));
  addCase('E02', 'reps with unknown genders: known women reach a third (pass), unknowns cannot reach it (fail), could (unknown); unknown+fail → noncompliant', ['柳河镇名单.xlsx'], [
    agree(X(t, '甲村', 'ppp', [3, 1, 30, 10]), vs[0].persons),
    agree(X(t, '乙村', 'ppf', [3, 1, 30, 7]), vs[1].persons),
    agree(X(t, '丙村', 'ppu', [3, 1, 30, 9]), vs[2].persons),
    agree(X(t, '丁村', 'ppu', [3, 1, 30, 8]), vs[3].persons),
    agree(X(t, '戊村', 'uuf', [3, 0, 30, 5]), vs[4].persons),
  ]);
}

// E03 committees, three-valued; male chair; 第一书记
{
  const t = '石桥镇';
  const vs = [
    // the only possible woman is the chair, gender blank and no ID: woman unknown, chair pass (she holds a seat)
    { t, v: '东村', persons: [P('书记', 'M'), P('主任', 'M'), P('村委委员、妇联主席', 'F', { chair: true, decl: '', idOut: 'none' }), ...reps(21, 7)] },
    { t, v: '西村', persons: [P('书记', 'M'), P('主任', 'M'), P('委员', 'M', { decl: '', idOut: 'none' }), P('支委委员、妇联主席', 'F', { chair: true }), ...reps(21, 7)] },
    // a male chair with a seat: chair part passes (DOMAIN: "pass if the chair holds a seat"), finding chair-not-woman
    { t, v: '南村', persons: [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'M', { chair: true }), ...reps(21, 7)] },
    // only woman is 第一书记 (not elected); chair is a representative only
    { t, v: '北村', persons: [P('书记', 'M'), P('主任', 'M'), P('委员', 'M'), P('第一书记', 'F', { seat: false }), P('妇联主席', 'F', { seat: false, chair: true, rep: true }), ...reps(20, 7)] },
    // 第一书记 who also has an elected seat
    { t, v: '中村', persons: [P('书记', 'M'), P('主任', 'M'), P('第一书记、支委委员', 'F'), ...reps(21, 7)] },
  ];
  write('E03', '石桥镇名单.xlsx', book([['名单', sheet([H(FULL), ...rows(vs, FULL)])]]));
  addCase('E03', 'womanInCommittees three-valued: only woman (= chair) gender blank; unknown + known woman; male chair (finding); 第一书记 only woman; 第一书记 with seat', ['石桥镇名单.xlsx'], [
    agree(X(t, '东村', 'upp', [3, 0, 21, 7]), vs[0].persons),
    agree(X(t, '西村', 'ppp', [4, 1, 21, 7]), vs[1].persons),
    agree(X(t, '南村', 'fpp', [3, 0, 21, 7]), vs[2].persons),
    agree(X(t, '北村', 'ffp', [3, 0, 21, 8]), vs[3].persons),
    agree(X(t, '中村', 'pup', [3, 1, 21, 7]), vs[4].persons),
  ], { findings: [{ code: 'chair-not-woman', village: '南村' }, { code: 'gender-unknown', village: '东村' }] });
}

// E04 chair variants in one roster
{
  const t = '桃林乡';
  const w5 = P('妇联主席', 'F', { chair: true, seat: false });
  const m5 = P('支委委员', 'M');
  const w6 = P('妇联主席', 'F', { chair: true, seat: false, name: '欧阳秀英' });
  const vs = [
    { t, v: '一村', persons: [P('书记兼主任', 'M'), P('委员', 'F'), P('副主任', 'M'), P('妇联主席', 'F', { seat: false, chair: true, rep: true }), ...reps(20, 6)] },
    { t, v: '二村', persons: [P('书记', 'M'), P('主任', 'M'), P('支委委员兼妇女主任', 'F', { chair: true }), ...reps(21, 7)] },
    { t, v: '三村', persons: [P('书记', 'M'), P('主任', 'M'), P('委员、妇联副主席', 'F'), ...reps(21, 7)] },
    // chair's seat on another row: same ID; and a man's second row without ID, same name
    { t, v: '五村', persons: [P('书记', 'M'), w5, m5, same(w5, { post: '村委委员', seat: true, chair: false }), same(m5, { post: '村委副主任', idOut: 'none' }), ...reps(21, 7)] },
    // chair's seat on another row: no ID, 性别 blank, name spaced differently
    { t, v: '六村', persons: [P('书记', 'M'), P('主任', 'M'), w6, same(w6, { post: '村委委员', seat: true, chair: false, idOut: 'none', decl: '', name: '欧阳 秀英' }), ...reps(21, 7)] },
  ];
  write('E04', '桃林乡名单.xlsx', book([['Sheet1', sheet([H(FULL), ...rows(vs, FULL)])]]));
  addCase('E04', 'chair: representative only (fail); 支委委员兼妇女主任 (pass); 妇联副主席 is not the chair (unknown); seat on another row with same ID / without ID and spaced name (pass)', ['桃林乡名单.xlsx'], [
    agree(X(t, '一村', 'pfp', [3, 1, 21, 7]), vs[0].persons),
    agree(X(t, '二村', 'ppp', [3, 1, 21, 7]), vs[1].persons),
    agree(X(t, '三村', 'pup', [3, 1, 21, 7]), vs[2].persons),
    X(t, '五村', 'ppp', [3, 1, 21, 7]), // 书记 M, her (one person), m5 (one person)
    X(t, '六村', 'ppp', [3, 1, 21, 7]),
  ]);
}

// E05 two persons marked 妇联主席 in one village (one with a seat, one without) — DOMAIN is silent
{
  const t = '梅岭乡';
  const vs = [{ t, v: '梅岭村', persons: [P('书记', 'M'), P('主任', 'M'), P('委员、妇联主席', 'F', { chair: true }), P('妇联主席', 'F', { chair: true, seat: false }), ...reps(21, 7)] }];
  write('E05', '梅岭乡名单.xlsx', book([['Sheet1', sheet([H(FULL), ...rows(vs, FULL)])]]));
  addCase('E05', 'two persons marked 妇联主席 in one village, one seated one not (AMBIGUOUS in DOMAIN: pass? unknown? expect at least a finding)', ['梅岭乡名单.xlsx'], [X(t, '梅岭村', 'ppp', [3, 1, 21, 7])], { ambiguous: 'two chairs: DOMAIN speaks of "the chair"; pass taken as the lenient reading; a data-quality finding would be expected' });
}

// E06 chair marked on the 村民代表 sheet, her seat on the 两委班子 sheet (one workbook)
{
  const t = '竹园镇';
  const her = P('村委委员', 'F', { rep: true });
  const c = [{ t, v: '竹园村', persons: [P('书记', 'M'), P('主任', 'M'), her] }, { t, v: '竹林村', persons: [P('书记', 'M'), P('主任', 'M'), P('村委委员、妇联主席', 'F', { chair: true })] }];
  const r1 = [same(her, { post: '妇联主席' }), ...reps(20, 7)];
  const r2 = reps(21, 7);
  const RC = [['村', (x) => x.v], ['姓名', (x) => x.p.name], ['性别', (x) => sexCell(x.p)], ['职务', (x) => x.p.post], ['身份证号', (x) => idCell(x.p)]];
  const CC = [['村', (x) => x.v], ['姓名', (x) => x.p.name], ['性别', (x) => sexCell(x.p)], ['职务', (x) => x.p.post], ['身份证号', (x) => idCell(x.p)]];
  const s1 = sheet([[`${t}村“两委”班子成员名单`], H(CC), ...rows(c, CC)]);
  const s2 = sheet([[`${t}村民代表名单`], H(RC), ...rows([{ t, v: '竹园村', persons: r1 }, { t, v: '竹林村', persons: r2 }], RC)]);
  write('E06', '竹园镇换届名单.xlsx', book([['两委班子', s1], ['村民代表', s2]]));
  addCase('E06', 'chair marked 妇联主席 (职务 column) on the 村民代表 sheet, her seat 村委委员 on the 两委班子 sheet, same ID', ['竹园镇换届名单.xlsx'], [
    X(t, '竹园村', 'ppp', [3, 1, 21, 8]),
    X(t, '竹林村', 'ppp', [3, 1, 21, 7]),
  ]);
}

// E07 the same, across two files
{
  const t = '竹溪镇';
  const her = P('村委委员', 'F');
  const c = [{ t, v: '竹溪村', persons: [P('书记', 'M'), P('主任', 'M'), her] }];
  const RC = [['乡镇', (x) => x.t], ['村', (x) => x.v], ['姓名', (x) => x.p.name], ['性别', (x) => sexCell(x.p)], ['身份证号', (x) => idCell(x.p)], ['职务', (x) => x.p.post]];
  write('E07', '竹溪镇两委班子.xlsx', book([['两委班子', sheet([H(COMM), ...rows(c, COMM)])]]));
  write('E07', '竹溪镇村民代表.xlsx', book([['村民代表', sheet([H(RC), ...rows([{ t, v: '竹溪村', persons: [same(her, { post: '妇联主席', rep: true }), ...reps(20, 7)] }], RC)])]]));
  addCase('E07', 'chair marked 妇联主席 only in the representatives file; her seat 村委委员 in the committees file (same ID)', ['竹溪镇两委班子.xlsx', '竹溪镇村民代表.xlsx'], [X(t, '竹溪村', 'ppp', [3, 1, 21, 8])]);
}

// E08 a separate file listing the village chairs (妇联主席名单), the committees in another file
{
  const t = '竹山镇';
  const her = P('村委委员', 'F');
  const c = [{ t, v: '竹山村', persons: [P('书记', 'M'), P('主任', 'M'), her, ...reps(0, 0)] }];
  const allReps = [{ t, v: '竹山村', persons: reps(30, 10) }];
  write('E08', '竹山镇两委班子.xlsx', book([['两委班子', sheet([H(COMM), ...rows(c, COMM)])]]));
  write('E08', '竹山镇村民代表.xlsx', book([['村民代表', sheet([H(REPS), ...rows(allReps, REPS)])]]));
  write('E08', '竹山镇村妇联主席名单.xlsx', book([['妇联主席', sheet([[`${t}村妇联主席名单`], H(COMM), ...rows([{ t, v: '竹山村', persons: [same(her, { post: '村妇联主席' })] }], COMM)])]]));
  addCase('E08', 'three files: 两委班子, 村民代表, and a 村妇联主席名单 naming the chair (who is 村委委员 in the committees file, same ID) — AMBIGUOUS whether a chairs list is "the committees part"', ['竹山镇两委班子.xlsx', '竹山镇村民代表.xlsx', '竹山镇村妇联主席名单.xlsx'], [X(t, '竹山村', 'ppp', [3, 1, 30, 10])], { ambiguous: 'a list of chairs alone is not obviously the committees part; README: a part two inputs give → later used' });
}

// E09 Party committee and villagers' committee sent in two files (elected at different times) + reps file
{
  const t = '荷塘镇';
  const party = [{ t, v: '荷塘村', persons: [P('书记', 'M'), P('副书记', 'M'), P('支委委员、妇联主席', 'F', { chair: true })] }];
  const vill = [{ t, v: '荷塘村', persons: [P('主任', 'M'), P('副主任', 'M'), P('委员', 'M')] }];
  write('E09', '荷塘镇村党组织班子成员.xlsx', book([['村党组织', sheet([[`${t}村党组织委员会成员名单`], H(COMM), ...rows(party, COMM)])]]));
  write('E09', '荷塘镇村委会班子成员.xlsx', book([['村委会', sheet([[`${t}村民委员会成员名单`], H(COMM), ...rows(vill, COMM)])]]));
  write('E09', '荷塘镇村民代表.xlsx', book([['村民代表', sheet([[`${t}村民代表名单`], H(REPS), ...rows([{ t, v: '荷塘村', persons: reps(30, 10) }], REPS)])]]));
  addCase('E09', 'Party committee in one file, villagers\' committee in another (elected weeks apart), reps in a third: the two committees together', ['荷塘镇村党组织班子成员.xlsx', '荷塘镇村委会班子成员.xlsx', '荷塘镇村民代表.xlsx'], [X(t, '荷塘村', 'ppp', [6, 1, 30, 10])]);
}

// E10 committees file (乡镇 青山镇, 村 上塘村) + reps file (乡镇 青山镇人民政府, 村 上塘村委会 / 下塘村民委员会), a village only in one of them
{
  const t = '青山镇';
  const c = [
    { t, v: '上塘村', persons: [P('书记', 'M'), P('主任', 'M'), P('村委委员、妇联主席', 'F', { chair: true })] },
    { t, v: '下塘村', persons: [P('书记兼主任', 'M'), P('委员', 'M'), P('妇联主席', 'F', { chair: true, seat: false })] },
    { t, v: '中塘村', persons: [P('书记', 'M'), P('主任', 'F'), P('委员、妇联主席', 'F', { chair: true })] },
  ];
  const r = [
    { t: '青山镇人民政府', v: '上塘村委会', persons: reps(30, 10) },
    { t: '青山镇人民政府', v: '下塘村民委员会', persons: reps(31, 10) },
    { t: '青山镇人民政府', v: '新塘村', persons: reps(24, 8) },
  ];
  write('E10', '青山镇两委班子.xlsx', book([['两委班子', sheet([H(COMM), ...rows(c, COMM)])]]));
  write('E10', '青山镇村民代表.xlsx', book([['村民代表', sheet([H(REPS), ...rows(r, REPS)])]]));
  addCase('E10', 'committees file (青山镇/上塘村) + reps file (青山镇人民政府/上塘村委会, 下塘村民委员会); 中塘村 only in committees, 新塘村 only in reps', ['青山镇两委班子.xlsx', '青山镇村民代表.xlsx'], [
    X(t, '上塘村', 'ppp', [3, 1, 30, 10]),
    X(t, '下塘村', 'fff', [2, 0, 31, 10]),
    X(t, '中塘村', 'ppu', [3, 2, null, null]),
    X(t, '新塘村', 'uup', [null, null, 24, 8]),
  ]);
}

// E11 township written 青山 (no 镇) in the reps file — AMBIGUOUS
{
  const c = [{ t: '青山镇', v: '上塘村', persons: [P('书记', 'M'), P('主任', 'M'), P('村委委员、妇联主席', 'F', { chair: true })] }];
  const r = [{ t: '青山', v: '上塘村', persons: reps(30, 10) }];
  write('E11', '两委班子.xlsx', book([['两委班子', sheet([H(COMM), ...rows(c, COMM)])]]));
  write('E11', '村民代表.xlsx', book([['村民代表', sheet([H(REPS), ...rows(r, REPS)])]]));
  addCase('E11', 'township 青山镇 in the committees file, 青山 in the reps file (AMBIGUOUS: one township?)', ['两委班子.xlsx', '村民代表.xlsx'], [X('青山镇', '上塘村', 'ppp', [3, 1, 30, 10])], { ambiguous: 'DOMAIN does not say that 青山 and 青山镇 are one township' });
}

// E12 village written 上塘 (bare) in the reps file — AMBIGUOUS
{
  const t = '青山镇';
  const c = [{ t, v: '上塘村', persons: [P('书记', 'M'), P('主任', 'M'), P('村委委员、妇联主席', 'F', { chair: true })] }];
  const r = [{ t, v: '上塘', persons: reps(30, 10) }];
  write('E12', '青山镇两委班子.xlsx', book([['两委班子', sheet([H(COMM), ...rows(c, COMM)])]]));
  write('E12', '青山镇村民代表.xlsx', book([['村民代表', sheet([H(REPS), ...rows(r, REPS)])]]));
  addCase('E12', 'village 上塘村 in the committees file, bare 上塘 in the reps file (AMBIGUOUS: one village?)', ['青山镇两委班子.xlsx', '青山镇村民代表.xlsx'], [X(t, '上塘村', 'ppp', [3, 1, 30, 10])], { ambiguous: 'DOMAIN does not say that 上塘 and 上塘村 are one village' });
}

// E13 / E14 the same part (reps) given by two files: the later one on the command line is used, finding
{
  const t = '溪口镇';
  const c = [{ t, v: '溪口村', persons: [P('书记', 'M'), P('主任', 'M'), P('村委委员、妇联主席', 'F', { chair: true })] }];
  const first = [{ t, v: '溪口村', persons: reps(30, 9) }]; // 27<30 fail
  const second = [{ t, v: '溪口村', persons: reps(30, 10) }]; // pass
  for (const id of ['E13', 'E14']) {
    write(id, '溪口镇两委班子.xlsx', book([['两委班子', sheet([H(COMM), ...rows(c, COMM)])]]));
    write(id, '溪口镇村民代表（初报）.xlsx', book([['村民代表', sheet([H(REPS), ...rows(first, REPS)])]]));
    write(id, '溪口镇村民代表（更正）.xlsx', book([['村民代表', sheet([H(REPS), ...rows(second, REPS)])]]));
  }
  addCase('E13', 'reps given by two files (初报 9/30 then 更正 10/30 on the command line): later used → pass, duplicate-part finding', ['溪口镇两委班子.xlsx', '溪口镇村民代表（初报）.xlsx', '溪口镇村民代表（更正）.xlsx'], [X(t, '溪口村', 'ppp', [3, 1, 30, 10])], { findings: [{ code: 'duplicate-part', village: '溪口村' }] });
  addCase('E14', 'the same two reps files in the other order (更正 then 初报): later (初报, 9/30) used → fail, duplicate-part finding', ['溪口镇两委班子.xlsx', '溪口镇村民代表（更正）.xlsx', '溪口镇村民代表（初报）.xlsx'], [X(t, '溪口村', 'ppf', [3, 1, 30, 9])], { findings: [{ code: 'duplicate-part', village: '溪口村' }] });
}

// E15 a folder holding a committees file and a reps file, passed as the folder
{
  const t = '白石乡';
  const c = [
    { t, v: '白石村', persons: [P('书记', 'M'), P('主任', 'M'), P('村委委员、妇联主席', 'F', { chair: true })] },
    { t, v: '黑石村', persons: [P('书记', 'M'), P('主任', 'M'), P('委员', 'M')] },
  ];
  const r = [{ t, v: '白石村', persons: reps(33, 11) }, { t, v: '黑石村', persons: reps(33, 10) }];
  write('E15', '白石乡两委班子.xlsx', book([['两委班子', sheet([[`${t}村“两委”班子成员名单`], H(COMM), ...rows(c, COMM)])]]));
  write('E15', '白石乡村民代表.xlsx', book([['村民代表', sheet([[`${t}村民代表名单`], H(REPS), ...rows(r, REPS)])]]));
  addCase('E15', 'a folder with a committees file and a reps file, passed as the folder', ['白石乡两委班子.xlsx', '白石乡村民代表.xlsx'], [
    X(t, '白石村', 'ppp', [3, 1, 33, 11]),
    X(t, '黑石村', 'fuf', [3, 0, 33, 10]),
  ], { runFolder: true });
}

// E16 ID number rules
{
  const t = '金山镇';
  const x4 = P('村委委员、妇联主席', 'M', { chair: true, decl: '女' }); // declared 女, valid ID male
  const w5 = P('支委委员', 'F');
  const y = P('委员、妇联主席', 'F', { chair: true });
  const g8 = P('村委委员', 'F', { idOut: 'none', decl: '女' });
  const twin = P('', 'F', { rep: true, seat: false });
  const vs = [
    { t, v: '金一村', persons: [...std(), ...reps(29, 9), P('', 'F', { rep: true, seat: false, decl: '男' })] }, // ID says F → 10/30 pass
    { t, v: '金二村', persons: [...std(), ...reps(29, 9), P('', 'M', { rep: true, seat: false, decl: '女', idOut: 'bad' })] }, // bad check: 女 counts → pass
    { t, v: '金三村', persons: [P('书记', 'M'), P('主任', 'M'), P('委员', 'F', { decl: '', idOut: 'num' }), ...reps(29, 9), P('', 'M', { rep: true, seat: false, decl: '女', idOut: 'num' })] },
    { t, v: '金四村', persons: [P('书记', 'M'), P('主任', 'M'), x4, ...reps(30, 10)] },
    { t, v: '金五村', persons: [P('书记', 'M'), P('主任', 'M'), w5, same(w5, { post: '村委委员、妇联主席', chair: true, idOut: 'none', decl: '' }), ...reps(30, 10)] },
    { t, v: '金六村', persons: [P('书记', 'M'), P('主任', 'M'), y, ...reps(30, 10)] },
    { t, v: '金七村', persons: [...std(), ...reps(29, 9), same(y, { post: '', seat: false, chair: false, rep: true })] },
    { t, v: '金八村', persons: [P('书记', 'M'), P('主任', 'M'), g8, same(g8, { post: '妇联主席', chair: true, seat: false, decl: '男' }), ...reps(30, 10)] },
    { t, v: '金九村', persons: [...std(), ...reps(28, 8), twin, P('', 'F', { rep: true, seat: false, name: twin.name })] },
  ];
  write('E16', '金山镇名单.xlsx', book([['Sheet1', sheet([H(FULL), ...rows(vs, FULL)])]]));
  addCase('E16', 'IDs: valid ID contradicts declared (ID wins, at the third); wrong check char (declared counts); typed as numbers (blank 性别 → unknown; 女 → counts); declared 女 valid-ID man chair (fail + findings); same person with/without ID; same ID in two villages; conflicting declared genders, no ID; two namesakes with different valid IDs', ['金山镇名单.xlsx'], [
    agree(X(t, '金一村', 'ppp', [3, 1, 30, 10]), vs[0].persons),
    agree(X(t, '金二村', 'ppp', [3, 1, 30, 10]), vs[1].persons),
    agree(X(t, '金三村', 'uup', [3, 0, 30, 10]), vs[2].persons),
    agree(X(t, '金四村', 'fpp', [3, 0, 30, 10]), vs[3].persons),
    X(t, '金五村', 'ppp', [3, 1, 30, 10]),
    agree(X(t, '金六村', 'ppp', [3, 1, 30, 10]), vs[5].persons),
    agree(X(t, '金七村', 'ppp', [3, 1, 30, 10]), vs[6].persons),
    X(t, '金八村', 'upp', [3, 0, 30, 10]),
    X(t, '金九村', 'ppp', [3, 1, 30, 10]),
  ], {
    findings: [
      { code: 'id-gender-mismatch', village: '金一村' },
      { code: 'id-invalid', village: '金二村' },
      { code: 'id-number-truncated', village: '金三村' },
      { code: 'id-gender-mismatch', village: '金四村' },
      { code: 'chair-not-woman', village: '金四村' },
      { code: 'id-in-two-villages', village: '金七村' },
      { code: 'gender-unknown', village: '金八村' },
    ],
  });
}

// E17 rule sets on one roster (default, 法定, 每委一女)
{
  const t = '银湖镇';
  const r4 = P('主任', 'M', { rep: true });
  const vs = [
    { t, v: '银一村', persons: [P('书记', 'M'), P('副书记', 'M'), P('支委委员、妇联主席', 'F', { chair: true }), P('主任', 'M'), P('副主任', 'M'), P('村委委员', 'M'), ...reps(30, 10)] },
    { t, v: '银二村', persons: [P('书记兼主任', 'M'), P('委员、妇联主席', 'F', { chair: true }), P('副主任', 'M'), ...reps(30, 10)] },
    { t, v: '银三村', persons: [P('书记', 'M'), P('支委委员', 'M'), P('主任', 'F'), P('副主任', 'F'), P('村委委员、妇联主席', 'F', { chair: true }), ...reps(27, 8)] },
    { t, v: '银四村', persons: [P('书记', 'M'), P('支委委员', 'F'), r4, P('副主任', 'M'), P('村委委员', 'M'), P('村委委员', 'M'), P('村委委员、妇联主席', 'F', { chair: true }), ...reps(29, 10)] },
  ];
  write('E17', '银湖镇名单.xlsx', book([['Sheet1', sheet([H(FULL), ...rows(vs, FULL)])]]));
  addCase('E17', 'rule sets: a woman only on the party committee; 书记兼主任 + 委员 (either committee); villagers\' committee women lift the assembly to a third; non-rep committee men sink it below', ['银湖镇名单.xlsx'], [
    agree(X(t, '银一村', 'ppp', [6, 1, 30, 10]), vs[0].persons),
    agree(X(t, '银二村', 'ppp', [3, 1, 30, 10]), vs[1].persons),
    agree(X(t, '银三村', 'ppf', [5, 3, 27, 8]), vs[2].persons),
    agree(X(t, '银四村', 'ppp', [7, 2, 30, 10]), vs[3].persons),
  ], {
    ruleSets: {
      法定: {
        // villagers' committee: 主任 副主任 村委委员 all men → fail; assembly 30 reps + 3 non-rep members = 33, women 10 → 30<33 fail
        银一村: { status: 'noncompliant', rules: { womanInVillagersCommittee: 'fail', womenInAssemblyThird: 'fail' } },
        // villagers': 书记兼主任 M, 副主任 M certain, 委员 F maybe → unknown; assembly 32 (10 F) or 33 (11 F, exactly a third) → unknown
        银二村: { status: 'incomplete', rules: { womanInVillagersCommittee: 'unknown', womenInAssemblyThird: 'unknown' } },
        // villagers' 3 women; assembly 27 + 3 = 30, women 11 → 33>=30 pass
        银三村: { status: 'compliant', rules: { womanInVillagersCommittee: 'pass', womenInAssemblyThird: 'pass' } },
        // villagers': 主任 (rep) 副主任 委员 委员 委员F; assembly 30 + 4 = 34, women 11 → 33<34 fail (还差1人)
        银四村: { status: 'noncompliant', rules: { womanInVillagersCommittee: 'pass', womenInAssemblyThird: 'fail' } },
      },
      每委一女: {
        银一村: { status: 'noncompliant', rules: { womanInEachCommittee: 'fail', chairInCommittees: 'pass', womenRepresentativesThird: 'pass' } },
        银二村: { status: 'incomplete', rules: { womanInEachCommittee: 'unknown', chairInCommittees: 'pass', womenRepresentativesThird: 'pass' } },
        银三村: { status: 'noncompliant', rules: { womanInEachCommittee: 'fail', chairInCommittees: 'pass', womenRepresentativesThird: 'fail' } },
        银四村: { status: 'compliant', rules: { womanInEachCommittee: 'pass', chairInCommittees: 'pass', womenRepresentativesThird: 'pass' } },
      },
    },
    reasonIncludes: [{ village: '银四村', part: 'womenInAssemblyThird', text: '还差1人', ruleSet: '法定' }],
  });
}

// E18 committees as a count table (one file) + reps roster (another): default and other rule sets
{
  const t = '云岭镇';
  const head = ['村名', '两委成员数', '其中女性', '妇联主席是否进两委'];
  const counts = [['云一村', 7, 2, '是'], ['云二村', 6, 0, '否']];
  write('E18', '云岭镇两委统计表.xlsx', book([['Sheet1', sheet([[`${t}村“两委”班子女性成员统计表`], head, ...counts])]]));
  const r = [{ t, v: '云一村', persons: reps(30, 10) }, { t, v: '云二村', persons: reps(30, 9) }];
  write('E18', '云岭镇村民代表.xlsx', book([['村民代表', sheet([[`${t}村民代表名单`], H(REPS), ...rows(r, REPS)])]]));
  addCase('E18', 'committees as a count table in one file, reps as a roster in another; 法定/每委一女 cannot be settled from totals', ['云岭镇两委统计表.xlsx', '云岭镇村民代表.xlsx'], [
    X(t, '云一村', 'ppp', [7, 2, 30, 10]),
    X(t, '云二村', 'fff', [6, 0, 30, 9]),
  ], {
    ruleSets: {
      法定: {
        云一村: { status: 'incomplete', rules: { womanInVillagersCommittee: 'unknown', womenInAssemblyThird: 'unknown' } },
        // no woman in either committee → none on the villagers' committee: fail. Assembly: women = 9 reps + 0 members,
        // total >= 30 reps whatever the overlap → 3*9=27 < 30: fail is provable from the totals (soft: CLI may say unknown)
        云二村: { status: 'noncompliant', rules: { womanInVillagersCommittee: 'fail', womenInAssemblyThird: 'fail' } },
      },
      每委一女: {
        云一村: { status: 'incomplete', rules: { womanInEachCommittee: 'unknown', chairInCommittees: 'pass', womenRepresentativesThird: 'pass' } },
        云二村: { status: 'noncompliant', rules: { womanInEachCommittee: 'fail', chairInCommittees: 'fail', womenRepresentativesThird: 'fail' } },
      },
    },
  });
}

// E19 all compliant → exit 0
{
  const t = '和平乡';
  const vs = [{ t, v: '和平村', persons: [...std(), ...reps(3, 1)] }, { t, v: '和睦村', persons: [P('书记兼主任', 'F', { rep: true }), P('委员、妇联主席', 'F', { chair: true, rep: true }), P('副主任', 'M', { rep: true }), ...reps(3, 0)] }];
  write('E19', '和平乡名单.xlsx', book([['Sheet1', sheet([H(FULL), ...rows(vs, FULL)])]]));
  addCase('E19', 'every village compliant (1/3 reps; 2 of 6 reps women via committee members) → exit 0', ['和平乡名单.xlsx'], [
    agree(X(t, '和平村', 'ppp', [3, 1, 3, 1]), vs[0].persons),
    agree(X(t, '和睦村', 'ppp', [3, 2, 6, 2]), vs[1].persons),
  ], { exitCode: 0 });
}

// E20 a good file and an unreadable one → exit 2, the good file's villages still judged
{
  const t = '和顺乡';
  const vs = [{ t, v: '和顺村', persons: [...std(), ...reps(3, 1)] }];
  write('E20', '和顺乡名单.xlsx', book([['Sheet1', sheet([H(FULL), ...rows(vs, FULL)])]]));
  write('E20', '和顺乡补报.xlsx', Buffer.from('PK\u0003\u0004 this is not really a zip file at all, truncated', 'latin1'));
  addCase('E20', 'a compliant file plus an unreadable .xlsx → exit 2', ['和顺乡名单.xlsx', '和顺乡补报.xlsx'], [agree(X(t, '和顺村', 'ppp', [3, 1, 3, 1]), vs[0].persons)], { exitCode: 2 });
}

// E21 only incomplete villages (no fail) → exit 1, status incomplete
{
  const t = '和安乡';
  const vs = [{ t, v: '和安村', persons: [P('书记', 'M'), P('主任', 'M'), P('委员', 'F'), ...reps(30, 10)] }];
  write('E21', '和安乡名单.xlsx', book([['Sheet1', sheet([H(FULL), ...rows(vs, FULL)])]]));
  addCase('E21', 'one village, no chair listed, all else pass → incomplete, exit 1', ['和安乡名单.xlsx'], [agree(X(t, '和安村', 'pup', [3, 1, 30, 10]), vs[0].persons)], { exitCode: 1 });
}

// E22 / E23 a 两委 roster that has a 是否村民代表 column (so it also "gives" representatives: only the committee
// members who are reps) and a dedicated 村民代表 file with all reps. Expected: the dedicated list is the reps part.
{
  const t = '双溪镇';
  const a = P('书记兼主任', 'M', { rep: true });
  const b = P('村委委员、妇联主席', 'F', { chair: true, rep: true });
  const c = [{ t, v: '双溪村', persons: [a, P('副书记', 'M'), b] }];
  const r = [{ t, v: '双溪村', persons: [same(a, {}), same(b, {}), ...reps(28, 8)] }]; // T 30, W 9 → 27<30 fail (the 2 committee reps alone: 1/2 → would pass)
  for (const id of ['E22', 'E23']) {
    write(id, '双溪镇两委班子.xlsx', book([['两委班子', sheet([[`${t}村“两委”班子成员名单`], H(FULL), ...rows(c, FULL)])]]));
    write(id, '双溪镇村民代表.xlsx', book([['村民代表', sheet([[`${t}村民代表名单`], H(REPS), ...rows(r, REPS)])]]));
  }
  const v = X(t, '双溪村', 'ppf', [3, 1, 30, 9]);
  addCase('E22', '两委 roster with a 是否村民代表 column (2 of 3 members reps) given AFTER the full 村民代表 file on the command line: reps must still be the full list (9 women of 30 → fail)', ['双溪镇村民代表.xlsx', '双溪镇两委班子.xlsx'], [v], { findings: [{ code: 'duplicate-part', village: '双溪村' }], note: 'README: a part two inputs give → the later one is used; DOMAIN: a submission replaces only the parts it holds, and within one workbook a dedicated 村民代表 sheet is preferred (consolidate.ts)' });
  addCase('E23', 'the same two files passed as their folder (the CLI sorts by pinyin: 村民代表 before 两委班子, so the 两委 roster comes last): its 是否村民代表 column must not replace the full reps list', ['双溪镇两委班子.xlsx', '双溪镇村民代表.xlsx'], [v], { runFolder: true, note: 'as E22; in a folder the user did not even choose the order' });
}

// E24 a representative marked 妇联主席 in the 村民代表 list, not on the committees: the chair is listed without a seat → fail
{
  const t = '双河镇';
  const c = [{ t, v: '双河村', persons: [P('书记', 'M'), P('主任', 'M'), P('委员', 'F')] }];
  const RC = [['乡镇', (x) => x.t], ['村', (x) => x.v], ['姓名', (x) => x.p.name], ['性别', (x) => sexCell(x.p)], ['身份证号', (x) => idCell(x.p)], ['职务', (x) => x.p.post]];
  write('E24', '双河镇两委班子.xlsx', book([['两委班子', sheet([H(COMM), ...rows(c, COMM)])]]));
  write('E24', '双河镇村民代表.xlsx', book([['村民代表', sheet([H(RC), ...rows([{ t, v: '双河村', persons: [P('妇联主席', 'F', { chair: true, seat: false }), ...reps(29, 9)] }], RC)])]]));
  addCase('E24', 'chair named only in the reps file (职务 妇联主席), not on the committees file → chair listed without a seat: fail', ['双河镇两委班子.xlsx', '双河镇村民代表.xlsx'], [X(t, '双河村', 'pfp', [3, 1, 30, 10])]);
}

// E25 法定 across files: villagers' committee members who are reps appear in both files (reps file without IDs):
// counted once in the assembly. Default pass 10/30; assembly 30 + 1 = 31, women 10 → 30<31 fail (double counting gives 33/11 → pass)
{
  const t = '双桥镇';
  const d = P('主任', 'M', { rep: true });
  const e = P('副主任、妇联主席', 'F', { rep: true, chair: true });
  const c = [{ t, v: '双桥村', persons: [P('书记', 'M'), d, e, P('村委委员', 'M')] }];
  const RN = [['乡镇', (x) => x.t], ['村', (x) => x.v], ['姓名', (x) => x.p.name], ['性别', (x) => sexCell(x.p)]];
  write('E25', '双桥镇两委班子.xlsx', book([['两委班子', sheet([H(COMM), ...rows(c, COMM)])]]));
  write('E25', '双桥镇村民代表.xlsx', book([['村民代表', sheet([H(RN), ...rows([{ t, v: '双桥村', persons: [same(d, {}), same(e, {}), ...reps(28, 9)] }], RN)])]]));
  addCase('E25', '法定 across files: 主任 and 副主任 are reps, listed again (no ID) in the reps file: the assembly counts them once (31, 10 women → fail)', ['双桥镇两委班子.xlsx', '双桥镇村民代表.xlsx'], [X(t, '双桥村', 'ppp', [4, 1, 30, 10])], {
    ruleSets: {
      法定: { 双桥村: { status: 'noncompliant', rules: { womanInVillagersCommittee: 'pass', womenInAssemblyThird: 'fail' } } },
      每委一女: { 双桥村: { status: 'noncompliant', rules: { womanInEachCommittee: 'fail', chairInCommittees: 'pass', womenRepresentativesThird: 'pass' } } },
    },
    reasonIncludes: [{ village: '双桥村', part: 'womenInAssemblyThird', text: '31', ruleSet: '法定' }],
  });
}

for (const c of cases) {
  const dir = path.join(OUT, c.id);
  fs.mkdirSync(dir, { recursive: true });
  const exitCode = c.extra.exitCode ?? (c.villages.every((v) => v.status === 'compliant') ? 0 : 1);
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify({ villages: c.villages, ...c.extra, exitCode }, null, 2));
  fs.writeFileSync(path.join(dir, 'CASE.txt'), `${c.desc}\nfiles: ${c.files.join(', ')}\n`);
}
console.log(`${cases.length} cases written to ${OUT}`);
