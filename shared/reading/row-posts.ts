// The posts of one roster row, read where they stand: in post columns that name a body (党组织职务 / 村委会职务 /
// 村务监督委员会职务 / 村妇联职务), under a section heading that names one ("二、村民委员会"), on a list a body's
// name heads (a sheet "村妇联"). Under a heading the reader does not know, a seat is only possible (seatUnknown).

import { parsePost, type PostParse } from '../seats.ts';
import { parseYesNo } from '../text.ts';
import { NO_POST_CELL } from '../vocabulary/index.ts';
import { bodyOfPostHeader, joinPosts, postInBody, type Body } from './bodies.ts';
import { columnsOf } from './columns.ts';
import type { Walker } from './walker.ts';

export interface RowPosts {
  /** The post text as written (post columns joined with 、). */
  post: string;
  parsed: PostParse;
  /** The row stands under a heading of the outgoing term: history, not counted. */
  outgoing: string | null;
  /** The heading of a body the reader does not know, when the row's post might be a seat under it. */
  unknownBody: string | null;
  /** The row stands under a 村民代表 heading. */
  underRepresentatives: boolean;
}

/** A seat matrix's cell says the seat is held: any mark or word but a no (否, ×, 0) or a blank. */
function marked(text: string): boolean {
  return text !== '' && parseYesNo(text) !== false && !NO_POST_CELL.test(text);
}

const NO_POST: PostParse = Object.freeze({ seats: [], isChair: false, isRepresentative: false, otherPosts: [], unrecognised: [] }) as PostParse;

/** A reader of each row's posts for a roster walk; `listBody` is the body the list's own name gives (村妇联), if any. */
export function rowPostsReader(w: Walker, listBody: Body | null, placeSeats: (p: PostParse) => PostParse): (r: number) => RowPosts {
  const columns = columnsOf(w.mapping, 'post').map((c) => ({ c, body: bodyOfPostHeader(w.mapping.headers.get(c) ?? ''), seat: null as string | null }));
  // A seat matrix: a column per seat, marked (✓ 是 1 …) or with the post written again; its header names the seat.
  for (const c of columnsOf(w.mapping, 'seatMark')) columns.push({ c, body: null, seat: w.mapping.headers.get(c) ?? '' });
  columns.sort((a, b) => a.c - b.c);
  const byColumn = columns.some((x) => x.body !== null);
  return (r) => {
    const section = w.sectionBody();
    const outgoing = section?.body === 'outgoing' ? section.heading : null;
    const under = section && section.body !== 'committees' && section.body !== 'outgoing' ? section.body : listBody;
    const underRepresentatives = under === 'representatives';
    const cells = columns
      .map((x) => ({ text: x.seat === null ? w.rowText(r, x.c) : marked(w.rowText(r, x.c)) ? x.seat : '', body: x.body }))
      .filter((x) => x.text && !NO_POST_CELL.test(x.text));
    const post = cells.map((x) => x.text).join('、');
    if (!post) return { post, parsed: NO_POST, outgoing, unknownBody: null, underRepresentatives };
    const key = `${under ?? ''}\u0001${byColumn ? cells.map((x) => `${x.body ?? ''}:${x.text}`).join('\u0001') : post}`;
    const parsed = w.memo('posts', key, () => {
      if (!byColumn) return placeSeats(under && under !== 'unknown' ? postInBody(post, under) : parsePost(post));
      return placeSeats(cells.reduce((acc, x) => joinPosts(acc, x.body ?? (under && under !== 'unknown' ? under : null) ? postInBody(x.text, (x.body ?? under)!) : parsePost(x.text)), NO_POST));
    });
    // Under a heading not understood: whatever seat the post names is only possible.
    const unknownBody = under === 'unknown' && section && (parsed.seats.length > 0 || parsed.unrecognised.length > 0) ? section.heading : null;
    return { post, parsed: unknownBody ? { ...parsed, seats: [], unrecognised: [] } : parsed, outgoing, unknownBody, underRepresentatives };
  };
}
