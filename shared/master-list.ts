// The master list (应报村名单) against what was reported, matching names as people write them: 港口 on
// the list and 港口村 in a submission are one village, 青山 and 青山镇 one township, 港口居委会 and 港口社区
// one place. A loose match is said (an info finding); two candidates for one name match neither (a
// warning says which). Reported villages that are not on the list are flagged (不在应报名单). Pure.

import type { Finding } from './model.ts';
import { cleanTownship, villageKey } from './places.ts';

/** What matching needs of a place: its ids and names, and whether it is on the list and reported. */
export interface ListedPlace {
  id: number;
  townshipId: number;
  township: string;
  village: string;
  expected: boolean;
  reported: boolean;
}

const TOWNSHIP_WORD = /(街道|镇|乡)$/u;
const VILLAGE_WORD = /(村民委员会|居民委员会|村委会|居委会|社区|嘎查|村)$/u;

/** "青山镇" and "青山" → "青山"; a name that is only the word stays whole. */
export function townshipStem(name: string): string {
  const n = cleanTownship(name);
  const s = n.replace(TOWNSHIP_WORD, '');
  return s || n;
}

/** "港口村", "港口社区居委会", "港口居委会" and "港口" → "港口". */
export function villageStem(name: string): string {
  let n = villageKey(name);
  for (let s = n.replace(VILLAGE_WORD, ''); s && s !== n; s = n.replace(VILLAGE_WORD, '')) n = s;
  return n;
}

export interface MasterListMatch<T extends ListedPlace> {
  /** One row a village: a list entry matched loosely is folded into the reported village it names. */
  rows: T[];
  /** Loose matches (info), names with two candidates (warning), villages not on the list (warning). */
  findings: Finding[];
  /** A list entry's village id → the reported village it was folded into. */
  joins: Map<number, number>;
  /** A township only the list names → the reported township it joined. */
  townshipJoins: Map<number, { id: number; name: string }>;
}

function note(severity: Finding['severity'], code: Finding['code'], listFile: string, message: string, at?: { township: string; village?: string }): Finding {
  return { severity, code, file: listFile, sheet: null, row: null, message, ...(at ? { township: at.township, ...(at.village ? { village: at.village } : {}) } : {}) };
}

/**
 * Matches the list entries not reported under their own name to reported villages not on the list
 * under theirs. Rows without a list (`listSet` false) are returned as they are.
 */
export function matchMasterList<T extends ListedPlace>(rows: readonly T[], listSet: boolean, listFile = '应报村名单'): MasterListMatch<T> {
  const joins = new Map<number, number>();
  const townshipJoins = new Map<number, { id: number; name: string }>();
  if (!listSet) return { rows: [...rows], findings: [], joins, townshipJoins };
  const findings: Finding[] = [];
  const out = joinTownships(rows, listFile, findings, townshipJoins);

  const listOnly = out.filter((r) => r.expected && !r.reported);
  const reportedOnly = out.filter((r) => r.reported && !r.expected);
  const key = (r: T) => `${r.townshipId}|${villageStem(r.village)}`;
  const byKey = <U extends T>(list: U[]) => {
    const m = new Map<string, U[]>();
    for (const r of list) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return m;
  };
  const listByKey = byKey(listOnly);
  const reportedByKey = byKey(reportedOnly);
  const folded = new Set<T>();
  const merged = new Map<T, T>();
  for (const [k, listed] of listByKey) {
    const found = reportedByKey.get(k) ?? [];
    if (found.length === 0) continue;
    if (listed.length === 1 && found.length === 1) {
      const [l] = listed;
      const [r] = found;
      folded.add(l);
      joins.set(l.id, r.id);
      merged.set(r, { ...r, expected: true });
      findings.push(note('info', 'list-place-joined', listFile, `应报名单中的“${l.township} ${l.village}”与报送的“${r.township} ${r.village}”按同一个村计`, r));
      continue;
    }
    const names = (xs: T[]) => xs.map((x) => `“${x.village}”`).join('');
    const [first] = listed;
    findings.push(
      note(
        'warning',
        'list-place-ambiguous',
        listFile,
        `${first.township}：应报名单中的${names(listed)}与报送的${names(found)}名称相近，无法确定哪个对应哪个，均未对应（计为未报送和名单外）；请在名单或报表中写全村名`,
        { township: first.township },
      ),
    );
  }
  const result = out.filter((r) => !folded.has(r)).map((r) => merged.get(r) ?? r);
  for (const r of result) {
    if (r.reported && !r.expected) findings.push(note('warning', 'off-list', listFile, `${r.township} ${r.village}：已报送，但不在应报村名单中（不在应报名单）`, r));
  }
  return { rows: result, findings, joins, townshipJoins };
}

/** A township that only the list names ("青山") joins the one reported township it is the stem of ("青山镇"). */
function joinTownships<T extends ListedPlace>(rows: readonly T[], listFile: string, findings: Finding[], remap: Map<number, { id: number; name: string }>): T[] {
  const names = new Map<number, string>();
  const reportedTownships = new Set<number>();
  for (const r of rows) {
    if (!names.has(r.townshipId)) names.set(r.townshipId, r.township);
    if (r.reported) reportedTownships.add(r.townshipId);
  }
  for (const [id, name] of names) {
    if (reportedTownships.has(id)) continue;
    const stem = townshipStem(name);
    const fits = [...reportedTownships].filter((t) => townshipStem(names.get(t)!) === stem);
    if (fits.length === 1) {
      remap.set(id, { id: fits[0], name: names.get(fits[0])! });
      findings.push(note('info', 'list-place-joined', listFile, `应报名单中的乡镇“${name}”与报送的“${names.get(fits[0])}”按同一个乡镇计`, { township: names.get(fits[0])! }));
    } else if (fits.length > 1) {
      findings.push(
        note('warning', 'list-place-ambiguous', listFile, `应报名单中的乡镇“${name}”可对应报送的${fits.map((t) => `“${names.get(t)}”`).join('')}，无法确定，均未对应；请在名单中写全乡镇名`, { township: name }),
      );
    }
  }
  if (remap.size === 0) return [...rows];
  return rows.map((r) => {
    const to = remap.get(r.townshipId);
    return to ? { ...r, townshipId: to.id, township: to.name } : r;
  });
}
