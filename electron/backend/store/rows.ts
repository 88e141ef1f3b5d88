// PersonRow ⇄ table row. Seats are stored as compact text ("party:secretary villagers:director"):
// 200,000 rows are written in one import, and JSON per row would double the time.

import type { Committee, Gender, PersonRow, Seat, SeatRole } from '../../../shared/model.ts';

const COMMITTEES = new Set<Seat['committee']>(['party', 'villagers', 'either']);
const ROLES = new Set<SeatRole>(['secretary', 'deputySecretary', 'director', 'deputyDirector', 'member']);

/** `?` after the seats: the row's post may or may not be a seat (PersonRow.seatUnknown). */
export function encodeSeats(seats: readonly Seat[], seatUnknown = false): string {
  const text = seats.length === 1 ? `${seats[0].committee}:${seats[0].role}` : seats.map((s) => `${s.committee}:${s.role}`).join(' ');
  return seatUnknown ? (text ? `${text} ?` : '?') : text;
}

export function decodeSeats(text: string): Seat[] {
  if (!text) return [];
  const out: Seat[] = [];
  for (const item of text.split(' ')) {
    const i = item.indexOf(':');
    const committee = item.slice(0, i) as Committee | 'either';
    const role = item.slice(i + 1) as SeatRole;
    if (COMMITTEES.has(committee) && ROLES.has(role)) out.push({ committee, role });
  }
  return out;
}

/**
 * The stored texts of a row's seats and other posts, made once per distinct array: the reader (and
 * unpacking) give every row with the same post phrase the same arrays, so a million rows need a few
 * hundred encodings, not a million.
 */
export class RowTexts {
  private readonly seatTexts = new Map<readonly Seat[], [string, string]>();
  private readonly postTexts = new Map<readonly string[], string | null>();

  seats(seats: readonly Seat[], seatUnknown: boolean): string {
    let pair = this.seatTexts.get(seats);
    if (!pair) this.seatTexts.set(seats, (pair = [encodeSeats(seats, false), encodeSeats(seats, true)]));
    return pair[seatUnknown ? 1 : 0];
  }

  posts(otherPosts: readonly string[]): string | null {
    let text = this.postTexts.get(otherPosts);
    if (text === undefined) this.postTexts.set(otherPosts, (text = otherPosts.length ? JSON.stringify(otherPosts) : null));
    return text;
  }
}

export const bool = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);
export const unbool = (n: number | null): boolean | null => (n === null || n === undefined ? null : n !== 0);

export interface PersonRowRecord {
  row: number | null;
  name: string;
  display_name: string;
  declared_gender: string;
  id_number: string | null;
  id_from_number: number;
  post_text: string;
  seats: string;
  is_chair: number;
  other_posts: string | null;
  representative: number | null;
  education?: string | null;
  birth_date?: string | null;
  stated_age?: number | null;
}

/** The person_rows columns decodePersonRow reads, for a SELECT. */
export const PERSON_ROW_COLUMNS =
  'row, name, display_name, declared_gender, id_number, id_from_number, post_text, seats, is_chair, other_posts, representative, education, birth_date, stated_age';

export function decodePersonRow(r: PersonRowRecord, file: string, sheet: string): PersonRow {
  return {
    source: { file, sheet, row: r.row },
    name: r.name,
    displayName: r.display_name,
    declaredGender: r.declared_gender as Gender,
    idNumber: r.id_number,
    idFromNumber: r.id_from_number !== 0,
    postText: r.post_text,
    seats: decodeSeats(r.seats),
    seatUnknown: r.seats === '?' || r.seats.endsWith(' ?'),
    isChair: r.is_chair !== 0,
    otherPosts: r.other_posts ? (JSON.parse(r.other_posts) as string[]) : [],
    representative: unbool(r.representative),
    education: r.education ?? null,
    birthDate: r.birth_date ?? null,
    statedAge: r.stated_age ?? null,
  };
}
