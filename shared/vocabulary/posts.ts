// Posts as people write them in a 职务 cell, and what each means: a seat on the two committees, the chair,
// a representative, a post that is no seat, a word that changes nothing, or a separator between posts.
// shared/seats.ts scans a cell with this table (longest entry first).
import type { Seat } from '../model.ts';
import { PARTY_BODY_NAMES, PARTY_COMMITTEE_SHORT, SUPERVISION_BODY_NAMES, VILLAGERS_BODY_NAMES } from './bodies.ts';

export type Effect =
  | { kind: 'seats'; seats: readonly Seat[] }
  | { kind: 'chair' }
  | { kind: 'representative' }
  | { kind: 'other' } // the matched text goes to otherPosts
  | { kind: 'oneShoulder' } // 一肩挑: secretary and director in one person
  | { kind: 'filler' } // words that say nothing about seats (连任, 常务 …)
  | { kind: 'separator' };

export const PARTY_SECRETARY: Seat = { committee: 'party', role: 'secretary' };
const PARTY_DEPUTY: Seat = { committee: 'party', role: 'deputySecretary' };
const PARTY_MEMBER: Seat = { committee: 'party', role: 'member' };
export const DIRECTOR: Seat = { committee: 'villagers', role: 'director' };
const DEPUTY_DIRECTOR: Seat = { committee: 'villagers', role: 'deputyDirector' };
const VILLAGERS_MEMBER: Seat = { committee: 'villagers', role: 'member' };
const EITHER_MEMBER: Seat = { committee: 'either', role: 'member' };

/** Every prefix combined with every core. */
function cross(prefixes: readonly string[], cores: readonly string[]): string[] {
  return prefixes.flatMap((p) => cores.map((c) => p + c));
}

// "村" / "社区" say whose post it is but not which committee.
const PLACE = ['', '村', '社区'];
// Names of the village Party organisation (党支部 / 党总支 / 党委 of a village or 社区).
const PARTY_NAMED = cross(PLACE, PARTY_BODY_NAMES);
// Names of the villagers' committee (居民委员会 in a 社区).
const VILLAGERS_NAMED = cross(PLACE, VILLAGERS_BODY_NAMES);
const ANY_PREFIX = [...PLACE, ...PARTY_NAMED, ...VILLAGERS_NAMED];

export type PostTable = ReadonlyArray<readonly [words: readonly string[], effect: Effect]>;
const seats = (...s: Seat[]): Effect => ({ kind: 'seats', seats: s });
const OTHER: Effect = { kind: 'other' };

/**
 * The vocabulary. The scanner takes the longest entry at each position, so a longer entry overrides the
 * seat word it contains ("妇女主任" is not 主任, "第一书记" is not 书记, "团支部书记" is no Party seat).
 */
export const POST_VOCABULARY: PostTable = [
  // 村党组织委员会
  [cross([...PLACE, ...PARTY_NAMED], ['书记']), seats(PARTY_SECRETARY)],
  [['支书', '村支书', '社区支书', '党支书'], seats(PARTY_SECRETARY)],
  [cross([...PLACE, ...PARTY_NAMED], ['副书记']), seats(PARTY_DEPUTY)],
  [cross(PARTY_NAMED, ['委员', '成员']), seats(PARTY_MEMBER)],
  [
    cross(PLACE, [
      PARTY_COMMITTEE_SHORT,
      ...cross([PARTY_COMMITTEE_SHORT], ['委员', '会委员', '成员', '会成员']),
      '党委委员',
      // The division of labour among 支委 members.
      '组织委员',
      '宣传委员',
      '纪检委员',
      '纪律检查委员',
      '青年委员',
      '统战委员',
    ]),
    seats(PARTY_MEMBER),
  ],
  // 村民委员会 / 居民委员会
  [cross([...PLACE, ...VILLAGERS_NAMED], ['主任']), seats(DIRECTOR)],
  [['村长'], seats(DIRECTOR)],
  [cross([...PLACE, ...VILLAGERS_NAMED], ['副主任']), seats(DEPUTY_DIRECTOR)],
  [['副村长'], seats(DEPUTY_DIRECTOR)],
  [[...VILLAGERS_NAMED, ...cross(VILLAGERS_NAMED, ['委员', '成员'])], seats(VILLAGERS_MEMBER)],
  // Both committees, or one not named.
  [cross(PLACE, ['两委委员']), seats(PARTY_MEMBER, VILLAGERS_MEMBER)],
  [['委员', '村委员', '社区委员', ...cross(PLACE, ['两委', '两委成员', '两委班子成员', '两委干部', '两委班子']), '妇女委员'], seats(EITHER_MEMBER)],
  [['一肩挑'], { kind: 'oneShoulder' }],
  // The chair: a post, not a seat.
  [
    cross(PLACE, ['妇联主席', '妇联会主席', '妇女联合会主席', '妇代会主任', '妇代会主席', '妇女代表会主任', '妇女主任', '妇联主任']),
    { kind: 'chair' },
  ],
  [
    cross(PLACE, [
      '妇联副主席',
      '妇联会副主席',
      '妇女联合会副主席',
      '妇联副主任',
      '妇代会副主任',
      '妇联执委',
      '妇联会执委',
      '妇女联合会执委',
      '妇联执行委员',
      '妇联委员',
      '妇代会委员',
    ]),
    OTHER,
  ],
  // Representatives. 户代表 (a household's voter) and congress deputies are not 村民代表.
  [cross(PLACE, ['村民代表', '居民代表', '代表']), { kind: 'representative' }],
  [
    [
      ...cross(PLACE, ['户代表', '党员代表']),
      ...cross(['', '省', '市', '县', '区', '乡', '镇', '街道', '全国'], ['人大代表', '党代表', '党代会代表', '政协委员']),
    ],
    OTHER,
  ],
  // Not seats on the two committees, whoever holds them; with any committee prefix ("村委会会计").
  [
    cross(ANY_PREFIX, [
      // 村务监督委员会
      ...cross(
        SUPERVISION_BODY_NAMES,
        ['', '主任', '副主任', '委员', '成员', '组长', '副组长'],
      ),
      // 村民小组
      '村民小组长',
      '村民小组组长',
      '村民小组副组长',
      '村民组长',
      '小组长',
      '组长',
      '副组长',
      '后备干部',
      '村级后备干部',
      // Staff
      '报账员',
      '会计',
      '会计员',
      '出纳',
      '出纳员',
      '文书',
      '统计员',
      '计生专干',
      '计生员',
      '计生主任',
      '网格员',
      '网格长',
      '专职网格员',
      '书记助理',
      '主任助理',
      '社区工作者',
      '社区专职工作者',
      '专职社区工作者',
      '专职社工',
      '社工',
      '工作人员',
      // A 类别 column's word for whoever is neither a member nor a representative
      '其他人员',
      '其他',
      // Appointed from outside, not elected
      '第一书记',
      '驻村第一书记',
      '驻村干部',
      '驻村工作队员',
      '驻村工作队队员',
      '驻村工作队长',
      '驻村工作队队长',
      '包村干部',
      '大学生村官',
      '选调生',
      // Collective economic organisation
      ...cross(
        ['股份经济合作社', '经济合作社', '股份合作社', '股份合作经济社', '经济联合社', '经联社', '经济社', '合作社', '集体经济组织'],
        ['', '社长', '副社长', '董事长', '副董事长', '理事长', '副理事长', '监事长', '董事', '监事', '理事', '主任', '副主任', '负责人', '成员'],
      ),
      '社长',
      '董事长',
      '理事长',
      '监事长',
      '董事',
      '监事',
      // Communist Youth League
      '团支部书记',
      '团支部副书记',
      '团支部委员',
      '团总支书记',
      '团委书记',
      '团委委员',
      '团支书',
      '共青团支部书记',
      // Militia
      // Village staff and workers
      '保洁员',
      '护林员',
      '水管员',
      '护河员',
      '巡河员',
      '河长',
      '信息员',
      '安全员',
      '协管员',
      '联络员',
      '宣传员',
      '管理员',
      '卫生员',
      '保管员',
      '村医',
      '乡村医生',
      '护路员',
      '保安',
      '民兵连长',
      '民兵营长',
      '民兵排长',
      '民兵连指导员',
      '民兵指导员',
      '民兵',
      // Subordinate committees and associations
      ...cross(
        ['人民调解委员会', '调解委员会', '调委会', '治保会', '治安保卫委员会', '治调会', '公共卫生委员会', '老年协会', '红白理事会', '村民议事会'],
        ['主任', '副主任', '委员', '成员', '会长', '副会长'],
      ),
      '调解主任',
      '调解员',
      '人民调解员',
      '治保主任',
      '治调主任',
      '治保委员',
      '调解委员',
      '会长',
      // Party membership is not a committee seat
      '党员',
      '中共党员',
      '预备党员',
    ]),
    OTHER,
  ],
  // Words that do not change the seat: re-elected, full-time, executive, and "no post".
  [['连任', '新任', '新当选', '当选', '现任', '担任', '留任', '专职', '常务', '兼职', '无', '暂无', '群众', '村民', '女', '男', '女性', '男性'], { kind: 'filler' }],
  // Separators between posts. 兼 / 和 / 及 join two posts of one person.
  [
    [
      '、', ',', '/', '\\', ';', '+', '&', '|', ':', '。', '.', '-', '—', '–', '~', '·', '・',
      '(', ')', '[', ']', '{', '}', '【', '】', '<', '>', '《', '》', '「', '」', '『', '』', '"', "'", '“', '”', '‘', '’',
      '和', '及', '以及', '并', '兼', '兼任',
    ],
    { kind: 'separator' },
  ],
];


