// Inputs of one run → villages judged. All inputs are combined per village: a village may come in
// parts (its committees in one file, its representatives in another); a part that two inputs both
// give is reported, and the one read last is used.

import type { Finding, SourceRef, Verdict, VillageFacts, VillageInput, VillagePart, PersonRow } from './model.ts';

type CommitteesPart = Extract<VillagePart, { kind: 'committees' }>;
type RepresentativesPart = Extract<VillagePart, { kind: 'representatives' }>;
import { mergePersons } from './persons.ts';
import { groupByVillage, townshipKey, villageIdentity, villageKey } from './places.ts';
import { evaluateVillage } from './rules/evaluate.ts';
import type { RuleSet } from './rules/ruleset.ts';
import { maskIdNumber } from './idcard.ts';
import { coverageOf, overlaps, overlayCommittees, type Coverage } from './overlay.ts';

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

/**
 * A part given again by a later input. A list given for this part alone (a 村民代表 list) is not replaced
 * by one that gives it in passing (a 两委 roster with a 是否村民代表 column). A committees roster replaces
 * only what it covers (overlay.ts): a roster of the Party committee alone and one of the villagers'
 * committee together make the 两委. Anything else: the later part is used. Each case is said in a finding.
 */
function succeed(prev: VillagePart, part: VillagePart, g: { township: string; village: string }, findings: Finding[], tables: Tables): VillagePart {
  const at = { file: part.source.file, sheet: part.source.sheet, row: part.source.row, township: g.township, village: g.village };
  const both = `${g.village}的${PART_WORD[part.kind]}在${where(prev.source)}和${where(part.source)}都有`;
  // A 汇总 table and a roster of the same part: the roster says who, so it is judged; the table's
  // figures are compared with it afterwards (tableFindings).
  if (prev.form !== part.form) {
    const [roster, table] = prev.form === 'roster' ? [prev, part] : [part, prev];
    if (table.kind === 'committees' && table.form === 'counts') tables.committees = { counts: table.counts, source: table.source };
    else if (table.kind === 'representatives' && table.form === 'counts') tables.representatives = { counts: table.counts, source: table.source };
    return roster;
  }
  if (prev.dedicated && !part.dedicated && prev.form === 'roster') {
    findings.push({ severity: 'warning', code: 'duplicate-part', ...at, message: `${both}，采用专门的${PART_WORD[part.kind]}名单（前者）` });
    return prev;
  }
  if (prev.kind === 'committees' && part.kind === 'committees' && prev.form === 'roster' && part.form === 'roster') {
    const before = coverageOf(prev.rows);
    const now = coverageOf(part.rows);
    if (!overlaps(before, now)) {
      findings.push({ severity: 'info', code: 'parts-combined', ...at, message: `${g.village}的两委班子由${where(prev.source)}（${coverageWords(before)}）和${where(part.source)}（${coverageWords(now)}）合并计算` });
    } else {
      findings.push({ severity: 'warning', code: 'duplicate-part', ...at, message: `${both}，${coverageWords(now)}采用后者` });
    }
    return { ...part, rows: overlayCommittees(prev.rows, part.rows), dedicated: prev.dedicated || part.dedicated };
  }
  findings.push({ severity: 'warning', code: 'duplicate-part', ...at, message: `${both}，采用后者` });
  return part;
}

function coverageWords(c: Coverage): string {
  const words = [c.party && c.villagers ? '两委' : c.party ? '党组织' : c.villagers ? '村（居）委会' : '', c.chair ? '妇联主席' : ''].filter((w) => w);
  return words.length ? words.join('及') : '无职务';
}

/** Combines the inputs of one run into the facts of each village, in the order villages were first seen. */
export function combineInputs(inputs: readonly VillageInput[]): { facts: VillageFacts[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const facts: VillageFacts[] = [];
  for (const list of groupByVillage(inputs)) {
    const g = { township: list[0].township, village: list[0].village, inputs: list };
    const chosen: { committees?: CommitteesPart; representatives?: RepresentativesPart } = {};
    let ownVerdict: VillageFacts['ownVerdict'] = null;
    const tables: Tables = {};
    for (const input of g.inputs) {
      for (const part of input.parts) {
        const prev = chosen[part.kind];
        const next = prev && prev.source !== part.source ? succeed(prev, part, g, findings, tables) : part;
        if (next.kind === 'committees') chosen.committees = next;
        else chosen.representatives = next;
      }
      if (input.ownVerdict) ownVerdict = input.ownVerdict;
    }
    const rosterRows = (p: VillagePart | undefined): PersonRow[] => (p && p.form === 'roster' ? p.rows : []);
    const rows: MergedRows = [rosterRows(chosen.committees), rosterRows(chosen.representatives)];
    const merged = mergePersons(rows[0], rows[1], { township: g.township, village: g.village });
    findings.push(...merged.findings);
    const c = chosen.committees;
    const r = chosen.representatives;
    const provisional = [...new Set([...(c?.provisional ?? []), ...(r?.provisional ?? [])])];
    const fact: VillageFacts = {
      township: g.township,
      village: g.village,
      committees: !c ? null : c.form === 'roster' ? { form: 'roster', source: c.source } : { form: 'counts', counts: c.counts, source: c.source },
      representatives: !r ? null : r.form === 'roster' ? { form: 'roster', source: r.source } : { form: 'counts', counts: r.counts, source: r.source },
      persons: merged.persons,
      ownVerdict,
      ...(provisional.length ? { provisional } : {}),
      ...(tables.committees || tables.representatives ? { tables } : {}),
    };
    mergedFrom.set(fact, rows);
    facts.push(fact);
  }
  return { facts, findings };
}

/** The roster rows a village's persons were merged from (committees, representatives). */
type MergedRows = [PersonRow[], PersonRow[]];
const mergedFrom = new WeakMap<VillageFacts, MergedRows>();

/**
 * Once a village is judged, its persons are merged again from its rows when asked for, rather than
 * kept: a million persons alive at once cost ~300 MiB. The merge is deterministic, so the persons are
 * the same every time.
 */
function releasePersons(facts: VillageFacts): void {
  const rows = mergedFrom.get(facts);
  if (!rows) return;
  const where = { township: facts.township, village: facts.village };
  Object.defineProperty(facts, 'persons', { get: () => mergePersons(rows[0], rows[1], where).persons, enumerable: true, configurable: true });
}

/** One ID number in two villages: villages are added one by one, each after the ones before it. */
class IdsAcrossVillages {
  // Only the first village of each ID is remembered: the details are looked up on the rare conflict.
  private readonly seen = new Map<string, VillageFacts>();
  readonly findings: Finding[] = [];

  add(f: VillageFacts): void {
    for (const p of f.persons) {
      if (!p.idValid || !p.idNumber) continue;
      const prev = this.seen.get(p.idNumber);
      if (prev === undefined) {
        this.seen.set(p.idNumber, f);
        continue;
      }
      if (prev === f) continue;
      const first = prev.persons.find((x) => x.idValid && x.idNumber === p.idNumber)!;
      const s = p.sources[0];
      this.findings.push({
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
}

/** Findings that need all villages at once: one ID number in two villages. */
export function crossVillageFindings(facts: readonly VillageFacts[]): Finding[] {
  const ids = new IdsAcrossVillages();
  for (const f of facts) ids.add(f);
  return ids.findings;
}

type Tables = NonNullable<VillageFacts['tables']>;

/** Where a count table's figures differ from the roster of the same village (the roster was judged). */
export function tableFindings(judged: readonly JudgedVillage[]): Finding[] {
  const out: Finding[] = [];
  for (const { verdict, facts } of judged) {
    const t = facts.tables;
    if (!t) continue;
    const say = (source: SourceRef, table: string, roster: string) =>
      out.push({
        severity: 'warning',
        code: 'table-disagrees',
        file: source.file,
        sheet: source.sheet,
        row: source.row,
        township: facts.township,
        village: facts.village,
        message: `${facts.village}：统计表填${table}，名单中为${roster}；按名单计`,
      });
    const n = verdict.counts;
    const differs = (a: number | null, b: number | null) => a !== null && b !== null && a !== b;
    if (t.committees) {
      const k = t.committees.counts;
      if (differs(k.members, n.committeeMembers) || differs(k.women, n.committeeWomen)) {
        say(t.committees.source, `两委成员${k.members ?? '?'}人、其中女性${k.women ?? '?'}人`, `${n.committeeMembers}人、其中女性${n.committeeWomen}人`);
      }
      const chair = verdict.parts.find((p) => p.id === 'chairInCommittees')?.outcome;
      if (k.chairSeated !== null && chair && chair !== 'unknown' && k.chairSeated !== (chair === 'pass')) {
        say(t.committees.source, `妇联主席${k.chairSeated ? '已' : '未'}进两委`, `妇联主席${chair === 'pass' ? '已' : '未'}进两委`);
      }
    }
    if (t.representatives) {
      const k = t.representatives.counts;
      if (differs(k.total, n.representatives) || differs(k.women, n.womenRepresentatives)) {
        say(t.representatives.source, `村民代表${k.total ?? '?'}人、其中女性${k.women ?? '?'}人`, `${n.representatives}人、其中女性${n.womenRepresentatives}人`);
      }
    }
  }
  return out;
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

const TOWNSHIP_WORDS = ['镇', '乡', '街道'];
const VILLAGE_WORDS = ['村', '社区', '居委会', '嘎查'];

/** The one name of `names` that is `bare` and one of `words`; null when `bare` has its word, or none or several fit. */
function fullName(bare: string, names: ReadonlyMap<string, string>, words: readonly string[]): string | null {
  if (words.some((w) => bare.endsWith(w))) return null;
  const fits = words.map((w) => names.get(bare + w)).filter((n): n is string => n !== undefined);
  return fits.length === 1 ? fits[0] : null;
}

/**
 * One run may name a place with and without its last word ("青山" and "青山镇", "上塘" and "上塘村", in
 * files sent apart): a bare name joins the one name of the run it is the stem of — never when there
 * are two (上塘村 and 上塘社区) — and a finding says so, once a place. `known`: places already stored,
 * which a bare name may join too.
 */
export function joinBareNames(
  inputs: readonly VillageInput[],
  known: ReadonlyArray<{ township: string; village: string }> = [],
): { inputs: VillageInput[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const said = new Set<string>();
  const say = (what: string, bare: string, full: string, input: VillageInput) => {
    const message = `${what}“${bare}”与“${full}”按同一个${what}计`;
    if (said.has(message)) return;
    said.add(message);
    const at = input.parts[0]?.source;
    findings.push({ severity: 'info', code: 'place-joined', file: at?.file ?? '', sheet: at?.sheet ?? null, row: at?.row ?? null, message });
  };

  const townships = new Map<string, string>(); // key → a spelling
  for (const i of [...known, ...inputs]) townships.set(townshipKey(i.township), i.township);
  let out = inputs.map((i) => {
    const t = fullName(townshipKey(i.township), townships, TOWNSHIP_WORDS);
    if (!t) return i;
    say('乡镇', i.township, t, i);
    return { ...i, township: t };
  });
  const villages = new Map<string, Map<string, string>>(); // township key → village key → a spelling
  for (const i of [...known, ...out]) {
    const tk = townshipKey(i.township);
    if (!villages.has(tk)) villages.set(tk, new Map());
    villages.get(tk)!.set(villageKey(i.village), i.village);
  }
  out = out.map((i) => {
    const v = fullName(villageKey(i.village), villages.get(townshipKey(i.township))!, VILLAGE_WORDS);
    if (!v) return i;
    say('村', i.village, v, i);
    return { ...i, village: v };
  });
  return { inputs: out, findings };
}

/** One village judged; a verdict on a provisional reading says so. */
function judgeVillage(facts: VillageFacts, rules: RuleSet): JudgedVillage {
  const verdict = evaluateVillage(facts, rules);
  return { verdict: facts.provisional ? { ...verdict, provisional: facts.provisional } : verdict, facts };
}

/**
 * Judges the villages of a run slice by slice (villages are independent until the cross-village,
 * own-verdict and table findings at the end); yields between slices. Each village's persons are
 * released once it is judged and its ID numbers noted, so that never all persons are alive at once.
 */
function* judgeSlices(inputs: readonly VillageInput[], rules: RuleSet, villagesPerSlice: number): Generator<void, { villages: JudgedVillage[]; findings: Finding[] }> {
  const all = groupByVillage(inputs);
  const findings: Finding[] = [];
  const villages: JudgedVillage[] = [];
  const ids = new IdsAcrossVillages();
  for (let i = 0; i < all.length; i += villagesPerSlice) {
    const combined = combineInputs(all.slice(i, i + villagesPerSlice).flat());
    findings.push(...combined.findings);
    for (const f of combined.facts) {
      villages.push(judgeVillage(f, rules));
      ids.add(f);
      releasePersons(f);
    }
    if (i + villagesPerSlice < all.length) yield;
  }
  findings.push(...ids.findings, ...ownVerdictFindings(villages), ...tableFindings(villages));
  return { villages, findings };
}

/** Judges every village of a run under one rule set. */
export function judgeAll(given: readonly VillageInput[], rules: RuleSet): { villages: JudgedVillage[]; findings: Finding[] } {
  const named = joinBareNames(given);
  const slices = judgeSlices(named.inputs, rules, 100);
  let step = slices.next();
  while (!step.done) step = slices.next();
  step.value.findings.unshift(...named.findings);
  return step.value;
}

/**
 * judgeAll in slices of villages with `pause` awaited between them, so that a county-size import never
 * freezes a window: the result is judgeAll's (without the joining of bare names, done before).
 */
export async function judgeAllInSlices(
  inputs: readonly VillageInput[],
  rules: RuleSet,
  pause: () => Promise<void>,
  villagesPerSlice = 100,
): Promise<{ villages: JudgedVillage[]; findings: Finding[] }> {
  const slices = judgeSlices(inputs, rules, villagesPerSlice);
  let step = slices.next();
  while (!step.done) {
    await pause();
    step = slices.next();
  }
  return step.value;
}
