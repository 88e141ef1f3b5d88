// One measurement in its own process, so that its peak memory is its own. Run by measure.ts as
//   node [--expose-gc] --import tsx tests/bench/child.ts MODE FILE
// and prints one line `@@bench {json}` at the end. Modes:
//   idle    only the modules loaded: the fixed memory of a process
//   bare    XLSX.read(fs.readFileSync(f), { dense: true }) — the baseline
//   check   runCheck([f], defaultRuleSet()) — the same code as the CLI (worker threads included)
//   rules   the rule pass alone: judgeAll on inputs already read (in-process), repeated
//   import  Backend.open(new file) + importFiles({ paths: [f] }) + close — the same code as `quota-watch import`
//           (FILE, then the directory to create the new database in)
//   phases  the check's work split into its phases, in-process, with timings and heap after each

import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { RESULT_PREFIX, type ChildResult } from './measure.ts';
import type { FileRead } from '../../shared/reading/read.ts';
import type { SheetReport } from '../../shared/reading/sheet.ts';
import type { PackedRead } from '../../shared/reading/pack.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
/** CPU time (user + system, every thread of the process) since `from`, ms. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(from);
  return Math.round((c.user + c.system) / 1000);
};
const mem = () => {
  const m = process.memoryUsage();
  return { rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed), externalMiB: mib(m.external + m.arrayBuffers) };
};

/** Nothing but the modules the check loads: the fixed cost of a process before any file is read. */
async function idle(): Promise<ChildResult> {
  await import('xlsx');
  await import('../../electron/backend/check.ts');
  return { mode: 'idle', ms: 0, maxRssKiB: process.resourceUsage().maxRSS };
}

async function bare(file: string): Promise<ChildResult> {
  const XLSX = await import('xlsx');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const wb = XLSX.read(fs.readFileSync(file), { dense: true });
  const ms = performance.now() - t0;
  const ws = wb.Sheets[wb.SheetNames[0]] as { '!data'?: unknown[] };
  return { mode: 'bare', ms, cpuMs: cpuSince(c0), maxRssKiB: process.resourceUsage().maxRSS, rows: (ws['!data']?.length ?? 1) - 1 };
}

async function check(file: string): Promise<ChildResult> {
  const { runCheck } = await import('../../electron/backend/check.ts');
  const { defaultRuleSet } = await import('../../shared/rules/builtin.ts');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await runCheck([file], defaultRuleSet());
  const ms = performance.now() - t0;
  const cpuMs = cpuSince(c0);
  const status: Record<string, number> = {};
  for (const v of run.villages) status[v.verdict.status] = (status[v.verdict.status] ?? 0) + 1;
  const rows = run.files.reduce((n, f) => n + f.sheets.reduce((k, s) => k + s.dataRows, 0), 0);
  return {
    mode: 'check',
    ms,
    cpuMs,
    maxRssKiB: process.resourceUsage().maxRSS,
    rows,
    extra: { villages: run.villages.length, status, findings: run.findings.length, ok: run.files.every((f) => f.ok) },
  };
}

async function rules(file: string, repeat: number): Promise<ChildResult> {
  const { readFile } = await import('../../shared/reading/read.ts');
  const { judgeAll } = await import('../../shared/check.ts');
  const { defaultRuleSet } = await import('../../shared/rules/builtin.ts');
  const buf = fs.readFileSync(file);
  const read = readFile(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), file);
  const rows = read.report.sheets.reduce((n, s) => n + s.dataRows, 0);
  const ruleSet = defaultRuleSet();
  judgeAll(read.inputs, ruleSet); // warm-up
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    gc?.();
    const t0 = performance.now();
    judgeAll(read.inputs, ruleSet);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { mode: 'rules', ms: times[Math.floor(times.length / 2)], maxRssKiB: process.resourceUsage().maxRSS, rows, extra: { times: times.map(Math.round) } };
}

/**
 * An import into a new database, as `quota-watch import FILE --db NEW` does it: open (create), read
 * the file in the worker pool, judge, store in one transaction, close (the WAL checkpointed). Timed
 * from open to close; the phases by the backend's own progress reports.
 */
async function importInto(file: string, dir: string): Promise<ChildResult> {
  const { Backend } = await import('../../electron/backend/service.ts');
  const runDir = fs.mkdtempSync(path.join(dir, 'import-'));
  const dbPath = path.join(runDir, 'quota-watch.db');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const at: Record<string, number> = {}; // phase → ms since t0 when first reported
  const backend = Backend.open(dbPath);
  at.open = performance.now() - t0;
  let report;
  try {
    report = await backend.importFiles({ paths: [file] }, { onProgress: (p) => (at[p.phase] ??= performance.now() - t0) });
  } finally {
    at.imported = performance.now() - t0;
    await backend.close();
  }
  const ms = performance.now() - t0;
  const cpuMs = cpuSince(c0);
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  const f = report.files[0];
  return {
    mode: 'import',
    ms,
    cpuMs,
    maxRssKiB: process.resourceUsage().maxRSS,
    rows: report.persons,
    extra: {
      dir: runDir,
      villages: report.villages.length,
      outcome: f?.outcome ?? null,
      message: report.message,
      importId: report.importId,
      dbBytes: size(dbPath),
      walBytes: size(dbPath + '-wal'),
      // Split by the first progress report of each phase: reading (hashing + workers), judging, storing, commit + close.
      phases: {
        open: Math.round(at.open),
        read: Math.round((at.judging ?? at.imported) - at.open),
        judge: Math.round((at.storing ?? at.done ?? at.imported) - (at.judging ?? at.imported)),
        store: Math.round(at.imported - (at.storing ?? at.imported)),
        close: Math.round(ms - at.imported),
      },
    },
  };
}

/**
 * The check's path, phase by phase, in one thread: what the reader worker does (read, parse, free the
 * parser's garbage, build the rows, pack), the hand-off (a structured clone of the packed read, its
 * typed array moved rather than copied), what the main thread does (unpack, judge). The worker's heap
 * goes when it is terminated; here its objects are dropped and collected at that point instead.
 */
async function phases(file: string): Promise<ChildResult> {
  const { readWorkbook, DEFAULT_LIMITS } = await import('../../shared/reading/workbook.ts');
  const { readSheet } = await import('../../shared/reading/sheet.ts');
  const { packRead, unpackRead } = await import('../../shared/reading/pack.ts');
  const { judgeAll } = await import('../../shared/check.ts');
  const { defaultRuleSet } = await import('../../shared/rules/builtin.ts');
  const { townshipFromText } = await import('../../shared/places.ts');
  const out: Record<string, unknown> = { start: mem() };
  const step = <T>(name: string, f: () => T): T => {
    const t0 = performance.now();
    const r = f();
    const ms = Math.round(performance.now() - t0);
    out[name] = { ms, ...mem() };
    return r;
  };
  const t0 = performance.now();
  let bytes: Buffer | null = step('readFileSync', () => fs.readFileSync(file));
  let wb: ReturnType<typeof readWorkbook> | null = step('readWorkbook (direct .xlsx reader + grid)', () =>
    readWorkbook(new Uint8Array(bytes!.buffer, bytes!.byteOffset, bytes!.byteLength), DEFAULT_LIMITS),
  );
  if (!wb.ok) throw new Error(wb.message);
  const grids = wb.grids;
  bytes = null;
  wb = null;
  step('gc (afterParse: the parser\'s garbage)', () => gc?.());
  const name = path.basename(file);
  const fileTownship = townshipFromText(name.replace(/\.[^.]+$/, ''));
  // readFile's loop over the sheets (shared/reading/read.ts), without the workbook read timed above.
  let read: FileRead | null = step('readSheet (rows built)', () => {
    const sheets: SheetReport[] = [];
    const r: FileRead = { report: { file: name, format: 'xlsx', ok: true, problem: null, message: '', notes: [], sheets }, inputs: [], findings: [], villageList: [] };
    for (const grid of grids) {
      const s = readSheet(grid, { file: name, fileTownship });
      sheets.push(...s.reports);
      r.inputs.push(...s.inputs);
      r.findings.push(...s.findings);
      r.villageList.push(...s.villageList);
    }
    return r;
  });
  grids.length = 0;
  const rows = read.report.sheets.reduce((n, s) => n + s.dataRows, 0);
  let packed: PackedRead | null = step('packRead (worker side)', () => packRead(read!));
  read = null;
  // postMessage(…, [ints.buffer]): everything is cloned but the typed array, which is moved.
  const ints = packed.ints;
  let ser: Buffer | null = step('v8.serialize (postMessage, worker side)', () => v8.serialize({ ...packed!, ints: null }));
  out.serializedMiB = mib(ser.length);
  out.movedMiB = mib(ints.byteLength);
  packed = null;
  step('worker terminated (its heap dropped, gc)', () => gc?.());
  const copy = step('v8.deserialize (postMessage, main side)', () => ({ ...(v8.deserialize(ser!) as PackedRead), ints }));
  ser = null;
  const unpacked = step('unpackRead (main side)', () => unpackRead(copy));
  const readMs = performance.now() - t0;
  step('judgeAll (first call)', () => judgeAll(unpacked.inputs, defaultRuleSet()));
  const ms = performance.now() - t0;
  gc?.();
  out.afterGc = mem();
  out.readMs = Math.round(readMs);
  return { mode: 'phases', ms, maxRssKiB: process.resourceUsage().maxRSS, rows, extra: out };
}

async function main(): Promise<void> {
  const [mode, file, arg] = process.argv.slice(2);
  let r: ChildResult;
  if (mode === 'idle') r = await idle();
  else if (mode === 'bare') r = await bare(file);
  else if (mode === 'check') r = await check(file);
  else if (mode === 'rules') r = await rules(file, Number(arg ?? 5));
  else if (mode === 'import') r = await importInto(file, arg);
  else if (mode === 'phases') r = await phases(file);
  else throw new Error(`unknown mode ${mode}`);
  process.stdout.write(RESULT_PREFIX + JSON.stringify(r) + '\n');
}

await main();
