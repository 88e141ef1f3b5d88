// The imports area: preview, commit, import in one step, undo, and the list of imports.

import { randomUUID } from 'node:crypto';
import { villageIdentity } from '../../../shared/check.ts';
import type { FileRead } from '../../../shared/reading/read.ts';
import type { ImportInfo, ImportReport, ImportRequest, UndoReply } from '../../../shared/api.ts';
import type { ImportsReplies } from '../../../shared/api/imports.ts';
import { ApiFailure, monthDay, type AreaHandlers, type BackendContext, type CallOptions } from '../context.ts';
import { importInfo } from '../verdicts.ts';
import { classify, countRows, joinPlaces, markDuplicates, prepare, type Prepared } from './prepare.ts';
import { currentStatuses, judge } from './judge.ts';
import { commit, doneProgress, report } from './commit.ts';

export async function previewImport(ctx: BackendContext, req: ImportRequest, call: CallOptions = {}): Promise<ImportReport> {
  const prepared = await prepare(ctx, req, call.onProgress);
  const plan = await ctx.store.readAsync(async (q) => {
    const inputs = prepared.files.flatMap((f) => (f.outcome === 'imported' ? f.read!.inputs : []));
    const ids = new Map<string, number | null>();
    for (const i of inputs) {
      const key = villageIdentity(i.township, i.village);
      if (!ids.has(key)) ids.set(key, q.villageIdByKey(key));
    }
    const before = currentStatuses(q);
    return { judged: await judge(ctx, q, inputs, (i) => ids.get(villageIdentity(i.township, i.village)) ?? null), before };
  });
  const previewId = randomUUID();
  ctx.previews.remember(previewId, prepared);
  call.onProgress?.(doneProgress(prepared));
  return report(ctx, prepared, plan.judged, plan.before, { previewId, importId: null, importedAt: null, persons: countRows(prepared) });
}

/** Saves exactly what a preview showed (the files are not read again). */
export async function commitImport(ctx: BackendContext, req: { previewId: string }, call: CallOptions = {}): Promise<ImportReport> {
  const prepared = ctx.previews.take(req.previewId);
  if (!prepared) throw new ApiFailure('preview-expired', '预览已过期或已经确认导入过，请重新预览后再导入');
  return commit(ctx, prepared, call.onProgress);
}

/** Reads and saves in one step (the CLI's `import`). */
export async function importFiles(ctx: BackendContext, req: ImportRequest, call: CallOptions = {}): Promise<ImportReport> {
  const prepared = await prepare(ctx, req, call.onProgress);
  return commit(ctx, prepared, call.onProgress);
}

/**
 * Saves files already read (FileRead from shared/reading), for benchmarks and callers that read
 * themselves. `hash` identifies the content; pass the sha256 of the bytes.
 */
export async function importReads(ctx: BackendContext, files: ReadonlyArray<{ path: string; hash: string; size: number; read: FileRead }>, call: CallOptions = {}): Promise<ImportReport> {
  const prepared: Prepared = {
    inputProblems: [],
    files: files.map((f) => classify({ path: f.path, name: f.read.report.file, hash: f.hash, size: f.size, read: f.read })),
  };
  markDuplicates(ctx.store.reader, prepared);
  joinPlaces(ctx.store.reader, prepared);
  return commit(ctx, prepared, call.onProgress);
}

// ================================================================ undo
/** Undoes the latest import: what was current before it is current again; its files may be imported again. */
export async function undoLastImport(ctx: BackendContext): Promise<UndoReply> {
  return ctx.store.write((w) => {
    const last = w.lastImport();
    if (!last) throw new ApiFailure('nothing-to-undo', '没有可以撤销的导入');
    const info = importInfo(w, last);
    const judged = w.verdictsOfImport(last.id);
    w.deleteImport(last.id);
    const now = currentStatuses(w);
    const villages = judged.map((v) => ({
      villageId: w.place(v.village_id) ? v.village_id : null,
      township: v.township_text,
      village: v.village_text,
      undoneStatus: v.status,
      nowStatus: now.get(v.village_id) ?? null,
    }));
    const gone = villages.filter((v) => v.nowStatus === null).length;
    return {
      undone: info,
      villages,
      message: `已撤销 ${info.importedAt ? monthDay(info.importedAt) : ''}的导入（${info.files.map((f) => f.name).join('、')}）：${villages.length - gone} 个村恢复为之前的结果${gone ? `，${gone} 个村恢复为未报送` : ''}`,
    };
  });
}

export async function imports(ctx: BackendContext): Promise<ImportInfo[]> {
  return ctx.store.read((q) => q.imports().map((r) => importInfo(q, r)));
}

export const importHandlers: AreaHandlers<keyof ImportsReplies> = {
  previewImport: (ctx, a, call) => previewImport(ctx, a, call),
  commitImport: (ctx, a, call) => commitImport(ctx, a, call),
  importFiles: (ctx, a, call) => importFiles(ctx, a, call),
  undoLastImport: (ctx) => undoLastImport(ctx),
  imports: (ctx) => imports(ctx),
};
