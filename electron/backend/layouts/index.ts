// The layouts area: the layouts a person confirmed and the app remembers (list, remember, forget). A
// preview with corrections is previewImport with `overrides` (not remembered: only 确认此表读取方式 remembers,
// through rememberLayout); an import with `layouts` (the CLI's --layout file) remembers those tables on commit.

import type { LayoutInfo, LayoutsReplies } from '../../../shared/api/layouts.ts';
import { ROLE_LABELS } from '../../../shared/reading/columns.ts';
import { rememberable } from '../../../shared/reading/corrections.ts';
import type { SheetReport } from '../../../shared/reading/table.ts';
import type { AreaHandlers, BackendContext } from '../context.ts';
import { forgetLayout, listLayouts, saveLayout, type StoredLayout } from '../store/layouts.ts';
import { ApiFailure } from '../context.ts';

function info(l: StoredLayout): LayoutInfo {
  const headers = l.signature.split('|');
  return {
    id: l.id,
    signature: l.signature,
    file: l.file,
    sheet: l.sheet,
    savedAt: l.savedAt,
    columns: (l.layout.columns ?? []).map((c, i) => ({ header: headers[i] ?? '', role: c.role, label: c.role ? ROLE_LABELS[c.role] : '未使用' })),
  };
}

export async function layouts(ctx: BackendContext): Promise<LayoutsReplies['layouts']> {
  return ctx.store.read((q) => ({ layouts: listLayouts(q.db).map(info) }));
}

type Confirmed = Pick<SheetReport, 'file' | 'sheet' | 'headerRows' | 'orientation' | 'family' | 'place'> & { columns: Array<{ header: string; role: SheetReport['columns'][number]['role'] }> };

/** Remembers a confirmed table's layout by its header's signature (a later one of the same header replaces it). */
export function rememberTable(db: Parameters<typeof saveLayout>[0], table: Confirmed, savedAt: string): number | null {
  const r = rememberable(table);
  if (!r || !r.signature) return null;
  return saveLayout(db, { ...r, file: table.file, sheet: table.sheet, savedAt });
}

/**
 * On commit: remembers the tables read by a layout the request confirmed (`confirmed`, by table id: the
 * CLI's --layout file). A correction made in a preview is not remembered here; the window remembers a table
 * when the person presses 确认此表读取方式 (rememberLayout).
 */
export function rememberConfirmedTables(db: Parameters<typeof saveLayout>[0], files: ReadonlyArray<{ read: { report: { sheets: readonly SheetReport[] } } | null }>, confirmed: ReadonlySet<string> | undefined, savedAt: string): void {
  if (!confirmed?.size) return;
  for (const f of files) for (const s of f.read?.report.sheets ?? []) if (s.confirmed?.by === 'layout' && s.id && confirmed.has(s.id)) rememberTable(db, s, savedAt);
}

export async function rememberLayout(ctx: BackendContext, req: { table: Confirmed }): Promise<LayoutsReplies['rememberLayout']> {
  const id = await ctx.store.write((w) => rememberTable(w.db, req.table, ctx.now().toISOString()));
  if (id === null) throw new ApiFailure('bad-request', '这张表没有表头文字，无法记住它的读法');
  return { id };
}

export const layoutsHandlers: AreaHandlers<keyof LayoutsReplies> = {
  layouts: (ctx) => layouts(ctx),
  rememberLayout: (ctx, a) => rememberLayout(ctx, a),
  forgetLayout: async (ctx, a) => ({ forgotten: await ctx.store.write((w) => forgetLayout(w.db, a.layoutId)) }),
};
