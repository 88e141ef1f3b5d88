// `npm run bench:backup`: backup, inspection and restore of a county-sized database (a generated roster
// of 200,000 persons imported into a new store). Prints numbers; not a test.

import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Backend } from '../../electron/backend/service.ts';
import { benchTempDir, generateRoster } from './roster.ts';

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const value = await run();
  console.log(`${label.padEnd(40)} ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  return value;
}

async function main(): Promise<void> {
  const persons = Number(process.argv[2] ?? 200_000);
  const dir = benchTempDir('quota-watch-bench-backup-');
  try {
    const roster = path.join(dir, 'roster.xlsx');
    generateRoster(persons, roster);
    const db = path.join(dir, 'county.sqlite');
    const backend = Backend.open(db);
    await timed(`import ${persons.toLocaleString('en')} persons`, () => ok(backend.handle('importFiles', { paths: [roster] })));
    const mib = (f: string) => (fs.statSync(f).size / 1048576).toFixed(1);
    const copy = path.join(dir, 'backup.sqlite');
    const b = await timed('backupDatabase', () => ok(backend.handle('backupDatabase', { path: copy })));
    console.log(`${'  backup file'.padEnd(40)} ${mib(b.path)} MiB`);
    await timed('inspectBackup (copy + integrity check)', () => ok(backend.handle('inspectBackup', { path: copy })));
    await timed('restoreDatabase', () => ok(backend.handle('restoreDatabase', { path: copy })));
    await timed('status after the restore', () => ok(backend.handle('status', {})));
    await backend.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
