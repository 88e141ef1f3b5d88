// Who a list covers. A list of only some people is not the whole group (DOMAIN.md, "Who a table covers"):
// a 女性两委成员名单 gives the women on the committees, a 女性村民代表名单 the women among the representatives,
// a list of the newly elected (新进班子成员) some of the members. Such a list becomes counts, never a roster
// judged as the whole committee: totals come only from where the file gives them (a totals column, a totals
// sheet), else they stay unknown.

import type { CommitteeCounts, Finding, PartKind, PersonRow, RepresentativeCounts, SourceRef, VillagePart } from '../../model.ts';
import { mergePersons } from '../../persons.ts';
import { normalizePlaceName } from '../../text.ts';

export type Population = 'all' | 'women' | 'some';

/** Names a list of women only: 女性两委成员, 女干部, 女性村民代表, 女代表 … */
const WOMEN_LIST = /女性|女干部|女委员|女成员|女代表|女村民代表|女居民代表|妇女干部/u;
/** Names a list of the newly elected only: 新进班子成员, 新进入, 新晋, 仅填报…新 … */
const NEW_ONLY_LIST = /新进|新晋|新增|仅填报?.{0,16}新/u;
/** Names the outgoing term: a list of history, not of the committees of today. */
export const OUTGOING_TERM = /上届|上一届|换届前|原班子|离任|届满/u;

/**
 * What a list's own words (sheet name, title lines) say it covers, checked against its rows: a women's list
 * holds only women (a list titled so but holding men is the whole group under a theme title).
 */
export function listPopulation(naming: readonly string[], rows: readonly PersonRow[], where: { township: string; village: string }): Population {
  const text = naming.map((t) => normalizePlaceName(t)).join(' ');
  if (NEW_ONLY_LIST.test(text)) return 'some';
  if (!WOMEN_LIST.test(text)) return 'all';
  const persons = mergePersons(rows, rows, where).persons;
  const known = persons.filter((p) => p.gender !== 'unknown');
  return known.length > 0 && known.every((p) => p.gender === 'female') ? 'women' : 'all';
}

/** The same test over a whole table's rows: any man among them makes it no women's list. */
export function namesPartialList(naming: readonly string[]): boolean {
  const text = naming.map((t) => normalizePlaceName(t)).join(' ');
  return NEW_ONLY_LIST.test(text) || WOMEN_LIST.test(text);
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
