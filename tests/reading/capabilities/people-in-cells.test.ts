import { describe, expect, it } from 'vitest';
import { parseCellPeople, parseCellPerson, parseCountSentence } from '../../../shared/reading/people-in-cells.ts';

describe('people written inside cells', () => {
  it('reads "姓名（性别，职务）" items separated by 、 or ；, keeping a post with 、 inside brackets whole', () => {
    expect(parseCellPeople('张建国（男，书记、主任）、李秀英（女，副书记）；王强(男,委员)')).toEqual([
      { name: '张建国', gender: 'male', post: '书记、主任' },
      { name: '李秀英', gender: 'female', post: '副书记' },
      { name: '王强', gender: 'male', post: '委员' },
    ]);
  });
  it('reads one person a line, "姓名 性别 职务" with 、 in the post', () => {
    expect(parseCellPeople('王建军 男 书记、主任\n李红梅 女 委员\n张伟')).toEqual([
      { name: '王建军', gender: 'male', post: '书记、主任' },
      { name: '李红梅', gender: 'female', post: '委员' },
      { name: '张伟', gender: 'unknown', post: '' },
    ]);
  });
  it('reads a name alone or with a gender only, and a minority name with a middle dot', () => {
    expect(parseCellPerson('郑丽（女）')).toEqual({ name: '郑丽', gender: 'female', post: '' });
    expect(parseCellPerson('阿依古丽·买买提')).toEqual({ name: '阿依古丽·买买提', gender: 'unknown', post: '' });
  });
  it('is no list of people when an item is no name', () => {
    expect(parseCellPeople('共45名（女15名）')).toBeNull();
    expect(parseCellPeople('7')).toBeNull();
    expect(parseCellPeople('是')).toBeNull();
  });
});

describe('counts as a sentence', () => {
  it.each([
    ['共45名（女15名）', 45, 15],
    ['共30名，其中女性9名', 30, 9],
    ['村民代表21名（女7名）', 21, 7],
    ['45人/女15人', 45, 15],
    ['共12人', 12, null],
    ['女代表8名', null, 8],
  ])('%s', (text, total, women) => {
    expect(parseCountSentence(text)).toEqual({ total, women });
  });
  it('says nothing of a text without counts', () => {
    expect(parseCountSentence('张三（男，书记）')).toBeNull();
    expect(parseCountSentence('')).toBeNull();
  });
});
