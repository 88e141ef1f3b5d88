// The backend, once: every operation of shared/api.ts as a method of one Backend object over the store,
// the reader pool and shared/. The window (IPC), the loopback HTTP server and the CLI all call this;
// `handle(op, args)` is the entry for transports: it validates the request and never throws.

import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Finding, PartKind, Verdict, VillageInput, VillageFacts, VillagePart, VillageStatus } from '../../shared/model.ts';
import type { FileRead, ReadOptions } from '../../shared/reading/read.ts';
import type { RuleSet } from '../../shared/rules/ruleset.ts';
import { defaultRuleSet } from '../../shared/rules/builtin.ts';
import { combineInputs, crossVillageFindings, joinBareNames, judgeAllInSlices, villageIdentity, type JudgedVillage } from '../../shared/check.ts';
import { coverageOf, isFull } from '../../shared/overlay.ts';
import { findingJson, verdictJson, OUTCOME_LABEL } from '../../shared/summary.ts';
import { maskIdNumber } from '../../shared/idcard.ts';
import { seatLabel } from '../../shared/seats.ts';
import { normalizePlaceName } from '../../shared/text.ts';
import { townshipKey } from '../../shared/places.ts';
import {
  CHANGE_LABEL,
  validateRequest,
  type ApiError,
  type ApiErrorCode,
  type ApiOp,
  type ApiReplies,
  type ApiResult,
  type ChangeKind,
  type Changes,
  type CountySummary,
  type ExpectedReply,
  type Figures,
  type FindingFilter,
  type FindingJson,
  type FindingList,
  type FindingRow,
  type HistoryEntry,
  type ImportFileResult,
  type ImportInfo,
  type ImportProgress,
  type ImportReport,
  type ImportRequest,
  type ImportVillage,
  type PartRef,
  type PartView,
  type PersonView,
  type SheetOverrides,
  type Status,
  type TownshipFigures,
  type UndoReply,
  type VillageChange,
  type VillageDetail,
  type VillageFilter,
  type VillageList,
  type VillageRow,
} from '../../shared/api.ts';
import { expandInputs, type InputProblem } from './inputs.ts';
import { readFiles, type PoolOptions } from './read-pool.ts';
import { Store, type FileToStore, type FindingRecord, type ImportRecord, type StoreQueries, type VerdictPartRecord, type VerdictRecord } from './store/store.ts';
import { StoreError } from './store/errors.ts';
import { defaultDbPath } from './store/paths.ts';
import type { OpenOptions } from './store/open.ts';

export { defaultDbPath } from './store/paths.ts';

/** A request the backend refuses, with a Chinese message (not found, nothing to undo …). */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
  }
}

export interface BackendOptions extends OpenOptions {
  /** The rule set imports are judged under; the built-in "两进一有" by default. */
  ruleSet?: RuleSet;
  /** Worker pool settings for reading files (concurrency, time and memory bounds). */
  pool?: Omit<PoolOptions, 'onProgress' | 'readOptions'>;
  /** The clock, for tests. */
  now?: () => Date;
  /** How many previews are kept for commitImport, and for how long. */
  maxPreviews?: number;
  previewTtlMs?: number;
}

export interface CallOptions {
  onProgress?: (p: ImportProgress) => void;
}

/** A file after hashing and reading, before anything is stored. */
interface PreparedFile {
  path: string;
  name: string;
  hash: string | null;
  size: number;
  read: FileRead | null; // null for a duplicate (not read) or a file that could not even be hashed
  outcome: ImportFileResult['outcome'];
  message: string;
  duplicateOf: ImportFileResult['duplicateOf'];
}

interface Prepared {
  files: PreparedFile[];
  inputProblems: InputProblem[];
}

/** The verdicts an import makes: for each village judged, its verdict, facts and findings. */
interface JudgedPlan {
  villages: Array<{ key: string; villageId: number | null; judged: JudgedVillage; findings: Finding[] }>;
  /** Findings not tied to a village (none expected from judging, kept to lose nothing). */
  loose: Finding[];
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Villages combined and judged between two yields to the event loop. */
const VILLAGES_PER_SLICE = 100;

function monthDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getMonth() + 1} 月 ${d.getDate()} 日`;
}

async function hashFile(file: string): Promise<{ hash: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    h.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { hash: h.digest('hex'), size };
}

function fsProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return '找不到该文件';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限';
  if (code === 'EISDIR') return '这是文件夹，不是文件';
  return `读取时出错：${String((err as Error)?.message ?? err).slice(0, 100)}`;
}

function verdictOf(rec: VerdictRecord, parts: readonly VerdictPartRecord[]): Verdict {
  return {
    township: rec.township_text,
    village: rec.village_text,
    ruleSet: rec.rule_set,
    status: rec.status,
    parts: parts.map((p) => ({ id: p.part, label: p.label, outcome: p.outcome, reason: p.reason })),
    counts: {
      committeeMembers: rec.committee_members,
      committeeWomen: rec.committee_women,
      representatives: rec.representatives,
      womenRepresentatives: rec.women_representatives,
    },
  };
}

function changeKind(before: VillageStatus | null, after: VillageStatus): ChangeKind {
  if (before === null) return 'new';
  if (before !== 'compliant' && after === 'compliant') return 'nowCompliant';
  if (before === 'compliant' && after !== 'compliant') return 'noLongerCompliant';
  return before === after ? 'unchanged' : 'statusChanged';
}

function whyNot(v: Verdict): string[] {
  return v.parts.filter((p) => p.outcome !== 'pass').map((p) => `${p.label}：${p.reason}`);
}

/** A stored finding in the one JSON shape findings have (shared/summary.ts), its nulls as absent fields. */
function rowFindingJson(r: FindingRecord): FindingJson {
  return findingJson({ ...r, township: r.township ?? undefined, village: r.village ?? undefined });
}

function findingRow(r: FindingRecord): FindingRow {
  return { id: r.id, importId: r.import_id, villageId: r.village_id, ...rowFindingJson(r) };
}

function emptyTallies(): ChangeCounts {
  return { new: 0, nowCompliant: 0, noLongerCompliant: 0, statusChanged: 0, unchanged: 0 };
}
type ChangeCounts = Record<ChangeKind, number>;

export class Backend {
  readonly store: Store;
  readonly dbPath: string;
  private readonly ruleSet: RuleSet;
  private readonly options: BackendOptions;
  private readonly previews = new Map<string, { prepared: Prepared; createdAt: number }>();

  private constructor(store: Store, options: BackendOptions) {
    this.store = store;
    this.dbPath = store.path;
    this.options = options;
    this.ruleSet = options.ruleSet ?? defaultRuleSet();
  }

  /** Opens (creating, migrating) the database; throws a StoreError with a Chinese message when it cannot. */
  static open(dbPath: string = defaultDbPath(), options: BackendOptions = {}): Backend {
    return new Backend(Store.open(dbPath, options), options);
  }

  /** What opening did: created a new file, migrated (from which version, backup where). */
  get openInfo() {
    return this.store.opened;
  }

  async close(): Promise<void> {
    this.previews.clear();
    await this.store.close();
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  // ================================================================ transports' entry

  /** Validates and runs one operation; every failure becomes `{ ok: false, error }` with a Chinese message. */
  async handle<Op extends ApiOp>(op: Op, args: unknown, call: CallOptions = {}): Promise<ApiResult<ApiReplies[Op]>> {
    const v = validateRequest(op, args);
    if (!v.ok) return { ok: false, error: { code: 'bad-request', message: v.error } };
    try {
      const value = await this.dispatch(op, v.value, call);
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: Backend.errorOf(err) };
    }
  }

  static errorOf(err: unknown): ApiError {
    if (err instanceof ApiFailure) return { code: err.code, message: err.message };
    if (err instanceof StoreError) return { code: err.code, message: err.message };
    // Not one of ours: a plain Chinese line for the user; the detail stays short and last.
    return { code: 'internal', message: `处理时发生内部错误，已保存的数据未受影响（${String((err as Error)?.message ?? err).slice(0, 120)}）` };
  }

  private dispatch<Op extends ApiOp>(op: Op, args: unknown, call: CallOptions): Promise<ApiReplies[Op]> {
    const a = args as never;
    const run: { [K in ApiOp]: () => Promise<ApiReplies[K]> } = {
      previewImport: () => this.previewImport(a, call),
      commitImport: () => this.commitImport(a, call),
      importFiles: () => this.importFiles(a, call),
      undoLastImport: () => this.undoLastImport(),
      imports: () => this.imports(),
      countySummary: () => this.countySummary(),
      townships: () => this.townships(),
      villages: () => this.villages(a),
      village: () => this.village(a),
      findings: () => this.findings(a),
      changes: () => this.changes(a),
      setExpectedVillages: () => this.setExpectedVillages(a),
      status: () => this.status(),
    };
    return run[op]() as Promise<ApiReplies[Op]>;
  }

  // ================================================================ import

  /** Reads the files and shows what an import would do; nothing is saved. */
  async previewImport(req: ImportRequest | string[], call: CallOptions = {}): Promise<ImportReport> {
    const prepared = await this.prepare(Array.isArray(req) ? { paths: req } : req, call.onProgress);
    const plan = await this.store.readAsync(async (q) => {
      const inputs = prepared.files.flatMap((f) => (f.outcome === 'imported' ? f.read!.inputs : []));
      const ids = new Map<string, number | null>();
      for (const i of inputs) {
        const key = villageIdentity(i.township, i.village);
        if (!ids.has(key)) ids.set(key, q.villageIdByKey(key));
      }
      const before = this.currentStatuses(q);
      return { judged: await this.judge(q, inputs, (i) => ids.get(villageIdentity(i.township, i.village)) ?? null), before };
    });
    const previewId = randomUUID();
    this.rememberPreview(previewId, prepared);
    call.onProgress?.(this.doneProgress(prepared));
    return this.report(prepared, plan.judged, plan.before, { previewId, importId: null, importedAt: null, persons: countRows(prepared) });
  }

  /** Saves exactly what a preview showed (the files are not read again). */
  async commitImport(req: { previewId: string }, call: CallOptions = {}): Promise<ImportReport> {
    this.dropOldPreviews();
    const entry = this.previews.get(req.previewId);
    if (!entry) throw new ApiFailure('preview-expired', '预览已过期或已经确认导入过，请重新预览后再导入');
    this.previews.delete(req.previewId);
    return this.commit(entry.prepared, call.onProgress);
  }

  /** Reads and saves in one step (the CLI's `import`). */
  async importFiles(req: ImportRequest | string[], call: CallOptions = {}): Promise<ImportReport> {
    const prepared = await this.prepare(Array.isArray(req) ? { paths: req } : req, call.onProgress);
    return this.commit(prepared, call.onProgress);
  }

  /**
   * Saves files already read (FileRead from shared/reading), for benchmarks and callers that read
   * themselves. `hash` identifies the content; pass the sha256 of the bytes.
   */
  async importReads(files: ReadonlyArray<{ path: string; hash: string; size: number; read: FileRead }>, call: CallOptions = {}): Promise<ImportReport> {
    const prepared: Prepared = {
      inputProblems: [],
      files: files.map((f) => this.classify({ path: f.path, name: f.read.report.file, hash: f.hash, size: f.size, read: f.read })),
    };
    this.markDuplicates(this.store.reader, prepared);
    this.joinPlaces(this.store.reader, prepared);
    return this.commit(prepared, call.onProgress);
  }

  private rememberPreview(id: string, prepared: Prepared): void {
    this.dropOldPreviews();
    this.previews.set(id, { prepared, createdAt: Date.now() });
    const max = this.options.maxPreviews ?? 4;
    while (this.previews.size > max) this.previews.delete(this.previews.keys().next().value!);
  }

  private dropOldPreviews(): void {
    const ttl = this.options.previewTtlMs ?? 60 * 60 * 1000;
    for (const [id, p] of this.previews) if (Date.now() - p.createdAt > ttl) this.previews.delete(id);
  }

  private classify(f: { path: string; name: string; hash: string | null; size: number; read: FileRead }): PreparedFile {
    const r = f.read;
    const outcome: PreparedFile['outcome'] = !r.report.ok ? 'unreadable' : r.inputs.length === 0 ? 'empty' : 'imported';
    return { ...f, outcome, message: r.report.message, duplicateOf: null };
  }

  /** Hashes, drops what is already stored (or twice in this batch), reads the rest in the worker pool. */
  private async prepare(req: ImportRequest, onProgress?: (p: ImportProgress) => void): Promise<Prepared> {
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
    const result: Prepared = { files: prepared, inputProblems: problems };
    this.markDuplicates(this.store.reader, result);

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
      const readOptions: ReadOptions = ov ? { overrides: ov as unknown as ReadOptions['overrides'] } : {};
      const reads = await readFiles(
        group.map((f) => ({ path: f.path, name: f.name, size: f.size })),
        {
          ...this.options.pool,
          readOptions,
          onProgress: (p) => {
            rows += p.rows;
            villages += p.villages;
            sheets += p.sheets;
            onProgress?.({ phase: 'reading', filesDone: offset + p.done, filesTotal: toRead.length, file: p.file, sheets, rows, rowsTotal: null, villages });
          },
        },
      );
      group.forEach((f, k) => Object.assign(f, this.classify({ ...f, read: reads[k] })));
      done += group.length;
    }
    this.joinPlaces(this.store.reader, result);
    return result;
  }

  /** "青山" and "青山镇", "上塘" and "上塘村" in one import, or stored already: one place (shared/check.ts). */
  private joinPlaces(q: StoreQueries, prepared: Prepared): void {
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
  private markDuplicates(q: StoreQueries, prepared: Prepared): void {
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

  /**
   * Judges every village the inputs touch, with its current parts from the store for the kinds the
   * inputs do not bring; villages judged under another rule set are judged again under this one. One
   * evaluator: shared/check.ts judgeAll. One person in a judged village and in another village that is
   * not judged again is found through the stored ID numbers.
   */
  private async judge(q: StoreQueries, inputs: readonly VillageInput[], idOf: (i: VillageInput) => number | null): Promise<JudgedPlan> {
    const groups = new Map<string, { villageId: number | null; inputs: VillageInput[]; kinds: Set<PartKind> }>();
    for (const input of inputs) {
      const key = villageIdentity(input.township, input.village);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { villageId: idOf(input), inputs: [], kinds: new Set() }));
      g.inputs.push(input);
      for (const p of input.parts) g.kinds.add(p.kind);
    }
    const all: VillageInput[] = [];
    const judgedIds = new Set<number>();
    const keyToId = new Map<string, number | null>();
    let sinceYield = 0;
    for (const [key, g] of groups) {
      if (++sinceYield >= VILLAGES_PER_SLICE) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
      keyToId.set(key, g.villageId);
      if (g.villageId === null) {
        all.push(...g.inputs);
        continue;
      }
      judgedIds.add(g.villageId);
      const place = q.place(g.villageId)!;
      // The stored name stays the village's name, whatever spelling this submission uses. A committees
      // roster that does not cover both committees and the chair is laid over the stored one (overlay.ts),
      // so the stored committees come along for combineInputs to combine.
      const replaced = new Set(g.kinds);
      if (replaced.has('committees') && partialCommittees(g.inputs)) replaced.delete('committees');
      const prev = q.currentInput(g.villageId, replaced, false);
      if (prev) all.push(prev);
      for (const input of g.inputs) all.push({ ...input, township: place.township, village: place.village });
    }
    for (const v of q.currentVerdicts()) {
      if (judgedIds.has(v.village_id) || v.rule_set === this.ruleSet.name) continue;
      const input = q.currentInput(v.village_id);
      if (!input) continue;
      judgedIds.add(v.village_id);
      keyToId.set(villageIdentity(input.township, input.village), v.village_id);
      all.push(input);
    }
    const result = await judgeAllInSlices(all, this.ruleSet, yieldToEventLoop, VILLAGES_PER_SLICE);
    const byKey = new Map<string, Finding[]>();
    const loose: Finding[] = [];
    for (const f of result.findings) {
      if (f.township && f.village) {
        const key = villageIdentity(f.township, f.village);
        const list = byKey.get(key) ?? [];
        list.push(f);
        byKey.set(key, list);
      } else loose.push(f);
    }
    const villages = result.villages.map((j) => {
      const key = villageIdentity(j.facts.township, j.facts.village);
      return { key, villageId: keyToId.get(key) ?? null, judged: j, findings: byKey.get(key) ?? [] };
    });
    await this.crossWithOthers(q, villages, judgedIds);
    return { villages, loose };
  }

  private async crossWithOthers(q: StoreQueries, villages: JudgedPlan['villages'], judgedIds: ReadonlySet<number>): Promise<void> {
    const reported = q.reportedVillageIds();
    if (!reported.some((id) => !judgedIds.has(id))) return;
    const ids = new Set<string>();
    for (const v of villages) for (const p of v.judged.facts.persons) if (p.idValid && p.idNumber) ids.add(p.idNumber);
    if (ids.size === 0) return;
    const others = new Set<number>();
    const all = [...ids];
    for (let i = 0; i < all.length; i += 5000) {
      for (const id of q.villagesHoldingIds(all.slice(i, i + 5000), judgedIds)) others.add(id);
      if (i + 5000 < all.length) await yieldToEventLoop();
    }
    if (others.size === 0) return;
    const otherInputs = [...others].map((id) => q.currentInput(id, new Set(), false)).filter((i): i is VillageInput => i !== null);
    const otherFacts = combineInputs(otherInputs).facts;
    const factsById = new Map<string, VillageFacts[]>();
    for (const f of otherFacts)
      for (const p of f.persons) {
        if (!p.idValid || !p.idNumber) continue;
        const list = factsById.get(p.idNumber) ?? [];
        if (!list.includes(f)) list.push(f);
        factsById.set(p.idNumber, list);
      }
    for (const v of villages) {
      const relevant = new Set<VillageFacts>();
      for (const p of v.judged.facts.persons) if (p.idValid && p.idNumber) for (const f of factsById.get(p.idNumber) ?? []) relevant.add(f);
      if (relevant.size === 0) continue;
      const own = v.judged.facts;
      // Others first: the finding is reported on the village judged now, naming the other one.
      for (const f of crossVillageFindings([...relevant, own])) if (f.township === own.township && f.village === own.village) v.findings.push(f);
    }
  }

  private currentStatuses(q: StoreQueries): Map<number, VillageStatus> {
    return new Map(q.currentVerdicts().map((v) => [v.village_id, v.status]));
  }

  /** One transaction: the import lands whole or not at all. */
  private async commit(prepared: Prepared, onProgress?: (p: ImportProgress) => void): Promise<ImportReport> {
    const sheets = prepared.files.reduce((n, f) => n + (f.read?.report.sheets.length ?? 0), 0);
    const filesTotal = prepared.files.length;
    const villagesTotal = prepared.files.reduce((n, f) => n + (f.outcome === 'imported' ? f.read!.inputs.length : 0), 0);
    return this.store.write(async (w) => {
      // The store may have changed since the preview: check again, inside the transaction.
      this.markDuplicates(w, { files: prepared.files.filter((f) => f.outcome === 'imported'), inputProblems: [] });
      const before = this.currentStatuses(w);
      const toStore = prepared.files.filter((f) => f.outcome === 'imported');
      if (toStore.length === 0) {
        return this.report(prepared, { villages: [], loose: [] }, before, { previewId: null, importId: null, importedAt: null, persons: 0 });
      }
      const importedAt = this.now().toISOString();
      const importId = w.insertImport(importedAt, this.ruleSet);
      const inputs = toStore.flatMap((f) => f.read!.inputs);
      const ids = new Map<string, number>();
      for (const input of inputs) {
        const key = villageIdentity(input.township, input.village);
        if (ids.has(key)) continue;
        ids.set(key, w.ensureVillage(input.township, input.village));
        if (ids.size % 500 === 0) await yieldToEventLoop();
      }
      const idOf = (i: VillageInput) => ids.get(villageIdentity(i.township, i.village))!;
      onProgress?.({ phase: 'judging', filesDone: filesTotal, filesTotal, file: null, sheets, rows: 0, rowsTotal: null, villages: villagesTotal });
      const plan = await this.judge(w, inputs, idOf);

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
      const { persons, fileIds } = await w.insertFiles(importId, files, idOf, chosenParts(inputs, plan), (p) =>
        onProgress?.({ phase: 'storing', filesDone: filesTotal, filesTotal, file: p.file, sheets, rows: p.rows, rowsTotal: p.rowsTotal, villages: villagesTotal }),
      );
      let written = 0;
      for (let k = 0; k < files.length; k++) {
        for (const finding of files[k].findings) {
          const villageId = finding.township && finding.village ? w.villageIdByKey(villageIdentity(finding.township, finding.village)) : null;
          w.insertFinding(importId, fileIds[k], null, villageId, finding);
          if (++written >= 2000) {
            written = 0;
            await yieldToEventLoop();
          }
        }
      }
      for (const v of plan.villages) {
        w.insertVerdict(importId, { villageId: v.villageId!, verdict: v.judged.verdict, findings: v.findings });
        written += 1 + v.findings.length;
        if (written >= 2000) {
          written = 0;
          await yieldToEventLoop();
        }
      }
      for (const f of plan.loose) w.insertFinding(importId, null, null, null, f);
      w.setImportCounts(importId, persons, ids.size);
      onProgress?.({ phase: 'done', filesDone: filesTotal, filesTotal, file: null, sheets, rows: persons, rowsTotal: persons, villages: villagesTotal });
      return this.report(prepared, plan, before, { previewId: null, importId, importedAt, persons });
    });
  }

  private doneProgress(prepared: Prepared): ImportProgress {
    const sheets = prepared.files.reduce((n, f) => n + (f.read?.report.sheets.length ?? 0), 0);
    const rows = countRows(prepared);
    const villages = prepared.files.reduce((n, f) => n + (f.outcome === 'imported' ? f.read!.inputs.length : 0), 0);
    return { phase: 'done', filesDone: prepared.files.length, filesTotal: prepared.files.length, file: null, sheets, rows, rowsTotal: rows, villages };
  }

  private report(
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
      ruleSet: this.ruleSet.name,
      files,
      inputProblems: prepared.inputProblems,
      villages,
      persons: meta.persons,
      findings,
      message: parts.join('；'),
    };
  }

  // ================================================================ undo

  /** Undoes the latest import: what was current before it is current again; its files may be imported again. */
  async undoLastImport(): Promise<UndoReply> {
    return this.store.write((w) => {
      const last = w.lastImport();
      if (!last) throw new ApiFailure('nothing-to-undo', '没有可以撤销的导入');
      const info = this.importInfo(w, last);
      const judged = w.verdictsOfImport(last.id);
      w.deleteImport(last.id);
      const now = this.currentStatuses(w);
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

  // ================================================================ views

  private importInfo(q: StoreQueries, r: ImportRecord): ImportInfo {
    return {
      id: r.id,
      importedAt: r.imported_at,
      ruleSet: r.rule_set,
      persons: r.persons,
      villages: r.villages,
      files: q.filesOf(r.id).map((f) => ({ name: f.name, ok: f.ok !== 0 })),
    };
  }

  async imports(): Promise<ImportInfo[]> {
    return this.store.read((q) => q.imports().map((r) => this.importInfo(q, r)));
  }

  /** Every village that is reported or expected, with its current verdict. */
  private villageRows(q: StoreQueries): { rows: VillageRow[]; verdicts: Map<number, Verdict>; partOrder: Array<{ id: string; label: string }> } {
    const verdictRecs = q.currentVerdicts();
    const partRecs = q.currentVerdictParts();
    const partsBy = new Map<number, VerdictPartRecord[]>();
    for (const p of partRecs) {
      const list = partsBy.get(p.verdict_id) ?? [];
      list.push(p);
      partsBy.set(p.verdict_id, list);
    }
    const verdicts = new Map<number, Verdict>();
    const ruleSets = new Map<number, string>();
    for (const r of verdictRecs) {
      verdicts.set(r.village_id, verdictOf(r, partsBy.get(r.id) ?? []));
      ruleSets.set(r.village_id, r.rule_set);
    }
    const partOrder: Array<{ id: string; label: string }> = [];
    for (const v of verdicts.values()) for (const p of v.parts) if (!partOrder.some((x) => x.id === p.id)) partOrder.push({ id: p.id, label: p.label });
    const expected = new Set(q.expected().map((e) => e.village_id));
    const reportedAt = q.reportedAt();
    const partRefs = new Map<number, Record<PartKind, PartRef | null>>();
    for (const p of q.currentPartSummaries()) {
      let refs = partRefs.get(p.village_id);
      if (!refs) partRefs.set(p.village_id, (refs = { committees: null, representatives: null }));
      refs[p.kind] = { form: p.form, file: p.file_name, importId: p.import_id, importedAt: p.imported_at };
    }
    const rows: VillageRow[] = [];
    for (const place of q.places()) {
      const v = verdicts.get(place.village_id);
      const isExpected = expected.has(place.village_id);
      if (!v && !isExpected) continue;
      const json = v ? verdictJson(v) : null;
      rows.push({
        id: place.village_id,
        townshipId: place.township_id,
        township: place.township,
        village: place.village,
        expected: isExpected,
        reported: !!v,
        status: v ? v.status : null,
        rules: json ? json.rules : {},
        reasons: json ? json.reasons : {},
        counts: json ? json.counts : null,
        ruleSet: v ? v.ruleSet : null,
        reportedAt: reportedAt.get(place.village_id) ?? null,
        parts: partRefs.get(place.village_id) ?? { committees: null, representatives: null },
      });
    }
    return { rows, verdicts, partOrder };
  }

  private figures(name: string, rows: readonly VillageRow[], listSet: boolean, partOrder: ReadonlyArray<{ id: string }>): Figures {
    const reported = rows.filter((r) => r.reported);
    const parts: Figures['parts'] = {};
    for (const { id } of partOrder) {
      const t = { pass: 0, fail: 0, unknown: 0 };
      for (const r of reported) {
        const o = r.rules[id];
        if (o) t[o]++;
      }
      const n = t.pass + t.fail + t.unknown;
      parts[id] = { ...t, passRate: n ? t.pass / n : null };
    }
    return {
      township: name,
      expected: listSet ? rows.filter((r) => r.expected).length : null,
      reported: reported.length,
      notReported: listSet ? rows.filter((r) => r.expected && !r.reported).length : null,
      unexpected: listSet ? reported.filter((r) => !r.expected).length : null,
      compliant: reported.filter((r) => r.status === 'compliant').length,
      noncompliant: reported.filter((r) => r.status === 'noncompliant').length,
      incomplete: reported.filter((r) => r.status === 'incomplete').length,
      parts,
    };
  }

  private townshipFigures(q: StoreQueries): { townships: TownshipFigures[]; county: Figures; partOrder: Array<{ id: string; label: string }>; listSet: boolean } {
    const { rows, partOrder } = this.villageRows(q);
    const listSet = q.masterList() !== null;
    const byTownship = new Map<number, VillageRow[]>();
    for (const r of rows) {
      const list = byTownship.get(r.townshipId) ?? [];
      list.push(r);
      byTownship.set(r.townshipId, list);
    }
    const townships: TownshipFigures[] = [];
    for (const [id, list] of byTownship) townships.push({ townshipId: id, ...this.figures(list[0].township, list, listSet, partOrder) });
    return { townships, county: this.figures('全县', rows, listSet, partOrder), partOrder, listSet };
  }

  async countySummary(): Promise<CountySummary> {
    return this.store.read((q) => {
      const { townships, county, partOrder } = this.townshipFigures(q);
      const last = q.lastImport();
      const list = q.masterList();
      return {
        ruleSet: last ? last.rule_set : null,
        lastImport: last ? this.importInfo(q, last) : null,
        masterList: list ? { file: list.file_name, setAt: list.set_at, villages: list.villages } : null,
        parts: partOrder,
        county,
        townships,
      };
    });
  }

  async townships(): Promise<TownshipFigures[]> {
    return this.store.read((q) => this.townshipFigures(q).townships);
  }

  async villages(filter: VillageFilter = {}): Promise<VillageList> {
    return this.store.read((q) => {
      let rows = this.villageRows(q).rows;
      if (filter.townshipId !== undefined) rows = rows.filter((r) => r.townshipId === filter.townshipId);
      if (filter.township !== undefined) {
        const key = townshipKey(filter.township);
        rows = rows.filter((r) => townshipKey(r.township) === key);
      }
      if (filter.status === 'notReported') rows = rows.filter((r) => !r.reported && r.expected);
      else if (filter.status !== undefined) rows = rows.filter((r) => r.status === filter.status);
      if (filter.part !== undefined) rows = rows.filter((r) => (filter.outcome ? r.rules[filter.part!] === filter.outcome : r.rules[filter.part!] !== undefined));
      else if (filter.outcome !== undefined) rows = rows.filter((r) => Object.values(r.rules).includes(filter.outcome!));
      if (filter.expected !== undefined) rows = rows.filter((r) => r.expected === filter.expected);
      if (filter.search) {
        const s = normalizePlaceName(filter.search);
        if (s) rows = rows.filter((r) => normalizePlaceName(r.village).includes(s) || normalizePlaceName(r.township).includes(s));
      }
      const total = rows.length;
      const offset = filter.offset ?? 0;
      return { total, villages: rows.slice(offset, filter.limit !== undefined ? offset + filter.limit : undefined) };
    });
  }

  async village(request: { id: number; revealIds?: boolean } | number): Promise<VillageDetail> {
    const req = typeof request === 'number' ? { id: request } : request;
    return this.store.read((q) => {
      const { rows, verdicts } = this.villageRows(q);
      const row = rows.find((r) => r.id === req.id);
      if (!row) throw new ApiFailure('not-found', `找不到编号为 ${req.id} 的村`);
      const verdict = verdicts.get(req.id) ?? null;
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
      const history = this.history(q, req.id);
      const findings = q.currentFindings(req.id).map(findingRow);
      return { ...row, verdictParts: verdict ? verdict.parts : [], persons, currentParts, history, findings };
    });
  }

  private history(q: StoreQueries, villageId: number): HistoryEntry[] {
    const verdictRecs = q.verdictsOfVillage(villageId);
    const subs = q.submissionsOfVillage(villageId);
    const currentId = verdictRecs.length ? verdictRecs[0].id : null;
    const byImport = new Map<number, HistoryEntry>();
    const entry = (importId: number, importedAt: string) => {
      let e = byImport.get(importId);
      if (!e) byImport.set(importId, (e = { importId, importedAt, current: false, submissions: [], verdict: null }));
      return e;
    };
    for (const s of subs) {
      const imp = q.importById(s.import_id)!;
      entry(s.import_id, imp.imported_at).submissions.push({ file: s.file_name, kinds: (s.kinds ? s.kinds.split(',') : []) as PartKind[], rows: s.rows });
    }
    for (const v of verdictRecs) {
      const imp = q.importById(v.import_id)!;
      const e = entry(v.import_id, imp.imported_at);
      const json = verdictJson(verdictOf(v, q.verdictParts(v.id)));
      e.verdict = { status: v.status, ruleSet: v.rule_set, rules: json.rules, reasons: json.reasons };
      if (v.id === currentId) e.current = true;
    }
    return [...byImport.values()].sort((a, b) => b.importId - a.importId);
  }

  async findings(filter: FindingFilter = {}): Promise<FindingList> {
    return this.store.read((q) => {
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

  /** What the latest import (or the one named) changed, village by village, and why. */
  async changes(req: { importId?: number } = {}): Promise<Changes> {
    return this.store.read((q) => {
      const target = req.importId !== undefined ? q.importById(req.importId) : q.lastImport();
      if (!target) {
        if (req.importId !== undefined) throw new ApiFailure('not-found', `找不到编号为 ${req.importId} 的导入记录（可能已撤销）`);
        return { import: null, previous: null, villages: [], counts: emptyTallies(), newlyReportedExpected: 0, message: '还没有导入记录' };
      }
      const prev = q.previousImport(target.id);
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
      const bits = (Object.keys(counts) as ChangeKind[]).filter((k) => counts[k] > 0 && k !== 'unchanged');
      const message = `${monthDay(target.imported_at)}的导入涉及 ${villages.length} 个村${bits.length ? '：' + bits.map((k) => `${CHANGE_LABEL[k]} ${counts[k]}`).join('，') : '，各村状态均未变化'}`;
      return {
        import: this.importInfo(q, target),
        previous: prev ? this.importInfo(q, prev) : null,
        villages,
        counts,
        newlyReportedExpected,
        message,
      };
    });
  }

  /** Sets the master list of villages the county expects (应报村) from a workbook. */
  async setExpectedVillages(request: { path: string } | string): Promise<ExpectedReply> {
    const req = typeof request === 'string' ? { path: request } : request;
    const name = path.basename(req.path);
    let hash: string;
    let size: number;
    try {
      ({ hash, size } = await hashFile(req.path));
    } catch (err) {
      throw new ApiFailure('no-village-list', `${name}：${fsProblem(err)}`);
    }
    const [read] = await readFiles([{ path: req.path, name, size }], { ...this.options.pool });
    if (!read.report.ok) throw new ApiFailure('no-village-list', `${name}：${read.report.message}`);
    let from: ExpectedReply['from'] = 'list';
    let list = read.villageList;
    if (list.length === 0) {
      from = 'roster';
      const seen = new Set<string>();
      list = [];
      for (const i of read.inputs) {
        const key = villageIdentity(i.township, i.village);
        if (seen.has(key)) continue;
        seen.add(key);
        list.push({ township: i.township, village: i.village, source: i.parts[0]?.source ?? { file: name, sheet: '', row: null } });
      }
    }
    if (list.length === 0) throw new ApiFailure('no-village-list', `${name} 中没有找到村名清单（需要“乡镇”和“村”两列，或按乡镇分段列出村名）`);
    const setAt = this.now().toISOString();
    return this.store.write((w) => {
      const villages = list.map((v) => ({ ...v, villageId: w.ensureVillage(v.township, v.village) }));
      w.setExpected(name, hash, setAt, villages);
      const expected = w.expected();
      const reported = new Set(w.reportedVillageIds());
      const notReported = expected.filter((e) => !reported.has(e.village_id)).length;
      const townships = new Set(expected.map((e) => e.township_id)).size;
      return {
        file: name,
        villages: expected.length,
        townships,
        from,
        notReported,
        message: `应报村名单已设为 ${name}：${townships} 个乡镇、${expected.length} 个村，其中 ${notReported} 个村尚未报送${from === 'roster' ? '（文件中没有单独的村名清单，按名单中出现的村计）' : ''}`,
        findings: read.findings.map(findingJson),
      };
    });
  }

  /** The current verdict of every village in `check --json`'s shape, plus reportedAt and the villages not reported. */
  async status(): Promise<Status> {
    return this.store.read((q) => {
      const { rows, verdicts } = this.villageRows(q);
      const last = q.lastImport();
      return {
        ruleSet: last ? last.rule_set : null,
        villages: rows.filter((r) => r.reported).map((r) => ({ ...verdictJson(verdicts.get(r.id)!), reportedAt: r.reportedAt! })),
        notReported: rows.filter((r) => r.expected && !r.reported).map((r) => ({ township: r.township, village: r.village })),
        expectedListSet: q.masterList() !== null,
        findings: q.currentFindings().map(rowFindingJson),
      };
    });
  }
}

/**
 * The new parts each verdict was made from: combineInputs hands the chosen part's source object on to
 * the facts, so identity tells which one it took (the last of several with that source).
 */
function chosenParts(inputs: readonly VillageInput[], plan: JudgedPlan): Set<VillagePart> {
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

/** Whether every committees part the inputs bring is a roster that leaves something to an older one. */
function partialCommittees(inputs: readonly VillageInput[]): boolean {
  const parts = inputs.flatMap((i) => i.parts).filter((p) => p.kind === 'committees');
  return parts.length > 0 && parts.every((p) => p.form === 'roster' && !isFull(coverageOf(p.rows)));
}

function countRows(prepared: Prepared): number {
  let n = 0;
  for (const f of prepared.files) {
    if (f.outcome !== 'imported') continue;
    for (const input of f.read!.inputs) for (const rows of new Set(input.parts.map((p) => (p.form === 'roster' ? p.rows : null)))) n += rows?.length ?? 0;
  }
  return n;
}
