// The store's current state as the contract's views: every village reported or expected with its
// verdict, and the county's figures (computed by shared/report/figures.ts, the one place for them).

import type { PartKind, Verdict } from '../../../shared/model.ts';
import { verdictJson } from '../../../shared/summary.ts';
import { countyFigures, type Figures, type TownshipFigures } from '../../../shared/report/figures.ts';
import type { HistoryEntry, PartRef, VillageRow } from '../../../shared/api.ts';
import type { StoreQueries, VerdictPartRecord } from '../store/store.ts';
import { verdictOf } from '../verdicts.ts';

/** Every village that is reported or expected, with its current verdict. */
export function villageRows(q: StoreQueries): { rows: VillageRow[]; verdicts: Map<number, Verdict>; partOrder: Array<{ id: string; label: string }> } {
  const verdictRecs = q.currentVerdicts();
  const partRecs = q.currentVerdictParts();
  const partsBy = new Map<number, VerdictPartRecord[]>();
  for (const p of partRecs) {
    const list = partsBy.get(p.verdict_id) ?? [];
    list.push(p);
    partsBy.set(p.verdict_id, list);
  }
  const verdicts = new Map<number, Verdict>();
  const ruleSets = new Map<number, string>();
  for (const r of verdictRecs) {
    verdicts.set(r.village_id, verdictOf(r, partsBy.get(r.id) ?? []));
    ruleSets.set(r.village_id, r.rule_set);
  }
  const partOrder: Array<{ id: string; label: string }> = [];
  for (const v of verdicts.values()) for (const p of v.parts) if (!partOrder.some((x) => x.id === p.id)) partOrder.push({ id: p.id, label: p.label });
  const expected = new Set(q.expected().map((e) => e.village_id));
  const reportedAt = q.reportedAt();
  const partRefs = new Map<number, Record<PartKind, PartRef | null>>();
  for (const p of q.currentPartSummaries()) {
    let refs = partRefs.get(p.village_id);
    if (!refs) partRefs.set(p.village_id, (refs = { committees: null, representatives: null }));
    refs[p.kind] = { form: p.form, file: p.file_name, importId: p.import_id, importedAt: p.imported_at };
  }
  const rows: VillageRow[] = [];
  for (const place of q.places()) {
    const v = verdicts.get(place.village_id);
    const isExpected = expected.has(place.village_id);
    if (!v && !isExpected) continue;
    const json = v ? verdictJson(v) : null;
    rows.push({
      id: place.village_id,
      townshipId: place.township_id,
      township: place.township,
      village: place.village,
      expected: isExpected,
      reported: !!v,
      status: v ? v.status : null,
      rules: json ? json.rules : {},
      reasons: json ? json.reasons : {},
      counts: json ? json.counts : null,
      ruleSet: v ? v.ruleSet : null,
      reportedAt: reportedAt.get(place.village_id) ?? null,
      parts: partRefs.get(place.village_id) ?? { committees: null, representatives: null },
    });
  }
  return { rows, verdicts, partOrder };
}

export function townshipFigures(q: StoreQueries): { townships: TownshipFigures[]; county: Figures; partOrder: Array<{ id: string; label: string }>; listSet: boolean } {
  const { rows, partOrder } = villageRows(q);
  const listSet = q.masterList() !== null;
  return { ...countyFigures(rows, listSet, partOrder), partOrder, listSet };
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
