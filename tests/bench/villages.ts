// How fast the village list answers at county scale: 20,000 villages (a count table, one row each, in
// 200 townships) imported into a new store with a master list, then the list's operations timed (median
// of 5). Prints numbers (median of 5, and the first call); no assertion. Run: node --import tsx tests/bench/villages.ts [villages]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Backend } from '../../electron/backend/service.ts';

const N = Number(process.argv[2] ?? 20_000);
const TOWNSHIPS = 200;
// QW_BENCH_KEEP=DIR keeps the database there and reuses it on the next run (to time the queries alone).
const keep = process.env.QW_BENCH_KEEP;
const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'qw-villages-bench-'));
const reuse = keep !== undefined && fs.existsSync(path.join(dir, 'county.sqlite'));
if (keep) fs.mkdirSync(dir, { recursive: true });
const HAN = '东南西北上下前后新老金银石山水田林竹梅桃李杨柳青白红黄';
const name = (i: number, len: number) => Array.from({ length: len }, (_, k) => HAN[Math.floor(i / HAN.length ** k) % HAN.length]).join('');

const rows = ['乡镇,村,两委成员数,其中女性,妇联主席是否进两委,村民代表数,其中女性'];
const list = ['乡镇,村'];
for (let i = 0; i < N; i++) {
  const t = `${name(i % TOWNSHIPS, 2)}镇`;
  const v = `${name(i, 3)}${i}村`;
  const reps = 30 + (i % 20);
  if (i % 50 !== 0) rows.push(`${t},${v},${5 + (i % 4)},${i % 7 === 0 ? 0 : 1 + (i % 2)},${i % 5 === 0 ? '否' : '是'},${reps},${Math.floor(reps / 3) + ((i % 3) - 1)}`);
  if (i % 97 !== 0) list.push(`${t},${i % 10 === 0 ? v.slice(0, -1) : v}`); // one in ten written without 村
}
const table = path.join(dir, '全县统计表.csv');
fs.writeFileSync(table, rows.join('\n'));
fs.writeFileSync(path.join(dir, '应报村名单.csv'), list.join('\n'));

/** Median of 5, and the first call's time (before anything the backend keeps until the store changes). */
async function time<T>(label: string, fn: () => Promise<T>, describe: (r: T) => string): Promise<void> {
  const ms: number[] = [];
  let last: T | undefined;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    last = await fn();
    ms.push(performance.now() - t0);
  }
  const first = ms[0];
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} ${ms[2].toFixed(1).padStart(8)} ms   first ${first.toFixed(1).padStart(8)} ms   ${describe(last!)}`);
}

const backend = Backend.open(path.join(dir, 'county.sqlite'));
try {
  if (!reuse) await load();
  const page = (r: { total: number; villages: unknown[] }) => `total ${r.total}, page ${r.villages.length}`;
  await time('villages first page (50)', () => backend.villages({ limit: 50 }), page);
  await time('villages last page (50)', () => backend.villages({ offset: N - 50, limit: 50 }), page);
  await time('villages sort by village desc (50)', () => backend.villages({ sort: 'village', desc: true, limit: 50 }), page);
  await time('villages sort by reportedAt (50)', () => backend.villages({ sort: 'reportedAt', limit: 50 }), page);
  await time('villages sort by a part (50)', () => backend.villages({ sort: 'part', sortPart: 'womenRepresentativesThird', limit: 50 }), page);
  await time('villages 3 townships, noncompliant', () => backend.villages({ townships: ['东东镇', '南东镇', '西东镇'], status: 'noncompliant' }), page);
  await time('villages failing part, page 2', () => backend.villages({ part: 'chairInCommittees', outcome: 'fail', offset: 50, limit: 50 }), page);
  await time('villages search', () => backend.villages({ search: '123', limit: 50 }), page);
  await time('villages notReported (all)', () => backend.villages({ status: 'notReported' }), page);
  const one = (await backend.villages({ limit: 1, offset: Math.floor(N / 2) })).villages[0].id;
  await time('village(id)', () => backend.village({ id: one }), (r) => r.village);
  await time('countySummary', () => backend.countySummary(), (r) => `${r.townships.length} townships`);
  await time('status', () => backend.status(), (r) => `${r.villages.length} villages`);
} finally {
  await backend.close();
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}

async function load(): Promise<void> {
  let t0 = performance.now();
  await backend.importFiles({ paths: [table] });
  console.log(`import ${rows.length - 1} villages: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  t0 = performance.now();
  const set = await backend.setExpectedVillages({ path: path.join(dir, '应报村名单.csv') });
  console.log(`master list of ${set.villages} villages: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}
