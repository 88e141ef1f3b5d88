// The bodies of a village, as people name them: the Party organisation, the villagers' committee, and the
// bodies that are no seat on the two committees. Every part of the reader that must know which body a word
// names (a post "支委委员", a header "党支部委员数", a sheet "村委会班子") takes it from here.

/** The village Party organisation (党支部 / 党总支 / 党委 of a village or 社区), "支委" short for its committee. */
export const PARTY_BODY_NAMES = [
  '党支部',
  '党总支',
  '党总支部',
  '党委',
  '党组织',
  '支部',
  '总支',
  '总支部',
  '党支部委员会',
  '党总支委员会',
  '党总支部委员会',
  '支部委员会',
  '总支委员会',
  '党委会',
] as const;

/** "支委": the Party committee in a word, in headers and sheet names ("支委人数", "支委班子"). */
export const PARTY_COMMITTEE_SHORT = '支委';

/** The villagers' committee (居民委员会 in a 社区). */
export const VILLAGERS_BODY_NAMES = ['村委', '村委会', '村民委员会', '居委', '居委会', '居民委员会'] as const;

/** The village (or 社区) affairs supervision committee: no seat on the two committees. */
export const SUPERVISION_BODY_NAMES = [
  '村务监督委员会',
  '村务监督委',
  '村务监督',
  '务监会',
  '监督委员会',
  '监委会',
  '监委',
  '监督委',
  '村务监督小组',
  '监督小组',
  '村监会',
  '监督会',
  // A 社区's supervisory committee
  '居务监督委员会',
  '居务监督委',
  '居务监督',
  '居监会',
  '居务监督小组',
] as const;

/** Both committees in a word. */
export const BOTH_COMMITTEES = /两委/u;

const alternation = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');

/** A Party-body name anywhere in a text (a header or a sheet name). */
export const PARTY_BODY = new RegExp(`${alternation(PARTY_BODY_NAMES)}|${PARTY_COMMITTEE_SHORT}`, 'u');
/** A villagers'-committee name anywhere in a text. */
export const VILLAGERS_BODY = new RegExp(alternation(VILLAGERS_BODY_NAMES), 'u');
/** The supervision committee's names that also contain a villagers'-committee word ("村务监督委员会"). */
export const SUPERVISION_OVER_VILLAGERS = /村务监督委员会|居务监督委员会/gu;
