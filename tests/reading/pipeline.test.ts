// The reader's pipeline below the workbook: detect finds and scores tables (the runner-up kept for --explain),
// and the coordinate mapper names the real sheet cell whatever slice or orientation a table is read in.

import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../shared/reading/families/index.ts';
import { cellName, columnRange, rowsFrom, transposed, wholeSheet } from '../../shared/reading/coordinates.ts';
import { gridOf, readTables, tablesOf } from '../helpers/grid.ts';

describe('the family registry', () => {
  it('holds each family once, each with a score and a read', () => {
    const ids = FAMILIES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['roster', 'count-table', 'village-list']));
  });
});

describe('detect', () => {
  it('keeps every family that fits, best first: the runner-up from another header row', () => {
    // Row 1 alone is a village list; rows 1–2 together are a count table, which wins.
    const rows = [
      ['乡镇', '村名', '', '', '', ''],
      ['', '', '两委成员数', '其中女性', '村民代表数', '其中女性'],
      ['青山镇', '上塘村', 7, 2, 45, 15],
    ];
    const [table] = tablesOf('统计', rows);
    expect(table.family.id).toBe('count-table');
    expect(table.scores[0].family).toBe('count-table');
    expect(table.scores.map((s) => s.family)).toContain('village-list');
    expect(table.scores[1].score).toBeLessThan(table.scores[0].score);
    const [read] = readTables('统计', rows);
    expect(read.report.detection?.family).toBe('count-table');
  });

  it('reads two tables side by side, each reporting its own sheet columns', () => {
    const rows = [
      ['村名', '姓名', '性别', '职务', '', '村名', '姓名', '性别', '是否村民代表'],
      ['上塘村', '王芳', '女', '书记', '', '上塘村', '赵敏', '女', '是'],
    ];
    const reads = readTables('名单', rows);
    expect(reads.map((r) => r.report.columns.map((c) => c.column).join(''))).toEqual(['ABCD', 'FGHI']);
  });

  it('reads a table below another from its own header, its rows as the sheet numbers them', () => {
    const rows = [
      ['村名', '姓名', '性别', '职务'],
      ['上塘村', '王芳', '女', '书记'],
      [],
      ['村民代表名单'],
      ['村名', '姓名', '性别', '是否村民代表'],
      ['上塘村', '赵敏', '女', '是'],
    ];
    const reads = readTables('名单', rows);
    expect(reads.map((r) => r.report.headerRows)).toEqual([[1], [5]]);
    expect(reads[1].inputs[0].parts[0].source.row).toBe(6);
  });
});

describe('the coordinate mapper', () => {
  const grid = gridOf('表', [
    ['a', 'b', 'c'],
    ['d', 'e', 'f'],
  ]);
  it('maps a slice back to the sheet', () => {
    const v = rowsFrom(columnRange(wholeSheet(grid), 1, 3), 1);
    expect(v.text(0, 0)).toBe('e');
    expect(cellName(v, 0, 1)).toBe('C2');
  });
  it('maps a transposed table back to the sheet', () => {
    const v = transposed(wholeSheet(grid));
    expect([v.rowCount, v.colCount]).toEqual([3, 2]);
    expect(v.text(2, 1)).toBe('f');
    expect(cellName(v, 2, 1)).toBe('C2');
    expect(cellName(transposed(rowsFrom(wholeSheet(grid), 1)), 0, 0)).toBe('A2');
  });
});
