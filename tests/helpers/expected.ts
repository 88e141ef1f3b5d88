// Compares a check's verdicts with an expected.json (the public fixtures' format): exactly the expected
// villages, and for each its status, three parts and counts.

import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkBytes } from './workbooks.ts';
import { villageIdentity } from '../../shared/check.ts';
import { villageKey } from '../../shared/places.ts';
import { findRuleSet } from '../../shared/rules/builtin.ts';
import type { Verdict } from '../../shared/model.ts';

export interface ExpectedVillage {
  township: string;
  village: string;
  status: string;
  rules: Record<string, string>;
  counts: Record<string, number | null>;
}

/** What an expected.json may say beyond the villages (tests/townships/gen-rules.mjs writes these). */
export interface ExpectedExtras {
  /** Findings that must be among the check's, by code (and village). */
  findings?: Array<{ code: string; village?: string }>;
  /** Text a part's reason must hold. */
  reasonIncludes?: Array<{ village: string; part: string; text: string; ruleSet?: string }>;
  /** Status and parts of villages under other rule sets. */
  ruleSets?: Record<string, Record<string, { status: string; rules: Record<string, string> }>>;
}

/** Registers the tests for files read together against their expected villages (inside a describe). */
export function itMatchesExpected(paths: string[], expected: ExpectedVillage[], extras: ExpectedExtras = {}): void {
  const files = paths.map((p) => ({ name: path.basename(p), bytes: fs.readFileSync(p) }));
  const result = checkBytes(files);
  const byKey = new Map([...result.verdicts.values()].map((v) => [villageIdentity(v.township, v.village), v]));
  const named = (verdicts: Iterable<Verdict>, village: string) => [...verdicts].find((v) => villageKey(v.village) === villageKey(village));

  if (extras.findings?.length) {
    it('reports the findings the case was built with', () => {
      for (const f of extras.findings!) {
        expect(result.findings.some((x) => x.code === f.code && (!f.village || villageKey(x.village ?? '') === villageKey(f.village))), `${f.code} ${f.village ?? ''}`).toBe(true);
      }
    });
  }
  const byRuleSet = new Map<string, Map<string, Verdict>>([['', result.verdicts]]);
  for (const name of new Set([...Object.keys(extras.ruleSets ?? {}), ...(extras.reasonIncludes ?? []).map((r) => r.ruleSet ?? '')])) {
    if (name && !byRuleSet.has(name)) byRuleSet.set(name, checkBytes(files, findRuleSet(name)!).verdicts);
  }
  for (const [name, villages] of Object.entries(extras.ruleSets ?? {})) {
    it.each(Object.entries(villages))(`under ${name}: %s`, (village, e) => {
      const v = named(byRuleSet.get(name)!.values(), village)!;
      expect(v.ruleSet).toBe(name);
      expect(v.status).toBe(e.status);
      expect(Object.fromEntries(v.parts.map((p) => [p.id, p.outcome]))).toEqual(e.rules);
    });
  }
  if (extras.reasonIncludes?.length) {
    it('gives the reasons the case was built with', () => {
      for (const r of extras.reasonIncludes!) {
        const v = named(byRuleSet.get(r.ruleSet ?? '')!.values(), r.village);
        expect(v?.parts.find((p) => p.id === r.part)?.reason ?? '', `${r.village} ${r.part}`).toContain(r.text);
      }
    });
  }

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
