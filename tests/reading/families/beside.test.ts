// Blocks beside one another with an empty column between them (beside.ts, detect.ts): each block is a table
// of its own, and their parts are combined per village; an empty spacer column inside one table splits nothing.

import { describe, expect, it } from 'vitest';
import { tablesOf } from '../../helpers/grid.ts';
import { brief, checkBytes, makeId, workbookBytes } from '../../helpers/workbooks.ts';

const TITLE = '青山镇村“两委”成员及村民代表情况';

function sheetRows(repsRows: Array<Array<string | number>>): Array<Array<string | number>> {
  const roster: Array<Array<string | number>> = [
    ['东坑村', '张伟', '男', '书记、主任', makeId(1, false)],
    ['东坑村', '李芳', '女', '委员、妇联主席', makeId(2, true)],
    ['西坑村', '王强', '男', '书记', makeId(3, false)],
    ['西坑村', '赵敏', '女', '妇联主席', makeId(4, true)],
  ];
  const rows: Array<Array<string | number>> = [[TITLE], ['村', '姓名', '性别', '职务', '身份证号', '', '村', '代表数', '女代表数']];
  roster.forEach((r, i) => rows.push([...r, '', ...(repsRows[i] ?? [])]));
  return rows;
}

describe('blocks beside one another', () => {
  it('reads a count block beside a roster as a table of its own, named by its own range', () => {
    const tables = tablesOf('Sheet1', sheetRows([['西坑村', 30, 9], ['东坑村', 24, 8]]));
    expect(tables.map((t) => [t.family.id, t.id.slice(t.id.indexOf(':') + 1)])).toEqual([
      ['roster', 'Sheet1!A1:F6'],
      ['count-table', 'Sheet1!G1:I6'],
    ]);
  });

  it('combines the block with the roster per village, villages in another order, and says the source', () => {
    const bytes = workbookBytes([{ name: 'Sheet1', rows: sheetRows([['西坑村', 30, 9], ['东坑村', 24, 8]]), merges: ['A1:I1'] }]);
    const { verdicts } = checkBytes([{ name: '青山镇.xlsx', bytes }]);
    expect(brief(verdicts.get('青山镇|东坑村'))).toBe('compliant:pass,pass,pass');
    const west = verdicts.get('青山镇|西坑村')!;
    expect(brief(west)).toBe('noncompliant:fail,fail,fail');
    expect(west.counts).toMatchObject({ representatives: 30, womenRepresentatives: 9 });
    expect(west.parts.find((p) => p.id === 'womenRepresentativesThird')?.reason).toContain('据统计表');
  });

  it('reports a block that disagrees with the roster of the same village', () => {
    const rows = sheetRows([['东坑村', 2, 0]]);
    rows[1][3] = '职务';
    rows.push(['东坑村', '周红', '女', '村民代表', makeId(5, true)], ['东坑村', '吴军', '男', '村民代表', makeId(6, false)]);
    const bytes = workbookBytes([{ name: 'Sheet1', rows }]);
    const { findings } = checkBytes([{ name: '青山镇.xlsx', bytes }]);
    expect(findings.filter((f) => f.code === 'table-disagrees').map((f) => [f.village, f.message])).toEqual([
      ['东坑村', '东坑村：统计表填村民代表2人、其中女性0人，名单中为2人、其中女性1人；按名单计'],
    ]);
  });

  it('splits nothing at empty spacer columns inside one table', () => {
    const rows: Array<Array<string | number>> = [
      ['序号', '村名', '', '姓名', '性别', '', '职务', '身份证号码'],
      [1, '东坑村', '', '张伟', '男', '', '书记', makeId(1, false)],
      [2, '东坑村', '', '李芳', '女', '', '妇联主席', makeId(2, true)],
    ];
    expect(tablesOf('名单', rows).map((t) => [t.family.id, t.id.slice(t.id.indexOf(':') + 1)])).toEqual([['roster', '名单!A1:H3']]);
  });
});
