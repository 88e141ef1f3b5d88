// The monitoring area: the county's figures, the villages, one village, findings, what an import
// changed, the master list and the status.

import { combineInputs } from '../../../shared/check.ts';
import { maskIdNumber } from '../../../shared/idcard.ts';
import { seatLabel } from '../../../shared/seats.ts';
import { normalizePlaceName } from '../../../shared/text.ts';
import { isInitialsQuery } from '../../../shared/pinyin-initials.ts';
import { townshipKey } from '../../../shared/places.ts';
import { findingJson, verdictJson } from '../../../shared/summary.ts';
import type { CountySummary, FindingFilter, FindingList, PartView, PersonView, Status, TownshipFigures, VillageDetail, VillageFilter, VillageList } from '../../../shared/api.ts';
import type { MonitoringReplies } from '../../../shared/api/monitoring.ts';
import { ApiFailure, type AreaHandlers, type BackendContext } from '../context.ts';
import { findingRow, importInfo, rowFindingJson, verdictOf } from '../verdicts.ts';
import { history as historyOf, townshipFigures, villagePage, villageRows } from './views.ts';
import type { StoreQueries, VerdictRecord } from '../store/store.ts';
import { provisionalCount, verdictsOf } from '../store/views.ts';
import { changes } from './changes.ts';
import { setExpectedVillages } from './master-list.ts';

export async function countySummary(ctx: BackendContext): Promise<CountySummary> {
  return ctx.store.read((q) => {
    const { townships, county, partOrder } = townshipFigures(q);
    const last = q.lastImport();
    const list = q.masterList();
    return {
      ruleSet: last ? last.rule_set : null,
      provisional: provisionalCount(q.db),
      lastImport: last ? importInfo(q, last) : null,
      masterList: list ? { file: list.file_name, setAt: list.set_at, villages: list.villages } : null,
      parts: partOrder,
      county,
      townships,
    };
  });
}

export async function townships(ctx: BackendContext): Promise<TownshipFigures[]> {
  return ctx.store.read((q) => townshipFigures(q).townships);
}

/** Township names and ids of a filter → township ids (names compared as the store keys them). */
function townshipIdsOf(q: StoreQueries, filter: VillageFilter): number[] | undefined {
  const names = [...(filter.township !== undefined ? [filter.township] : []), ...(filter.townships ?? [])];
  const ids = [...(filter.townshipId !== undefined ? [filter.townshipId] : []), ...(filter.townshipIds ?? [])];
  if (names.length === 0 && ids.length === 0 && filter.townships === undefined && filter.townshipIds === undefined) return undefined;
  const keys = new Set(names.map(townshipKey));
  for (const t of q.townshipsAll()) if (keys.has(townshipKey(t.name))) ids.push(t.id);
  return ids;
}

/** The village list, filtered, sorted and paged in SQL; `total` counts every village the filters pass. */
export async function villages(ctx: BackendContext, filter: VillageFilter = {}): Promise<VillageList> {
  return ctx.store.read((q) => {
    const search = filter.search ? normalizePlaceName(filter.search) : '';
    // Latin letters alone are pinyin initials too ("qs" finds 青山村), besides the name.
    const initials = filter.search && isInitialsQuery(filter.search) ? filter.search.trim().toLowerCase() : undefined;
    return villagePage(q, {
      provisional: filter.provisional,
      initials,
      townshipIds: townshipIdsOf(q, filter),
      status: filter.status,
      part: filter.part,
      outcome: filter.outcome,
      expected: filter.expected,
      search: search || undefined,
      sort: filter.sort,
      sortPart: filter.sortPart,
      desc: filter.desc,
      offset: filter.offset,
      limit: filter.limit,
    });
  });
}

export async function village(ctx: BackendContext, req: { id: number; revealIds?: boolean }): Promise<VillageDetail> {
  return ctx.store.read((q) => {
    const [row] = villagePage(q, { ids: [req.id] }).villages;
    if (!row) throw new ApiFailure('not-found', `找不到编号为 ${req.id} 的村`);
    const [rec] = verdictsOf<VerdictRecord>(q.db, [req.id]);
    const verdict = rec ? verdictOf(rec, q.verdictParts(rec.id)) : null;
    const input = q.currentInput(req.id);
    const facts = input ? combineInputs([input]).facts[0] : null;
    const persons: PersonView[] = (facts?.persons ?? []).map((p) => ({
      name: p.displayName,
      gender: p.gender,
      genderFrom: p.genderFrom,
      idNumber: p.idNumber ? (req.revealIds ? p.idNumber : maskIdNumber(p.idNumber)) : null,
      idValid: p.idValid,
      seats: [...new Set(p.seats.map(seatLabel))],
      isChair: p.isChair,
      isRepresentative: p.isRepresentative,
      otherPosts: p.otherPosts,
      sources: p.sources,
    }));
    const currentParts: PartView[] = q.currentParts(req.id).map((p) => ({
      kind: p.kind,
      form: p.form,
      counts:
        p.form === 'roster'
          ? null
          : p.kind === 'committees'
            ? { members: p.members, women: p.women, chairSeated: p.chair_seated === null ? null : p.chair_seated !== 0 }
            : { total: p.total, women: p.women },
      rows: p.form === 'roster' ? p.rows : null,
      source: { file: p.file_name, sheet: p.src_sheet, row: p.src_row },
      importId: p.import_id,
      importedAt: p.imported_at,
    }));
    const history = historyOf(q, req.id);
    const findings = q.currentFindings(req.id).map(findingRow);
    return { ...row, verdictParts: verdict ? verdict.parts : [], persons, currentParts, history, findings };
  });
}

export async function findings(ctx: BackendContext, filter: FindingFilter = {}): Promise<FindingList> {
  return ctx.store.read((q) => {
    if (filter.importId === undefined && filter.scope !== 'all' && filter.township === undefined) {
      const page = q.currentFindingsPage(filter, filter.offset ?? 0, filter.limit);
      return { total: page.total, findings: page.rows.map(findingRow) };
    }
    let recs = filter.importId !== undefined ? q.findingsOfImport(filter.importId) : filter.scope === 'all' ? q.allFindings() : q.currentFindings();
    if (filter.villageId !== undefined) recs = recs.filter((f) => f.village_id === filter.villageId);
    if (filter.township !== undefined) {
      const key = townshipKey(filter.township);
      recs = recs.filter((f) => f.township !== null && townshipKey(f.township) === key);
    }
    if (filter.severity !== undefined) recs = recs.filter((f) => f.severity === filter.severity);
    if (filter.code !== undefined) recs = recs.filter((f) => f.code === filter.code);
    const offset = filter.offset ?? 0;
    return { total: recs.length, findings: recs.slice(offset, filter.limit !== undefined ? offset + filter.limit : undefined).map(findingRow) };
  });
}

/** The current verdict of every village in `check --json`'s shape, plus reportedAt and the villages not reported. */
export async function status(ctx: BackendContext): Promise<Status> {
  return ctx.store.read((q) => {
    const { rows, verdicts, listSet, listFindings } = villageRows(q);
    const last = q.lastImport();
    const { county, townships } = townshipFigures(q);
    const names = (pick: (r: (typeof rows)[number]) => boolean) => (listSet ? rows.filter(pick).map((r) => ({ township: r.township, village: r.village })) : null);
    return {
      ruleSet: last ? last.rule_set : null,
      villages: rows.filter((r) => r.reported).map((r) => ({ ...verdictJson(verdicts.get(r.id)!), reportedAt: r.reportedAt! })),
      totals: { county, townships },
      notReported: names((r) => r.expected && !r.reported),
      offList: names((r) => r.reported && !r.expected),
      expectedListSet: listSet,
      findings: [...q.currentFindings().map(rowFindingJson), ...listFindings.map(findingJson)],
    };
  });
}

export const monitoringHandlers: AreaHandlers<keyof MonitoringReplies> = {
  countySummary: (ctx) => countySummary(ctx),
  townships: (ctx) => townships(ctx),
  villages: (ctx, a) => villages(ctx, a),
  village: (ctx, a) => village(ctx, a),
  findings: (ctx, a) => findings(ctx, a),
  changes: (ctx, a) => changes(ctx, a),
  setExpectedVillages: (ctx, a) => setExpectedVillages(ctx, a),
  status: (ctx) => status(ctx),
};
