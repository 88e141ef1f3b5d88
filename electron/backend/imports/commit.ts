// Saving an import (one transaction: it lands whole or not at all) and the report of what it did.

import path from 'node:path';
import type { VillageInput, VillagePart, VillageStatus } from '../../../shared/model.ts';
import { villageIdentity } from '../../../shared/check.ts';
import { findingJson, verdictJson } from '../../../shared/summary.ts';
import type { FindingJson, ImportFileResult, ImportProgress, ImportReport, ImportVillage } from '../../../shared/api.ts';
import type { FileToStore } from '../store/store.ts';
import { stopIfCancelled, yieldToEventLoop, type BackendContext } from '../context.ts';
import { changeKind, whyNot } from '../verdicts.ts';
import { countRows, markDuplicates, type Prepared } from './prepare.ts';
import { rememberConfirmedTables } from '../layouts/index.ts';
import { currentStatuses, judge, type JudgedPlan } from './judge.ts';

/** One transaction: the import lands whole or not at all. */
export async function commit(ctx: BackendContext, prepared: Prepared, onProgress?: (p: ImportProgress) => void, signal?: AbortSignal): Promise<ImportReport> {
  const sheets = prepared.files.reduce((n, f) => n + (f.read?.report.sheets.length ?? 0), 0);
  const filesTotal = prepared.files.length;
  const villagesTotal = prepared.files.reduce((n, f) => n + (f.outcome === 'imported' ? f.read!.inputs.length : 0), 0);
  return ctx.store.write(async (w) => {
    // The store may have changed since the preview: check again, inside the transaction.
    markDuplicates(w, { files: prepared.files.filter((f) => f.outcome === 'imported'), inputProblems: [] });
    const before = currentStatuses(w);
    const toStore = prepared.files.filter((f) => f.outcome === 'imported');
    if (toStore.length === 0) {
      return report(ctx, prepared, { villages: [], loose: [] }, before, { previewId: null, importId: null, importedAt: null, persons: 0 });
    }
    const importedAt = ctx.now().toISOString();
    const importId = w.insertImport(importedAt, ctx.ruleSet);
    const inputs = toStore.flatMap((f) => f.read!.inputs);
    const ids = new Map<string, number>();
    for (const input of inputs) {
      const key = villageIdentity(input.township, input.village);
      if (ids.has(key)) continue;
      ids.set(key, w.ensureVillage(input.township, input.village));
      if (ids.size % 500 === 0) await yieldToEventLoop();
      stopIfCancelled(signal);
    }
    const idOf = (i: VillageInput) => ids.get(villageIdentity(i.township, i.village))!;
    onProgress?.({ phase: 'judging', filesDone: filesTotal, filesTotal, file: null, sheets, rows: 0, rowsTotal: null, villages: villagesTotal });
    const plan = await judge(ctx, w, inputs, idOf);
    stopIfCancelled(signal);

    // Unreadable and empty files are kept with the import, for the record and their findings.
    const stored = prepared.files.filter((f) => f.outcome !== 'duplicate' && f.read);
    const files: FileToStore[] = stored.map((f) => ({
      name: f.name,
      path: path.resolve(f.path),
      hash: f.hash ?? '',
      size: f.size,
      ok: f.read!.report.ok,
      message: f.message,
      report: f.read!.report,
      inputs: f.outcome === 'imported' ? f.read!.inputs : [],
      findings: f.read!.findings,
    }));
    const { persons, fileIds } = await w.insertFiles(importId, files, idOf, chosenParts(inputs, plan), (p) => {
      stopIfCancelled(signal);
      onProgress?.({ phase: 'storing', filesDone: filesTotal, filesTotal, file: p.file, sheets, rows: p.rows, rowsTotal: p.rowsTotal, villages: villagesTotal });
    });
    let written = 0;
    for (let k = 0; k < files.length; k++) {
      for (const finding of files[k].findings) {
        const villageId = finding.township && finding.village ? w.villageIdByKey(villageIdentity(finding.township, finding.village)) : null;
        w.insertFinding(importId, fileIds[k], null, villageId, finding);
        if (++written >= 2000) {
          written = 0;
          await yieldToEventLoop();
      stopIfCancelled(signal);
        }
      }
    }
    for (const v of plan.villages) {
      w.insertVerdict(importId, { villageId: v.villageId!, verdict: v.judged.verdict, findings: v.findings });
      written += 1 + v.findings.length;
      if (written >= 2000) {
        written = 0;
        await yieldToEventLoop();
      stopIfCancelled(signal);
      }
    }
    for (const f of plan.loose) w.insertFinding(importId, null, null, null, f);
    // Tables whose layout was confirmed are remembered: the same layout later reads itself.
    rememberConfirmedTables(w.db, toStore, prepared.confirmedTables, importedAt);
    w.setImportCounts(importId, persons, ids.size);
    // The last moment a cancel can still leave the store untouched.
    stopIfCancelled(signal);
    onProgress?.({ phase: 'done', filesDone: filesTotal, filesTotal, file: null, sheets, rows: persons, rowsTotal: persons, villages: villagesTotal });
    return report(ctx, prepared, plan, before, { previewId: null, importId, importedAt, persons });
  });
}

export function doneProgress(prepared: Prepared): ImportProgress {
  const sheets = prepared.files.reduce((n, f) => n + (f.read?.report.sheets.length ?? 0), 0);
  const rows = countRows(prepared);
  const villages = prepared.files.reduce((n, f) => n + (f.outcome === 'imported' ? f.read!.inputs.length : 0), 0);
  return { phase: 'done', filesDone: prepared.files.length, filesTotal: prepared.files.length, file: null, sheets, rows, rowsTotal: rows, villages };
}

export function report(
  ctx: BackendContext,
  prepared: Prepared,
  plan: JudgedPlan,
  before: Map<number, VillageStatus>,
  meta: { previewId: string | null; importId: number | null; importedAt: string | null; persons: number },
): ImportReport {
  const files: ImportFileResult[] = prepared.files.map((f) => ({
    path: f.path,
    name: f.name,
    hash: f.hash,
    size: f.size,
    outcome: f.outcome,
    message: f.message,
    duplicateOf: f.duplicateOf,
    villages: f.outcome === 'imported' ? f.read!.inputs.length : 0,
    rows: f.read ? f.read.report.sheets.reduce((n, s) => n + s.dataRows, 0) : 0,
    report: f.read ? f.read.report : null,
  }));
  const villages: ImportVillage[] = plan.villages.map((v) => {
    const b = v.villageId !== null ? (before.get(v.villageId) ?? null) : null;
    return { ...verdictJson(v.judged.verdict), villageId: v.villageId, before: b, change: changeKind(b, v.judged.verdict.status), why: whyNot(v.judged.verdict) };
  });
  const findings: FindingJson[] = [
    ...prepared.files.flatMap((f) => (f.read && f.outcome !== 'duplicate' ? f.read.findings : [])),
    ...plan.villages.flatMap((v) => v.findings),
    ...plan.loose,
  ].map(findingJson);
  const n = (o: ImportFileResult['outcome']) => files.filter((f) => f.outcome === o).length;
  const tally = (s: VillageStatus) => villages.filter((v) => v.status === s).length;
  const parts: string[] = [];
  parts.push(meta.previewId ? `预览 ${n('imported')} 个文件` : meta.importId ? `已导入 ${n('imported')} 个文件` : '没有新的文件需要导入');
  if (n('duplicate')) parts.push(`跳过 ${n('duplicate')} 个已导入过的文件`);
  if (n('unreadable')) parts.push(`${n('unreadable')} 个文件无法读取`);
  if (n('empty')) parts.push(`${n('empty')} 个文件中没有名单或统计表`);
  if (villages.length) parts.push(`核算 ${villages.length} 个村：达标 ${tally('compliant')}，不达标 ${tally('noncompliant')}，数据不全 ${tally('incomplete')}`);
  return {
    previewId: meta.previewId,
    importId: meta.importId,
    importedAt: meta.importedAt,
    ruleSet: ctx.ruleSet.name,
    files,
    inputProblems: prepared.inputProblems,
    villages,
    persons: meta.persons,
    findings,
    message: parts.join('；'),
  };
}

/**
 * The new parts each verdict was made from: combineInputs hands the chosen part's source object on to
 * the facts, so identity tells which one it took (the last of several with that source).
 */
export function chosenParts(inputs: readonly VillageInput[], plan: JudgedPlan): Set<VillagePart> {
  const facts = new Map(plan.villages.map((v) => [v.key, v.judged.facts]));
  const last = new Map<string, VillagePart>();
  for (const input of inputs) {
    const key = villageIdentity(input.township, input.village);
    const f = facts.get(key);
    if (!f) continue;
    for (const part of input.parts) if (f[part.kind]?.source === part.source) last.set(`${key}#${part.kind}`, part);
  }
  return new Set(last.values());
}
