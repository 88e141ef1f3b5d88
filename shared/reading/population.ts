// Who a list covers. A list of only some people is not the whole group (DOMAIN.md, "Who a table covers"):
// a 女性两委成员名单 gives the women on the committees, a 女性村民代表名单 the women among the representatives,
// a list of the newly elected (新进班子成员) some of the members. Such a list becomes counts, never a roster
// judged as the whole committee: totals come only from where the file gives them (a totals column, a totals
// sheet), else they stay unknown.

import type { CommitteeCounts, Finding, PartKind, PersonRow, RepresentativeCounts, SourceRef, VillagePart } from '../model.ts';
import { mergePersons } from '../persons.ts';
import { normalizePlaceName } from '../text.ts';

export type Population = 'all' | 'women' | 'some';

/** Names a list of women only: 女性两委成员, 女干部, 女性村民代表, 女代表 … */
const WOMEN_LIST = /女性|女干部|女委员|女成员|女代表|女村民代表|女居民代表|妇女干部/u;
/** Names a list of the newly elected only: 新进班子成员, 新进入, 新晋, 仅填报…新 … */
const NEW_ONLY_LIST = /新进|新晋|新增|仅填报?.{0,16}新/u;
/** Names the outgoing term: a list of history, not of the committees of today. */
export const OUTGOING_TERM = /上届|上一届|换届前(?!后)|原班子/u;

/**
 * What a list's own words (sheet name, title lines) say it covers, checked against its rows: a women's list
 * holds only women (a list titled so but holding men is the whole group under a theme title).
 */
export function listPopulation(naming: readonly string[], rows: readonly PersonRow[]): Population {
  const text = naming.map((t) => normalizePlaceName(t)).join(' ');
  if (NEW_ONLY_LIST.test(text)) return 'some';
  if (!WOMEN_LIST.test(text)) return 'all';
  const persons = mergePersons(rows, rows, { township: '', village: '' }).persons;
  const known = persons.filter((p) => p.gender !== 'unknown');
  return known.length > 0 && known.every((p) => p.gender === 'female') ? 'women' : 'all';
}


/** Totals a file gives beside a list (columns on the list, or a totals sheet), per part. */
export interface CarriedCounts {
  committees?: CommitteeCounts;
  representatives?: RepresentativeCounts;
}

/**
 * A partial list of one village → counts parts. Women-only: the women are exact, the totals as carried (else
 * null). Newly elected only: the seated women are a lower bound (said in a finding), the rest unknown.
 */
export function partialParts(
  rows: readonly PersonRow[],
  kinds: readonly PartKind[],
  population: Exclude<Population, 'all'>,
  carried: CarriedCounts,
  source: SourceRef,
  where: { township: string; village: string },
): { parts: VillagePart[]; findings: Finding[] } {
  const merged = mergePersons(rows, rows, where);
  const findings: Finding[] = [...merged.findings];
  const persons = merged.persons;
  const parts: VillagePart[] = [];
  const at = { file: source.file, sheet: source.sheet, row: source.row, ...where };
  if (kinds.includes('committees')) {
    const seated = persons.filter((p) => p.seats.length > 0);
    const seatedWomen = seated.filter((p) => p.gender === 'female').length;
    const chairs = persons.filter((p) => p.isChair);
    const chairSeated = chairs.length === 0 ? null : chairs.some((p) => p.seats.length > 0) ? true : population === 'women' ? false : null;
    let women: number | null = population === 'women' ? seatedWomen : null;
    if (population === 'some' && seatedWomen > 0) {
      women = seatedWomen;
      findings.push({ severity: 'info', code: 'row-note', ...at, message: `名单只列出新进班子的成员，不是全部两委成员：两委女性成员至少${seatedWomen}人，按${seatedWomen}人计；两委成员总数不详` });
    }
    const c = carried.committees;
    parts.push({ kind: 'committees', form: 'counts', counts: { members: c?.members ?? null, women: women ?? c?.women ?? null, chairSeated: chairSeated ?? c?.chairSeated ?? null }, source });
  }
  if (kinds.includes('representatives')) {
    const reps = persons.filter((p) => p.isRepresentative);
    const c = carried.representatives;
    const women = population === 'women' ? reps.filter((p) => p.gender === 'female').length : null;
    parts.push({ kind: 'representatives', form: 'counts', counts: { total: c?.total ?? null, women: women ?? c?.women ?? null }, source });
  }
  return { parts, findings };
}

/** Counts of one part from several tables of a file (a totals sheet and a women's list): each figure from the first that gives it. */
export function joinCommitteeCounts(a: CommitteeCounts, b: CommitteeCounts): CommitteeCounts {
  return { members: a.members ?? b.members, women: a.women ?? b.women, chairSeated: a.chairSeated ?? b.chairSeated };
}
export function joinRepresentativeCounts(a: RepresentativeCounts, b: RepresentativeCounts): RepresentativeCounts {
  return { total: a.total ?? b.total, women: a.women ?? b.women };
}

/**
 * The parts one village's rows give: a roster part per kind the list covers, or counts when the list covers
 * only some of the people; counts the rows carried (population.ts's totals, carried-counts.ts) beside them.
 */
export function villageParts(
  g: { township: string; village: string; rows: PersonRow[] },
  covers: readonly PartKind[],
  population: Population,
  source: SourceRef,
  carried: { counts: CarriedCounts; source: SourceRef } | null,
): { parts: VillagePart[]; findings: Finding[]; partial: string | null } {
  const where = { township: g.township, village: g.village };
  if (population !== 'all') {
    const read = partialParts(g.rows, covers, population, carried?.counts ?? {}, source, where);
    const note = population === 'women' ? '只列女性的名单（不是全部成员）：女性人数据名单，总数据表中另行填写的总数，未填写则不详' : '只列新进人员的名单（不是全部成员）：据此只能确认名单中的人，总数不详';
    return { ...read, partial: note };
  }
  const parts = covers.map((kind) => ({ kind, form: 'roster', rows: g.rows, source, dedicated: covers.length === 1 }) as VillagePart);
  // Counts carried beside the persons: a part of their own where the roster does not list it, else the
  // roster is judged and these compared (check.ts).
  if (carried?.counts.committees) parts.push({ kind: 'committees', form: 'counts', counts: carried.counts.committees, source: carried.source });
  if (carried?.counts.representatives) parts.push({ kind: 'representatives', form: 'counts', counts: carried.counts.representatives, source: carried.source });
  return { parts, findings: [], partial: null };
}

type CountsPart = Extract<VillagePart, { form: 'counts' }>;

/**
 * Counts parts of one kind that complement each other (no figure both give differently) → one part, each figure
 * from the part that gives it. Parts that contradict each other are left as they are (check.ts reports them).
 */
export function joinCountParts(parts: readonly VillagePart[]): VillagePart[] {
  const counts = parts.filter((p): p is CountsPart => p.form === 'counts');
  if (counts.length !== parts.length) return [...parts];
  let joined: CountsPart = counts[0];
  for (const p of counts.slice(1)) {
    if (joined.kind === 'committees' && p.kind === 'committees') {
      const a = joined.counts;
      const b = p.counts;
      if (clash(a.members, b.members) || clash(a.women, b.women) || clash(a.chairSeated, b.chairSeated)) return [...parts];
      joined = { ...joined, counts: joinCommitteeCounts(a, b) };
    } else if (joined.kind === 'representatives' && p.kind === 'representatives') {
      const a = joined.counts;
      const b = p.counts;
      if (clash(a.total, b.total) || clash(a.women, b.women)) return [...parts];
      joined = { ...joined, counts: joinRepresentativeCounts(a, b) };
    } else return [...parts];
  }
  return [joined];
}

function clash<T>(a: T | null, b: T | null): boolean {
  return a !== null && b !== null && a !== b;
}
