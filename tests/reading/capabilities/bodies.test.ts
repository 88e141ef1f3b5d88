import { describe, expect, it } from 'vitest';
import { bodyOfHeading, bodyOfPostHeader, postInBody } from '../../../shared/reading/bodies.ts';

describe('headings and columns that name a body', () => {
  it.each([
    ['一、村党组织委员会', 'party'],
    ['二、村民委员会（3人）', 'villagers'],
    ['三、村务监督委员会', 'supervision'],
    ['四、村妇联执委会', 'federation'],
    ['五、村民代表（8人）', 'representatives'],
    ['（一）村“两委”班子成员', 'committees'],
    ['二、上届班子成员（供参考）', 'outgoing'],
    ['三、村级事务联席会议', 'unknown'],
    ['东坑村', null],
    ['注：带*号为新当选人员。', null],
  ])('%s → %s', (label, body) => {
    expect(bodyOfHeading(label)).toBe(body);
  });
  it('reads a post column header for its body', () => {
    expect(bodyOfPostHeader('党组织职务')).toBe('party');
    expect(bodyOfPostHeader('村委会职务')).toBe('villagers');
    expect(bodyOfPostHeader('村务监督委员会职务')).toBe('supervision');
    expect(bodyOfPostHeader('村妇联')).toBe('federation');
    expect(bodyOfPostHeader('职务')).toBeNull();
  });
});

describe('a post under a body', () => {
  it('places bare posts on the body they stand under', () => {
    expect(postInBody('主任', 'villagers').seats).toEqual([{ committee: 'villagers', role: 'director' }]);
    expect(postInBody('委员', 'party').seats).toEqual([{ committee: 'party', role: 'member' }]);
    expect(postInBody('委员', 'villagers').seats).toEqual([{ committee: 'villagers', role: 'member' }]);
  });
  it('gives no seat under the supervision committee or the 村妇联, and makes the 村妇联 主席 the chair', () => {
    expect(postInBody('主任', 'supervision')).toMatchObject({ seats: [], isChair: false, unrecognised: [] });
    expect(postInBody('主席', 'federation')).toMatchObject({ seats: [], isChair: true, unrecognised: [] });
    expect(postInBody('执委', 'federation')).toMatchObject({ seats: [], isChair: false, unrecognised: [] });
    expect(postInBody('副主席', 'federation')).toMatchObject({ seats: [], isChair: false, unrecognised: [] });
  });
  it('keeps a seat the post names itself', () => {
    expect(postInBody('村委委员、妇联主席', 'federation')).toMatchObject({ seats: [{ committee: 'villagers', role: 'member' }], isChair: true });
  });
});

describe('headings that are no body', () => {
  it.each(['一、新一届班子成员', '以上为新当选人员名单', '二、红旗大队'])('%s names no body the reader must doubt', (label) => {
    expect(bodyOfHeading(label)).not.toBe('unknown');
  });
});
