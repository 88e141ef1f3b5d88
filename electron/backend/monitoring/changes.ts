// What an import changed, village by village, and why.

import { OUTCOME_LABEL, verdictJson } from '../../../shared/summary.ts';
import { CHANGE_LABEL, type ChangeKind, type Changes, type VillageChange } from '../../../shared/api.ts';
import { ApiFailure, monthDay, type BackendContext } from '../context.ts';
import { changeKind, emptyTallies, importInfo, verdictOf, whyNot, type ChangeCounts } from '../verdicts.ts';
import { statusMoves } from '../store/views.ts';

/**
 * What the latest import (or the one named) changed, village by village, and why. `countsOnly`: the
 * counts and the message alone (the overview), counted in SQL without building the villages.
 */
export async function changes(ctx: BackendContext, req: { importId?: number; countsOnly?: boolean } = {}): Promise<Changes> {
  return ctx.store.read((q) => {
    const target = req.importId !== undefined ? q.importById(req.importId) : q.lastImport();
    if (!target) {
      if (req.importId !== undefined) throw new ApiFailure('not-found', `找不到编号为 ${req.importId} 的导入记录（可能已撤销）`);
      return { import: null, previous: null, villages: [], counts: emptyTallies(), newlyReportedExpected: 0, message: '还没有导入记录' };
    }
    const prev = q.previousImport(target.id);
    if (req.countsOnly) {
      const counts = emptyTallies();
      let newlyReportedExpected = 0;
      let villages = 0;
      for (const m of statusMoves(q.db, target.id)) {
        const change = changeKind(m.before, m.after);
        counts[change] += m.villages;
        villages += m.villages;
        if (change === 'new' && m.expected) newlyReportedExpected += m.villages;
      }
      return { import: importInfo(q, target), previous: prev ? importInfo(q, prev) : null, villages: [], counts, newlyReportedExpected, message: changeMessage(target.imported_at, villages, counts) };
    }
    const expected = new Set(q.expected().map((e) => e.village_id));
    const counts = emptyTallies();
    let newlyReportedExpected = 0;
    const villages: VillageChange[] = q.verdictsOfImport(target.id).map((v) => {
      const after = verdictOf(v, q.verdictParts(v.id));
      const beforeRec = q.verdictBefore(v.village_id, v.id);
      const before = beforeRec ? verdictOf(beforeRec, q.verdictParts(beforeRec.id)) : null;
      const change = changeKind(before ? before.status : null, after.status);
      counts[change]++;
      if (change === 'new' && expected.has(v.village_id)) newlyReportedExpected++;
      const beforeOutcome = new Map(before ? before.parts.map((p) => [p.id, p.outcome]) : []);
      const parts = after.parts
        .filter((p) => !before || beforeOutcome.get(p.id) !== p.outcome)
        .map((p) => ({ id: p.id, label: p.label, before: beforeOutcome.get(p.id) ?? null, after: p.outcome, reason: p.reason }));
      const why = before
        ? parts.map((p) => `${p.label}：${p.before ? OUTCOME_LABEL[p.before] : '无'}→${OUTCOME_LABEL[p.after]}，${p.reason}`)
        : whyNot(after);
      if (before && before.ruleSet !== after.ruleSet) why.unshift(`规则由“${before.ruleSet}”改为“${after.ruleSet}”`);
      const json = verdictJson(after);
      return {
        villageId: v.village_id,
        township: v.township_text,
        village: v.village_text,
        change,
        before: before ? { status: before.status, rules: verdictJson(before).rules } : null,
        after: { status: after.status, rules: json.rules, reasons: json.reasons },
        parts,
        why,
      };
    });
    const message = changeMessage(target.imported_at, villages.length, counts);
    return {
      import: importInfo(q, target),
      previous: prev ? importInfo(q, prev) : null,
      villages,
      counts,
      newlyReportedExpected,
      message,
    };
  });
}

function changeMessage(importedAt: string, villages: number, counts: ChangeCounts): string {
  const bits = (Object.keys(counts) as ChangeKind[]).filter((k) => counts[k] > 0 && k !== 'unchanged');
  return `${monthDay(importedAt)}的导入涉及 ${villages} 个村${bits.length ? '：' + bits.map((k) => `${CHANGE_LABEL[k]} ${counts[k]}`).join('，') : '，各村状态均未变化'}`;
}
