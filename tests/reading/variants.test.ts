// Forms worded and arranged in other ways than the fixtures: the reader goes by meaning, not by template.

import { describe, expect, it } from 'vitest';
import { workbookBytes, makeId, checkBytes, brief, gbk } from '../helpers/workbooks.ts';

describe('roster variants', () => {
  it('party and villagers’ committee posts in two columns, the chair in a 是否妇联主席 column, ✓ marks for representatives', () => {
    const rows: unknown[][] = [
      ['镇（街道）', '村（居）名称', '姓  名', '性别', '出生年月', '政治面貌', '党内职务', '村委会职务', '是否妇联主席', '村民代表'],
      ['临江镇', '江北村', '陈大明', '男', '1970.01', '中共党员', '书记', '主任', '', ''],
      ['临江镇', '江北村', '吴小兰', '女', '1985.03', '群众', '', '委员', '是', '√'],
      ['临江镇', '江北村', '郑国强', '男', '1979.11', '中共党员', '委员', '', '', ''],
      ['临江镇', '江北村', '周秀英', '女', '1990.07', '群众', '', '', '', '√'],
      ['临江镇', '江北村', '孙建', '男', '1966.02', '群众', '', '', '', '√'],
      ['临江镇', '江北村', '钱进', '男', '1980.02', '群众', '', '', '', '√'],
    ];
    const r = checkBytes([{ name: 'x.xlsx', bytes: workbookBytes([{ name: '汇总', rows }]) }]);
    const v = r.verdicts.get('临江镇|江北村');
    expect(brief(v)).toBe('compliant:pass,pass,pass');
    expect(v!.counts).toEqual({ committeeMembers: 3, committeeWomen: 1, representatives: 4, womenRepresentatives: 2 });
    const cols = r.reads[0].report.sheets[0].columns.map((c) => `${c.header}=${c.role}`);
    expect(cols).toEqual(expect.arrayContaining(['党内职务=post', '村委会职务=post', '是否妇联主席=chairFlag', '镇（街道）=township']));
  });

  it('a 汇总 count table and the roster of the same villages: the roster is judged, the table’s differing figures reported', () => {
    const table = [
      ['村名', '两委成员数', '其中女', '妇联主席是否进两委', '村民代表数', '其中女'],
      ['江北村', 3, 1, '是', 4, 2],
    ];
    const roster = [
      ['村名', '姓名', '性别', '职务', '是否村民代表'],
      ['江北村', '陈大明', '男', '书记、主任', '否'],
      ['江北村', '吴小兰', '女', '委员、妇联主席', '是'],
      ['江北村', '郑国强', '男', '委员', '是'],
      ['江北村', '周秀英', '女', '', '是'],
      ['江北村', '孙建', '男', '', '是'],
    ];
    const same = checkBytes([{ name: '临江镇.xlsx', bytes: workbookBytes([{ name: '汇总', rows: table }, { name: '名单', rows: roster }]) }]);
    expect(brief(same.verdicts.get('临江镇|江北村'))).toBe('compliant:pass,pass,pass');
    expect(same.findings.filter((f) => f.code === 'table-disagrees' || f.code === 'duplicate-part')).toEqual([]);

    const wrong = table.map((r, i) => (i === 1 ? ['江北村', 3, 0, '否', 4, 2] : r));
    const differ = checkBytes([{ name: '临江镇.xlsx', bytes: workbookBytes([{ name: '名单', rows: roster }, { name: '汇总', rows: wrong }]) }]);
    expect(brief(differ.verdicts.get('临江镇|江北村'))).toBe('compliant:pass,pass,pass');
    const messages = differ.findings.filter((f) => f.code === 'table-disagrees').map((f) => f.message);
    expect(messages).toEqual(['江北村：统计表填两委成员3人、其中女性0人，名单中为3人、其中女性1人；按名单计', '江北村：统计表填妇联主席未进两委，名单中为妇联主席已进两委；按名单计']);
  });

  it('a 性别 column of 1 and 2 is read as the national code (1 男, 2 女), and said so', () => {
    const rows: unknown[][] = [
      ['村名', '姓名', '性别', '职务', '是否村民代表'],
      ['江东村', '冯一', 1, '书记、主任', '否'],
      ['江东村', '卫二', 2, '委员、妇联主席', '是'],
      ['江东村', '蒋三', 1, '委员', '是'],
      ['江东村', '沈四', 2, '', '是'],
      ['江东村', '韩五', 1, '', '是'],
    ];
    const r = checkBytes([{ name: '临江镇.xlsx', bytes: workbookBytes([{ name: 'Sheet1', rows }]) }]);
    const v = r.verdicts.get('临江镇|江东村');
    expect(brief(v)).toBe('compliant:pass,pass,pass');
    expect(v!.counts).toEqual({ committeeMembers: 3, committeeWomen: 1, representatives: 4, womenRepresentatives: 2 });
    expect(r.findings.find((f) => f.code === 'gender-coded')?.message).toContain('1＝男、2＝女');
  });

  it('a 性别 column mixing 1/2 with words reads only the words', () => {
    const rows: unknown[][] = [
      ['村名', '姓名', '性别', '职务', '是否村民代表'],
      ['江西村', '冯一', '男', '书记、主任', '否'],
      ['江西村', '卫二', 2, '委员、妇联主席', '是'],
      ['江西村', '蒋三', 1, '委员', '是'],
      ['江西村', '沈四', 2, '', '是'],
    ];
    const r = checkBytes([{ name: '临江镇.xlsx', bytes: workbookBytes([{ name: 'Sheet1', rows }]) }]);
    // Two committee members of unknown gender, none known to be a woman: the first part cannot be decided.
    expect(r.verdicts.get('临江镇|江西村')!.parts[0].outcome).toBe('unknown');
    expect(r.findings.some((f) => f.code === 'gender-coded')).toBe(false);
  });

  it('a 是否村民代表 column that says 村民代表 instead of 是, and posts in a 职务 column with 村民代表 words', () => {
    const rows: unknown[][] = [
      ['村名', '姓名', '性别', '身份证号码', '现任职务', '是否村民代表'],
      ['江南村', '冯一', '男', makeId(1, false), '党总支书记兼村委会主任', ''],
      ['江南村', '卫二', '女', makeId(2, true), '党总支委员、妇联主席', '村民代表'],
      ['江南村', '蒋三', '男', makeId(3, false), '村委会委员', ''],
      ['江南村', '沈四', '男', makeId(4, false), '', '村民代表'],
      ['江南村', '韩五', '男', makeId(5, false), '', '村民代表'],
    ];
    const r = checkBytes([{ name: '临江镇换届统计.xlsx', bytes: workbookBytes([{ name: 'Sheet1', rows }]) }]);
    const v = r.verdicts.get('临江镇|江南村');
    expect(brief(v)).toBe('compliant:pass,pass,pass');
    expect(v!.counts.representatives).toBe(3);
  });

  it('section rows written "村名：…" with counts in brackets, township only in the sheet name', () => {
    const rows: unknown[][] = [
      ['姓名', '性别', '职务', '是否村民代表'],
      ['村名：东坪村（共5人）'],
      ['杨一', '男', '书记、主任', '否'],
      ['朱二', '女', '委员、妇联主席', '是'],
      ['秦三', '男', '', '是'],
      ['尤四', '女', '', '是'],
      ['许五', '男', '', '是'],
      ['（二）西坪村'],
      ['何六', '男', '书记', '否'],
      ['吕七', '男', '主任', '是'],
      ['施八', '男', '', '是'],
    ];
    const r = checkBytes([{ name: 'data.xlsx', bytes: workbookBytes([{ name: '凤凰乡', rows }]) }]);
    expect(brief(r.verdicts.get('凤凰乡|东坪村'))).toBe('compliant:pass,pass,pass');
    expect(brief(r.verdicts.get('凤凰乡|西坪村'))).toBe('noncompliant:fail,unknown,fail');
    expect(r.reads[0].report.sheets[0].township).toEqual({ name: '凤凰乡', from: 'sheet' });
  });

  it('tab-separated text with a 乡镇 column', () => {
    const text = ['乡镇\t村\t姓名\t性别\t职务\t是否村民代表', '甲镇\t一村\t张三\t男\t书记\t否', '甲镇\t一村\t李芳\t女\t村委委员、妇联主席\t是', '甲镇\t一村\t王五\t男\t\t是'].join('\n');
    const r = checkBytes([{ name: 'a.tsv', bytes: new TextEncoder().encode(text) }]);
    expect(brief(r.verdicts.get('甲镇|一村'))).toBe('compliant:pass,pass,pass');
  });

  it('a row that has a post nobody knows is reported with its file, sheet and row', () => {
    const rows: unknown[][] = [
      ['乡镇', '村', '姓名', '性别', '职务', '是否村民代表'],
      ['甲镇', '一村', '张三', '男', '书记', '否'],
      ['甲镇', '一村', '李芳', '女', '委员兼打字员', '否'],
    ];
    const r = checkBytes([{ name: 'p.xlsx', bytes: workbookBytes([{ name: '名单', rows }]) }]);
    const f = r.findings.find((x) => x.code === 'seat-unrecognised')!;
    expect(f).toMatchObject({ file: 'p.xlsx', sheet: '名单', row: 3 });
    expect(f.message).toContain('打字员');
  });
});

describe('several tables and sheets that say what they list', () => {
  const committee: unknown[][] = [
    ['姓名', '性别', '身份证号', '职务'],
    ['冯一', '男', makeId(11, false), '书记、主任'],
    ['卫二', '女', makeId(12, true), '委员、妇联主席'],
    ['蒋三', '男', makeId(13, false), '委员'],
  ];
  const representatives = (women: number, total: number): unknown[][] => [
    ['序号', '姓名', '性别', '身份证号', '所在村民小组'],
    ...Array.from({ length: total }, (_, i) => [i + 1, `代表${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉戌亥'[i % 12]}`, i < women ? '女' : '男', '', '第一组']),
  ];

  it('a sheet per village holding the 两委 table and, further down under its own title, the 村民代表 table', () => {
    const rows: unknown[][] = [['一、“两委”班子成员'], ...committee, [], ['二、村民代表名单'], ...representatives(4, 12)];
    const r = checkBytes([{ name: '白石乡.xlsx', bytes: workbookBytes([{ name: '上坪村', rows }]) }]);
    const v = r.verdicts.get('白石乡|上坪村');
    expect(brief(v)).toBe('compliant:pass,pass,pass');
    expect(v!.counts).toEqual({ committeeMembers: 3, committeeWomen: 1, representatives: 12, womenRepresentatives: 4 });
    const reports = r.reads[0].report.sheets;
    expect(reports.map((x) => x.parts)).toEqual([['committees'], ['representatives']]);
    expect(reports[1].headerRows).toEqual([8]);
    expect(r.findings.filter((f) => f.code === 'duplicate-part')).toEqual([]);
  });

  it('a 村民代表 sheet with a 职务 column is still a list of representatives', () => {
    const reps = representatives(5, 15).map((row, i) => [...row, i === 0 ? '职务' : i === 1 ? '村委委员' : '']);
    const r = checkBytes([
      {
        name: '白石乡.xlsx',
        bytes: workbookBytes([
          { name: '两委班子', rows: [['村名', ...committee[0]], ...committee.slice(1).map((x) => ['下坪村', ...x])] },
          { name: '村民代表', rows: [['村名', ...reps[0]], ...reps.slice(1).map((x) => ['下坪村', ...x])] },
        ]),
      },
    ]);
    expect(brief(r.verdicts.get('白石乡|下坪村'))).toBe('compliant:pass,pass,pass');
    expect(r.verdicts.get('白石乡|下坪村')!.counts.committeeMembers).toBe(3);
    expect(r.findings.filter((f) => f.code === 'duplicate-part')).toEqual([]);
  });

  it('a 两委 sheet that also marks representatives yields to the dedicated 村民代表 sheet of the same workbook', () => {
    const both = [['村名', '姓名', '性别', '身份证号', '职务', '是否村民代表'], ...committee.slice(1).map((x) => ['中坪村', ...x, '是'])];
    const reps = representatives(3, 9);
    const r = checkBytes([
      {
        name: '白石乡.xlsx',
        bytes: workbookBytes([
          { name: '两委班子', rows: both },
          { name: '村民代表', rows: [['村名', ...reps[0]], ...reps.slice(1).map((x) => ['中坪村', ...x])] },
        ]),
      },
    ]);
    expect(r.verdicts.get('白石乡|中坪村')!.counts.representatives).toBe(9);
    expect(r.findings.filter((f) => f.code === 'duplicate-part')).toEqual([]);
  });

  it('the same part from two files is a finding, and the later one is used', () => {
    const file = (total: number) =>
      workbookBytes([{ name: '村民代表', rows: [['乡镇', '村名', ...representatives(0, 0)[0]], ...representatives(total, total).slice(1).map((x) => ['白石乡', '北坪村', ...x])] }]);
    const r = checkBytes([
      { name: 'old.xlsx', bytes: file(6) },
      { name: 'new.xlsx', bytes: file(9) },
    ]);
    expect(r.verdicts.get('白石乡|北坪村')!.counts.representatives).toBe(9);
    const f = r.findings.find((x) => x.code === 'duplicate-part')!;
    expect(f.message).toContain('old.xlsx');
    expect(f.message).toContain('new.xlsx');
  });
});

describe('findings that need the whole run', () => {
  it('one ID number in two villages, and a chair who is not a woman', () => {
    const shared = makeId(77, false);
    const rows: unknown[][] = [
      ['乡镇', '村', '姓名', '性别', '身份证号', '职务', '是否村民代表'],
      ['甲镇', '一村', '张三', '男', shared, '书记', '否'],
      ['甲镇', '一村', '李四', '男', makeId(78, false), '委员、妇联主席', '否'],
      ['甲镇', '二村', '张三', '男', shared, '主任', '否'],
    ];
    const r = checkBytes([{ name: 'd.xlsx', bytes: workbookBytes([{ name: 'S', rows }]) }]);
    const twice = r.findings.find((f) => f.code === 'id-in-two-villages')!;
    expect(twice).toMatchObject({ file: 'd.xlsx', sheet: 'S', row: 4, village: '二村' });
    expect(twice.message).toContain('一村');
    expect(twice.message).not.toContain(shared); // masked
    expect(r.findings.find((f) => f.code === 'chair-not-woman')).toMatchObject({ row: 3, village: '一村' });
  });
});

describe('more wordings', () => {
  it('a 类别 column that says 两委成员 or 村民代表, and village names that repeat the township', () => {
    const rows: unknown[][] = [
      ['乡镇', '村', '姓名', '性别', '类别'],
      ['甲镇', '甲镇一村', '张三', '男', '两委成员'],
      ['甲镇', '甲镇一村', '李芳', '女', '两委成员（妇联主席）'],
      ['甲镇', '甲镇一村', '王五', '男', '村民代表'],
      ['甲镇', '甲镇一村', '赵丽', '女', '村民代表'],
      ['甲镇', '甲镇一村', '钱七', '男', '村民代表'],
    ];
    const r = checkBytes([{ name: 'x.xlsx', bytes: workbookBytes([{ name: 'S', rows }]) }]);
    const v = r.verdicts.get('甲镇|一村');
    expect(brief(v)).toBe('compliant:pass,pass,pass');
    expect(v!.counts).toEqual({ committeeMembers: 2, committeeWomen: 1, representatives: 3, womenRepresentatives: 1 });
  });

  it('count tables: township subtotal rows are no villages, and 已进/未进 in the chair column', () => {
    const rows: unknown[][] = [
      ['乡镇', '村名', '两委成员数', '女性成员数', '妇联主席进两委情况', '村民代表数', '女性代表数'],
      ['甲镇', '一村', 7, 2, '已进', 30, 10],
      ['甲镇', '二村', 7, 2, '未进', 30, 10],
      ['甲镇', '甲镇小计', 14, 4, '', 60, 20],
    ];
    const r = checkBytes([{ name: 'x.xlsx', bytes: workbookBytes([{ name: 'S', rows }]) }]);
    expect(r.verdicts.size).toBe(2);
    expect(brief(r.verdicts.get('甲镇|一村'))).toBe('compliant:pass,pass,pass');
    expect(brief(r.verdicts.get('甲镇|二村'))).toBe('noncompliant:pass,fail,pass');
  });
});

describe('a village named only in a title', () => {
  it('sheets named Sheet1, Sheet2, each with "村名：…" above its header', () => {
    const sheet = (village: string, women: number) => ({
      name: `Sheet${women}`,
      rows: [
        ['青山镇村“两委”成员及村民代表名单'],
        [`村名：${village}`, '', '', '填报日期：2026年4月1日'],
        ['姓名', '性别', '职务', '是否村民代表'],
        ['甲一', '男', '书记、主任', '否'],
        ['乙二', '女', '委员、妇联主席', '否'],
        ...Array.from({ length: 6 }, (_, i) => [`丙${'一二三四五六'[i]}`, i < women ? '女' : '男', '', '是']),
      ],
    });
    const r = checkBytes([{ name: 'x.xlsx', bytes: workbookBytes([sheet('上塘村', 2), sheet('下洋村', 1)]) }]);
    expect(brief(r.verdicts.get('青山镇|上塘村'))).toBe('compliant:pass,pass,pass');
    expect(brief(r.verdicts.get('青山镇|下洋村'))).toBe('noncompliant:pass,pass,fail');
  });
});

describe('one part over several sheets of a workbook', () => {
  it('the Party committee and the villagers’ committee on separate sheets make the 两委 together', () => {
    const party = [['村名', '姓名', '性别', '职务'], ['一村', '张三', '男', '书记'], ['一村', '王芳', '女', '委员']];
    const villagers = [['村名', '姓名', '性别', '职务'], ['一村', '李四', '男', '主任'], ['一村', '赵五', '男', '委员、妇联主席']];
    const reps = [['村名', '姓名', '性别'], ['一村', '甲', '女'], ['一村', '乙', '男'], ['一村', '丙', '男']];
    const r = checkBytes([
      { name: '甲镇.xlsx', bytes: workbookBytes([{ name: '村党组织', rows: party }, { name: '村委会', rows: villagers }, { name: '村民代表', rows: reps }]) },
    ]);
    const v = r.verdicts.get('甲镇|一村');
    expect(brief(v)).toBe('compliant:pass,pass,pass');
    expect(v!.counts.committeeMembers).toBe(4);
    expect(r.findings.filter((f) => f.code === 'duplicate-part')).toEqual([]);
  });

  it('a 村务监督委员会 sheet is no part of the 两委', () => {
    const committees = [['村名', '姓名', '性别', '职务'], ['一村', '张三', '男', '书记、主任'], ['一村', '李四', '男', '委员、妇联主席']];
    const supervision = [['村名', '姓名', '性别', '职务'], ['一村', '王芳', '女', '主任'], ['一村', '赵丽', '女', '委员']];
    const r = checkBytes([{ name: '甲镇.xlsx', bytes: workbookBytes([{ name: '两委班子', rows: committees }, { name: '村务监督委员会', rows: supervision }]) }]);
    const v = r.verdicts.get('甲镇|一村');
    expect(v!.parts[0].outcome).toBe('fail');
    expect(v!.counts.committeeMembers).toBe(2);
    expect(r.reads[0].report.sheets[1].note).toContain('监督委员会');
  });

  it('a 两委 list whose posts mention 村民代表 is not the village’s representatives', () => {
    const committees = [['村名', '姓名', '性别', '职务'], ['一村', '张三', '男', '书记、主任'], ['一村', '李芳', '女', '副书记、村民代表'], ['一村', '王五', '男', '委员、妇联主席']];
    const r = checkBytes([{ name: '甲镇.xlsx', bytes: workbookBytes([{ name: '两委班子', rows: committees }]) }]);
    expect(r.verdicts.get('甲镇|一村')!.parts[2].outcome).toBe('unknown');
  });
});

describe('posts that do not say whether they are a seat', () => {
  it('a blank 职务 on a 两委 list, or a phrase not understood, is 数据不全, never a silent fail', () => {
    const blank = [['村名', '姓名', '性别', '职务'], ['一村', '张三', '男', '书记、主任'], ['一村', '李芳', '女', ''], ['一村', '王五', '男', '委员']];
    const r1 = checkBytes([{ name: '甲镇.xlsx', bytes: workbookBytes([{ name: '两委班子', rows: blank }]) }]);
    expect(r1.verdicts.get('甲镇|一村')!.parts[0].outcome).toBe('unknown');
    const odd = [['乡镇', '村', '姓名', '性别', '职务', '是否村民代表'], ['甲镇', '二村', '张三', '男', '书记、主任', '否'], ['甲镇', '二村', '李芳', '女', '村级事务协理员', '否']];
    const r2 = checkBytes([{ name: 'b.xlsx', bytes: workbookBytes([{ name: 'S', rows: odd }]) }]);
    expect(r2.verdicts.get('甲镇|二村')!.parts[0].outcome).toBe('unknown');
    expect(r2.findings.some((f) => f.code === 'seat-unrecognised' && f.row === 3)).toBe(true);
  });
});

describe('a township named nowhere', () => {
  it('the file name stands in, and a finding says so', () => {
    const rows = [['村', '姓名', '性别', '职务', '是否村民代表'], ['一村', '李芳', '女', '主任、妇联主席', '是']];
    const r = checkBytes([{ name: '附件2-云溪换届名单(2026).xlsx', bytes: workbookBytes([{ name: 'Sheet1', rows }]) }]);
    expect(brief(r.verdicts.get('云溪|一村'))).toBe('compliant:pass,pass,pass');
    expect(r.findings.find((f) => f.code === 'township-unknown')!.message).toContain('“云溪”');
    const bare = checkBytes([{ name: '名单.xlsx', bytes: workbookBytes([{ name: 'Sheet1', rows }]) }]);
    expect(bare.verdicts.has('未注明乡镇|一村')).toBe(true);
  });
});

describe('other containers', () => {
  it('an .xls that is an HTML table (as web systems export), in GBK', () => {
    const html =
      '<html><head><meta charset="gbk"></head><body><table>' +
      '<tr><td>乡镇</td><td>村</td><td>姓名</td><td>性别</td><td>职务</td><td>是否村民代表</td></tr>' +
      '<tr><td>甲镇</td><td>一村</td><td>张三</td><td>男</td><td>书记</td><td>否</td></tr>' +
      '<tr><td>甲镇</td><td>一村</td><td>李芳</td><td>女</td><td>主任、妇联主席</td><td>是</td></tr>' +
      '<tr><td>甲镇</td><td>一村</td><td>王五</td><td>男</td><td></td><td>是</td></tr>' +
      '</table></body></html>';
    const r = checkBytes([{ name: 'export.xls', bytes: gbk(html) }]);
    expect(brief(r.verdicts.get('甲镇|一村'))).toBe('compliant:pass,pass,pass');
    expect(r.verdicts.get('甲镇|一村')!.counts).toEqual({ committeeMembers: 2, committeeWomen: 1, representatives: 2, womenRepresentatives: 1 });
  });

  it('a WPS .et (BIFF8 inside) is read by its content', () => {
    const rows = [['乡镇', '村', '姓名', '性别', '职务', '是否村民代表'], ['甲镇', '一村', '李芳', '女', '主任、妇联主席', '是']];
    const r = checkBytes([{ name: 'a.et', bytes: workbookBytes([{ name: 'Sheet1', rows }], 'biff8') }]);
    expect(brief(r.verdicts.get('甲镇|一村'))).toBe('compliant:pass,pass,pass');
  });
});

describe('count tables in other words', () => {
  it('是否达到“两进一有”要求 with 达到/未达到, and chair cells with a note after 是/否', () => {
    const rows: unknown[][] = [
      ['乡镇', '村名', '村“两委”班子成员数', '其中：女性成员数', '妇联主席是否进入村“两委”', '村民代表人数', '其中女性村民代表人数', '是否达到“两进一有”要求'],
      ['甲镇', '一村', 7, 2, '是（兼村委委员）', 30, 10, '达到'],
      ['甲镇', '二村', 7, 2, '否（任监委会主任）', 30, 10, '达到'],
    ];
    const r = checkBytes([{ name: 'x.xlsx', bytes: workbookBytes([{ name: 'S', rows }]) }]);
    expect(brief(r.verdicts.get('甲镇|一村'))).toBe('compliant:pass,pass,pass');
    expect(brief(r.verdicts.get('甲镇|二村'))).toBe('noncompliant:pass,fail,pass');
    expect(r.findings.filter((f) => f.code === 'own-verdict-disagrees').map((f) => f.village)).toEqual(['二村']);
  });
});

describe('count-table variants', () => {
  it('one header row, "其中女" columns placed after their totals, an officer-name column, 达标/未达标', () => {
    const rows: unknown[][] = [
      ['凤凰乡各村“两进一有”完成情况'],
      ['村名', '两委成员数', '其中女', '妇联主席是否进两委', '村民代表数', '其中女', '妇联主席姓名', '达标情况'],
      ['东坪村', 7, 2, '是', 30, 10, '朱二', '达标'],
      ['西坪村', 5, 0, '否', 30, 9, '何六', '未达标'],
      ['南坪村', 6, 1, '', 33, 11, '', '达标'],
      ['小计', 18, 3, '', 93, 30, '', ''],
    ];
    const r = checkBytes([{ name: 'c.xlsx', bytes: workbookBytes([{ name: 'Sheet1', rows }]) }]);
    expect(r.reads[0].report.sheets[0].layout).toBe('counts');
    expect(brief(r.verdicts.get('凤凰乡|东坪村'))).toBe('compliant:pass,pass,pass');
    expect(brief(r.verdicts.get('凤凰乡|西坪村'))).toBe('noncompliant:fail,fail,fail');
    expect(brief(r.verdicts.get('凤凰乡|南坪村'))).toBe('incomplete:pass,unknown,pass');
    expect(r.verdicts.size).toBe(3);
    // 南坪村 wrote 达标 with its chair cell blank.
    expect(r.findings.filter((f) => f.code === 'own-verdict-disagrees').map((f) => f.village)).toEqual(['南坪村']);
  });

  it('counts that contradict themselves are findings', () => {
    const rows: unknown[][] = [
      ['乡镇', '村名', '两委成员数', '两委女性成员数', '村民代表总数', '女性村民代表数'],
      ['甲镇', '一村', 5, 7, 30, 40],
    ];
    const r = checkBytes([{ name: 'c.xlsx', bytes: workbookBytes([{ name: 'Sheet1', rows }]) }]);
    expect(r.findings.filter((f) => f.code === 'count-inconsistent')).toHaveLength(2);
  });
});

describe('a plain list of villages', () => {
  it('is read as a village list, not a roster', () => {
    const rows: unknown[][] = [['序号', '乡镇', '村（社区）'], [1, '甲镇', '一村'], [2, '甲镇', '二村'], [3, '乙乡', '三村']];
    const r = checkBytes([{ name: '应报村名单.xlsx', bytes: workbookBytes([{ name: 'Sheet1', rows }]) }]);
    expect(r.reads[0].report.sheets[0].layout).toBe('village-list');
    expect(r.reads[0].villageList.map((v) => `${v.township}${v.village}`)).toEqual(['甲镇一村', '甲镇二村', '乙乡三村']);
    expect(r.verdicts.size).toBe(0);
  });
});
