// The blank template for townships (ExcelJS): an instructions sheet, one row a person with drop-down lists,
// the ID column as text, and a hidden marker sheet with the template's version (shared/report/template.ts
// reads it back by that marker, with no guessing).

import ExcelJS from 'exceljs';
import {
  columnLetter,
  TEMPLATE_COLUMNS,
  TEMPLATE_HEADER_ROW,
  TEMPLATE_MARK,
  TEMPLATE_MARKER_SHEET,
  TEMPLATE_SHEET,
  TEMPLATE_VERSION,
} from '../../../shared/report/template.ts';
import { COLOURS, newWorkbook, workbookBytes } from './xlsx-kit.ts';

/** Rows prepared with drop-downs and text format. */
export const TEMPLATE_ROWS = 1000;

const INSTRUCTIONS = [
  '村级组织换届“两进一有”填报模板 填写说明',
  '',
  '1. 在“名单”工作表中每人填一行：村“两委”（村党组织委员会、村（居）民委员会）全体成员，以及全体村民代表（男女都要列出）。',
  '2. 乡镇（街道）、村（社区）、姓名必填，同一村的每一行都要填村名；不要合并单元格。',
  '3. 性别、职务、是否村妇联主席、是否村民代表请从下拉列表选择；一人兼任多职的，在两个职务列分别选择（如书记兼主任）。',
  '4. 身份证号按文本填写18位（本列已设为文本格式，请勿改为数字，否则末几位会丢失）。',
  '5. 出生年月、学历用于统计女性两委成员的年龄和学历结构；有身份证号的可不填出生年月。',
  '6. 不是“两委”成员的村民代表，两个职务列选“无”或留空；村务监督委员会、村民小组长等不属于“两委”职务，不要填入职务列，可写在备注。',
  '7. 请勿修改表头、增删或移动列，也不要删除或改动隐藏的工作表：程序据此识别本模板，不需要再做版式识别。',
  '8. 填好后直接报送本文件（.xlsx），可一次报送一个乡镇的全部村。',
];

export async function templateWorkbook(): Promise<Uint8Array> {
  const wb = newWorkbook();
  const help = wb.addWorksheet('填写说明');
  INSTRUCTIONS.forEach((line, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = line;
    cell.font = { name: '宋体', size: i === 0 ? 14 : 11, bold: i === 0 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  help.getColumn(1).width = 110;
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const r = INSTRUCTIONS.length + 2 + i;
    help.getCell(r, 1).value = `${c.header}：${c.hint}`;
  });

  const n = TEMPLATE_COLUMNS.length;
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: TEMPLATE_HEADER_ROW }] });
  ws.getCell(1, 1).value = '村“两委”成员及村民代表名单（每人一行；请勿修改表头）';
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).font = { name: '宋体', size: 14, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(TEMPLATE_HEADER_ROW, i + 1);
    cell.value = c.header;
    cell.font = { name: '宋体', size: 11, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLOURS.header } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.note = c.hint;
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.text) column.numFmt = '@';
    const range = `${columnLetter(i)}${TEMPLATE_HEADER_ROW + 1}:${columnLetter(i)}${TEMPLATE_HEADER_ROW + TEMPLATE_ROWS}`;
    if (c.list) {
      (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.list.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'error',
        errorTitle: '请从列表中选择',
        error: `“${c.header}”请从下拉列表中选择：${c.list.join('、')}`,
      });
    }
  });
  // The ID and date columns as text cell by cell too: some programs ignore a column's format.
  for (let r = TEMPLATE_HEADER_ROW + 1; r <= TEMPLATE_HEADER_ROW + TEMPLATE_ROWS; r++) {
    TEMPLATE_COLUMNS.forEach((c, i) => {
      if (c.text) ws.getCell(r, i + 1).numFmt = '@';
    });
  }

  const marker = wb.addWorksheet(TEMPLATE_MARKER_SHEET, { state: 'veryHidden' });
  marker.getCell('A1').value = TEMPLATE_MARK;
  marker.getCell('B1').value = String(TEMPLATE_VERSION);
  marker.getCell('A2').value = '本工作表用于识别填报模板，请勿修改或删除';
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return workbookBytes(wb);
}
