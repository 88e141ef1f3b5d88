// Counts carried on a roster: per-village totals in roster columns (村民代表总数 / 其中女性, 两委成员数), on the
// village's first row or on every row. They give a part the roster does not list (the representatives beside a
// 两委 list), the totals of a partial list (a 女性村民代表名单 with its 村民代表总数), or a second source the
// roster is compared with (check.ts reports a disagreement as table-disagrees).

import type { Finding, SourceRef } from '../model.ts';
import { parseCount } from '../text.ts';
import { chairSeatedCell } from './cells.ts';
import type { CarriedCounts } from './population.ts';
import type { ColumnRole } from './table.ts';
import type { VillageGroup, Walker } from './walker.ts';

const CARRIED_ROLES = ['committeeMembers', 'committeeWomen', 'chairSeated', 'repTotal', 'repWomen'] as const satisfies readonly ColumnRole[];
type CarriedRole = (typeof CARRIED_ROLES)[number];
const LABEL: Record<CarriedRole, string> = { committeeMembers: '两委成员数', committeeWomen: '两委女性成员数', chairSeated: '妇联主席是否进两委', repTotal: '村民代表总数', repWomen: '女性村民代表数' };

interface Collected {
  values: Partial<Record<CarriedRole, number | boolean>>;
  source: SourceRef;
}

export interface CarriedCollector {
  /** Reads the count cells of a person's row into the village's counts. */
  take(r: number, g: VillageGroup): void;
  /** The counts a village's rows carried, and the row they were first given on; null when none. */
  of(g: VillageGroup): { counts: CarriedCounts; source: SourceRef } | null;
}

/** A collector over the roster's count columns, or null when it has none. */
export function carriedCounts(w: Walker, findings: Finding[]): CarriedCollector | null {
  const roles = CARRIED_ROLES.filter((role) => w.has(role));
  if (roles.length === 0) return null;
  const byGroup = new Map<VillageGroup, Collected>();
  const reported = new Set<string>();
  return {
    take(r, g) {
      for (const role of roles) {
        const text = w.cell(r, role);
        if (!text) continue;
        const value = role === 'chairSeated' ? chairSeatedCell(text) : parseCount(text);
        if (value === null) continue;
        let c = byGroup.get(g);
        if (!c) byGroup.set(g, (c = { values: {}, source: w.source(r) }));
        const prior = c.values[role];
        if (prior === undefined) c.values[role] = value;
        else if (prior !== value && !reported.has(`${g.village}|${role}`)) {
          reported.add(`${g.village}|${role}`);
          const at = w.source(r);
          findings.push({
            severity: 'warning',
            code: 'count-inconsistent',
            file: at.file,
            sheet: at.sheet,
            row: at.row,
            township: g.township,
            village: g.village,
            message: `${g.village}的“${LABEL[role]}”在不同行中填写不一致（${String(prior)}与${String(value)}），按第一次填写的计`,
          });
        }
      }
    },
    of(g) {
      const c = byGroup.get(g);
      if (!c) return null;
      const v = c.values;
      const num = (role: CarriedRole) => (typeof v[role] === 'number' ? (v[role] as number) : null);
      const counts: CarriedCounts = {};
      if (v.committeeMembers !== undefined || v.committeeWomen !== undefined || v.chairSeated !== undefined) {
        counts.committees = { members: num('committeeMembers'), women: num('committeeWomen'), chairSeated: typeof v.chairSeated === 'boolean' ? v.chairSeated : null };
      }
      if (v.repTotal !== undefined || v.repWomen !== undefined) counts.representatives = { total: num('repTotal'), women: num('repWomen') };
      return { counts, source: c.source };
    },
  };
}
