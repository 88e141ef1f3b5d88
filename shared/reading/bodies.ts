// Rows under a heading, or in a column, that names a body belong to that body (DOMAIN.md, "Who a table covers"):
// 主任 under 村民委员会 is its director, 主任 under 村务监督委员会 no seat, 主席 under 村妇联 the chair. A heading
// that names a body the reader does not know makes the seats under it unknown, never ignored in silence; a
// heading of the outgoing term (上届班子) makes the rows under it history.

import { parsePost, type PostParse } from '../seats.ts';
import { normalizePlaceName } from '../text.ts';
import { OUTGOING_TERM } from './population.ts';

export type Body = 'party' | 'villagers' | 'committees' | 'supervision' | 'federation' | 'representatives' | 'outgoing' | 'unknown';

const FEDERATION = /妇联|妇女联合会|妇代会|妇女代表大会|妇女代表会/u;
const SUPERVISION = /监督委员会|监委会|监委|监督小组|村监会|务监会|监督委/u;
const REPRESENTATIVES = /村民代表|居民代表|代表/u;
const BOTH = /两委|班子/u;
const PARTY = /党组织|党支部|党总支|党委|支部|支委|总支/u;
const VILLAGERS = /村委会|村民委员会|居委会|居民委员会|村委|居委/u;
/** A heading shaped like a body's name that none of the above is: "…委员会", "…会议", "…小组" … */
const BODY_SHAPED = /(委员会|会议|理事会|议事会|协会|联合会|小组)$/u;

/** "一、", "（二）", "3.", "第一部分" before a heading; "（3人）", "：" after it. */
export function headingCore(label: string): string {
  return normalizePlaceName(label)
    .replace(/^(第[一二三四五六七八九十]+(部分|项)?|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．)）])\s*/u, '')
    .replace(/[（(][^)）]*[)）]$/u, '')
    .replace(/[:：]$/u, '')
    .trim();
}

/** The body a heading or a column header names, or null when it names none (then it is no body heading). */
export function bodyOfHeading(label: string): Body | null {
  const t = headingCore(label);
  if (!t || t.length > 24) return null;
  if (OUTGOING_TERM.test(t)) return 'outgoing';
  if (FEDERATION.test(t)) return 'federation';
  if (SUPERVISION.test(t)) return 'supervision';
  const party = PARTY.test(t);
  const villagers = VILLAGERS.test(t);
  if (BOTH.test(t) && party === villagers) return 'committees';
  if (party && !villagers) return 'party';
  if (villagers && !party) return 'villagers';
  if (party && villagers) return 'committees';
  if (REPRESENTATIVES.test(t)) return 'representatives';
  return BODY_SHAPED.test(t) ? 'unknown' : null;
}

/** The body a post column's header names ("党组织职务", "村妇联", "村务监督委员会职务"), or null (a plain 职务). */
export function bodyOfPostHeader(header: string): Exclude<Body, 'outgoing' | 'unknown' | 'representatives'> | null {
  const t = normalizePlaceName(header).replace(/职务|职位|任职|岗位|情况|名称/gu, '');
  if (!t) return null;
  const b = bodyOfHeading(t);
  return b === 'outgoing' || b === 'unknown' || b === 'representatives' ? null : b;
}

const PREFIX: Partial<Record<Body, string>> = { party: '党支部', villagers: '村委会', supervision: '村务监督委员会', federation: '村妇联' };
const TOKEN_SEPARATORS = /[、,，;；/／\s]+/u;

export function joinPosts(a: PostParse, b: PostParse): PostParse {
  const seats = [...a.seats];
  for (const s of b.seats) if (!seats.some((x) => x.committee === s.committee && x.role === s.role)) seats.push(s);
  return {
    seats,
    isChair: a.isChair || b.isChair,
    isRepresentative: a.isRepresentative || b.isRepresentative,
    otherPosts: [...new Set([...a.otherPosts, ...b.otherPosts])],
    unrecognised: [...new Set([...a.unrecognised, ...b.unrecognised])],
  };
}

const EMPTY: PostParse = { seats: [], isChair: false, isRepresentative: false, otherPosts: [], unrecognised: [] };

/** One post token read as the body it stands under says: a bare 主任 / 委员 / 主席 takes the body's name. */
function tokenInBody(token: string, body: Body): PostParse {
  const plain = parsePost(token);
  const prefix = PREFIX[body];
  if (!prefix || bodyOfHeading(token) !== null) return plain;
  const named = parsePost(prefix + token);
  if (body === 'federation' || body === 'supervision') return named.unrecognised.length ? plain : named;
  // Party or villagers: a seat not tied to a committee, or a word only the body explains.
  const loose = plain.unrecognised.length > 0 || plain.seats.some((s) => s.committee === 'either');
  return loose && named.seats.length > 0 && named.unrecognised.length === 0 ? named : plain;
}

/**
 * A post written under a body (a block heading or a column header naming it). The supervision committee and
 * the 村妇联 give no seat unless the post itself names one ("村委委员、妇联主席" under 村妇联 keeps its seat).
 */
export function postInBody(post: string, body: Body): PostParse {
  const tokens = post.split(TOKEN_SEPARATORS).filter(Boolean);
  let out = EMPTY;
  for (const t of tokens) out = joinPosts(out, tokenInBody(t, body));
  if (body === 'representatives') out = { ...out, isRepresentative: true };
  return out;
}
