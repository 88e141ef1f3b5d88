// The template family: the county's own template, a workbook family known by its hidden marker sheet and
// read by the template's columns — no layout detection, so no layout finding and nothing provisional.

import { describe, expect, it } from 'vitest';
import { WORKBOOK_FAMILIES } from '../../../shared/reading/families/index.ts';
import { readFile } from '../../../shared/reading/read.ts';
import { TEMPLATE_COLUMNS, TEMPLATE_MARK, TEMPLATE_MARKER_SHEET, TEMPLATE_SHEET, TEMPLATE_VERSION } from '../../../shared/report/template.ts';
import { makeId, workbookBytes } from '../../helpers/workbooks.ts';

function filled(rows: string[][], version = TEMPLATE_VERSION, headers = TEMPLATE_COLUMNS.map((c) => c.header)): Uint8Array {
  return workbookBytes([
    { name: TEMPLATE_SHEET, rows: [['村“两委”换届情况填报表'], headers, ...rows] },
    { name: TEMPLATE_MARKER_SHEET, rows: [[TEMPLATE_MARK, String(version)]], hidden: true },
  ]);
}

// 乡镇 村 姓名 性别 身份证号 出生年月 学历 党组织职务 村委会职务 是否妇联主席 是否村民代表 备注
const ROWS = [
  ['青山镇', '港口村', '张伟', '男', makeId(1, false), '', '高中', '书记', '主任', '否', '是', ''],
  ['青山镇', '港口村', '李芳', '女', makeId(2, true), '1985-06', '大学本科', '无', '委员', '是', '是', ''],
  ['青山镇', '港口村', '王丽', '女', makeId(3, true), '', '', '无', '无', '否', '是', ''],
];

describe('template family', () => {
  it('is in the registry of workbook families', () => {
    expect(WORKBOOK_FAMILIES.map((f) => f.id)).toContain('template');
  });

  it('reads a filled template by its columns, with no layout finding and nothing provisional', () => {
    const read = readFile(filled(ROWS), '青山镇.xlsx');
    expect(read.report.sheets).toHaveLength(1);
    expect(read.report.sheets[0]).toMatchObject({ sheet: TEMPLATE_SHEET, layout: 'roster', headerRows: [2] });
    expect(read.report.sheets[0].provisional ?? []).toEqual([]);
    expect(read.findings.filter((f) => f.code === 'reading-provisional' || f.code === 'sheet-skipped' || f.code === 'no-roster')).toEqual([]);
    expect(read.inputs.map((i) => [i.village, i.parts.map((p) => p.kind)])).toEqual([['港口村', ['committees', 'representatives']]]);
    const rows = read.inputs[0].parts[0].form === 'roster' ? read.inputs[0].parts[0].rows : [];
    expect(rows.map((p) => [p.name, p.seats.length, p.isChair, p.birthDate ?? null])).toEqual([
      ['张伟', 2, false, null],
      ['李芳', 1, true, '1985-06'],
      ['王丽', 0, false, null],
    ]);
  });

  it('refuses a template of another version, or one whose header was changed, naming the column', () => {
    expect(readFile(filled(ROWS, TEMPLATE_VERSION + 1), 'a.xlsx').findings[0].message).toContain('版本');
    const headers = TEMPLATE_COLUMNS.map((c) => c.header);
    headers[2] = '名字';
    const changed = readFile(filled(ROWS, TEMPLATE_VERSION, headers), 'b.xlsx');
    expect(changed.inputs).toEqual([]);
    expect(changed.findings[0].message).toContain('C 列的表头应为“姓名”');
  });

  it('leaves a workbook without the marker to the sheet families', () => {
    const plain = workbookBytes([{ name: '名单', rows: [['村', '姓名', '性别', '职务'], ['港口村', '张伟', '男', '书记']] }]);
    expect(WORKBOOK_FAMILIES.every((f) => f.read([], 'x.xlsx', 'xlsx') === null)).toBe(true);
    expect(readFile(plain, '青山镇.xlsx').report.sheets[0].family).toBe('roster');
  });
});
