// The people-in-cells family: one row a village, its members written inside cells, the representatives as a sentence.

import { describe, expect, it } from 'vitest';
import { peopleInCells } from '../../../shared/reading/families/people-in-cells.ts';
import { mapByHeader } from '../../../shared/reading/columns.ts';
import { gridOf, readTables, tablesOf } from '../../helpers/grid.ts';

const ROWS = [
  ['村名', '村党组织班子成员', '村委会班子成员', '村妇联主席', '村民代表情况'],
  ['东坑村', '张建国（男，书记）、李秀英（女，委员）', '张建国（男，主任）；陈芳（女，委员）', '陈芳', '共45名（女15名）'],
  ['西坑村', '赵刚 男 书记\n孙明 男 委员', '赵刚 男 主任\n周杰 男 委员', '郑丽（女）', '共30名，其中女性9名'],
];

describe('people-in-cells family', () => {
  it('declines a header that has no members written in cells', () => {
    expect(peopleInCells.score(mapByHeader(gridOf('s', [['村名', '两委成员数', '其中女性']]), [0]))).toBeNull();
  });

  it('is chosen by the values under the header, and reads members, the chair and the representatives', () => {
    const [table] = tablesOf('汇总', ROWS);
    expect(table.family.id).toBe('people-in-cells');
    const [read] = readTables('汇总', ROWS);
    const [east, west] = read.inputs;
    const rows = (i: typeof east) => i.parts.flatMap((p) => (p.form === 'roster' ? p.rows : []));
    expect(rows(east).map((r) => [r.name, r.declaredGender, r.seats.map((s) => `${s.committee}:${s.role}`).join(','), r.isChair])).toEqual([
      ['张建国', 'male', 'party:secretary', false],
      ['李秀英', 'female', 'party:member', false],
      ['张建国', 'male', 'villagers:director', false],
      ['陈芳', 'female', 'villagers:member', true],
    ]);
    expect(east.parts.find((p) => p.form === 'counts')).toMatchObject({ kind: 'representatives', counts: { total: 45, women: 15 } });
    // A chair named but on neither committee: a person of her own, without a seat.
    expect(rows(west).at(-1)).toMatchObject({ name: '郑丽', declaredGender: 'female', seats: [], isChair: true });
    expect(west.parts.find((p) => p.form === 'counts')).toMatchObject({ counts: { total: 30, women: 9 } });
  });
});
