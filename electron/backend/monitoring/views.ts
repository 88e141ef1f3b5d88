// The store's current state as the contract's views: every village reported or expected with its
// verdict, and the county's figures (computed by shared/report/figures.ts, the one place for them).

import type { Finding, PartKind, Verdict } from '../../../shared/model.ts';
import { matchMasterList, type ListedPlace } from '../../../shared/master-list.ts';
import { verdictJson } from '../../../shared/summary.ts';
import { countyFiguresOfCounts, type Figures, type TownshipFigures } from '../../../shared/report/figures.ts';
import type { HistoryEntry, PartRef, VillageRow } from '../../../shared/api.ts';
import type { StoreQueries, VerdictPartRecord, VerdictRecord } from '../store/store.ts';
import { figureCounts, partSummariesOf, queryVillages, storeStamp, verdictPartsOf, verdictsOf, type ListJoins, type VillageQuery } from '../store/views.ts';
import { verdictOf } from '../verdicts.ts';

/** The current verdicts, their parts and the current parts' sources, of all villages or of some. */
function verdictData(q: StoreQueries, ids?: readonly number[]) {
  const verdictRecs = ids ? verdictsOf<VerdictRecord>(q.db, ids) : q.currentVerdicts();
  const partRecs = ids ? verdictPartsOf<VerdictPartRecord>(q.db, verdictRecs.map((v) => v.id)) : q.currentVerdictParts();
  const summaries = ids ? partSummariesOf(q.db, ids) : q.currentPartSummaries();
  const partsBy = new Map<number, VerdictPartRecord[]>();
  for (const p of partRecs) {
    const list = partsBy.get(p.verdict_id) ?? [];
    list.push(p);
    partsBy.set(p.verdict_id, list);
  }
  const verdicts = new Map<number, Verdict>();
  for (const r of verdictRecs) verdicts.set(r.village_id, verdictOf(r, partsBy.get(r.id) ?? []));
  const partRefs = new Map<number, Record<PartKind, PartRef | null>>();
  const reportedAt = new Map<number, string>();
  for (const p of summaries) {
    let refs = partRefs.get(p.village_id);
    if (!refs) partRefs.set(p.village_id, (refs = { committees: null, representatives: null }));
    refs[p.kind] = { form: p.form, file: p.file_name, importId: p.import_id, importedAt: p.imported_at };
    const at = reportedAt.get(p.village_id);
    if (!at || p.imported_at > at) reportedAt.set(p.village_id, p.imported_at);
  }
  return { verdicts, partRefs, reportedAt };
}

type RowPlace = { id: number; townshipId: number; township: string; village: string; expected: boolean };

function toRow(place: RowPlace, data: ReturnType<typeof verdictData>): VillageRow {
  const v = data.verdicts.get(place.id);
  const json = v ? verdictJson(v) : null;
  return {
    ...place,
    reported: !!v,
    status: v ? v.status : null,
    rules: json ? json.rules : {},
    reasons: json ? json.reasons : {},
    counts: json ? json.counts : null,
    ruleSet: v ? v.ruleSet : null,
    reportedAt: data.reportedAt.get(place.id) ?? null,
    parts: data.partRefs.get(place.id) ?? { committees: null, representatives: null },
    ...(v?.provisional ? { provisional: v.provisional } : {}),
  };
}

type ListMatch = ReturnType<typeof matchMasterList<ListedPlace>> & { listSet: boolean };
const matchCache = new WeakMap<StoreQueries['db'], { stamp: string; match: ListMatch }>();

/**
 * The master list's loose matches (shared/master-list.ts) over every place's two flags. Kept until an
 * import, an undo or a new list changes what it was computed from (a page of the list then costs only
 * its query).
 */
export function listMatch(q: StoreQueries): ListMatch {
  const stamp = `${storeStamp(q.db)}@${q.cut()?.id ?? 'now'}`;
  const cached = matchCache.get(q.db);
  if (cached && cached.stamp === stamp) return cached.match;
  const list = q.masterList();
  const match = { ...matchMasterList(q.listedPlaces(), list !== null, list?.file_name), listSet: list !== null };
  matchCache.set(q.db, { stamp, match });
  return match;
}

const NO_JOINS: ListJoins = { joins: new Map(), townshipJoins: new Map() };

/** The master list's folds for the SQL views: none while no list is set (nothing to match, no places read). */
export function listJoins(q: StoreQueries): ListJoins & { listSet: boolean } {
  return q.masterList() === null ? { ...NO_JOINS, listSet: false } : listMatch(q);
}

/**
 * Every village that is reported or expected, with its current verdict; the master list's names matched
 * to the reported villages as people write them (shared/master-list.ts), and what that matching found.
 */
export function villageRows(q: StoreQueries): {
  rows: VillageRow[];
  verdicts: Map<number, Verdict>;
  partOrder: Array<{ id: string; label: string }>;
  listSet: boolean;
  listFindings: Finding[];
} {
  const data = verdictData(q);
  const partOrder: Array<{ id: string; label: string }> = [];
  for (const v of data.verdicts.values()) for (const p of v.parts) if (!partOrder.some((x) => x.id === p.id)) partOrder.push({ id: p.id, label: p.label });
  const match = listMatch(q);
  const rows = match.rows.map((p) => toRow({ id: p.id, townshipId: p.townshipId, township: p.township, village: p.village, expected: p.expected }, data));
  return { rows, verdicts: data.verdicts, partOrder, listSet: match.listSet, listFindings: match.findings };
}

/** One page of the village list: filtered, sorted and paged in SQL (store/views.ts), then built. */
export function villagePage(q: StoreQueries, query: VillageQuery): { total: number; villages: VillageRow[] } {
  const { total, rows } = queryVillages(q.db, listJoins(q), query);
  const data = verdictData(q, rows.map((r) => r.id));
  return {
    total,
    villages: rows.map((r) => toRow({ id: r.id, townshipId: r.township_id, township: r.township, village: r.village, expected: !!r.expected }, data)),
  };
}

type CountyFigures = { townships: TownshipFigures[]; county: Figures; partOrder: Array<{ id: string; label: string }>; listSet: boolean };
const figuresCache = new WeakMap<StoreQueries['db'], { stamp: string; figures: CountyFigures }>();

/**
 * The county's and every township's figures (shared/report/figures.ts over the counts SQLite gives:
 * store/views.ts figureCounts), kept until the store changes.
 */
export function townshipFigures(q: StoreQueries): CountyFigures {
  const stamp = `${storeStamp(q.db)}@${q.cut()?.id ?? 'now'}`;
  const cached = figuresCache.get(q.db);
  if (cached && cached.stamp === stamp) return cached.figures;
  const joins = listJoins(q);
  const { statuses, outcomes, partOrder } = figureCounts(q.db, joins);
  // Townships in the order places were first seen, as the village rows give them.
  const first = new Map<number, number>();
  for (const c of statuses) first.set(c.townshipId, Math.min(first.get(c.townshipId) ?? Infinity, c.first));
  const ordered = [...statuses].sort((a, b) => first.get(a.townshipId)! - first.get(b.townshipId)!);
  const figures = { ...countyFiguresOfCounts({ statuses: ordered, outcomes }, joins.listSet, partOrder), partOrder, listSet: joins.listSet };
  figuresCache.set(q.db, { stamp, figures });
  return figures;
}

export function history(q: StoreQueries, villageId: number): HistoryEntry[] {
  const verdictRecs = q.verdictsOfVillage(villageId);
  const subs = q.submissionsOfVillage(villageId);
  const currentId = verdictRecs.length ? verdictRecs[0].id : null;
  const byImport = new Map<number, HistoryEntry>();
  const entry = (importId: number, importedAt: string) => {
    let e = byImport.get(importId);
    if (!e) byImport.set(importId, (e = { importId, importedAt, current: false, submissions: [], verdict: null }));
    return e;
  };
  for (const s of subs) {
    const imp = q.importById(s.import_id)!;
    entry(s.import_id, imp.imported_at).submissions.push({ file: s.file_name, kinds: (s.kinds ? s.kinds.split(',') : []) as PartKind[], rows: s.rows });
  }
  for (const v of verdictRecs) {
    const imp = q.importById(v.import_id)!;
    const e = entry(v.import_id, imp.imported_at);
    const json = verdictJson(verdictOf(v, q.verdictParts(v.id)));
    e.verdict = { status: v.status, ruleSet: v.rule_set, rules: json.rules, reasons: json.reasons };
    if (v.id === currentId) e.current = true;
  }
  return [...byImport.values()].sort((a, b) => b.importId - a.importId);
}
