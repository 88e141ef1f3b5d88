// The import as three steps: choose files (staged for the backend: paths, or uploaded bytes) → review
// the preview (nothing stored; corrections re-read at once) → commit with progress and a cancel →
// what changed, with undo.

import { useCallback, useRef, useState } from 'react';
import type { ImportProgress, ImportReport, SheetOverrides, UndoReply } from '../../shared/api.ts';
import type { TableLayout } from '../../shared/reading/corrections.ts';
import type { SheetReport } from '../../shared/reading/table.ts';
import { useApi } from '../api/context.tsx';

export type Step = 'choose' | 'reading' | 'review' | 'committing' | 'done';

export interface ChosenFile {
  name: string;
  state: '上传中' | '读取中' | '已读取' | '待核对' | '已导入过' | '无法读取';
  path: string | null;
  message: string;
}

export interface ImportFlow {
  step: Step;
  files: ChosenFile[];
  report: ImportReport | null;
  committed: ImportReport | null;
  progress: ImportProgress | null;
  error: string | null;
  /** Corrections by file path: one layout per table, by table id. */
  overrides: Record<string, SheetOverrides>;
  /** Ids of the tables confirmed (and remembered) in this preview. */
  confirmed: ReadonlySet<string>;
  undone: UndoReply | null;
  choose(files: File[]): Promise<void>;
  /** The sample workbooks shipped with the app, previewed like chosen files. */
  trySamples(): Promise<void>;
  /** Sets a table's layout (null: back to the reader's own reading) and reads again. */
  correct(path: string, id: string, layout: TableLayout | null): Promise<void>;
  /** Confirms a table's reading: remembered for later files of the same header, and kept for this preview. */
  confirm(path: string, table: SheetReport): Promise<void>;
  commit(): Promise<void>;
  cancel(): void;
  undo(): Promise<void>;
  reset(): void;
}

/** A table's reading as a layout: every column, its header rows, orientation, family and place. */
export function layoutOf(t: SheetReport): TableLayout {
  return {
    id: t.id ?? '',
    orientation: t.orientation ?? 'rows',
    ...(t.family ? { family: t.family } : {}),
    ...(t.headerRows.length ? { headerRows: t.headerRows } : {}),
    columns: t.columns.map((c) => ({ index: c.index, role: c.role })),
    ...(t.place ? { place: t.place } : {}),
  };
}

function stateOf(report: ImportReport, path: string): Pick<ChosenFile, 'state' | 'message'> {
  const f = report.files.find((x) => x.path === path);
  if (!f) return { state: '无法读取', message: '没有读取结果' };
  if (f.outcome === 'unreadable') return { state: '无法读取', message: f.message };
  if (f.outcome === 'duplicate') return { state: '已导入过', message: f.message };
  const unsure = f.report?.sheets.some((s) => s.layout === 'none' || (s.provisional?.length ?? 0) > 0) ?? false;
  return { state: f.outcome === 'imported' && !unsure ? '已读取' : '待核对', message: f.message };
}

export function useImportFlow(): ImportFlow {
  const { door, changed } = useApi();
  const [step, setStep] = useState<Step>('choose');
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [committed, setCommitted] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [overrides, setOverrides] = useState<Record<string, SheetOverrides>>({});
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [undone, setUndone] = useState<UndoReply | null>(null);
  const abort = useRef<AbortController | null>(null);

  const preview = useCallback(
    async (chosen: ChosenFile[], ov: Record<string, SheetOverrides>) => {
      const paths = chosen.filter((f) => f.path).map((f) => f.path!);
      if (paths.length === 0) {
        setStep('choose');
        setError('没有可以读取的表格文件');
        return;
      }
      setStep('reading');
      setProgress(null);
      const r = await door.call('previewImport', { paths, ...(Object.keys(ov).length ? { overrides: ov } : {}) }, { onProgress: setProgress });
      if (!r.ok) {
        setError(r.error.message);
        setStep(report ? 'review' : 'choose');
        return;
      }
      setError(null);
      setReport(r.value);
      setFiles(chosen.map((f) => (f.path ? { ...f, ...stateOf(r.value, f.path) } : f)));
      setStep('review');
    },
    [door, report],
  );

  const choose = useCallback(
    async (list: File[]) => {
      setError(null);
      setUndone(null);
      setCommitted(null);
      setOverrides({});
      setConfirmed(new Set());
      setReport(null);
      setStep('reading');
      setFiles(list.map((f) => ({ name: f.name, state: '上传中', path: null, message: '' })));
      const staged = await door.stage(list);
      const chosen: ChosenFile[] = staged.map((s) => ('path' in s ? { name: s.name, state: '读取中', path: s.path, message: '' } : { name: s.name, state: '无法读取', path: null, message: s.refused }));
      setFiles(chosen);
      await preview(chosen, {});
    },
    [door, preview],
  );

  const trySamples = useCallback(async () => {
    setError(null);
    setStep('reading');
    const r = await door.call('sampleFiles', {});
    if (!r.ok) {
      setError(r.error.message);
      setStep('choose');
      return;
    }
    const chosen: ChosenFile[] = r.value.paths.map((p) => ({ name: p.split(/[\\/]/).pop() ?? p, state: '读取中', path: p, message: '' }));
    setFiles(chosen);
    await preview(chosen, {});
  }, [door, preview]);

  const correct = useCallback(
    async (path: string, id: string, layout: TableLayout | null) => {
      const rest = (overrides[path] ?? []).filter((l) => l.id !== id);
      const list = layout ? [...rest, layout] : rest;
      const next = { ...overrides };
      if (list.length) next[path] = list;
      else delete next[path];
      setOverrides(next);
      // A changed table is no longer the one confirmed.
      if (confirmed.has(id)) setConfirmed(new Set([...confirmed].filter((x) => x !== id)));
      await preview(files, next);
    },
    [overrides, confirmed, files, preview],
  );

  const confirm = useCallback(
    async (path: string, table: SheetReport) => {
      if (!table.id) return;
      const r = await door.call('rememberLayout', {
        table: {
          file: table.file,
          sheet: table.sheet,
          headerRows: table.headerRows,
          columns: table.columns.map((c) => ({ header: c.header, role: c.role })),
          ...(table.orientation ? { orientation: table.orientation } : {}),
          ...(table.family ? { family: table.family } : {}),
          ...(table.place ? { place: table.place } : {}),
        },
      });
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      setError(null);
      const layout = layoutOf(table);
      const next = { ...overrides, [path]: [...(overrides[path] ?? []).filter((l) => l.id !== table.id), layout] };
      setOverrides(next);
      setConfirmed(new Set([...confirmed, table.id]));
      await preview(files, next);
    },
    [door, overrides, confirmed, files, preview],
  );

  const commit = useCallback(async () => {
    if (!report?.previewId) return;
    setStep('committing');
    setProgress(null);
    const ac = new AbortController();
    abort.current = ac;
    const before = await door.call('imports', {});
    const r = await door.call('commitImport', { previewId: report.previewId }, { onProgress: setProgress, signal: ac.signal });
    abort.current = null;
    if (!r.ok) {
      if (ac.signal.aborted) {
        // The backend rolls a cancelled commit back; a cancel that came too late finds the import stored.
        const after = await door.call('imports', {});
        const landed = before.ok && after.ok && after.value.length > before.value.length;
        setError(landed ? '取消时导入已经完成，数据已保存；如需撤销，请在“设置”中撤销最近一次导入' : '已取消导入，数据未作任何改动');
      } else setError(r.error.message);
      // Read again for another try (a preview is used up by a commit that failed).
      await preview(files, overrides);
      return;
    }
    setCommitted(r.value);
    setStep('done');
    changed();
  }, [report, door, files, overrides, preview, changed]);

  const cancel = useCallback(() => abort.current?.abort(), []);

  const undo = useCallback(async () => {
    const r = await door.call('undoLastImport', {});
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setUndone(r.value);
    changed();
  }, [door, changed]);

  const reset = useCallback(() => {
    setStep('choose');
    setFiles([]);
    setReport(null);
    setCommitted(null);
    setOverrides({});
    setConfirmed(new Set());
    setUndone(null);
    setError(null);
    setProgress(null);
  }, []);

  return { step, files, report, committed, progress, error, overrides, confirmed, undone, choose, trySamples, correct, confirm, commit, cancel, undo, reset };
}
