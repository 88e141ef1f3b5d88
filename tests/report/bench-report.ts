// Prints how long the report takes on a generated county: the model, the Excel report, the Word report,
// the per-township workbooks and the CSV. `node --import tsx tests/report/bench-report.ts [persons]`.

import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Backend } from '../../electron/backend/service.ts';
import { benchTempDir, generateRoster } from '../bench/roster.ts';

const persons = Number(process.argv[2] ?? 30_000);
const dir = benchTempDir('quota-watch-report-bench-');
const file = path.join(dir, 'roster.xlsx');
generateRoster(persons, file);
const backend = Backend.open(path.join(dir, 'qw.sqlite'));
try {
  await backend.importFiles({ paths: [file] });
  const time = async (label: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    const r = (await fn()) as { ok: boolean; error?: { message: string } };
    if (r && r.ok === false) throw new Error(r.error!.message);
    console.log(`${label.padEnd(22)} ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  };
  const m = await backend.handle('report', {});
  if (!m.ok) throw new Error(m.error.message);
  console.log(`${persons} persons, ${m.value.villages.length} villages, ${m.value.townships.length} townships, ${m.value.women.length} women named`);
  await time('report model', () => backend.handle('report', {}));
  await time('Excel report', () => backend.handle('exportReport', { kind: 'xlsx', target: path.join(dir, 'r.xlsx') }));
  await time('Word report', () => backend.handle('exportReport', { kind: 'docx', target: path.join(dir, 'r.docx') }));
  await time('CSV', () => backend.handle('exportReport', { kind: 'csv', target: path.join(dir, 'r.csv') }));
  await time('training list', () => backend.handle('exportReport', { kind: 'training', target: path.join(dir, 't.xlsx') }));
  await time('per-township workbooks', () => backend.handle('exportReport', { kind: 'townships', target: path.join(dir, 'towns') }));
  console.log(`Excel report ${(fs.statSync(path.join(dir, 'r.xlsx')).size / 1024).toFixed(0)} KiB, Word ${(fs.statSync(path.join(dir, 'r.docx')).size / 1024).toFixed(0)} KiB`);
} finally {
  await backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
