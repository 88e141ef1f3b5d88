// `npm run bench`: generates rosters of 30,000, 200,000 and 1,000,000 persons, checks them with the
// same code as the CLI, imports them into a new store as `quota-watch import` does, and compares both
// with a bare SheetJS read of the same file (time and peak memory, each measurement in a process of
// its own); and reads a 90 MB CSV with one huge line (csv90). Prints numbers; never fails on them.
//
//   npm run bench -- [--only bare,check,import,rules,csv90,phases] [--sizes 30000,200000,1000000] [--repeat 3] [--keep] [--seed N]
//
// Sections run in the order of SECTIONS; add one by adding an entry there.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchTempDir, generateRoster, type RosterStats } from './roster.ts';
import { interleaved, runChild, type ChildResult, type Repeated } from './measure.ts';
import { bundledWorker } from '../../electron/backend/worker-bundle.ts';
import { writeHugeLineCsv, type HugeLine } from './huge-line.ts';

/** The target of issue 2: the whole check within 1.25x of a bare SheetJS read, in time and in memory. */
const TARGET_RATIO = 1.25;

interface Ctx {
  /** Names of the sections that run. */
  selected: Set<string>;
  rosters: RosterStats[];
  repeat: number;
  /** Where the rosters (and the databases of the import runs) are written. */
  dir: string;
  keep: boolean;
  results: Map<string, Repeated | ChildResult>; // key: `${section}:${persons}`
}

interface Section {
  name: string;
  /** Runs by default (else only with --only). */
  byDefault: boolean;
  run(ctx: Ctx, roster: RosterStats): Promise<void>;
  /** Prints after every size has run. */
  report?(ctx: Ctx): void;
}

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtS = (ms: number) => (ms / 1000).toFixed(2) + ' s';
const fmtCpu = (r: Repeated) => (Number.isNaN(r.cpuMs) ? '–' : fmtS(r.cpuMs));
/** Wall times of the runs, then their median CPU time. */
const fmtRuns = (r: Repeated) => `${r.runs.map((x) => fmtS(x.ms)).join(', ')} (CPU ${fmtCpu(r)})`;
const fmtMiB = (m: number) => Math.round(m) + ' MiB';
const fmtX = (x: number) => x.toFixed(2) + 'x';
const log = (s = '') => process.stdout.write(s + '\n');

function table(head: string[], rows: string[][], indent = ''): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => indent + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  log(line(head));
  log(indent + widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) log(line(r));
}

/** Other work on the machine skews every number: say so. */
function loadNote(): string {
  const [one] = os.loadavg();
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  return `load average ${one.toFixed(2)} on ${cores} cores${one > cores ? ' — the machine is busy, numbers will be noisy' : ''}`;
}

function get<T>(ctx: Ctx, section: string, persons: number): T | undefined {
  return ctx.results.get(`${section}:${persons}`) as T | undefined;
}

/** The sections measured `--repeat` times, a fresh process each run. */
const REPEATED = ['bare', 'check', 'import'] as const;

/**
 * The repeated sections that are selected, measured in turn (bare, check, import, bare, check, import …)
 * so that a burst of other work on the machine falls on each alike and their ratios stay fair. Runs
 * once per size, for whichever of them comes first; the others find their results.
 */
async function measureRepeated(ctx: Ctx, roster: RosterStats, section: string): Promise<Repeated> {
  const done = get<Repeated>(ctx, section, roster.persons);
  if (done) return done;
  const modes = REPEATED.filter((m) => ctx.selected.has(m));
  const all = await interleaved(modes, roster.file, ctx.repeat, (mode) => (mode === 'import' ? [ctx.dir] : []));
  for (const [mode, rep] of all) ctx.results.set(`${mode}:${roster.persons}`, rep);
  // Each import wrote a database of its own: gone once measured, unless kept.
  for (const run of all.get('import')?.runs ?? []) {
    const dir = (run.extra as { dir?: string } | undefined)?.dir;
    if (dir && !ctx.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  return all.get(section as (typeof REPEATED)[number])!;
}

/** The run whose time is the median (its phases are the ones shown). */
function medianRun(r: Repeated): ChildResult {
  return [...r.runs].sort((a, b) => a.ms - b.ms)[Math.floor((r.runs.length - 1) / 2)];
}

interface ImportExtra {
  villages: number;
  outcome: string | null;
  message: string;
  dbBytes: number;
  walBytes: number;
  phases: { open: number; read: number; judge: number; store: number; close: number };
}

const SECTIONS: Section[] = [
  {
    name: 'bare',
    byDefault: true,
    async run(ctx, roster) {
      const r = await measureRepeated(ctx, roster, 'bare');
      log(`  bare read   ${fmtInt(roster.persons)}: ${fmtRuns(r)}; peak ${fmtMiB(r.peakMiB)}`);
    },
  },
  {
    name: 'check',
    byDefault: true,
    async run(ctx, roster) {
      const r = await measureRepeated(ctx, roster, 'check');
      const e = r.runs[0].extra as { villages: number; status: Record<string, number>; findings: number; ok: boolean };
      log(`  check       ${fmtInt(roster.persons)}: ${fmtRuns(r)}; peak ${fmtMiB(r.peakMiB)}; ${e.villages} villages ${JSON.stringify(e.status)}, ${e.findings} findings, rows ${fmtInt(r.rows)}`);
      if (r.rows !== roster.persons || e.villages !== roster.villages) log(`  !! the check saw ${r.rows} rows and ${e.villages} villages; the roster has ${roster.persons} and ${roster.villages}`);
    },
  },
  {
    name: 'import',
    byDefault: true,
    async run(ctx, roster) {
      const r = await measureRepeated(ctx, roster, 'import');
      const e = medianRun(r).extra as unknown as ImportExtra;
      const p = e.phases;
      log(
        `  import      ${fmtInt(roster.persons)}: ${fmtRuns(r)}; peak ${fmtMiB(r.peakMiB)}; ${e.villages} villages, ${fmtInt(r.rows)} persons stored; ` +
          `database ${(e.dbBytes / 1048576).toFixed(1)} MiB${e.walBytes ? ` (+ WAL ${(e.walBytes / 1048576).toFixed(1)} MiB)` : ''}; ` +
          `open ${fmtInt(p.open)} ms, read ${fmtInt(p.read)} ms, judge ${fmtInt(p.judge)} ms, store ${fmtInt(p.store)} ms, close ${fmtInt(p.close)} ms`,
      );
      for (const run of r.runs) {
        const x = run.extra as unknown as ImportExtra;
        if (run.rows !== roster.persons || x.villages !== roster.villages || x.outcome !== 'imported') {
          log(`  !! an import stored ${run.rows} persons and ${x.villages} villages (${x.outcome}: ${x.message}); the roster has ${roster.persons} and ${roster.villages}`);
          break;
        }
      }
    },
  },
  {
    name: 'rules',
    byDefault: true,
    async run(ctx, roster) {
      const r = await runChild('rules', roster.file, ['5'], ['--expose-gc']);
      ctx.results.set(`rules:${roster.persons}`, r);
      log(`  rule pass   ${fmtInt(roster.persons)}: judgeAll median ${Math.round(r.ms)} ms of ${JSON.stringify((r.extra as { times: number[] }).times)} ms`);
    },
  },
  {
    // Issue 7: a 90 MB CSV with one huge line, read by the check (the CLI's code) and by a bare SheetJS
    // read; once, whatever the sizes.
    name: 'csv90',
    byDefault: true,
    async run(ctx, roster) {
      if (roster !== ctx.rosters[0]) return;
      for (const kind of ['one-field', 'many-fields'] as HugeLine[]) {
        const file = path.join(ctx.dir, `huge-line-${kind}.csv`);
        const bytes = writeHugeLineCsv(file, kind);
        const all = await interleaved(['bare', 'check'], file, ctx.repeat);
        const bare = all.get('bare')!;
        const check = all.get('check')!;
        const e = check.runs[0].extra as { villages: number; ok: boolean };
        log(
          `  CSV with one huge line (${kind}, ${(bytes / 1048576).toFixed(0)} MiB): check ${check.runs.map((x) => fmtS(x.ms)).join(', ')}; peak ${fmtMiB(check.peakMiB)}; ` +
            `${e.villages} villages, read ${e.ok ? 'whole' : 'refused'}; bare SheetJS read ${bare.runs.map((x) => fmtS(x.ms)).join(', ')}; peak ${fmtMiB(bare.peakMiB)}`,
        );
        if (!ctx.keep) fs.rmSync(file, { force: true });
      }
    },
  },
  {
    name: 'phases',
    byDefault: true,
    async run(ctx, roster) {
      const r = await runChild('phases', roster.file, [], ['--expose-gc']);
      ctx.results.set(`phases:${roster.persons}`, r);
    },
    report(ctx) {
      const sizes = ctx.rosters.filter((r) => get(ctx, 'phases', r.persons));
      if (!sizes.length) return;
      log("\nWhere the check goes, phase by phase (the reader worker's steps, the hand-off, the main thread's, all in one thread; RSS and heap after each):");
      for (const roster of sizes) {
        const r = get<ChildResult>(ctx, 'phases', roster.persons)!;
        const e = r.extra as Record<string, { ms: number; rssMiB: number; heapUsedMiB: number; externalMiB: number } | number>;
        log(`  ${fmtInt(roster.persons)} persons (hand-off: ${e.serializedMiB} MiB cloned, ${e.movedMiB} MiB typed array moved; process peak ${fmtMiB(r.maxRssKiB / 1024)}):`);
        const rows: string[][] = [];
        for (const [k, v] of Object.entries(e)) {
          if (typeof v !== 'object') continue;
          rows.push([k, v.ms === undefined ? '' : `${fmtInt(v.ms)} ms`, fmtMiB(v.rssMiB), fmtMiB(v.heapUsedMiB), fmtMiB(v.externalMiB)]);
        }
        table(['phase', 'time', 'RSS', 'heap', 'buffers'], rows, '    ');
      }
    },
  },
];

function summary(ctx: Ctx): void {
  if (['bare', 'check', 'rules'].some((m) => ctx.selected.has(m))) checkSummary(ctx);
  importSummary(ctx);
}

function checkSummary(ctx: Ctx): void {
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const roster of ctx.rosters) {
    const bare = get<Repeated>(ctx, 'bare', roster.persons);
    const check = get<Repeated>(ctx, 'check', roster.persons);
    const rules = get<ChildResult>(ctx, 'rules', roster.persons);
    const tRatio = bare && check ? check.ms / bare.ms : NaN;
    const mRatio = bare && check ? check.peakMiB / bare.peakMiB : NaN;
    const dash = '–';
    rows.push([
      fmtInt(roster.persons),
      bare ? fmtS(bare.ms) : dash,
      bare ? fmtCpu(bare) : dash,
      bare ? fmtMiB(bare.peakMiB) : dash,
      check ? fmtS(check.ms) : dash,
      check ? fmtCpu(check) : dash,
      check ? fmtMiB(check.peakMiB) : dash,
      Number.isNaN(tRatio) ? dash : fmtX(tRatio),
      Number.isNaN(mRatio) ? dash : fmtX(mRatio),
      check ? fmtInt(roster.persons / (check.ms / 1000)) : dash,
      rules ? fmtInt(roster.persons / (rules.ms / 1000)) : dash,
    ]);
    if (!Number.isNaN(tRatio)) {
      const ok = (x: number) => (x <= TARGET_RATIO ? 'met' : 'NOT met');
      verdicts.push(`  ${fmtInt(roster.persons)} persons: time ${fmtX(tRatio)} → ${ok(tRatio)}; memory ${fmtX(mRatio)} → ${ok(mRatio)}`);
    }
  }
  log(`\nSummary (median of ${ctx.repeat} runs for time and CPU time (user + system, all threads), max of peak RSS; each run a fresh process with tsx loaded; ${REPEATED.filter((m) => ctx.selected.has(m)).join(', ')} taken in turn):`);
  table(['persons', 'bare read', 'bare CPU', 'bare peak', 'check', 'check CPU', 'check peak', 'time ratio', 'mem ratio', 'check rows/s', 'rule pass rows/s'], rows);
  if (verdicts.length) {
    log(`\nTarget (issue 2): the whole check within ${TARGET_RATIO}x of the bare read, for time and for memory:`);
    for (const v of verdicts) log(v);
  }
}

/** Issue 3: importing into the store (a new database each run), against the check alone and the bare read. */
function importSummary(ctx: Ctx): void {
  const rows: string[][] = [];
  for (const roster of ctx.rosters) {
    const imp = get<Repeated>(ctx, 'import', roster.persons);
    if (!imp) continue;
    const bare = get<Repeated>(ctx, 'bare', roster.persons);
    const check = get<Repeated>(ctx, 'check', roster.persons);
    const e = medianRun(imp).extra as unknown as ImportExtra;
    const dash = '–';
    const s = (ms: number) => (ms / 1000).toFixed(2);
    rows.push([
      fmtInt(roster.persons),
      fmtS(imp.ms),
      fmtCpu(imp),
      fmtMiB(imp.peakMiB),
      fmtInt(roster.persons / (imp.ms / 1000)),
      check ? fmtX(imp.ms / check.ms) : dash,
      bare ? fmtX(imp.ms / bare.ms) : dash,
      check ? fmtX(imp.peakMiB / check.peakMiB) : dash,
      `${s(e.phases.read)} / ${s(e.phases.judge)} / ${s(e.phases.store + e.phases.close)} s`,
      `${((e.dbBytes + e.walBytes) / 1048576).toFixed(1)} MiB`,
      fmtInt((e.dbBytes + e.walBytes) / roster.persons),
    ]);
  }
  if (!rows.length) return;
  log(`\nImport into the store (issue 3): Backend.open(new file) + importFiles + close, as \`quota-watch import\` (median of ${ctx.repeat} runs, max of peak RSS):`);
  table(['persons', 'import', 'import CPU', 'import peak', 'import rows/s', 'import/check', 'import/bare', 'peak/check', 'read / judge / store', 'database', 'bytes/person'], rows);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      only: { type: 'string' },
      sizes: { type: 'string', default: '30000,200000,1000000' },
      repeat: { type: 'string', default: '3' },
      seed: { type: 'string', default: '20260101' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    log('npm run bench -- [--only ' + SECTIONS.map((s) => s.name).join(',') + '] [--sizes 30000,200000,1000000] [--repeat 3] [--seed N] [--keep]');
    return;
  }
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((n) => !SECTIONS.some((s) => s.name === n)) ?? [];
  if (unknown.length) throw new Error(`unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
  const sections = SECTIONS.filter((s) => (only ? only.includes(s.name) : s.byDefault));
  const sizes = values.sizes!.split(',').map((s) => Number(s.replace(/_/g, '')));
  const repeat = Math.max(1, Number(values.repeat));
  const seed = Number(values.seed);

  const dir = benchTempDir();
  const ctx: Ctx = { selected: new Set(sections.map((s) => s.name)), rosters: [], repeat, dir, keep: values.keep!, results: new Map() };
  const started = performance.now();
  log(`Quota Watch bench — node ${process.version}, sections: ${sections.map((s) => s.name).join(', ')}; files in ${dir}`);
  log(`  ${loadNote()}`);
  // The fixed cost of a process (tsx and the modules loaded), to read the peaks against.
  const idle = await runChild('idle', '-');
  log(`  an idle process with the modules loaded: peak ${fmtMiB(idle.maxRssKiB / 1024)}`);
  // The reader worker is bundled once per version of the sources (electron/backend/worker-bundle.ts): build
  // it now, so that no measured run pays for it.
  const tb = performance.now();
  const bundle = await bundledWorker();
  log(`  reader worker: ${bundle ? `bundle ready in ${fmtS(performance.now() - tb)}` : 'no bundle (esbuild unavailable): workers load tsx, slower'}`);
  try {
    for (const persons of sizes) {
      const t0 = performance.now();
      const roster = generateRoster(persons, path.join(dir, `roster-${persons}.xlsx`), seed);
      (globalThis as { gc?: () => void }).gc?.();
      ctx.rosters.push(roster);
      log(`\n${fmtInt(persons)} persons: ${roster.villages} villages in ${roster.townships} townships, ${(roster.bytes / 1048576).toFixed(1)} MiB .xlsx, generated in ${fmtS(performance.now() - t0)}`);
      for (const s of sections) await s.run(ctx, roster);
    }
    for (const s of sections) s.report?.(ctx);
    summary(ctx);
  } finally {
    if (values.keep) log(`\nkept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  log(`\nbench took ${fmtS(performance.now() - started)}; ${loadNote()}`);
}

await main();
