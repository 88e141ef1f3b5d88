// One set of villages, written out in the many ways townships lay out their forms: the reader must
// reach the same verdicts from each, without a template and without knowing the file.

import { describe, expect, it } from 'vitest';
import { workbookBytes, makeId, checkBytes, brief, gbk, type SheetSpec } from '../helpers/workbooks.ts';

interface P {
  name: string;
  gender: '男' | '女' | '';
  post: string;
  id: string;
  rep: boolean;
}
interface V {
  village: string;
  persons: P[];
}

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅';
let seq = 0;
function person(gender: '男' | '女' | '', post: string, rep: boolean, withId = true): P {
  seq++;
  const name = SURNAMES[seq % SURNAMES.length] + GIVEN[(seq * 7) % GIVEN.length] + GIVEN[(seq * 13) % GIVEN.length];
  const id = withId && gender ? makeId(seq, gender === '女', `19${60 + (seq % 40)}0${1 + (seq % 9)}1${seq % 9}`) : '';
  return { name, gender, post, id, rep };
}
function reps(total: number, women: number): P[] {
  return Array.from({ length: total }, (_, i) => person(i < women ? '女' : '男', '', true));
}

// 甲村: compliant (15 of 45 is exactly one third). 乙村: chair without a seat, 14 of 43.
// 丙村: a committee member of unknown gender and no woman; no chair listed.
const MODEL: V[] = [
  {
    village: '甲村',
    persons: [
      person('男', '书记、主任', false),
      person('女', '副书记', true),
      person('女', '村委委员、妇联主席', false),
      person('男', '支委委员', false),
      person('男', '委员', false),
      ...reps(44, 14),
    ],
  },
  {
    village: '乙村',
    persons: [person('男', '党支部书记', false), person('男', '村委会主任', false), person('女', '委员', false), person('女', '妇联主席', true), ...reps(42, 13)],
  },
  {
    village: '丙村',
    persons: [person('男', '书记', false), person('', '主任', false, false), person('男', '委员', false), ...reps(30, 12)],
  },
];
const TOWNSHIP = '松溪镇';
const EXPECTED: Record<string, string> = {
  甲村: 'compliant:pass,pass,pass',
  乙村: 'noncompliant:pass,fail,fail',
  丙村: 'incomplete:unknown,unknown,pass',
};
const EXPECTED_COUNTS: Record<string, { committeeMembers: number; committeeWomen: number; representatives: number; womenRepresentatives: number }> = {
  甲村: { committeeMembers: 5, committeeWomen: 2, representatives: 45, womenRepresentatives: 15 },
  乙村: { committeeMembers: 3, committeeWomen: 1, representatives: 43, womenRepresentatives: 14 },
  丙村: { committeeMembers: 3, committeeWomen: 0, representatives: 30, womenRepresentatives: 12 },
};

function expectModel(result: ReturnType<typeof checkBytes>, township = TOWNSHIP) {
  for (const v of MODEL) {
    const verdict = result.verdicts.get(`${township}|${v.village}`);
    expect(brief(verdict), `${v.village}`).toBe(EXPECTED[v.village]);
    expect(verdict!.counts, `${v.village} counts`).toEqual(EXPECTED_COUNTS[v.village]);
  }
  expect(result.verdicts.size).toBe(MODEL.length);
}

const yes = (b: boolean) => (b ? '是' : '否');

function flatRows(): unknown[][] {
  const rows: unknown[][] = [['乡镇', '村', '姓名', '性别', '职务', '身份证号', '是否村民代表']];
  for (const v of MODEL) for (const p of v.persons) rows.push([TOWNSHIP, v.village, p.name, p.gender, p.post, p.id, yes(p.rep)]);
  return rows;
}

function csvText(rows: unknown[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\r\n') + '\r\n';
}

describe('the same villages in every layout', () => {
  it('flat roster, header on row 1, with 乡镇 and 村 columns', () => {
    expectModel(checkBytes([{ name: 'a.xlsx', bytes: workbookBytes([{ name: 'Sheet1', rows: flatRows() }]) }]));
  });

  it('title rows, other header words, columns in another order, blank rows and a footer; township from the title', () => {
    const rows: unknown[][] = [
      [`${TOWNSHIP}2026年村“两委”换届当选人员及村民代表名单`],
      ['填报单位（盖章）：', '', '', '', '', '填报日期：2026年4月1日'],
      ['序号', '所在村', '姓 名', '公民身份号码', '性 别', '现任职务', '是否为村民代表'],
    ];
    let n = 0;
    for (const v of MODEL) {
      for (const p of v.persons) rows.push([++n, v.village, p.name, p.id, p.gender, p.post, yes(p.rep)]);
      rows.push([]);
    }
    rows.push(['填表人：王小红', '', '审核人：李明'], ['注：职务填写全称。']);
    const result = checkBytes([{ name: 'report.xlsx', bytes: workbookBytes([{ name: '名单', rows, merges: ['A1:G1'] }]) }]);
    expectModel(result);
    const sheet = result.reads[0].report.sheets[0];
    expect(sheet.headerRows).toEqual([3]);
    expect(sheet.township).toEqual({ name: TOWNSHIP, from: 'title' });
    expect(sheet.skipped.some((s) => s.reason.startsWith('表尾'))).toBe(true);
  });

  it('村名 merged down over each village (only the top cell holds it)', () => {
    const rows: unknown[][] = [[`${TOWNSHIP}村“两委”成员及村民代表名单`], ['序号', '村名', '姓名', '性别', '身份证号码', '职务', '是否村民代表']];
    const merges = ['A1:G1'];
    for (const v of MODEL) {
      const start = rows.length;
      v.persons.forEach((p, i) => rows.push([i + 1, i === 0 ? v.village : '', p.name, p.gender, p.id, p.post, yes(p.rep)]));
      merges.push(`B${start + 1}:B${rows.length}`);
    }
    expectModel(checkBytes([{ name: 'x.xlsx', bytes: workbookBytes([{ name: '名单', rows, merges }]) }]));
  });

  it('villages as section rows ("一、甲村"), township only in the file name', () => {
    const rows: unknown[][] = [['姓名', '性别', '职务', '身份证号', '村民代表']];
    const merges: string[] = [];
    ['一', '二', '三'].forEach((num, k) => {
      const v = MODEL[k];
      rows.push([`${num}、${v.village}`]);
      merges.push(`A${rows.length}:E${rows.length}`);
      for (const p of v.persons) rows.push([p.name, p.gender, p.post, p.id, yes(p.rep)]);
    });
    const result = checkBytes([{ name: `${TOWNSHIP}换届名单.xlsx`, bytes: workbookBytes([{ name: 'Sheet1', rows, merges }]) }]);
    expectModel(result);
    expect(result.reads[0].report.sheets[0].township.from).toBe('file');
  });

  it('one sheet a village, a title row on some, and a hidden helper sheet', () => {
    const sheets: SheetSpec[] = MODEL.map((v, k) => ({
      name: v.village,
      rows: [
        ...(k === 1 ? [[`${v.village}“两委”成员及村民代表名单`]] : []),
        ['姓名', '性别', '身份证号', '职务', '是否村民代表'],
        ...v.persons.map((p) => [p.name, p.gender, p.id, p.post, yes(p.rep)]),
      ],
    }));
    sheets.push({ name: '下拉选项', rows: [['性别', '是否'], ['男', '是'], ['女', '否']], hidden: true });
    const result = checkBytes([{ name: `${TOWNSHIP}.xlsx`, bytes: workbookBytes(sheets) }]);
    expectModel(result);
    expect(result.reads[0].report.sheets.find((s) => s.sheet === '下拉选项')!.layout).toBe('hidden');
  });

  it('committees and representatives on separate sheets; committee members who are representatives on both', () => {
    const committees: unknown[][] = [[`${TOWNSHIP}村“两委”班子成员名单`], ['序号', '村名', '姓名', '性别', '身份证号', '职务']];
    const representatives: unknown[][] = [[`${TOWNSHIP}村民代表名单`], ['序号', '村名', '姓名', '性别', '身份证号', '所在村民小组']];
    for (const v of MODEL) {
      for (const p of v.persons) {
        if (p.post) committees.push([committees.length - 1, v.village, p.name, p.gender, p.id, p.post]);
        if (p.rep) representatives.push([representatives.length - 1, v.village, p.name, p.gender, p.id, '第1村民小组']);
      }
    }
    const result = checkBytes([
      {
        name: 'book.xlsx',
        bytes: workbookBytes([
          { name: '两委班子', rows: committees, merges: ['A1:F1'] },
          { name: '村民代表', rows: representatives, merges: ['A1:F1'] },
        ]),
      },
    ]);
    expectModel(result);
    const [c, r] = result.reads[0].report.sheets;
    expect(c.parts).toEqual(['committees']);
    expect(r.parts).toEqual(['representatives']);
    expect(result.findings.filter((f) => f.code === 'duplicate-part')).toEqual([]);
  });

  it('committees in one file and representatives in another (GBK CSV): combined per village', () => {
    const committees: unknown[][] = [['乡镇', '村', '姓名', '性别', '职务', '身份证号']];
    const representatives: unknown[][] = [['乡镇', '村', '姓名', '性别', '身份证号', '是否村民代表']];
    for (const v of MODEL) {
      for (const p of v.persons) {
        if (p.post) committees.push([TOWNSHIP, v.village, p.name, p.gender, p.post, p.id]);
        if (p.rep) representatives.push([TOWNSHIP, v.village, p.name, p.gender, p.id, '是']);
      }
    }
    const result = checkBytes([
      { name: '两委.xlsx', bytes: workbookBytes([{ name: 'Sheet1', rows: committees }]) },
      { name: '代表.csv', bytes: gbk(csvText(representatives)) },
    ]);
    expectModel(result);
  });

  it('CSV in UTF-8 with a BOM, in GBK and in GB18030, IDs kept as text', () => {
    const text = csvText(flatRows());
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expectModel(checkBytes([{ name: 'u.csv', bytes: bom }]));
    const g = checkBytes([{ name: 'g.csv', bytes: gbk(text) }]);
    expectModel(g);
    expect(g.reads[0].report.encoding).toBe('gb18030');
    expect(g.findings.filter((f) => f.code === 'id-invalid' || f.code === 'id-number-truncated')).toEqual([]);
  });

  it('old .xls (BIFF8) and .ods', () => {
    expectModel(checkBytes([{ name: 'a.xls', bytes: workbookBytes([{ name: 'Sheet1', rows: flatRows() }], 'biff8') }]));
    expectModel(checkBytes([{ name: 'a.ods', bytes: workbookBytes([{ name: 'Sheet1', rows: flatRows() }], 'ods') }]));
  });

  it('a .xlsx saved with the name of another kind is read by its content', () => {
    expectModel(checkBytes([{ name: 'a.csv', bytes: workbookBytes([{ name: 'Sheet1', rows: flatRows() }]) }]));
  });
});

describe('count tables (one row a village)', () => {
  const countRows = (): { rows: unknown[][]; merges: string[] } => {
    const rows: unknown[][] = [
      [`${TOWNSHIP}村“两委”换届“两进一有”情况统计表`],
      ['序号', '乡镇', '村名', '两委班子', '', '妇联主席进两委情况', '村民代表', '', '女性代表比例', '是否达标'],
      ['', '', '', '人数', '女性人数', '', '人数', '女', '', ''],
    ];
    const tally = (v: V) => {
      const seats = v.persons.filter((p) => p.post && p.post !== '妇联主席');
      const reps = v.persons.filter((p) => p.rep);
      const chair = v.persons.find((p) => p.post.includes('妇联主席'));
      return {
        members: seats.length,
        women: seats.filter((p) => p.gender === '女').length,
        chair: chair ? (chair.post === '妇联主席' ? '否' : '是') : '',
        reps: reps.length,
        repWomen: reps.filter((p) => p.gender === '女').length,
      };
    };
    MODEL.forEach((v, k) => {
      const t = tally(v);
      rows.push([k + 1, TOWNSHIP, v.village, t.members, t.women, t.chair, t.reps, t.repWomen, `${((t.repWomen / t.reps) * 100).toFixed(1)}%`, '是']);
    });
    rows.push(['', '合计', '', 11, 3, '', 118, 41, '', '']);
    rows.push(['填表人：刘丽萍']);
    return { rows, merges: ['A1:J1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:E2', 'F2:F3', 'G2:H2', 'I2:I3', 'J2:J3'] };
  };

  it('reads a two-row header with merged group cells, skips the 合计 row, and compares the township’s own verdict', () => {
    const { rows, merges } = countRows();
    const result = checkBytes([{ name: 't.xlsx', bytes: workbookBytes([{ name: '统计表', rows, merges }]) }]);
    expect(brief(result.verdicts.get(`${TOWNSHIP}|甲村`))).toBe('compliant:pass,pass,pass');
    expect(brief(result.verdicts.get(`${TOWNSHIP}|乙村`))).toBe('noncompliant:pass,fail,fail');
    // A table cannot say a member's gender is unknown: 0 women of 3 is a fail; the blank chair cell is unknown.
    expect(brief(result.verdicts.get(`${TOWNSHIP}|丙村`))).toBe('noncompliant:fail,unknown,pass');
    expect(result.verdicts.size).toBe(3);
    const sheet = result.reads[0].report.sheets[0];
    expect(sheet.layout).toBe('counts');
    expect(sheet.headerRows).toEqual([2, 3]);
    expect(sheet.skipped.some((s) => s.reason.includes('合计'))).toBe(true);
    const disagree = result.findings.filter((f) => f.code === 'own-verdict-disagrees').map((f) => f.village);
    expect(disagree.sort()).toEqual(['丙村', '乙村']);
  });
});
