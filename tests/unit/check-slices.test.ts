// Judging in slices (for a window that must not freeze) gives exactly judgeAll's result.

import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readFile } from '../../shared/reading/read.ts';
import { judgeAll, judgeAllInSlices } from '../../shared/check.ts';
import { defaultRuleSet } from '../../shared/rules/builtin.ts';

it('slices of 3 villages, with pauses between, agree with judgeAll on every fixture together', async () => {
  const dir = path.join(__dirname, '..', 'fixtures');
  const inputs = fs
    .readdirSync(dir)
    .filter((f) => /\.(xlsx|xls|csv)$/.test(f))
    .flatMap((f) => readFile(fs.readFileSync(path.join(dir, f)), f).inputs);
  let pauses = 0;
  const sliced = await judgeAllInSlices(inputs, defaultRuleSet(), async () => void pauses++, 3);
  const whole = judgeAll(inputs, defaultRuleSet());
  expect(pauses).toBe(Math.ceil(44 / 3) - 1);
  expect(sliced.villages.map((v) => v.verdict)).toEqual(whole.villages.map((v) => v.verdict));
  expect(sliced.findings).toEqual(whole.findings);
});
