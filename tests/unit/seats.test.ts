import { describe, expect, it } from 'vitest';
import type { Seat } from '../../shared/model.ts';
import { parsePost, seatLabel, type PostParse } from '../../shared/seats.ts';

const S: Record<string, Seat> = {
  secretary: { committee: 'party', role: 'secretary' },
  deputySecretary: { committee: 'party', role: 'deputySecretary' },
  partyMember: { committee: 'party', role: 'member' },
  director: { committee: 'villagers', role: 'director' },
  deputyDirector: { committee: 'villagers', role: 'deputyDirector' },
  villagersMember: { committee: 'villagers', role: 'member' },
  eitherMember: { committee: 'either', role: 'member' },
};

function expected(p: Partial<PostParse>): PostParse {
  return { seats: [], isChair: false, isRepresentative: false, otherPosts: [], unrecognised: [], ...p };
}

describe('parsePost: the cases from the forms', () => {
  const cases: Array<[string, Partial<PostParse>]> = [
    ['书记、主任', { seats: [S.secretary, S.director] }],
    ['书记兼主任', { seats: [S.secretary, S.director] }],
    ['党支部书记、主任', { seats: [S.secretary, S.director] }],
    ['党支部书记村委会主任', { seats: [S.secretary, S.director] }],
    ['委员(妇联主席)', { seats: [S.eitherMember], isChair: true }],
    ['委员（妇联主席）', { seats: [S.eitherMember], isChair: true }],
    ['支委委员/妇联主席', { seats: [S.partyMember], isChair: true }],
    ['副主任，妇联主席', { seats: [S.deputyDirector], isChair: true }],
    ['村委委员、妇女主任', { seats: [S.villagersMember], isChair: true }],
    ['支委委员、妇代会主任', { seats: [S.partyMember], isChair: true }],
    ['妇联主席、监委会委员', { isChair: true, otherPosts: ['监委会委员'] }],
    ['村务监督委员会主任', { otherPosts: ['村务监督委员会主任'] }],
    ['村民小组长', { otherPosts: ['村民小组长'] }],
    ['第一书记', { otherPosts: ['第一书记'] }],
    ['驻村第一书记、党支部委员', { seats: [S.partyMember], otherPosts: ['驻村第一书记'] }],
    ['团支部书记', { otherPosts: ['团支部书记'] }],
    ['两委委员', { seats: [S.partyMember, S.villagersMember] }],
    ['党支部副书记、村委会副主任', { seats: [S.deputySecretary, S.deputyDirector] }],
    ['副书记、妇联主席', { seats: [S.deputySecretary], isChair: true }],
    ['报账员', { otherPosts: ['报账员'] }],
    ['村民代表', { isRepresentative: true }],
    ['代表', { isRepresentative: true }],
    ['社区党委书记、居委会主任', { seats: [S.secretary, S.director] }],
    ['书记、主任（一肩挑）', { seats: [S.secretary, S.director] }],
    ['一肩挑', { seats: [S.secretary, S.director] }],
    ['', {}],
    ['打杂的', { unrecognised: ['打杂的'] }],
  ];
  it.each(cases)('%j', (phrase, want) => {
    expect(parsePost(phrase)).toEqual(expected(want));
  });
});

describe('parsePost: spacing and width', () => {
  it.each([
    '书 记、主 任',
    '书记　、　主任',
    ' 书记,主任 ',
    '书记，主任',
    '书记;主任',
    '书记；主任',
    '书记/主任',
    '书记／主任',
    '书记+主任',
    '书记＋主任',
    '书记和主任',
    '书记及主任',
    '书记\n主任',
    '书记\t主任',
    '书记\u200B主任',
    '书记主任',
    '【书记】【主任】',
  ])('%j is secretary and director', (phrase) => {
    expect(parsePost(phrase)).toEqual(expected({ seats: [S.secretary, S.director] }));
  });
  it('reads full-width brackets and letters', () => {
    expect(parsePost('委员　（妇联主席）　')).toEqual(expected({ seats: [S.eitherMember], isChair: true }));
    expect(parsePost('支委委员／妇联主席')).toEqual(expected({ seats: [S.partyMember], isChair: true }));
  });
  it('accepts non-string input at run time', () => {
    expect(parsePost(undefined as unknown as string)).toEqual(expected({}));
    expect(parsePost(null as unknown as string)).toEqual(expected({}));
  });
});

describe('parsePost: party committee vocabulary', () => {
  it.each(['书记', '党支部书记', '党总支书记', '党委书记', '村党组织书记', '支部书记', '支书', '村支书', '村党支部书记', '社区党委书记', '村书记', '社区书记', '党支部委员会书记', '村党总支部书记', '总支部书记'])(
    '%j is party secretary',
    (p) => expect(parsePost(p)).toEqual(expected({ seats: [S.secretary] })),
  );
  it.each(['副书记', '党支部副书记', '党总支副书记', '党委副书记', '村党组织副书记', '支部副书记', '社区党委副书记', '专职副书记', '常务副书记', '党总支部副书记'])(
    '%j is party deputy secretary',
    (p) => expect(parsePost(p)).toEqual(expected({ seats: [S.deputySecretary] })),
  );
  it.each(['支委委员', '支委', '党支部委员', '党总支委员', '党委委员', '支部委员', '村党组织委员', '社区党委委员', '支委会委员', '组织委员', '宣传委员', '纪检委员', '党支部成员'])(
    '%j is party member',
    (p) => expect(parsePost(p)).toEqual(expected({ seats: [S.partyMember] })),
  );
});

describe("parsePost: villagers' committee vocabulary", () => {
  it.each(['主任', '村委会主任', '村委主任', '村主任', '居委会主任', '村民委员会主任', '社区主任', '居民委员会主任', '社区居委会主任', '村长'])(
    '%j is director',
    (p) => expect(parsePost(p)).toEqual(expected({ seats: [S.director] })),
  );
  it.each(['副主任', '村委会副主任', '村委副主任', '居委会副主任', '村民委员会副主任', '社区副主任', '副村长'])('%j is deputy director', (p) =>
    expect(parsePost(p)).toEqual(expected({ seats: [S.deputyDirector] })),
  );
  it.each(['村委委员', '村委会委员', '村委', '居委委员', '居委会委员', '村民委员会委员', '居民委员会委员', '村委会成员'])('%j is villagers member', (p) =>
    expect(parsePost(p)).toEqual(expected({ seats: [S.villagersMember] })),
  );
});

describe('parsePost: members of no named committee', () => {
  it('plain 委员 is a seat on either committee', () => {
    expect(parsePost('委员')).toEqual(expected({ seats: [S.eitherMember] }));
  });
  it('村委员 does not say which committee either', () => {
    expect(parsePost('村委员')).toEqual(expected({ seats: [S.eitherMember] }));
  });
  it('两委委员 with a prefix is a seat on both', () => {
    expect(parsePost('村两委委员')).toEqual(expected({ seats: [S.partyMember, S.villagersMember] }));
  });
  it('两委成员 does not say which committee', () => {
    expect(parsePost('两委成员')).toEqual(expected({ seats: [S.eitherMember] }));
  });
});

describe('parsePost: the chair', () => {
  it.each(['妇联主席', '村妇联主席', '社区妇联主席', '妇代会主任', '村妇代会主任', '妇女主任', '村妇女主任'])('%j is the chair and no seat', (p) =>
    expect(parsePost(p)).toEqual(expected({ isChair: true })),
  );
  it.each(['妇联副主席', '妇联执委', '村妇联执委'])('%j is another post', (p) =>
    expect(parsePost(p)).toEqual(expected({ otherPosts: [p] })),
  );
  it('村委会妇女主任 is a villagers committee member who is also the chair', () => {
    expect(parsePost('村委会妇女主任')).toEqual(expected({ seats: [S.villagersMember], isChair: true }));
  });
});

describe('parsePost: posts that are no seat', () => {
  it.each([
    '村务监督委员会主任',
    '村务监督委员会委员',
    '村务监督委员会副主任',
    '监委会主任',
    '监委会委员',
    '监委主任',
    '监督委员会委员',
    '监委会',
    '村监委会主任',
    '村民小组长',
    '组长',
    '后备干部',
    '报账员',
    '会计',
    '出纳',
    '文书',
    '村会计',
    '村委会会计',
    '第一书记',
    '驻村第一书记',
    '村党组织第一书记',
    '经济合作社社长',
    '股份经济合作社董事长',
    '股份经济合作社',
    '经济合作社主任',
    '网格员',
    '团支部书记',
    '民兵连长',
    '调解委员会主任',
    '人民调解委员会主任',
    '治保主任',
    '书记助理',
    '县人大代表',
    '户代表',
  ])('%j', (p) => {
    expect(parsePost(p)).toEqual(expected({ otherPosts: [p] }));
  });
  it('keeps the seat of a person who also holds another post', () => {
    expect(parsePost('书记、主任、经济合作社社长')).toEqual(expected({ seats: [S.secretary, S.director], otherPosts: ['经济合作社社长'] }));
    expect(parsePost('第一书记兼党支部书记')).toEqual(expected({ seats: [S.secretary], otherPosts: ['第一书记'] }));
    expect(parsePost('村委委员、村民小组长、村民代表')).toEqual(
      expected({ seats: [S.villagersMember], isRepresentative: true, otherPosts: ['村民小组长'] }),
    );
  });
});

describe('parsePost: 一肩挑', () => {
  it('adds the missing half', () => {
    expect(parsePost('书记（一肩挑）')).toEqual(expected({ seats: [S.secretary, S.director] }));
    expect(parsePost('主任“一肩挑”')).toEqual(expected({ seats: [S.director, S.secretary] }));
  });
  it('adds nothing twice', () => {
    expect(parsePost('党组织书记、村委会主任一肩挑')).toEqual(expected({ seats: [S.secretary, S.director] }));
    expect(parsePost('书记主任一肩挑')).toEqual(expected({ seats: [S.secretary, S.director] }));
  });
});

describe('parsePost: de-duplication and fillers', () => {
  it('lists each seat once', () => {
    expect(parsePost('书记、党支部书记、支书')).toEqual(expected({ seats: [S.secretary] }));
    expect(parsePost('两委委员、支委委员')).toEqual(expected({ seats: [S.partyMember, S.villagersMember] }));
    expect(parsePost('会计、会计')).toEqual(expected({ otherPosts: ['会计'] }));
  });
  it('ignores words that do not change the seat', () => {
    expect(parsePost('书记（连任）')).toEqual(expected({ seats: [S.secretary] }));
    expect(parsePost('新任主任')).toEqual(expected({ seats: [S.director] }));
    expect(parsePost('兼职网格员')).toEqual(expected({ otherPosts: ['网格员'] }));
    expect(parsePost('无')).toEqual(expected({}));
    expect(parsePost('/')).toEqual(expected({}));
  });
  it('returns fresh seat objects', () => {
    const a = parsePost('书记');
    a.seats[0].role = 'member';
    expect(parsePost('书记').seats[0].role).toBe('secretary');
  });
});

describe('parsePost: unrecognised text', () => {
  it('reports a token with unknown text whole and takes no seat from it', () => {
    expect(parsePost('治安主任')).toEqual(expected({ unrecognised: ['治安主任'] }));
    expect(parsePost('原书记')).toEqual(expected({ unrecognised: ['原书记'] }));
    expect(parsePost('书记员')).toEqual(expected({ unrecognised: ['书记员'] }));
    expect(parsePost('青山村主任')).toEqual(expected({ unrecognised: ['青山村主任'] }));
  });
  it('reads 付 typed for 副, and traditional characters', () => {
    expect(parsePost('付书记')).toEqual(expected({ seats: [S.deputySecretary] }));
    expect(parsePost('付主任')).toEqual(expected({ seats: [S.deputyDirector] }));
    expect(parsePost('黨支部書記')).toEqual(expected({ seats: [S.secretary] }));
    expect(parsePost('村委委員')).toEqual(expected({ seats: [S.villagersMember] }));
  });
  it('keeps the recognised tokens around it', () => {
    expect(parsePost('书记、打杂的')).toEqual(expected({ seats: [S.secretary], unrecognised: ['打杂的'] }));
    // A gender note in the phrase is no post: "主任（女）" is the director.
    expect(parsePost('主任（女）')).toEqual(expected({ seats: [S.director] }));
    expect(parsePost('打杂、扫地、打杂')).toEqual(expected({ unrecognised: ['打杂', '扫地'] }));
  });
  it('reports the normalised text', () => {
    expect(parsePost(' ＡＢ  书记 ')).toEqual(expected({ unrecognised: ['AB书记'] }));
  });
});

describe('seatLabel', () => {
  it('names each seat in Chinese', () => {
    expect(seatLabel(S.secretary)).toBe('村党组织书记');
    expect(seatLabel(S.director)).toBe('村（居）委会主任');
    expect(seatLabel(S.eitherMember)).toBe('两委委员（未写明哪个委员会）');
    for (const seat of Object.values(S)) expect(seatLabel(seat)).toMatch(/[\u4e00-\u9fff]/u);
  });
});
