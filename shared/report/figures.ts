// The county's figures, computed in ONE place: per township and for the county, how many villages are
// expected (on the master list), reported, not reported, off the list, compliant, noncompliant and
// incomplete, and each rule part's pass rate. The backend's views, the CLI's status, the window and every
// report take their figures from here, so they can never disagree. Pure (no node:*).

import type { Outcome, VillageStatus } from '../model.ts';

export interface PartTally {
  pass: number;
  fail: number;
  unknown: number;
  /** pass / (pass + fail + unknown); null when no village was judged on this part. */
  passRate: number | null;
}

export interface Figures {
  township: string;
  /** Villages on the master list; null while no list is set. */
  expected: number | null;
  /** Villages with a current roster (on the list or not). */
  reported: number;
  /** On the list and not reported; null while no list is set. */
  notReported: number | null;
  /** Reported but not on the list; null while no list is set. */
  unexpected: number | null;
  compliant: number;
  noncompliant: number;
  incomplete: number;
  parts: Record<string, PartTally>;
}

export interface TownshipFigures extends Figures {
  townshipId: number;
}

/** What the figures need to know of a village: where it is, whether listed or reported, and its verdict. */
export interface FigureRow {
  townshipId: number;
  township: string;
  expected: boolean;
  reported: boolean;
  status: VillageStatus | null;
  rules: Record<string, Outcome>;
}

/** The figures of one group of villages (a township, or the county). */
export function figuresOf(name: string, rows: readonly FigureRow[], listSet: boolean, partOrder: ReadonlyArray<{ id: string }>): Figures {
  const reported = rows.filter((r) => r.reported);
  const parts: Figures['parts'] = {};
  for (const { id } of partOrder) {
    const t = { pass: 0, fail: 0, unknown: 0 };
    for (const r of reported) {
      const o = r.rules[id];
      if (o) t[o]++;
    }
    const n = t.pass + t.fail + t.unknown;
    parts[id] = { ...t, passRate: n ? t.pass / n : null };
  }
  return {
    township: name,
    expected: listSet ? rows.filter((r) => r.expected).length : null,
    reported: reported.length,
    notReported: listSet ? rows.filter((r) => r.expected && !r.reported).length : null,
    unexpected: listSet ? reported.filter((r) => !r.expected).length : null,
    compliant: reported.filter((r) => r.status === 'compliant').length,
    noncompliant: reported.filter((r) => r.status === 'noncompliant').length,
    incomplete: reported.filter((r) => r.status === 'incomplete').length,
    parts,
  };
}

/** Every township's figures (in the order the rows first name them) and the county's. */
export function countyFigures(
  rows: readonly FigureRow[],
  listSet: boolean,
  partOrder: ReadonlyArray<{ id: string }>,
  countyName = '全县',
): { townships: TownshipFigures[]; county: Figures } {
  const byTownship = new Map<number, FigureRow[]>();
  for (const r of rows) {
    const list = byTownship.get(r.townshipId) ?? [];
    list.push(r);
    byTownship.set(r.townshipId, list);
  }
  const townships: TownshipFigures[] = [];
  for (const [id, list] of byTownship) townships.push({ townshipId: id, ...figuresOf(list[0].township, list, listSet, partOrder) });
  return { townships, county: figuresOf(countyName, rows, listSet, partOrder) };
}
