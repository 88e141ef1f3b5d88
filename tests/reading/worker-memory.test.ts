// A reader worker that runs out of its heap cap is stopped and reported; the caller goes on. Here the cap
// is too small for the worker even to load its code: every file gets a Chinese message saying so, and the
// same process then reads the files with the normal cap. (A worker that runs out mid-read is in
// hostile.test.ts.)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFiles } from '../../electron/backend/read-pool.ts';

describe('a reader worker out of memory does not take its caller down', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-worker-oom-'));
  const first = path.join(dir, '甲镇.csv');
  const second = path.join(dir, '乙镇.csv');
  fs.writeFileSync(first, '乡镇,村,姓名,性别,职务,是否村民代表\n甲镇,一村,张三,男,书记,否\n');
  fs.writeFileSync(second, '乡镇,村,姓名,性别,职务,是否村民代表\n乙镇,二村,李四,女,主任,是\n');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a heap cap too small to start in: each file refused with a Chinese message, then read with the normal cap', async () => {
    const capped = await readFiles([{ path: first }, { path: second }], { maxHeapMb: 4, concurrency: 1 });
    for (const r of capped) {
      expect(r.report.ok).toBe(false);
      expect(r.report.message).toBe('无法启动读取进程：所需内存超过上限（4 MB），未读取');
    }
    expect(capped.map((r) => r.report.file)).toEqual(['甲镇.csv', '乙镇.csv']);
    const normal = await readFiles([{ path: first }, { path: second }], { concurrency: 1 });
    expect(normal.map((r) => r.report.ok)).toEqual([true, true]);
    expect(normal.map((r) => r.inputs[0]?.village)).toEqual(['一村', '二村']);
  });
});
