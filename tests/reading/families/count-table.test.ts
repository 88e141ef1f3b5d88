// The count-table family: one row a village, counts instead of persons.

import { describe, expect, it } from 'vitest';
import { committeesFromSides, countTable } from '../../../shared/reading/families/count-table.ts';
import { mapByHeader } from '../../../shared/reading/columns.ts';
import { gridOf, readTables, tablesOf } from '../../helpers/grid.ts';

const ROWS = [
  ['石门街道村“两委”换届女性进班子情况统计表'],
  ['村（社区）', '两委班子', '', '妇联主席是否进两委', '村民代表', '', '是否达标'],
  ['', '成员数', '其中女性', '', '总数', '其中女性', ''],
  ['东坑村', 7, 2, '是', 45, 15, '是'],
  ['西坑村', 5, 0, '否', 30, 9, '达标'],
  ['合计', 12, 2, '', 75, 24, ''],
];

describe('count-table family', () => {
  it('scores a header of counts, and declines one of persons', () => {
    expect(countTable.score(mapByHeader(gridOf('s', [['村名', '两委成员数', '其中女性', '村民代表数', '其中女性']]), [0]))).toBeGreaterThan(0);
    expect(countTable.score(mapByHeader(gridOf('s', [['村名', '姓名', '性别', '职务']]), [0]))).toBeNull();
  });

  it('reads counts by village under a two-row header, the total row skipped and the own verdict kept', () => {
    const [table] = tablesOf('统计表', ROWS);
    expect(table.family.id).toBe('count-table');
    expect(table.headerRows).toEqual([1, 2]);
    const [read] = readTables('统计表', ROWS);
    expect(read.inputs.map((i) => [i.village, i.parts.map((p) => (p.form === 'counts' ? p.counts : null)), i.ownVerdict?.compliant])).toEqual([
      ['东坑村', [{ members: 7, women: 2, chairSeated: true }, { total: 45, women: 15 }], true],
      ['西坑村', [{ members: 5, women: 0, chairSeated: false }, { total: 30, women: 9 }], true],
    ]);
    expect(read.report.skipped).toEqual([{ row: 6, reason: '合计/小计行，不是一个村' }]);
  });

  it('counts the two committees from each side less those on both', () => {
    expect(committeesFromSides(5, 1, 5, 1, 3)).toEqual({ members: 7, women: 1, womenAtLeast: true });
    expect(committeesFromSides(5, 0, 5, 1, 3)).toEqual({ members: 7, women: 1, womenAtLeast: false });
  });
});

describe('count table on its side (villages across, items down)', () => {
  const ROWS_ON_SIDE = [
    ['西湖乡各村换届情况'],
    ['指标', '单位', '西湖村', '西山村'],
    ['村两委班子人数', '人', 6, 5],
    ['女性成员', '人', 1, 7],
    ['村民代表', '人', 21, 25],
    ['女性村民代表', '人', 7, 8],
  ];

  it("names each finding's real sheet row and cell, not the villages' row", () => {
    const [read] = readTables('Sheet1', ROWS_ON_SIDE);
    expect(read.findings.filter((f) => f.code === 'count-inconsistent').map((f) => [f.village, f.row, f.message])).toEqual([
      ['西山村', 4, '两委女性成员数（7（D4））大于成员总数（5（D3））'],
    ]);
    const west = read.inputs.find((i) => i.village === '西湖村')!;
    expect(west.parts.map((p) => [p.kind, p.source.row])).toEqual([['committees', 3], ['representatives', 5]]);
  });

  it('reports its villages and skipped lines as sheet columns, by their cells', () => {
    const [read] = readTables('Sheet1', ROWS_ON_SIDE);
    expect(read.report.villages.map((v) => [v.village, v.cells])).toEqual([['西湖村', 'C2:C6'], ['西山村', 'D2:D6']]);
    expect(read.report.skipped).toEqual([{ row: 2, reason: '没有可读的人数', cells: 'B2:B6' }]);
  });
});
