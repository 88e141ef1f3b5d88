// Corrections and provisional readings: a table's id and full column report, a layout a person gives back
// (round trip), orientation and place set by hand, a remembered layout found by its header, and which
// readings are provisional (待核对) — neither everything nor nothing.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFile, type FileRead } from '../../shared/reading/read.ts';
import { rememberable, type RememberedLayout, type TableLayout } from '../../shared/reading/corrections.ts';
import { judgeAll } from '../../shared/check.ts';
import { defaultRuleSet } from '../../shared/rules/builtin.ts';
import { workbookBytes, makeId } from '../helpers/workbooks.ts';

const read = (rows: unknown[][], name = '青山镇.xlsx', options = {}, sheet = '名单'): FileRead => readFile(workbookBytes([{ name: sheet, rows }]), name, options);
const verdicts = (r: FileRead) => judgeAll(r.inputs, defaultRuleSet()).villages.map((v) => v.verdict);

const ROSTER = [
  ['村名', '姓名', '性别', '职务', '身份证号', '备注'],
  ['上塘村', '王建国', '男', '书记、主任', makeId(1, false), '否'],
  ['上塘村', '张芳', '女', '委员、妇联主席', makeId(2, true), '是'],
  ['上塘村', '陈静', '女', '', makeId(3, true), '是'],
];

describe('a table report', () => {
  it('names the table by file hash, sheet and range, and lists every column with samples, IDs masked', () => {
    const r = read(ROSTER);
    const s = r.report.sheets[0];
    expect(s.id).toMatch(/^[0-9a-f]{14}:名单!A1:F4$/);
    expect(read(ROSTER, '另一个名字.xlsx').report.sheets[0].id).toBe(s.id);
    expect(s.columns.map((c) => [c.index, c.column, c.header, c.role])).toEqual([
      [0, 'A', '村名', 'village'],
      [1, 'B', '姓名', 'name'],
      [2, 'C', '性别', 'gender'],
      [3, 'D', '职务', 'post'],
      [4, 'E', '身份证号', 'idNumber'],
      [5, 'F', '备注', 'remark'],
    ]);
    expect(s.columns[4].samples[0]).toMatch(/^\d{6}\*+\d{3}[\dX]$/);
    expect(s.headerRows).toEqual([1]);
  });
});

describe('a layout given back', () => {
  it('reads the table as the edited report says, and confirms it', () => {
    const plain = read(ROSTER);
    expect(verdicts(plain)[0].parts.find((p) => p.id === 'womenRepresentativesThird')?.outcome).toBe('unknown');
    // The report itself is the layout: one column's meaning edited.
    const s = plain.report.sheets[0];
    const layout: TableLayout = { ...s, id: s.id!, columns: s.columns.map((c) => (c.column === 'F' ? { ...c, role: 'representative' } : c)) };
    const fixed = read(ROSTER, '青山镇.xlsx', { layouts: [layout] });
    expect(fixed.report.sheets[0]).toMatchObject({ confirmed: { by: 'layout' }, provisional: [] });
    expect(fixed.report.sheets[0].columns[5].role).toBe('representative');
    expect(verdicts(fixed)[0]).toMatchObject({ status: 'compliant', counts: { representatives: 2, womenRepresentatives: 2 } });
  });

  it('sets header rows and the village of a sheet that names none', () => {
    const rows = [
      ['说明：按换届后填写'],
      ['人员', '男女', '担任'],
      ['王建国', '男', '书记、主任'],
      ['张芳', '女', '委员、妇联主席'],
    ];
    const plain = read(rows, '青山镇.xlsx', {}, 'Sheet1');
    expect(plain.inputs).toEqual([]);
    const id = plain.report.sheets[0].id!;
    const fixed = read(rows, '青山镇.xlsx', {
      layouts: [{ id, headerRows: [2], columns: [{ index: 0, role: 'name' }, { index: 1, role: 'gender' }, { index: 2, role: 'post' }], place: { village: '下塘村' } }],
    }, 'Sheet1');
    expect(fixed.inputs.map((i) => [i.township, i.village])).toEqual([['青山镇', '下塘村']]);
    expect(verdicts(fixed)[0].parts.find((p) => p.id === 'chairInCommittees')?.outcome).toBe('pass');
  });

  it('names each of two tables side by side by its own id, and corrects one of them alone', () => {
    const rows = [
      ['村名', '姓名', '性别', '职务', '', '村名', '姓名', '性别', '备注'],
      ['上塘村', '王建国', '男', '书记、主任', '', '上塘村', '张芳', '女', '是'],
      ['上塘村', '张芳', '女', '委员、妇联主席', '', '上塘村', '陈静', '女', '是'],
    ];
    const plain = read(rows);
    const [left, right] = plain.report.sheets;
    expect([left.id!.split('!')[1], right.id!.split('!')[1]]).toEqual(['A1:E3', 'F1:I3']);
    const layout: TableLayout = { ...right, id: right.id!, columns: right.columns.map((c) => (c.column === 'I' ? { ...c, role: 'representative' } : c)) };
    const fixed = read(rows, '青山镇.xlsx', { layouts: [layout] });
    expect(fixed.report.sheets.map((x) => x.confirmed?.by ?? null)).toEqual([null, 'layout']);
    expect(verdicts(fixed)[0]).toMatchObject({ status: 'compliant', counts: { representatives: 2, womenRepresentatives: 2 } });
  });

  it('reads a table on its side: villages across, items down', () => {
    const rows = [
      ['项目', '上塘村', '下塘村'],
      ['两委成员数', 7, 5],
      ['其中女性', 2, 0],
      ['妇联主席是否进两委', '是', '否'],
    ];
    const plain = read(rows);
    const id = plain.report.sheets[0].id!;
    const layout: TableLayout = {
      id,
      orientation: 'columns',
      headerRows: [1],
      columns: [
        { index: 0, role: 'village' },
        { index: 1, role: 'committeeMembers' },
        { index: 2, role: 'committeeWomen' },
        { index: 3, role: 'chairSeated' },
      ],
    };
    const fixed = read(rows, '青山镇.xlsx', { layouts: [layout] });
    const s = fixed.report.sheets[0];
    expect(s).toMatchObject({ orientation: 'columns', family: 'count-table', headerRows: [1] });
    expect(s.columns.map((c) => c.column)).toEqual(['第1行', '第2行', '第3行', '第4行']);
    expect(fixed.inputs.map((i) => [i.village, i.parts[0].form === 'counts' ? i.parts[0].counts : null])).toEqual([
      ['上塘村', { members: 7, women: 2, chairSeated: true }],
      ['下塘村', { members: 5, women: 0, chairSeated: false }],
    ]);
  });
});

describe('a remembered layout', () => {
  it('is applied to a differently named file whose header reads the same, with an info finding', () => {
    const plain = read(ROSTER);
    const s = plain.report.sheets[0];
    const edited = { ...s, columns: s.columns.map((c) => (c.column === 'F' ? { ...c, role: 'representative' as const } : c)) };
    const remembered: RememberedLayout = { id: 7, file: '青山镇.xlsx', ...rememberable(edited)! };
    // Another township's file: a title row above, another sheet name.
    const later = readFile(workbookBytes([{ name: '汇总', rows: [['白沙镇村两委名单'], ...ROSTER] }]), '白沙镇-第二批.xlsx', { remembered: [remembered] });
    expect(later.report.sheets[0]).toMatchObject({ confirmed: { by: 'remembered', id: 7 }, headerRows: [2] });
    expect(later.findings.filter((f) => f.code === 'layout-remembered').map((f) => f.message)).toEqual([expect.stringContaining('#7（来自“青山镇.xlsx”）')]);
    expect(verdicts(later)[0]).toMatchObject({ township: '白沙镇', status: 'compliant' });
    expect(verdicts(later)[0].provisional).toBeUndefined();
  });
});

describe('provisional readings', () => {
  it('no public fixture and no township case is provisional (but those whose truth says so, and those pending)', () => {
    const casesDir = path.join(__dirname, '../townships/cases');
    const pending = new Set(fs.readFileSync(path.join(__dirname, '../townships/pending.txt'), 'utf8').split('\n').map((l) => l.replace(/#.*/u, '').trim()).filter(Boolean));
    // A case whose columns are known only from their values is provisional by design: its expected.json says so.
    const meant = (c: string) => JSON.parse(fs.readFileSync(path.join(casesDir, c, 'expected.json'), 'utf8')).provisional === true;
    const cases = fs.readdirSync(casesDir).filter((c) => !pending.has(c));
    const files = [
      ...fs.readdirSync(path.join(__dirname, '../../../shared/fixtures')).filter((f) => /\.(xlsx|xls|csv)$/.test(f)).map((f) => path.join(__dirname, '../../../shared/fixtures', f)),
      ...cases.filter((c) => !meant(c)).flatMap((c) => {
        const dir = path.join(casesDir, c);
        return fs.readdirSync(dir).filter((f) => /\.(xlsx|xls|et|ods|csv)$/.test(f)).map((f) => path.join(dir, f));
      }),
    ];
    expect(files.length).toBeGreaterThan(150);
    const provisional = files.flatMap((f) => readFile(fs.readFileSync(f), path.basename(f)).report.sheets.filter((s) => s.provisional?.length).map((s) => `${f} ${s.sheet}`));
    expect(provisional).toEqual([]);
    for (const c of cases.filter(meant)) {
      const dir = path.join(casesDir, c);
      const sheets = fs.readdirSync(dir).filter((f) => /\.(xlsx|xls|et|ods|csv)$/.test(f)).flatMap((f) => readFile(fs.readFileSync(path.join(dir, f)), f).report.sheets);
      expect(sheets.some((s) => s.provisional?.length), c).toBe(true);
    }
  });

  it('a column nobody understands makes the reading provisional: the verdict kept, marked, with why', () => {
    const rows = ROSTER.map((r, i) => [...r.slice(0, 5), i === 0 ? '得票数' : 300 + i]);
    const r = read(rows);
    expect(r.report.sheets[0].provisional).toEqual([expect.stringContaining('F列“得票数”')]);
    const [v] = verdicts(r);
    expect(v.status).toBe('incomplete');
    expect(v.provisional).toEqual([expect.stringContaining('看不懂的列')]);
    expect(r.findings.some((f) => f.code === 'reading-provisional')).toBe(true);
  });

  it('a weak header, or a column read from its values alone, is provisional too', () => {
    const weak = read([
      ['姓名', '性别'],
      ['王芳', '女'],
      ['李强', '男'],
    ], '青山镇.xlsx', {}, '上塘村代表');
    expect(weak.report.sheets[0].provisional).toEqual([expect.stringContaining('表头可识别的列太少')]);
    const byValue = read(ROSTER.map((r, i) => [...r.slice(0, 4), i === 0 ? '号码' : r[4], r[5]]));
    expect(byValue.report.sheets[0].provisional).toEqual([expect.stringContaining('E列的含义是按内容推断的')]);
  });
});
