// Damaged copies of real files, read as the CLI reads them (worker threads, bounded time): every one
// gets a result or a Chinese reason, never an exception, and a damaged file never changes how the next
// one reads. Deterministic (seeded), so a failure can be replayed.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readFile } from '../../shared/reading/read.ts';
import { readFiles } from '../../electron/backend/read-pool.ts';
import { judgeAll } from '../../shared/check.ts';
import { defaultRuleSet } from '../../shared/rules/builtin.ts';
import { prng } from '../bench/roster.ts';

const dir = path.join(__dirname, '..', 'fixtures');
const FILES = fs.readdirSync(dir).filter((f) => /\.(xlsx|xls|csv)$/.test(f));
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-mutations-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const copy = bytes.slice();
  const kind = Math.floor(random() * 3);
  if (kind === 0) {
    for (let i = 0; i < 1 + Math.floor(random() * 8); i++) copy[Math.floor(random() * copy.length)] ^= 1 + Math.floor(random() * 255);
    return copy;
  }
  if (kind === 1) return copy.subarray(0, Math.floor(random() * copy.length));
  const start = Math.floor(random() * copy.length);
  copy.fill(Math.floor(random() * 256), start, Math.min(copy.length, start + 1 + Math.floor(random() * 200)));
  return copy;
}

it('120 damaged copies of the fixtures, then the fixtures themselves: every file answered, the sound ones unchanged', async () => {
  const random = prng(20261129);
  const files: Array<{ path: string; name: string }> = [];
  for (const file of FILES) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, file)));
    for (let i = 0; i < 120 / FILES.length; i++) {
      const p = path.join(out, `${i}-${file}`);
      fs.writeFileSync(p, mutate(bytes, random));
      files.push({ path: p, name: file });
    }
  }
  // The sound files come last, after every damaged one.
  for (const file of FILES) files.push({ path: path.join(dir, file), name: file });
  const reads = await readFiles(files, { baseTimeoutMs: 20_000 });
  for (const r of reads) {
    if (!r.report.ok) expect(r.report.message).toMatch(/[\u4e00-\u9fff]/u);
    expect(() => judgeAll(r.inputs, defaultRuleSet())).not.toThrow();
  }
  const sound = reads.slice(-FILES.length);
  FILES.forEach((file, k) => {
    const alone = readFile(fs.readFileSync(path.join(dir, file)), file);
    expect(sound[k].inputs).toEqual(alone.inputs);
  });
}, 120_000);
