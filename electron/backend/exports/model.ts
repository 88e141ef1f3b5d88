// The store's state (now, or right after an earlier import) → the one report model of shared/report.

import { combineInputs } from '../../../shared/check.ts';
import type { Person } from '../../../shared/model.ts';
import { buildReport } from '../../../shared/report/build.ts';
import type { ReportModel } from '../../../shared/report/model.ts';
import { localDate } from '../../../shared/report/text.ts';
import type { RuleSet } from '../../../shared/rules/ruleset.ts';
import type { ReportRequest } from '../../../shared/api/exports.ts';
import { ApiFailure, type BackendContext } from '../context.ts';
import { AsOfError, AsOfQueries, resolveAsOf } from '../store/as-of.ts';
import { villageRows } from '../monitoring/views.ts';
import { rowFindingJson } from '../verdicts.ts';
import { findingJson } from '../../../shared/summary.ts';
import { DEFAULT_COUNTY, DEFAULT_ORGANISATION } from '../../../shared/api/settings.ts';
import { reportNames } from '../settings/index.ts';
import type { StoreQueries } from '../store/store.ts';

export { DEFAULT_COUNTY, DEFAULT_ORGANISATION };

/**
 * The names a report uses: the request's, else 设置's, else the defaults. An organisation follows a county
 * given without one (临江县 → 临江县妇联).
 */
export function namesOf(db: StoreQueries['db'], req: Pick<ReportRequest, 'county' | 'organisation'>): { county: string; organisation: string } {
  const set = reportNames(db);
  const county = req.county ?? set.county ?? DEFAULT_COUNTY;
  const organisation = req.organisation ?? (req.county ? `${req.county}妇联` : (set.organisation ?? (set.county ? `${set.county}妇联` : DEFAULT_ORGANISATION)));
  return { county, organisation };
}

export function reportModel(ctx: BackendContext, req: ReportRequest): ReportModel {
  return ctx.store.read((q) => {
    const last = q.lastImport();
    if (!last) throw new ApiFailure('not-found', '数据库中还没有导入任何名单，无法生成报告。请先导入乡镇报送的表格。');
    let cut = last;
    if (req.asOf !== undefined) {
      try {
        cut = resolveAsOf(q, req.asOf);
      } catch (err) {
        if (err instanceof AsOfError) throw new ApiFailure('not-found', err.message);
        throw err;
      }
    }
    const aq = new AsOfQueries(q.db, cut.id, req.asOf === undefined);
    const { rows, partOrder, listFindings } = villageRows(aq);
    const persons = new Map<number, Person[]>();
    for (const r of rows) {
      if (r.parts.committees?.form !== 'roster') continue;
      const input = aq.currentInput(r.id);
      if (input) persons.set(r.id, combineInputs([input]).facts[0]?.persons ?? []);
    }
    const json = aq.ruleSetJson();
    const list = aq.masterList();
    return buildReport({
      ...namesOf(q.db, req),
      date: localDate(req.asOf !== undefined ? new Date(cut.imported_at) : ctx.now()),
      ruleSetName: cut.rule_set,
      ruleSet: json ? (JSON.parse(json) as RuleSet) : null,
      partOrder,
      rows,
      listSet: list !== null,
      persons,
      findings: [...aq.currentFindings().map(rowFindingJson), ...listFindings.map(findingJson)],
      imports: aq.imports().map((i) => ({ id: i.id, importedAt: i.imported_at, files: q.filesOf(i.id).map((f) => f.name) })),
      asOf: req.asOf !== undefined,
      masterList: list ? { file: list.file_name, setAt: list.set_at, villages: list.villages } : null,
      fullIds: req.fullIds === true,
    });
  });
}
