// The roster family: one row a person.

import { describe, expect, it } from 'vitest';
import { roster } from '../../../shared/reading/families/roster.ts';
import { mapByHeader } from '../../../shared/reading/columns.ts';
import { gridOf, readTables, tablesOf } from '../../helpers/grid.ts';

const ROWS = [
  ['青山镇2026年村“两委”成员及村民代表名单'],
  ['村名', '姓名', '性别', '职务', '是否村民代表'],
  ['上塘村', '王芳', '女', '支委委员、妇联主席', '否'],
  ['', '李强', '男', '书记、主任', '是'],
  ['', '赵敏', '女', '', '是'],
  ['合计', '3人', '', '', ''],
  ['填表人：张三'],
];

describe('roster family', () => {
  it('scores a header of persons, and declines one of counts', () => {
    expect(roster.score(mapByHeader(gridOf('s', [['村名', '姓名', '性别', '职务']]), [0]))).toBeGreaterThan(0);
    expect(roster.score(mapByHeader(gridOf('s', [['村名', '两委成员数', '其中女性', '村民代表数', '其中女性']]), [0]))).toBeNull();
  });

  it('is chosen for a roster and reads its persons, seats and representatives by village', () => {
    const [table] = tablesOf('名单', ROWS);
    expect(table.family.id).toBe('roster');
    const [read] = readTables('名单', ROWS);
    expect(read.report.parts).toEqual(['committees', 'representatives']);
    expect(read.inputs).toHaveLength(1);
    const part = read.inputs[0].parts[0];
    if (part.form !== 'roster') throw new Error('roster part expected');
    expect(part.rows.map((r) => [r.name, r.seats.length, r.isChair, r.representative])).toEqual([
      ['王芳', 1, true, false],
      ['李强', 2, false, true],
      ['赵敏', 0, false, true],
    ]);
    expect(read.inputs[0]).toMatchObject({ township: '青山镇', village: '上塘村' });
    // The total row and the footer are skipped with their reasons, on their sheet rows.
    expect(read.report.skipped).toEqual([
      { row: 6, reason: '合计/小计行，不是一个村' },
      { row: 7, reason: '表尾（填表人：张三）' },
    ]);
  });

  it('reads a list of the supervision committee as no part of the village', () => {
    const [read] = readTables('村务监督委员会名单', [
      ['村名', '姓名', '性别', '职务'],
      ['上塘村', '王芳', '女', '主任'],
    ]);
    expect(read.report.layout).toBe('none');
    expect(read.inputs).toEqual([]);
  });
});
