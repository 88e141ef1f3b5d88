// Verdicts → the figures a county reads: per township, and the JSON shape the CLI prints.

import type { Finding, Outcome, Verdict, VillageStatus } from './model.ts';

export const STATUS_LABEL: Record<VillageStatus, string> = { compliant: '达标', noncompliant: '不达标', incomplete: '数据不全' };
export const OUTCOME_LABEL: Record<Outcome, string> = { pass: '达标', fail: '不达标', unknown: '数据不全' };

export interface TownshipSummary {
  township: string;
  villages: number;
  compliant: number;
  noncompliant: number;
  incomplete: number;
  /** Per rule part id: how many villages pass, fail, or are unknown on it. */
  parts: Record<string, Record<Outcome, number>>;
}

export function summarizeTownships(verdicts: readonly Verdict[]): TownshipSummary[] {
  const map = new Map<string, TownshipSummary>();
  for (const v of verdicts) {
    let s = map.get(v.township);
    if (!s) map.set(v.township, (s = { township: v.township, villages: 0, compliant: 0, noncompliant: 0, incomplete: 0, parts: {} }));
    s.villages++;
    s[v.status]++;
    for (const p of v.parts) {
      const tally = (s.parts[p.id] ??= { pass: 0, fail: 0, unknown: 0 });
      tally[p.outcome]++;
    }
  }
  return [...map.values()];
}

export interface VillageJson {
  township: string;
  village: string;
  status: VillageStatus;
  rules: Record<string, Outcome>;
  reasons: Record<string, string>;
  counts: Verdict['counts'];
  ruleSet: string;
  /** Present when the verdict rests on a reading nobody confirmed (待核对), with why. */
  provisional?: true;
  provisionalReasons?: string[];
}

export function verdictJson(v: Verdict): VillageJson {
  return {
    township: v.township,
    village: v.village,
    status: v.status,
    rules: Object.fromEntries(v.parts.map((p) => [p.id, p.outcome])),
    reasons: Object.fromEntries(v.parts.map((p) => [p.id, p.reason])),
    counts: v.counts,
    ruleSet: v.ruleSet,
    ...(v.provisional ? { provisional: true, provisionalReasons: v.provisional } : {}),
  };
}

export function findingJson(f: Finding) {
  return {
    severity: f.severity,
    code: f.code,
    file: f.file,
    sheet: f.sheet,
    row: f.row,
    message: f.message,
    ...(f.township ? { township: f.township } : {}),
    ...(f.village ? { village: f.village } : {}),
  };
}
