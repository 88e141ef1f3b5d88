// Committees rosters over time: a later roster replaces only the committees (and the chair) it covers.

import { describe, expect, it } from 'vitest';
import type { PersonRow, Seat } from '../../shared/model.ts';
import { coverageOf, isFull, overlayCommittees, overlaps } from '../../shared/overlay.ts';

const party: Seat = { committee: 'party', role: 'member' };
const villagers: Seat = { committee: 'villagers', role: 'member' };
const either: Seat = { committee: 'either', role: 'member' };

function row(name: string, seats: Seat[], isChair = false): PersonRow {
  return {
    source: { file: 'f.xlsx', sheet: 'S', row: 1 },
    name,
    displayName: name,
    declaredGender: 'unknown',
    idNumber: null,
    idFromNumber: false,
    postText: '',
    seats,
    isChair,
    otherPosts: [],
    seatUnknown: false,
    representative: null,
  };
}

describe('coverageOf', () => {
  it('names the committees a roster lists seats on, and the chair', () => {
    expect(coverageOf([row('甲', [party]), row('乙', [], true)])).toEqual({ party: true, villagers: false, chair: true });
    expect(coverageOf([row('丙', [either])])).toEqual({ party: true, villagers: true, chair: false });
    expect(isFull(coverageOf([row('甲', [party, villagers], true)]))).toBe(true);
    expect(overlaps(coverageOf([row('甲', [party])]), coverageOf([row('乙', [villagers])]))).toBe(false);
  });
});

describe('overlayCommittees', () => {
  it('a Party roster leaves the villagers’ committee of the older roster, and a cross-holder keeps her other seat', () => {
    const older = [row('甲', [party]), row('乙', [villagers]), row('丙', [party, villagers], true)];
    const newer = [row('丁', [party])];
    const out = overlayCommittees(older, newer);
    expect(out.map((r) => `${r.name}:${r.seats.map((s) => s.committee).join('+')}${r.isChair ? '*' : ''}`)).toEqual(['丁:party', '乙:villagers', '丙:villagers*']);
  });
  it('a list of the chair alone replaces only the chair', () => {
    const older = [row('甲', [party], true), row('乙', [villagers])];
    const out = overlayCommittees(older, [row('丙', [], true)]);
    expect(out.map((r) => `${r.name}${r.isChair ? '*' : ''}`)).toEqual(['丙*', '甲', '乙']);
  });
  it('a roster of both committees and the chair replaces everything', () => {
    expect(overlayCommittees([row('甲', [party], true)], [row('乙', [party, villagers], true)]).map((r) => r.name)).toEqual(['乙']);
  });
});
