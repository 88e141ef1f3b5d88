// The village-list family: townships and villages, no persons and no counts.

import { describe, expect, it } from 'vitest';
import { villageList } from '../../../shared/reading/families/village-list.ts';
import { mapByHeader } from '../../../shared/reading/columns.ts';
import { gridOf, readTables, tablesOf } from '../../helpers/grid.ts';

describe('village-list family', () => {
  it('scores a header of places only', () => {
    expect(villageList.score(mapByHeader(gridOf('s', [['序号', '乡镇', '村名']]), [0]))).toBeGreaterThan(0);
    expect(villageList.score(mapByHeader(gridOf('s', [['乡镇', '村名', '姓名']]), [0]))).toBeNull();
  });

  it('lists the villages, a township carried down its merged column, a blank village skipped', () => {
    const rows = [
      ['应报村名单'],
      ['序号', '乡镇', '村名'],
      [1, '青山镇', '上塘村'],
      [2, '', '下塘村'],
      [3, '白沙镇', ''],
    ];
    expect(tablesOf('名单', rows)[0].family.id).toBe('village-list');
    const [read] = readTables('名单', rows);
    expect(read.villageList.map((v) => [v.township, v.village, v.source.row])).toEqual([
      ['青山镇', '上塘村', 3],
      ['青山镇', '下塘村', 4],
    ]);
    expect(read.inputs).toEqual([]);
    expect(read.report.skipped).toEqual([{ row: 5, reason: '村名为空' }]);
  });
});
