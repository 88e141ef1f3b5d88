// An import's first step: the files hashed, the ones already stored (or twice in the batch) set aside,
// the rest read in the worker pool (with a person's corrections, where the preview had some), and bare
// place names joined to the places they stand for. Nothing is stored here.

import path from 'node:path';
import type { FileRead, ReadOptions } from '../../../shared/reading/read.ts';
import { joinBareNames } from '../../../shared/check.ts';
import { listLayouts } from '../store/layouts.ts';
import type { ImportFileResult, ImportProgress, ImportRequest, SheetOverrides } from '../../../shared/api.ts';
import { expandInputs, type InputProblem } from '../inputs.ts';
import { readFiles } from '../read-pool.ts';
import type { StoreQueries } from '../store/store.ts';
import { fsProblem, hashFile, monthDay, type BackendContext } from '../context.ts';

/** A file after hashing and reading, before anything is stored. */
export interface PreparedFile {
  path: string;
  name: string;
  hash: string | null;
  size: number;
  read: FileRead | null; // null for a duplicate (not read) or a file that could not even be hashed
  outcome: ImportFileResult['outcome'];
  message: string;
  duplicateOf: ImportFileResult['duplicateOf'];
}

export interface Prepared {
  files: PreparedFile[];
  inputProblems: InputProblem[];
  /** Tables the request's `layouts` confirmed (a layout file): remembered on commit; a preview's overrides are not. */
  confirmedTables?: ReadonlySet<string>;
}

export function classify(f: { path: string; name: string; hash: string | null; size: number; read: FileRead }): PreparedFile {
  const r = f.read;
  const outcome: PreparedFile['outcome'] = !r.report.ok ? 'unreadable' : r.inputs.length === 0 ? 'empty' : 'imported';
  return { ...f, outcome, message: r.report.message, duplicateOf: null };
}

/** Hashes, drops what is already stored (or twice in this batch), reads the rest in the worker pool. */
export async function prepare(ctx: BackendContext, req: ImportRequest, onProgress?: (p: ImportProgress) => void): Promise<Prepared> {
  const { files, problems } = expandInputs(req.paths);
  const total = files.length;
  const prepared: PreparedFile[] = [];
  let i = 0;
  for (const p of files) {
    const name = path.basename(p);
    onProgress?.({ phase: 'hashing', filesDone: i, filesTotal: total, file: name, sheets: 0, rows: 0, rowsTotal: null, villages: 0 });
    try {
      const { hash, size } = await hashFile(p);
      prepared.push({ path: p, name, hash, size, read: null, outcome: 'imported', message: '', duplicateOf: null });
    } catch (err) {
      prepared.push({ path: p, name, hash: null, size: 0, read: null, outcome: 'unreadable', message: fsProblem(err), duplicateOf: null });
    }
    i++;
  }
  const result: Prepared = { files: prepared, inputProblems: problems, confirmedTables: new Set((req.layouts ?? []).map((l) => l.id)) };
  markDuplicates(ctx.store.reader, result);

  // Files with corrections from a preview are read on their own, with their own overrides.
  const overridesOf = new Map<string, SheetOverrides>();
  for (const [p, ov] of Object.entries(req.overrides ?? {})) overridesOf.set(path.resolve(p), ov);
  const toRead = prepared.filter((f) => f.outcome === 'imported');
  const groups = new Map<SheetOverrides | null, PreparedFile[]>();
  for (const f of toRead) {
    const ov = overridesOf.get(path.resolve(f.path)) ?? null;
    const list = groups.get(ov) ?? [];
    list.push(f);
    groups.set(ov, list);
  }
  let done = 0;
  let rows = 0;
  let villages = 0;
  let sheets = 0;
  for (const [ov, group] of groups) {
    const offset = done;
    // A person's corrections, and the layouts confirmed before (applied where a table's header reads the same).
    const readOptions: ReadOptions = { layouts: [...(ov ?? []), ...(req.layouts ?? [])], remembered: listLayouts(ctx.store.reader.db) };
    const reads = await readFiles(
      group.map((f) => ({ path: f.path, name: f.name, size: f.size })),
      {
        ...ctx.options.pool,
        readOptions,
        onProgress: (p) => {
          rows += p.rows;
          villages += p.villages;
          sheets += p.sheets;
          onProgress?.({ phase: 'reading', filesDone: offset + p.done, filesTotal: toRead.length, file: p.file, sheets, rows, rowsTotal: null, villages });
        },
      },
    );
    group.forEach((f, k) => Object.assign(f, classify({ ...f, read: reads[k] })));
    done += group.length;
  }
  joinPlaces(ctx.store.reader, result);
  return result;
}

/** "青山" and "青山镇", "上塘" and "上塘村" in one import, or stored already: one place (shared/check.ts). */
export function joinPlaces(q: StoreQueries, prepared: Prepared): void {
  const files = prepared.files.filter((f) => f.outcome === 'imported' && f.read);
  const joined = joinBareNames(
    files.flatMap((f) => f.read!.inputs),
    q.places().map((p) => ({ township: p.township, village: p.village })),
  );
  if (joined.findings.length === 0) return;
  let k = 0;
  for (const f of files) {
    const n = f.read!.inputs.length;
    f.read = { ...f.read!, inputs: joined.inputs.slice(k, k + n), findings: [...f.read!.findings, ...joined.findings.filter((x) => x.file === f.name)] };
    k += n;
  }
}

/** Marks files whose content is already stored, or appears earlier in the same batch. */
export function markDuplicates(q: StoreQueries, prepared: Prepared): void {
  const seen = new Map<string, PreparedFile>();
  for (const f of prepared.files) {
    if (!f.hash || f.outcome === 'duplicate') continue;
    const stored = q.fileByHash(f.hash);
    const earlier = seen.get(f.hash);
    if (stored) {
      f.outcome = 'duplicate';
      f.read = null;
      f.duplicateOf = { file: stored.name, importedAt: stored.imported_at, importId: stored.import_id };
      f.message = `已导入过（与 ${monthDay(stored.imported_at)}导入的 ${stored.name} 内容相同）`;
    } else if (earlier) {
      f.outcome = 'duplicate';
      f.read = null;
      f.duplicateOf = { file: earlier.name, importedAt: null, importId: null };
      f.message = `与本次导入的 ${earlier.name} 内容相同，只导入一次`;
    } else {
      seen.set(f.hash, f);
    }
  }
}

export function countRows(prepared: Prepared): number {
  let n = 0;
  for (const f of prepared.files) {
    if (f.outcome !== 'imported') continue;
    for (const input of f.read!.inputs) for (const rows of new Set(input.parts.map((p) => (p.form === 'roster' ? p.rows : null)))) n += rows?.length ?? 0;
  }
  return n;
}
