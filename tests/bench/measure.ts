// Runs one measurement (tests/bench/child.ts) in a child process of its own and collects its result.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULT_PREFIX = '@@bench ';

export interface ChildResult {
  mode: string;
  /** Wall time of the measured work, ms (process start and module loading excluded). */
  ms: number;
  /** CPU time (user + system, all threads) of the measured work, ms: steadier than wall time on a shared machine. */
  cpuMs?: number;
  /** Peak resident set of the whole process (all its threads), KiB, from process.resourceUsage().maxRSS. */
  maxRssKiB: number;
  /** Data rows (persons) seen, when the mode knows them. */
  rows?: number;
  extra?: Record<string, unknown>;
}

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child.ts');

/** Runs `child.ts MODE FILE ...args` in a fresh Node process (tsx loaded, as the CLI does). */
export function runChild(mode: string, file: string, args: string[] = [], nodeFlags: string[] = []): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', CHILD, mode, file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: path.resolve(path.dirname(CHILD), '../..'),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        reject(new Error(`bench child ${mode} ${path.basename(file)} failed (exit ${code ?? signal}):\n${stderr.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult);
    });
  });
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Repeated {
  /** Median wall time, ms. */
  ms: number;
  /** Median CPU time (user + system), ms; NaN when the mode does not measure it. */
  cpuMs: number;
  /** Largest peak RSS over the repeats, MiB. */
  peakMiB: number;
  rows: number;
  runs: ChildResult[];
}

function summarize(runs: ChildResult[]): Repeated {
  return {
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs ?? NaN)),
    peakMiB: Math.max(...runs.map((r) => r.maxRssKiB)) / 1024,
    rows: runs[0].rows ?? 0,
    runs,
  };
}

/** Extra arguments of a child: the same for every mode and run, or chosen per mode and run (0-based). */
export type ChildArgs = string[] | ((mode: string, run: number) => string[]);

/** `repeat` measurements, one process each: median time, max of peak memory. */
export async function repeated(mode: string, file: string, repeat: number, args: ChildArgs = [], nodeFlags: string[] = []): Promise<Repeated> {
  return (await interleaved([mode], file, repeat, args, nodeFlags)).get(mode)!;
}

/**
 * `repeat` rounds of each mode in turn (a, b, a, b …), so that a burst of other work on the machine
 * falls on every mode alike and their ratio stays fair.
 */
export async function interleaved(modes: readonly string[], file: string, repeat: number, args: ChildArgs = [], nodeFlags: string[] = []): Promise<Map<string, Repeated>> {
  const runs = new Map<string, ChildResult[]>(modes.map((m) => [m, []]));
  const argsOf = typeof args === 'function' ? args : () => args;
  for (let i = 0; i < repeat; i++) for (const m of modes) runs.get(m)!.push(await runChild(m, file, argsOf(m, i), nodeFlags));
  return new Map([...runs].map(([m, r]) => [m, summarize(r)]));
}
