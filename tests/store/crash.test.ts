// A process killed at any moment during an import leaves a database that opens, passes
// integrity_check, and holds either the whole import or none of it. Real child processes, real files,
// SIGKILL at random moments: mostly inside the write transaction (after the child says "judging",
// which it says once BEGIN IMMEDIATE has succeeded), some anywhere in the run, some while the file is
// being created.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import { generatedRoster, removeDir, tempDir, writeXlsx } from './helpers.ts';
// A seeded generator, so a failing run can be replayed from the printed seed.
import { prng as rng } from '../bench/roster.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(import.meta.dirname, 'crash-child.ts');
const RUNS = 20;
const BUDGET_MS = 60_000;

let dir: string;
let workbook: string;
let baseDb: string;
let base: { imports: number; persons: number };
const BIG_VILLAGES = 300;
const BIG_PERSONS = BIG_VILLAGES * 107; // 7 committee members and 100 representatives a village

function inspect(file: string): { integrity: string; imports: number; persons: number } {
  const db = new Database(file);
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'imports'").get() as { n: number }).n > 0;
    if (!hasTables) return { integrity, imports: 0, persons: 0 };
    const imports = (db.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n;
    const persons = (db.prepare('SELECT count(*) AS n FROM person_rows').get() as { n: number }).n;
    return { integrity, imports, persons };
  } finally {
    db.close();
  }
}

interface Run {
  killedAfter: string; // the last phase the child reported before the kill
  exitedByItself: boolean;
}

/** Starts the child; kills it `delayMs` after it prints `trigger` (or after spawn when trigger is null). */
function runChild(db: string, trigger: string | null, delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, workbook], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let last = 'started';
    let timer: NodeJS.Timeout | null = null;
    let stderr = '';
    const arm = () => {
      if (!timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (trigger === null) arm();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        last = line.split(' ')[0];
        if (last === trigger) arm();
      }
    });
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${stderr.slice(0, 500)}`));
      else resolve({ killedAfter: last, exitedByItself: signal !== 'SIGKILL' });
    });
  });
}

beforeAll(async () => {
  dir = tempDir('qw-crash-');
  workbook = writeXlsx(path.join(dir, '青石镇名单.xlsx'), [{ name: '名单', rows: generatedRoster('青石镇', BIG_VILLAGES, 100) }]);
  const small = writeXlsx(path.join(dir, '白石镇名单.xlsx'), [{ name: '名单', rows: generatedRoster('白石镇', 5, 20, 1_000_000) }]);
  baseDb = path.join(dir, 'base.sqlite');
  const b = Backend.open(baseDb);
  await b.importFiles({ paths: [small] });
  await b.close();
  base = inspect(baseDb);
});

afterAll(() => removeDir(dir));

describe('killed mid-import', () => {
  it(`leaves a sound database holding all of the import or none of it (${RUNS} kills)`, async () => {
    expect(base).toMatchObject({ integrity: 'ok', imports: 1 });
    const seed = Number(process.env.QW_CRASH_SEED ?? Date.now() % 1_000_000);
    const random = rng(seed);
    const started = Date.now();
    const tally = { none: 0, all: 0, insideTransaction: 0, fresh: 0 };
    const phases: Record<string, number> = {};
    for (let i = 0; i < RUNS && Date.now() - started < BUDGET_MS - 5000; i++) {
      const db = path.join(dir, `run-${i}.sqlite`);
      const fresh = i % 5 === 4;
      let run: Run;
      if (fresh) {
        // A new file: the kill may land while the schema is being created.
        run = await runChild(db, null, Math.floor(random() * 900));
      } else {
        fs.copyFileSync(baseDb, db);
        // Mostly inside the transaction (it spans judging, storing and COMMIT: 0.3–0.7 s here), some
        // around its end, some anywhere in the run.
        const window = [3200, 400, 1200, 400][i % 4];
        run = i % 4 === 0 ? await runChild(db, null, Math.floor(random() * window)) : await runChild(db, 'judging', Math.floor(random() * window));
      }
      const phase = run.exitedByItself ? 'finished' : run.killedAfter;
      phases[phase] = (phases[phase] ?? 0) + 1;
      const where = `run ${i} (seed ${seed}), killed after "${run.killedAfter}"`;
      if (!fs.existsSync(db)) {
        tally.fresh++;
        continue; // killed before the file was created: nothing to check
      }
      const got = inspect(db);
      expect(got.integrity, where).toBe('ok');
      const before = fresh ? { imports: 0, persons: 0 } : base;
      const whole = { imports: before.imports + 1, persons: before.persons + BIG_PERSONS };
      const none = got.imports === before.imports && got.persons === before.persons;
      const all = got.imports === whole.imports && got.persons === whole.persons;
      expect(none || all, `${where}: ${JSON.stringify(got)}`).toBe(true);
      if (none) tally.none++;
      else tally.all++;
      if (!run.exitedByItself && ['judging', 'storing', 'done'].includes(run.killedAfter)) tally.insideTransaction++;
      if (fresh) tally.fresh++;

      // And the app opens it: quick check, migrations if the kill came before they finished, a status.
      const b = Backend.open(db);
      const status = await b.status();
      expect(status.villages.length, where).toBe(all ? (fresh ? BIG_VILLAGES : BIG_VILLAGES + 5) : fresh ? 0 : 5);
      await b.close();
    }
    console.log(`crash test (seed ${seed}): ${JSON.stringify(tally)}, killed after ${JSON.stringify(phases)} in ${Date.now() - started} ms`);
    expect(tally.insideTransaction).toBeGreaterThan(0);
    expect(tally.none).toBeGreaterThan(0);
  }, 90_000);
});
