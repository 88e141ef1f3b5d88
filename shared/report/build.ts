// The store's state (as the backend's views give it) → the one report model. Pure: every export and the
// window's preview render what this returns, and the county's figures come from figures.ts alone.

import { maskIdNumber } from '../idcard.ts';
import type { Person } from '../model.ts';
import type { RuleSet } from '../rules/ruleset.ts';
import { seatLabel } from '../seats.ts';
import type { FindingJson } from '../api/common.ts';
import type { VillageRow } from '../api/monitoring.ts';
import { countyFigures } from './figures.ts';
import type { ReportImport, ReportModel, ShortfallLine, TownshipLine, WomanMember } from './model.ts';
import { personAge, womenStats } from './people.ts';
import { missingOf } from './shortfall.ts';
import { dateText } from './text.ts';

/** "青山镇" + "不达标村名单" → "青山镇村级组织换届“两进一有”不达标村名单". */
export function titleOf(scope: string, what: string): string {
  return `${scope}村级组织换届“两进一有”${what}`;
}

export interface ReportInput {
  county: string;
  organisation: string;
  /** The report date, YYYY-MM-DD. */
  date: string;
  ruleSetName: string | null;
  /** The rule set's definition, to say what a failing part lacks; null when unknown. */
  ruleSet: RuleSet | null;
  partOrder: Array<{ id: string; label: string }>;
  rows: readonly VillageRow[];
  listSet: boolean;
  /** The persons of each village with a committees roster, by village id. */
  persons: ReadonlyMap<number, readonly Person[]>;
  findings: readonly FindingJson[];
  imports: ReportImport[];
  asOf: boolean;
  masterList: ReportModel['masterList'];
  fullIds: boolean;
}

const collator = new Intl.Collator('zh-Hans-CN');

function filesOf(r: VillageRow): string[] {
  return [...new Set([r.parts.committees?.file, r.parts.representatives?.file].filter((f): f is string => !!f))];
}

export function buildReport(input: ReportInput): ReportModel {
  const { rows, partOrder } = input;
  const { townships, county } = countyFigures(rows, input.listSet, partOrder, '全县');
  const townshipOrder = new Map(townships.map((t, i) => [t.townshipId, i]));
  const byPlace = (a: VillageRow, b: VillageRow) => townshipOrder.get(a.townshipId)! - townshipOrder.get(b.townshipId)! || collator.compare(a.village, b.village);
  const sorted = [...rows].sort(byPlace);
  const reported = sorted.filter((r) => r.reported);
  const ruleParts = new Map((input.ruleSet?.parts ?? []).map((p) => [p.id, p]));
  const labelOf = new Map(partOrder.map((p) => [p.id, p.label]));

  const noncompliant: ShortfallLine[] = reported
    .filter((r) => r.status === 'noncompliant')
    .map((r) => ({
      township: r.township,
      village: r.village,
      failed: partOrder
        .filter((p) => r.rules[p.id] === 'fail')
        .map((p) => ({ id: p.id, label: p.label, reason: r.reasons[p.id] ?? '', missing: missingOf(ruleParts.get(p.id), r.counts!) })),
      reportedAt: r.reportedAt,
      files: filesOf(r),
    }));
  const incomplete = reported
    .filter((r) => r.status === 'incomplete')
    .map((r) => ({
      township: r.township,
      village: r.village,
      lacking: partOrder.filter((p) => r.rules[p.id] === 'unknown').map((p) => ({ id: p.id, label: labelOf.get(p.id)!, reason: r.reasons[p.id] ?? '' })),
      reportedAt: r.reportedAt,
      files: filesOf(r),
    }));

  // Women on the committees: named on rosters (age, education where known), or counted by a table.
  const women: WomanMember[] = [];
  const womenUnnamed: ReportModel['womenUnnamed'] = [];
  const namedBy = new Map<number, Array<{ age: number | null; education: string | null }>>();
  const unnamedBy = new Map<number, number>();
  for (const r of reported) {
    const persons = input.persons.get(r.id);
    if (r.parts.committees?.form === 'roster' && persons) {
      for (const p of persons) {
        if (p.gender !== 'female' || p.seats.length === 0) continue;
        const { age, from } = personAge(p, input.date);
        const education = p.education?.trim() || null;
        women.push({
          township: r.township,
          village: r.village,
          name: p.displayName,
          seats: [...new Set(p.seats.map(seatLabel))],
          idNumber: p.idNumber ? (input.fullIds ? p.idNumber : maskIdNumber(p.idNumber)) : null,
          age,
          ageFrom: from,
          education,
          isChair: p.isChair,
        });
        const list = namedBy.get(r.townshipId) ?? [];
        list.push({ age, education });
        namedBy.set(r.townshipId, list);
      }
    } else if (r.parts.committees?.form === 'counts' && r.counts?.committeeWomen) {
      womenUnnamed.push({ township: r.township, village: r.village, women: r.counts.committeeWomen });
      unnamedBy.set(r.townshipId, (unnamedBy.get(r.townshipId) ?? 0) + r.counts.committeeWomen);
    }
  }
  const townshipLines: TownshipLine[] = townships.map((t) => ({ ...t, women: womenStats(namedBy.get(t.townshipId) ?? [], unnamedBy.get(t.townshipId) ?? 0) }));
  const allNamed = [...namedBy.values()].flat();
  const allUnnamed = [...unnamedBy.values()].reduce((s, n) => s + n, 0);

  return {
    county: input.county,
    organisation: input.organisation,
    scope: input.county,
    title: titleOf(input.county, '情况汇总表'),
    date: input.date,
    dateText: dateText(input.date),
    ruleSet: { name: input.ruleSetName ?? input.ruleSet?.name ?? '', parts: partOrder },
    basedOn: input.imports[0] ?? null,
    asOf: input.asOf,
    imports: input.imports,
    masterList: input.masterList,
    total: { ...county, women: womenStats(allNamed, allUnnamed) },
    townships: townshipLines,
    noncompliant,
    incomplete,
    notReported: sorted.filter((r) => r.expected && !r.reported).map((r) => ({ township: r.township, village: r.village })),
    villages: reported.map((r) => ({
      township: r.township,
      village: r.village,
      expected: r.expected,
      status: r.status!,
      counts: r.counts!,
      rules: r.rules,
      reasons: r.reasons,
      reportedAt: r.reportedAt,
      files: filesOf(r),
    })),
    findings: [...input.findings],
    women,
    womenUnnamed,
    fullIds: input.fullIds,
  };
}
