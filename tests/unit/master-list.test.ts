// Matching the master list's names to the reported villages (shared/master-list.ts), pure.

import { describe, expect, it } from 'vitest';
import { matchMasterList, townshipStem, villageStem, type ListedPlace } from '../../shared/master-list.ts';

let next = 1;
const place = (township: string, village: string, expected: boolean, reported: boolean, townshipId = township.length): ListedPlace => ({
  id: next++,
  townshipId,
  township,
  village,
  expected,
  reported,
});

describe('stems', () => {
  it('drop the last word of a place, never the whole name', () => {
    expect(['港口', '港口村', '港口社区', '港口居委会', '港口社区居委会', '港口村民委员会'].map(villageStem)).toEqual(Array(6).fill('港口'));
    expect(villageStem('村')).toBe('村');
    expect(['青山', '青山镇', '青山镇人民政府'].map(townshipStem)).toEqual(['青山', '青山', '青山']);
    expect(townshipStem('石门街道')).toBe('石门');
  });
});

describe('matchMasterList', () => {
  it('without a list, the rows are as they were and nothing is said', () => {
    const rows = [place('青山镇', '港口村', false, true, 1)];
    const m = matchMasterList(rows, false);
    expect(m.rows).toEqual(rows);
    expect(m.findings).toEqual([]);
  });

  it('one list name for one reported village: folded into it, with an info finding', () => {
    const listed = place('青山镇', '港口', true, false, 1);
    const reported = place('青山镇', '港口村', false, true, 1);
    const m = matchMasterList([listed, reported], true, '名单.xlsx');
    expect(m.rows).toEqual([{ ...reported, expected: true }]);
    expect(m.joins.get(listed.id)).toBe(reported.id);
    expect(m.findings).toEqual([
      { severity: 'info', code: 'list-place-joined', file: '名单.xlsx', sheet: null, row: null, message: '应报名单中的“青山镇 港口”与报送的“青山镇 港口村”按同一个村计', township: '青山镇', village: '港口村' },
    ]);
  });

  it('two list names for one reported village, or two reported for one name: neither is matched', () => {
    const a = place('青山镇', '港口村', true, false, 1);
    const b = place('青山镇', '港口社区', true, false, 1);
    const r = place('青山镇', '港口', false, true, 1);
    const m = matchMasterList([a, b, r], true);
    expect(m.rows).toEqual([a, b, r]);
    expect(m.joins.size).toBe(0);
    expect(m.findings.map((f) => f.code)).toEqual(['list-place-ambiguous', 'off-list']);
  });

  it('a township only the list names joins the one reported township it is the stem of, not one of two', () => {
    const listed = place('青山', '新屋村', true, false, 7);
    const reported = place('青山镇', '上塘村', false, true, 8);
    const m = matchMasterList([listed, reported], true);
    expect(m.rows[0]).toMatchObject({ township: '青山镇', townshipId: 8, village: '新屋村' });
    expect(m.townshipJoins.get(7)).toEqual({ id: 8, name: '青山镇' });
    const two = matchMasterList([listed, reported, place('青山乡', '下村', false, true, 9)], true);
    expect(two.rows[0]).toMatchObject({ township: '青山', townshipId: 7 });
    expect(two.findings.some((f) => f.code === 'list-place-ambiguous' && f.message.includes('“青山镇”“青山乡”'))).toBe(true);
  });
});
