// A sheet that yields no village says, in one Chinese line, what was found and what was lacking.

import { describe, expect, it } from 'vitest';
import { readSheet } from '../../../shared/reading/sheet.ts';
import { gridOf } from '../../helpers/grid.ts';

const lines = (name: string, rows: Array<Array<string | number>>) =>
  readSheet(gridOf(name, rows), { file: '青山镇汇总材料.xlsx', fileTownship: '青山镇' }).findings.filter((f) => f.code === 'no-roster').map((f) => f.message);

describe('a sheet that yields no village', () => {
  it('names the sheet and the header row, what the header held and that no village column was found', () => {
    expect(lines('Sheet2', [['花名册'], ['姓名', '性别', '职务'], ['王芳', '女', '委员']])).toEqual([
      '工作表“Sheet2”没有读出任何村：第2行像表头（姓名、性别、职务），但没有找到村名列，标题、工作表名和文件名也没有写明村名',
    ]);
  });
  it('quotes the fullest row where no header is recognised', () => {
    const [line] = lines('汇总', [['城东片区汇总'], ['乡镇', '村数', '达标村数'], ['东山镇', 2, 1]]);
    expect(line).toContain('工作表“汇总”没有读出任何村：第2行内容最多（“乡镇”、“村数”、“达标村数”）');
  });
  it('says nothing of a blank sheet, nor of one that gives villages', () => {
    expect(lines('空', [])).toEqual([]);
    expect(lines('名单', [['村', '姓名', '性别', '职务'], ['东坑村', '王芳', '女', '委员']])).toEqual([]);
  });
});
