// Seats as a matrix, a capability of the roster family: one column per seat under group headings, marked ✓ √ ● 是 1
// or with the post written again.

import { describe, expect, it } from 'vitest';
import { readTables, tablesOf } from '../../helpers/grid.ts';

// Merged group cells read as their anchor's text in every cell they cover.
const ROWS = [
  ['村', '姓名', '性别', '村党组织', '村党组织', '村党组织', '村委会', '村委会', '村委会', '妇联主席', '村民代表'],
  ['', '', '', '书记', '副书记', '委员', '主任', '副主任', '委员', '', ''],
  ['东坑村', '张强', '男', '✓', '', '', '√', '', '', '', ''],
  ['东坑村', '李芳', '女', '', '', '', '', '', '委员', '●', '是'],
  ['东坑村', '王伟', '男', '', '', 1, '', '', '否', '', '√'],
];

describe('seat matrix', () => {
  it('takes both header rows, so that each 委员 column names its committee', () => {
    const [table] = tablesOf('任职', ROWS);
    expect(table.family.id).toBe('roster');
    expect(table.headerRows).toEqual([0, 1]);
  });
  it('gives each marked column its seat, a post written again counting as a mark and 否 as none', () => {
    const [read] = readTables('任职', ROWS);
    const rows = read.inputs[0].parts.flatMap((p) => (p.form === 'roster' ? p.rows : []));
    const seats = (i: number) => rows[i].seats.map((s) => `${s.committee}:${s.role}`).sort();
    expect(seats(0)).toEqual(['party:secretary', 'villagers:director']);
    expect(seats(1)).toEqual(['villagers:member']);
    expect(rows[1]).toMatchObject({ isChair: true, representative: true });
    expect(seats(2)).toEqual(['party:member']);
  });
});
