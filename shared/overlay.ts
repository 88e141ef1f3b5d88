// The committees of a village given by several rosters over time. The Party committee and the villagers'
// committee are elected weeks apart and often sent apart (DOMAIN.md): a roster of one committee, or a
// list of the chair alone, replaces only what it covers, and the rest of the older roster stays.

import type { PersonRow } from './model.ts';

/** What a committees roster speaks for: a committee when it lists a seat on it; the chair when it names her. */
export interface Coverage {
  party: boolean;
  villagers: boolean;
  chair: boolean;
}

export function coverageOf(rows: readonly PersonRow[]): Coverage {
  const c: Coverage = { party: false, villagers: false, chair: false };
  for (const r of rows) {
    if (r.isChair) c.chair = true;
    // A post not understood, or a member of no named committee, may be on either.
    if (r.seatUnknown) c.party = c.villagers = true;
    for (const s of r.seats) {
      if (s.committee === 'party') c.party = true;
      else if (s.committee === 'villagers') c.villagers = true;
      else c.party = c.villagers = true;
    }
    if (c.party && c.villagers && c.chair) break;
  }
  return c;
}

export function overlaps(a: Coverage, b: Coverage): boolean {
  return (a.party && b.party) || (a.villagers && b.villagers) || (a.chair && b.chair);
}

export function isFull(c: Coverage): boolean {
  return c.party && c.villagers && c.chair;
}

/**
 * The newer roster over the older: all of the newer rows, and of the older rows only the seats on a
 * committee the newer roster does not cover (and the chair, if it names none). An older row left with
 * nothing of that is dropped.
 */
export function overlayCommittees(older: readonly PersonRow[], newer: readonly PersonRow[]): PersonRow[] {
  const cover = coverageOf(newer);
  const out: PersonRow[] = [...newer];
  for (const r of older) {
    const seats = r.seats.filter((s) => (s.committee === 'party' ? !cover.party : s.committee === 'villagers' ? !cover.villagers : !(cover.party && cover.villagers)));
    const isChair = r.isChair && !cover.chair;
    const seatUnknown = r.seatUnknown && !(cover.party && cover.villagers);
    if (seats.length === 0 && !isChair && !seatUnknown) continue;
    out.push(seats.length === r.seats.length && isChair === r.isChair && seatUnknown === r.seatUnknown ? r : { ...r, seats, isChair, seatUnknown });
  }
  return out;
}
