// Inputs of one run → villages judged. All inputs are combined per village: a village may come in
// parts (its committees in one file, its representatives in another); a part that two inputs both
// give is reported, and the one read last is used.

import type { Finding, SourceRef, Verdict, VillageFacts, VillageInput, VillagePart, PersonRow } from './model.ts';

type CommitteesPart = Extract<VillagePart, { kind: 'committees' }>;
type RepresentativesPart = Extract<VillagePart, { kind: 'representatives' }>;
import { mergePersons } from './persons.ts';
import { groupByVillage, villageIdentity } from './places.ts';
import { evaluateVillage } from './rules/evaluate.ts';
import type { RuleSet } from './rules/ruleset.ts';
import { maskIdNumber } from './idcard.ts';

export interface JudgedVillage {
  verdict: Verdict;
  facts: VillageFacts;
}

const PART_WORD = { committees: '两委班子', representatives: '村民代表' } as const;
const STATUS_WORD = { compliant: '达标', noncompliant: '不达标', incomplete: '数据不全' } as const;

function where(s: SourceRef): string {
  return `${s.file}${s.sheet ? `“${s.sheet}”` : ''}${s.row ? `第${s.row}行` : ''}`;
}

export { villageIdentity };

/** Combines the inputs of one run into the facts of each village, in the order villages were first seen. */
export function combineInputs(inputs: readonly VillageInput[]): { facts: VillageFacts[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const facts: VillageFacts[] = [];
  for (const list of groupByVillage(inputs)) {
    const g = { township: list[0].township, village: list[0].village, inputs: list };
    const chosen: { committees?: CommitteesPart; representatives?: RepresentativesPart } = {};
    let ownVerdict: VillageFacts['ownVerdict'] = null;
    for (const input of g.inputs) {
      for (const part of input.parts) {
        const prev = chosen[part.kind];
        if (prev && prev.source !== part.source) {
          findings.push({
            severity: 'warning',
            code: 'duplicate-part',
            file: part.source.file,
            sheet: part.source.sheet,
            row: part.source.row,
            township: g.township,
            village: g.village,
            message: `${g.village}的${PART_WORD[part.kind]}在${where(prev.source)}和${where(part.source)}都有，采用后者`,
          });
        }
        if (part.kind === 'committees') chosen.committees = part;
        else chosen.representatives = part;
      }
      if (input.ownVerdict) ownVerdict = input.ownVerdict;
    }
    const rosterRows = (p: VillagePart | undefined): PersonRow[] => (p && p.form === 'roster' ? p.rows : []);
    const merged = mergePersons(rosterRows(chosen.committees), rosterRows(chosen.representatives), { township: g.township, village: g.village });
    findings.push(...merged.findings);
    const c = chosen.committees;
    const r = chosen.representatives;
    facts.push({
      township: g.township,
      village: g.village,
      committees: !c ? null : c.form === 'roster' ? { form: 'roster', source: c.source } : { form: 'counts', counts: c.counts, source: c.source },
      representatives: !r ? null : r.form === 'roster' ? { form: 'roster', source: r.source } : { form: 'counts', counts: r.counts, source: r.source },
      persons: merged.persons,
      ownVerdict,
    });
  }
  return { facts, findings };
}

/** Findings that need all villages at once: one ID number in two villages. */
export function crossVillageFindings(facts: readonly VillageFacts[]): Finding[] {
  // Only the first village of each ID is remembered: the details are looked up on the rare conflict.
  const seen = new Map<string, VillageFacts>();
  const findings: Finding[] = [];
  for (const f of facts) {
    for (const p of f.persons) {
      if (!p.idValid || !p.idNumber) continue;
      const prev = seen.get(p.idNumber);
      if (prev === undefined) {
        seen.set(p.idNumber, f);
        continue;
      }
      if (prev === f) continue;
      const first = prev.persons.find((x) => x.idValid && x.idNumber === p.idNumber)!;
      const s = p.sources[0];
      findings.push({
        severity: 'warning',
        code: 'id-in-two-villages',
        file: s.file,
        sheet: s.sheet,
        row: s.row,
        township: f.township,
        village: f.village,
        message: `身份证号 ${maskIdNumber(p.idNumber)}（${p.displayName}）同时出现在${prev.township}${prev.village}（${first.displayName}，${where(first.sources[0])}）和${f.township}${f.village}`,
      });
    }
  }
  return findings;
}

/** Where a township's own 是否达标 disagrees with the computed verdict. */
export function ownVerdictFindings(judged: readonly JudgedVillage[]): Finding[] {
  const out: Finding[] = [];
  for (const { verdict, facts } of judged) {
    const own = facts.ownVerdict;
    if (!own) continue;
    const computed = verdict.status;
    if (own.compliant === (computed === 'compliant')) continue;
    if (!own.compliant && computed === 'incomplete') continue; // 自报不达标 and data incomplete: no contradiction shown
    const why = verdict.parts.filter((p) => p.outcome !== 'pass').map((p) => p.reason).join('；');
    out.push({
      severity: 'warning',
      code: 'own-verdict-disagrees',
      file: own.source.file,
      sheet: own.source.sheet,
      row: own.source.row,
      township: facts.township,
      village: facts.village,
      message: `${facts.village}自报“${own.compliant ? '达标' : '不达标'}”，按规则核算为“${STATUS_WORD[computed]}”${why ? `：${why}` : ''}`,
    });
  }
  return out;
}

/** Judges every village of a run under one rule set. */
export function judgeAll(inputs: readonly VillageInput[], rules: RuleSet): { villages: JudgedVillage[]; findings: Finding[] } {
  const { facts, findings } = combineInputs(inputs);
  const villages = facts.map((f) => ({ verdict: evaluateVillage(f, rules), facts: f }));
  findings.push(...crossVillageFindings(facts), ...ownVerdictFindings(villages));
  return { villages, findings };
}

/**
 * judgeAll in slices of villages with `pause` awaited between them, so that a county-size import never
 * freezes a window. Villages are independent until the cross-village and own-verdict findings, which run
 * over all of them at the end: the result is judgeAll's.
 */
export async function judgeAllInSlices(
  inputs: readonly VillageInput[],
  rules: RuleSet,
  pause: () => Promise<void>,
  villagesPerSlice = 100,
): Promise<{ villages: JudgedVillage[]; findings: Finding[] }> {
  const all = groupByVillage(inputs);
  const facts: VillageFacts[] = [];
  const findings: Finding[] = [];
  const villages: JudgedVillage[] = [];
  for (let i = 0; i < all.length; i += villagesPerSlice) {
    const combined = combineInputs(all.slice(i, i + villagesPerSlice).flat());
    facts.push(...combined.facts);
    findings.push(...combined.findings);
    for (const f of combined.facts) villages.push({ verdict: evaluateVillage(f, rules), facts: f });
    if (i + villagesPerSlice < all.length) await pause();
  }
  findings.push(...crossVillageFindings(facts), ...ownVerdictFindings(villages));
  return { villages, findings };
}
