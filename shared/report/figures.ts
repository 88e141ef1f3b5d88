// The county's figures, computed in ONE place: per township and for the county, how many villages are
// expected (on the master list), reported, not reported, off the list, compliant, noncompliant and
// incomplete, and each rule part's pass rate.
//
// The definitions, once (rows are villages after shared/master-list.ts matched the list's names):
//   应报 expected    = on the list                          (null while no list is set)
//   已报 reported    = on the list and reported             (every reported village while no list is set)
//   未报 notReported = 应报 − 已报                            (null while no list is set)
//   名单外 offList   = reported and not on the list          (null while no list is set)
//   达标 + 不达标 + 数据不全 = every reported village = 已报 + 名单外 (已报 alone while no list is set)
// so that 已报 + 未报 = 应报 and 达标 + 不达标 + 数据不全 = 已报 + 名单外, for each township and the county. The backend's views, the CLI's status, the window and every
// report take their figures from here, so they can never disagree. The definitions are over per-status
// counts (FigureCounts), which SQL gives for the whole store and `tally` gives for rows. Pure (no node:*).

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
  /** On the list and reported (every reported village while no list is set). */
  reported: number;
  /** On the list and not reported (= expected − reported); null while no list is set. */
  notReported: number | null;
  /** Reported but not on the list (不在应报名单); null while no list is set. */
  offList: number | null;
  /** compliant, noncompliant and incomplete count every reported village: reported + offList. */
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

/** How many villages of one township share one state: on the list or not, and their status (null: not reported). */
export interface StatusCount {
  townshipId: number;
  township: string;
  expected: boolean;
  status: VillageStatus | null;
  villages: number;
}

/** How many reported villages of one township had one outcome on one rule part. */
export interface OutcomeCount {
  townshipId: number;
  part: string;
  outcome: Outcome;
  villages: number;
}

/**
 * What the figures are defined over: per-status and per-outcome counts. SQL gives them straight from the
 * store (electron/backend/store/views.ts figureCounts); `tally` gives them from rows. The townships in
 * the order `statuses` first names them.
 */
export interface FigureCounts {
  statuses: readonly StatusCount[];
  outcomes: readonly OutcomeCount[];
}

/** The counts of some villages' rows (the townships in the order the rows first name them). */
export function tally(rows: readonly FigureRow[]): FigureCounts {
  const statuses = new Map<string, StatusCount>();
  const outcomes = new Map<string, OutcomeCount>();
  for (const r of rows) {
    const status = r.reported ? r.status : null;
    const sk = `${r.townshipId}|${r.expected}|${status}`;
    const s = statuses.get(sk);
    if (s) s.villages++;
    else statuses.set(sk, { townshipId: r.townshipId, township: r.township, expected: r.expected, status, villages: 1 });
    if (!r.reported) continue;
    for (const [part, outcome] of Object.entries(r.rules)) {
      const ok = `${r.townshipId}|${part}|${outcome}`;
      const o = outcomes.get(ok);
      if (o) o.villages++;
      else outcomes.set(ok, { townshipId: r.townshipId, part, outcome, villages: 1 });
    }
  }
  return { statuses: [...statuses.values()], outcomes: [...outcomes.values()] };
}

/** The figures of one group of villages (a township, or the county), from their counts. */
export function figuresOfCounts(name: string, counts: FigureCounts, listSet: boolean, partOrder: ReadonlyArray<{ id: string }>): Figures {
  const sum = (pick: (c: StatusCount) => boolean) => counts.statuses.reduce((n, c) => (pick(c) ? n + c.villages : n), 0);
  const parts: Figures['parts'] = {};
  for (const { id } of partOrder) {
    const t = { pass: 0, fail: 0, unknown: 0 };
    for (const o of counts.outcomes) if (o.part === id) t[o.outcome] += o.villages;
    const n = t.pass + t.fail + t.unknown;
    parts[id] = { ...t, passRate: n ? t.pass / n : null };
  }
  return {
    township: name,
    expected: listSet ? sum((c) => c.expected) : null,
    reported: listSet ? sum((c) => c.expected && c.status !== null) : sum((c) => c.status !== null),
    notReported: listSet ? sum((c) => c.expected && c.status === null) : null,
    offList: listSet ? sum((c) => !c.expected && c.status !== null) : null,
    compliant: sum((c) => c.status === 'compliant'),
    noncompliant: sum((c) => c.status === 'noncompliant'),
    incomplete: sum((c) => c.status === 'incomplete'),
    parts,
  };
}

/** Every township's figures (in the order the counts first name them) and the county's, from counts. */
export function countyFiguresOfCounts(
  counts: FigureCounts,
  listSet: boolean,
  partOrder: ReadonlyArray<{ id: string }>,
  countyName = '全县',
): { townships: TownshipFigures[]; county: Figures } {
  const byTownship = new Map<number, { township: string; statuses: StatusCount[]; outcomes: OutcomeCount[] }>();
  for (const c of counts.statuses) {
    let t = byTownship.get(c.townshipId);
    if (!t) byTownship.set(c.townshipId, (t = { township: c.township, statuses: [], outcomes: [] }));
    t.statuses.push(c);
  }
  for (const o of counts.outcomes) byTownship.get(o.townshipId)?.outcomes.push(o);
  const townships: TownshipFigures[] = [];
  for (const [id, t] of byTownship) townships.push({ townshipId: id, ...figuresOfCounts(t.township, t, listSet, partOrder) });
  return { townships, county: figuresOfCounts(countyName, counts, listSet, partOrder) };
}

/** The figures of one group of villages (a township, or the county). */
export function figuresOf(name: string, rows: readonly FigureRow[], listSet: boolean, partOrder: ReadonlyArray<{ id: string }>): Figures {
  return figuresOfCounts(name, tally(rows), listSet, partOrder);
}

/** Every township's figures (in the order the rows first name them) and the county's. */
export function countyFigures(
  rows: readonly FigureRow[],
  listSet: boolean,
  partOrder: ReadonlyArray<{ id: string }>,
  countyName = '全县',
): { townships: TownshipFigures[]; county: Figures } {
  return countyFiguresOfCounts(tally(rows), listSet, partOrder, countyName);
}
