// Judging what an import brings: each village it touches, with its stored parts for the kinds the
// import does not bring, under the rule set in force (one evaluator: shared/check.ts), and one person
// in two villages found through the stored ID numbers.

import type { Finding, PartKind, VillageFacts, VillageInput, VillageStatus } from '../../../shared/model.ts';
import { combineInputs, crossVillageFindings, judgeAllInSlices, villageIdentity, type JudgedVillage } from '../../../shared/check.ts';
import { coverageOf, isFull } from '../../../shared/overlay.ts';
import type { StoreQueries } from '../store/store.ts';
import { VILLAGES_PER_SLICE, yieldToEventLoop, type BackendContext } from '../context.ts';

/** The verdicts an import makes: for each village judged, its verdict, facts and findings. */
export interface JudgedPlan {
  villages: Array<{ key: string; villageId: number | null; judged: JudgedVillage; findings: Finding[] }>;
  /** Findings not tied to a village (none expected from judging, kept to lose nothing). */
  loose: Finding[];
}

/**
 * Judges every village the inputs touch, with its current parts from the store for the kinds the
 * inputs do not bring; villages judged under another rule set are judged again under this one. One
 * evaluator: shared/check.ts judgeAll. One person in a judged village and in another village that is
 * not judged again is found through the stored ID numbers.
 */
export async function judge(ctx: BackendContext, q: StoreQueries, inputs: readonly VillageInput[], idOf: (i: VillageInput) => number | null): Promise<JudgedPlan> {
  const groups = new Map<string, { villageId: number | null; inputs: VillageInput[]; kinds: Set<PartKind> }>();
  for (const input of inputs) {
    const key = villageIdentity(input.township, input.village);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { villageId: idOf(input), inputs: [], kinds: new Set() }));
    g.inputs.push(input);
    for (const p of input.parts) g.kinds.add(p.kind);
  }
  const all: VillageInput[] = [];
  const judgedIds = new Set<number>();
  const keyToId = new Map<string, number | null>();
  let sinceYield = 0;
  for (const [key, g] of groups) {
    if (++sinceYield >= VILLAGES_PER_SLICE) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
    keyToId.set(key, g.villageId);
    if (g.villageId === null) {
      all.push(...g.inputs);
      continue;
    }
    judgedIds.add(g.villageId);
    const place = q.place(g.villageId)!;
    // The stored name stays the village's name, whatever spelling this submission uses. A committees
    // roster that does not cover both committees and the chair is laid over the stored one (overlay.ts),
    // so the stored committees come along for combineInputs to combine.
    const replaced = new Set(g.kinds);
    if (replaced.has('committees') && partialCommittees(g.inputs)) replaced.delete('committees');
    const prev = q.currentInput(g.villageId, replaced, false);
    if (prev) all.push(prev);
    for (const input of g.inputs) all.push({ ...input, township: place.township, village: place.village });
  }
  for (const v of q.currentVerdicts()) {
    if (judgedIds.has(v.village_id) || v.rule_set === ctx.ruleSet.name) continue;
    const input = q.currentInput(v.village_id);
    if (!input) continue;
    judgedIds.add(v.village_id);
    keyToId.set(villageIdentity(input.township, input.village), v.village_id);
    all.push(input);
  }
  const result = await judgeAllInSlices(all, ctx.ruleSet, yieldToEventLoop, VILLAGES_PER_SLICE);
  const byKey = new Map<string, Finding[]>();
  const loose: Finding[] = [];
  for (const f of result.findings) {
    if (f.township && f.village) {
      const key = villageIdentity(f.township, f.village);
      const list = byKey.get(key) ?? [];
      list.push(f);
      byKey.set(key, list);
    } else loose.push(f);
  }
  const villages = result.villages.map((j) => {
    const key = villageIdentity(j.facts.township, j.facts.village);
    return { key, villageId: keyToId.get(key) ?? null, judged: j, findings: byKey.get(key) ?? [] };
  });
  await crossWithOthers(q, villages, judgedIds);
  return { villages, loose };
}

export async function crossWithOthers(q: StoreQueries, villages: JudgedPlan['villages'], judgedIds: ReadonlySet<number>): Promise<void> {
  const reported = q.reportedVillageIds();
  if (!reported.some((id) => !judgedIds.has(id))) return;
  // A judged village's persons are merged again from its rows each time they are asked for (shared/check.ts
  // releasePersons): ask once, keep only the valid ID numbers.
  const idsOf = villages.map((v) => v.judged.facts.persons.filter((p) => p.idValid && p.idNumber).map((p) => p.idNumber!));
  const ids = new Set<string>(idsOf.flat());
  if (ids.size === 0) return;
  const others = new Set<number>();
  const all = [...ids];
  for (let i = 0; i < all.length; i += 5000) {
    for (const id of q.villagesHoldingIds(all.slice(i, i + 5000), judgedIds)) others.add(id);
    if (i + 5000 < all.length) await yieldToEventLoop();
  }
  if (others.size === 0) return;
  const otherInputs = [...others].map((id) => q.currentInput(id, new Set(), false)).filter((i): i is VillageInput => i !== null);
  const otherFacts = combineInputs(otherInputs).facts;
  const factsById = new Map<string, VillageFacts[]>();
  for (const f of otherFacts)
    for (const p of f.persons) {
      if (!p.idValid || !p.idNumber) continue;
      const list = factsById.get(p.idNumber) ?? [];
      if (!list.includes(f)) list.push(f);
      factsById.set(p.idNumber, list);
    }
  for (const [k, v] of villages.entries()) {
    const relevant = new Set<VillageFacts>();
    for (const id of idsOf[k]) for (const f of factsById.get(id) ?? []) relevant.add(f);
    if (relevant.size === 0) continue;
    const own = v.judged.facts;
    // Others first: the finding is reported on the village judged now, naming the other one.
    for (const f of crossVillageFindings([...relevant, own])) if (f.township === own.township && f.village === own.village) v.findings.push(f);
  }
}

export function currentStatuses(q: StoreQueries): Map<number, VillageStatus> {
  return new Map(q.currentVerdicts().map((v) => [v.village_id, v.status]));
}

/** Whether every committees part the inputs bring is a roster that leaves something to an older one. */
export function partialCommittees(inputs: readonly VillageInput[]): boolean {
  const parts = inputs.flatMap((i) => i.parts).filter((p) => p.kind === 'committees');
  return parts.length > 0 && parts.every((p) => p.form === 'roster' && !isFull(coverageOf(p.rows)));
}
