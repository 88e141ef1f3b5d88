// Compares a check's verdicts with an expected.json (the public fixtures' format): exactly the expected
// villages, and for each its status, three parts and counts.

import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkBytes } from './workbooks.ts';
import { villageIdentity } from '../../shared/check.ts';

export interface ExpectedVillage {
  township: string;
  village: string;
  status: string;
  rules: Record<string, string>;
  counts: Record<string, number | null>;
}

/** Registers the tests for files read together against their expected villages (inside a describe). */
export function itMatchesExpected(paths: string[], expected: ExpectedVillage[]): void {
  const result = checkBytes(paths.map((p) => ({ name: path.basename(p), bytes: fs.readFileSync(p) })));
  const byKey = new Map([...result.verdicts.values()].map((v) => [villageIdentity(v.township, v.village), v]));

  it('finds exactly the expected villages', () => {
    expect([...byKey.keys()].sort()).toEqual(expected.map((e) => villageIdentity(e.township, e.village)).sort());
  });

  it.each(expected.map((e) => [e.village, e] as const))('%s: status, parts and counts', (_, e) => {
    const v = byKey.get(villageIdentity(e.township, e.village))!;
    expect(v.status).toBe(e.status);
    expect(Object.fromEntries(v.parts.map((p) => [p.id, p.outcome]))).toEqual(e.rules);
    expect(v.counts).toEqual(e.counts);
    for (const p of v.parts) expect(p.reason.length).toBeGreaterThan(4);
  });
}
