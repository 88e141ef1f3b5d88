// What a column header means: the wordings townships use, including the ones that look like another role.

import { describe, expect, it } from 'vitest';
import { roleOfHeader, type ColumnRole } from '../../shared/reading/columns.ts';
import { committeesFromSides } from '../../shared/reading/families/count-table.ts';

describe('roleOfHeader', () => {
  it.each<[string, ColumnRole | null]>([
    ['村（社区）', 'village'],
    ['建制村', 'village'],
    ['行政村名称', 'village'],
    ['居委会名称', 'village'],
    ['村（社区）委员会', 'village'],
    ['嘎查村', 'village'],
    ['乡镇（街道）', 'township'],
    ['姓 名', 'name'],
    ['代表姓名', 'name'],
    ['性别(男/女)', 'gender'],
    ['公民身份号码', 'idNumber'],
    ['现任职务', 'post'],
    ['任职时间', null],
    ['是否村民代表', 'representative'],
    ['村民代表（√）', 'representative'],
    ['村民代表（打√）', 'representative'],
    ['代表(✓)', 'representative'],
    ['妇联主席是否进两委', 'chairSeated'],
    ['妇联主席是否交叉任职', 'chairSeated'],
    ['妇联主席任职情况', 'chairSeated'],
    ['是否妇联主席', 'chairFlag'],
    ['妇联主席姓名', 'remark'],
    ['女性成员姓名', 'remark'],
    ['女委员姓名', 'remark'],
    ['两委成员数', 'committeeMembers'],
    ['村“两委”干部总数', 'committeeMembers'],
    ['后备干部人数', null],
    ['其中女干部', 'committeeWomen'],
    ['女干部数', 'committeeWomen'],
    ['两委女性成员数', 'committeeWomen'],
    ['村民代表总数', 'repTotal'],
    ['女性村民代表数', 'repWomen'],
    ['女性代表占比', 'ratio'],
    ['是否达到“两进一有”要求', 'ownVerdict'],
    ['原职务', 'remark'],
    ['上届职务', 'remark'],
    ['村党组织委员数', 'partyMembers'],
    ['党支部女委员数', 'partyWomen'],
    ['村委会委员数', 'villagersMembers'],
    ['村委会女性委员人数', 'villagersWomen'],
    ['交叉任职人数', 'crossHolders'],
    ['妇联主席是否交叉任职', 'chairSeated'],
    ['党组织职务', 'post'],
  ])('%s → %s', (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });
});

describe('committeesFromSides: a count table that counts each committee on its own', () => {
  it('members on both committees (交叉任职) are counted once', () => {
    expect(committeesFromSides(5, 0, 3, 1, 2)).toEqual({ members: 6, women: 1, womenAtLeast: false });
  });
  it('without the 交叉任职 count the members are unknown, the women still certain when one side has none', () => {
    expect(committeesFromSides(5, 1, 3, 0, null)).toEqual({ members: null, women: 1, womenAtLeast: false });
  });
  it('women on both sides: their sum when nobody sits on both, else at least the larger side', () => {
    expect(committeesFromSides(3, 1, 3, 1, 0)).toEqual({ members: 6, women: 2, womenAtLeast: false });
    expect(committeesFromSides(3, 1, 3, 2, 1)).toEqual({ members: 5, women: 2, womenAtLeast: true });
  });
  it('a 交叉任职 count larger than a committee is no count', () => {
    expect(committeesFromSides(2, 0, 3, 0, 4).members).toBeNull();
  });
});
