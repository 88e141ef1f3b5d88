// One measurement in its own process, so that its peak memory is its own. Run by measure.ts as
//   node [--expose-gc] --import tsx tests/bench/child.ts MODE FILE
// and prints one line `@@bench {json}` at the end. Modes:
//   idle    only the modules loaded: the fixed memory of a process
//   bare    XLSX.read(fs.readFileSync(f), { dense: true }) — the baseline
//   check   runCheck([f], defaultRuleSet()) — the same code as the CLI (worker threads included)
//   rules   the rule pass alone: judgeAll on inputs already read (in-process), repeated
//   phases  readFile's work split into its phases, in-process, with timings and heap after each

import fs from 'node:fs';
import v8 from 'node:v8';
import { RESULT_PREFIX, type ChildResult } from './measure.ts';
import type { VillageInput } from '../../shared/model.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
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
  const t0 = performance.now();
  const wb = XLSX.read(fs.readFileSync(file), { dense: true });
  const ms = performance.now() - t0;
  const ws = wb.Sheets[wb.SheetNames[0]] as { '!data'?: unknown[] };
  return { mode: 'bare', ms, maxRssKiB: process.resourceUsage().maxRSS, rows: (ws['!data']?.length ?? 1) - 1 };
}

async function check(file: string): Promise<ChildResult> {
  const { runCheck } = await import('../../electron/backend/check.ts');
  const { defaultRuleSet } = await import('../../shared/rules/builtin.ts');
  const t0 = performance.now();
  const run = await runCheck([file], defaultRuleSet());
  const ms = performance.now() - t0;
  const status: Record<string, number> = {};
  for (const v of run.villages) status[v.verdict.status] = (status[v.verdict.status] ?? 0) + 1;
  const rows = run.files.reduce((n, f) => n + f.sheets.reduce((k, s) => k + s.dataRows, 0), 0);
  return {
    mode: 'check',
    ms,
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

async function phases(file: string): Promise<ChildResult> {
  const { readWorkbook, DEFAULT_LIMITS } = await import('../../shared/reading/workbook.ts');
  const { readSheet } = await import('../../shared/reading/sheet.ts');
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
  const bytes = step('readFileSync', () => fs.readFileSync(file));
  const wb = step('readWorkbook (XLSX.read + denseGrid)', () => readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), DEFAULT_LIMITS));
  if (!wb.ok) throw new Error(wb.message);
  const name = file.split('/').pop()!;
  const fileTownship = townshipFromText(name.replace(/\.[^.]+$/, ''));
  // readFile's loop over the sheets (read.ts), without the SheetJS read timed above. Tolerates both shapes of
  // SheetRead (one `report` or several `reports`), as the reader evolves.
  type AnyRead = { report?: { dataRows: number }; reports?: Array<{ dataRows: number }>; inputs: unknown[]; findings: unknown[]; villageList: unknown[] };
  const sheets = step('readSheet', () => wb.grids.map((grid) => readSheet(grid, { file: name, fileTownship }) as unknown as AnyRead));
  const reportsOf = (s: AnyRead) => s.reports ?? (s.report ? [s.report] : []);
  const result = {
    report: { sheets: sheets.flatMap(reportsOf) },
    inputs: sheets.flatMap((s) => s.inputs) as VillageInput[],
    findings: sheets.flatMap((s) => s.findings),
    villageList: sheets.flatMap((s) => s.villageList),
  };
  const ser = step('v8.serialize (postMessage, worker side)', () => v8.serialize(result));
  out.serializedMiB = mib(ser.length);
  const copy = step('v8.deserialize (postMessage, main side)', () => v8.deserialize(ser) as typeof result);
  const readMs = performance.now() - t0;
  step('judgeAll (first call, on the copy)', () => judgeAll(copy.inputs, defaultRuleSet()));
  const ms = performance.now() - t0;
  gc?.();
  out.afterGc = mem();
  const rows = result.report.sheets.reduce((n, s) => n + s.dataRows, 0);
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
  else if (mode === 'phases') r = await phases(file);
  else throw new Error(`unknown mode ${mode}`);
  process.stdout.write(RESULT_PREFIX + JSON.stringify(r) + '\n');
}

await main();
