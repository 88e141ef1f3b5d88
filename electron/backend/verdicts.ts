// Stored verdicts and findings as the contract shows them, and how a village's status moved: used by
// the imports area (what an import changes) and the monitoring area (views, changes, history).

import type { Verdict, VillageStatus } from '../../shared/model.ts';
import { findingJson } from '../../shared/summary.ts';
import type { ChangeKind, FindingJson, FindingRow, ImportInfo } from '../../shared/api.ts';
import type { FindingRecord, ImportRecord, StoreQueries, VerdictPartRecord, VerdictRecord } from './store/store.ts';

export function verdictOf(rec: VerdictRecord, parts: readonly VerdictPartRecord[]): Verdict {
  return {
    township: rec.township_text,
    village: rec.village_text,
    ruleSet: rec.rule_set,
    status: rec.status,
    parts: parts.map((p) => ({ id: p.part, label: p.label, outcome: p.outcome, reason: p.reason })),
    counts: {
      committeeMembers: rec.committee_members,
      committeeWomen: rec.committee_women,
      representatives: rec.representatives,
      womenRepresentatives: rec.women_representatives,
    },
    ...(rec.provisional ? { provisional: JSON.parse(rec.provisional) as string[] } : {}),
  };
}

export function changeKind(before: VillageStatus | null, after: VillageStatus): ChangeKind {
  if (before === null) return 'new';
  if (before !== 'compliant' && after === 'compliant') return 'nowCompliant';
  if (before === 'compliant' && after !== 'compliant') return 'noLongerCompliant';
  return before === after ? 'unchanged' : 'statusChanged';
}

export function whyNot(v: Verdict): string[] {
  return v.parts.filter((p) => p.outcome !== 'pass').map((p) => `${p.label}：${p.reason}`);
}

/** A stored finding in the one JSON shape findings have (shared/summary.ts), its nulls as absent fields. */
export function rowFindingJson(r: FindingRecord): FindingJson {
  return findingJson({ ...r, township: r.township ?? undefined, village: r.village ?? undefined });
}

export function findingRow(r: FindingRecord): FindingRow {
  return { id: r.id, importId: r.import_id, villageId: r.village_id, ...rowFindingJson(r) };
}

export function emptyTallies(): ChangeCounts {
  return { new: 0, nowCompliant: 0, noLongerCompliant: 0, statusChanged: 0, unchanged: 0 };
}

export type ChangeCounts = Record<ChangeKind, number>;

// ================================================================ views
export function importInfo(q: StoreQueries, r: ImportRecord): ImportInfo {
  return {
    id: r.id,
    importedAt: r.imported_at,
    ruleSet: r.rule_set,
    persons: r.persons,
    villages: r.villages,
    files: q.filesOf(r.id).map((f) => ({ name: f.name, ok: f.ok !== 0 })),
  };
}
