// Judges one village under one rule set. Three-valued: missing data gives 'unknown', never a verdict.
import type {
  Committee,
  CommitteeCounts,
  Counts,
  Outcome,
  PartVerdict,
  Person,
  Seat,
  SeatRole,
  Verdict,
  VillageFacts,
  VillageStatus,
} from '../model.ts';
import type { Fraction, Population, RulePart, RuleSet } from './ruleset.ts';
import { COMMITTEE_NAMES, fractionLabel } from './ruleset.ts';

/** Whether a person is on a scope: certainly, possibly (a seat that names no committee), or not. */
type Membership = 'yes' | 'maybe' | 'no';

interface Judgement {
  outcome: Outcome;
  reason: string;
}

const pass = (reason: string): Judgement => ({ outcome: 'pass', reason });
const fail = (reason: string): Judgement => ({ outcome: 'fail', reason });
const unknown = (reason: string): Judgement => ({ outcome: 'unknown', reason });

const NO_COMMITTEES = '未报送两委班子名单';
const NO_REPRESENTATIVES = '未报送村民代表名单';
const EITHER = '只写“委员”';
const MAX_NAMES = 3;

const ROLE_NAMES: Record<SeatRole, string> = {
  secretary: '书记',
  deputySecretary: '副书记',
  director: '主任',
  deputyDirector: '副主任',
  member: '委员',
};

const COMMITTEE_SHORT: Record<Committee, string> = { party: '村党组织', villagers: '村民委员会' };

function nameOf(p: Person): string {
  return p.displayName.trim() || p.name.trim() || '（未填姓名）';
}

function namesOf(ps: readonly Person[]): string {
  const shown = ps.slice(0, MAX_NAMES).map(nameOf).join('、');
  return ps.length > MAX_NAMES ? `${shown}等${ps.length}人` : shown;
}

function seatText(s: Seat): string {
  return s.committee === 'either' ? ROLE_NAMES[s.role] : COMMITTEE_SHORT[s.committee] + ROLE_NAMES[s.role];
}

function seatsText(p: Person): string {
  return [...new Set(p.seats.map(seatText))].join('、');
}

function isWhole(scope: ReadonlySet<Committee>): boolean {
  return scope.has('party') && scope.has('villagers');
}

/** 两委 for both committees, else the committee's name. */
function scopeName(scope: ReadonlySet<Committee>): string {
  if (isWhole(scope)) return '两委';
  const [c] = [...scope];
  return c ? COMMITTEE_NAMES[c] : '两委';
}

function seatOn(seat: Seat, scope: ReadonlySet<Committee>): Membership {
  if (seat.committee === 'either') return isWhole(scope) ? 'yes' : scope.size > 0 ? 'maybe' : 'no';
  return scope.has(seat.committee) ? 'yes' : 'no';
}

function higher(a: Membership, b: Membership): Membership {
  if (a === 'yes' || b === 'yes') return 'yes';
  if (a === 'maybe' || b === 'maybe') return 'maybe';
  return 'no';
}

function personOn(p: Person, scope: ReadonlySet<Committee>): Membership {
  let m: Membership = p.seatUnknown && scope.size > 0 ? 'maybe' : 'no';
  for (const s of p.seats) m = higher(m, seatOn(s, scope));
  return m;
}

/** Persons whose post may or may not be a seat on the scope (and who hold no certain one there). */
function seatUnsure(persons: readonly Person[], scope: ReadonlySet<Committee>): Person[] {
  return persons.filter((p) => p.seatUnknown && personOn(p, scope) !== 'yes');
}

/** The least k with q*(w+k) >= p*t. */
function shortfall(w: number, t: number, f: Fraction): number {
  const need = f.numerator * t - f.denominator * w;
  return need <= 0 ? 0 : Math.ceil(need / f.denominator);
}

function meets(w: number, t: number, f: Fraction): boolean {
  return f.denominator * w >= f.numerator * t;
}

const isCount = (n: number | null): boolean => n === null || (Number.isInteger(n) && n >= 0);

// ---- womanOnCommittees ----

/** A woman on one scope, from the table's totals for the two committees together. */
function womanFromCounts(k: CommitteeCounts, whole: boolean, name: string): Judgement {
  const { members, women } = k;
  if (!isCount(members) || !isCount(women)) return unknown('统计表中两委成员数或女性成员数不是有效人数');
  if (members !== null && women !== null && women > members)
    return unknown(`统计表中两委女性成员数（${women}）大于两委成员数（${members}），数据有误`);
  if (women !== null && women > 0) {
    const base = members === null ? `据统计表，两委女性成员${women}人` : `据统计表，两委成员${members}人，其中女性${women}人`;
    return whole ? pass(base) : unknown(`${base}，但统计表未分列${name}成员，无法判断${name}是否有女性`);
  }
  if (women === 0 && members !== null && members > 0)
    return fail(`据统计表，两委成员${members}人，均为男性${whole ? '' : `，${name}也没有女性成员`}`);
  if (women === null) return unknown('统计表未填写两委女性成员数');
  if (members === null) return unknown('统计表填写两委女性成员0人，但未填写两委成员数');
  return unknown('统计表填写两委成员0人');
}

/**
 * A known woman on the scope, from the roster. Persons whose post was not understood (or not given on a
 * committees list) may hold a seat: a woman, or a person of unknown gender, among them keeps a fail open.
 */
function womanFromRoster(persons: readonly Person[], scope: ReadonlySet<Committee>): Judgement {
  const unsure = seatUnsure(persons, scope);
  if (unsure.length === 0) return womanFromListed(persons, scope);
  const listed = womanFromListed(
    persons.filter((p) => !unsure.includes(p)),
    scope,
  );
  if (listed.outcome === 'pass') return listed;
  const open = unsure.filter((p) => p.gender !== 'male');
  if (open.length === 0) return listed;
  const note = `${namesOf(open)}（${open.some((p) => p.gender === 'female') ? '女' : '性别不明'}）职务不明，无法确定是否为${scopeName(scope)}成员`;
  return unknown(`${listed.reason}；${note}`);
}

function womanFromListed(persons: readonly Person[], scope: ReadonlySet<Committee>): Judgement {
  const name = scopeName(scope);
  const label = `${name}成员`;
  const certain: Person[] = [];
  const maybe: Person[] = [];
  for (const p of persons) {
    const m = personOn(p, scope);
    if (m === 'yes') certain.push(p);
    else if (m === 'maybe') maybe.push(p);
  }
  const all = [...certain, ...maybe];
  if (all.length === 0) {
    const anyHolder = persons.some((p) => p.seats.length > 0);
    return unknown(anyHolder ? `两委班子名单中没有${name}成员` : '两委班子名单中没有列出两委成员');
  }
  const women = certain.filter((p) => p.gender === 'female');
  if (women.length > 0) return pass(`${label}${certain.length}人，其中女性${women.length}人：${namesOf(women)}`);

  const maybeWomen = maybe.filter((p) => p.gender === 'female');
  const unknownGender = all.filter((p) => p.gender === 'unknown');
  const maybeNote = `${maybe.length}人${EITHER}、未写明是否为${name}委员`;
  if (unknownGender.length === 0 && maybeWomen.length === 0) {
    // Every possible member is a known man.
    if (maybe.length === 0) return fail(`${label}${all.length}人，均为男性`);
    if (certain.length === 0) return fail(`两委班子名单中可能是${name}成员的${maybe.length}人（${EITHER}）均为男性`);
    return fail(`${label}${certain.length}人，另有${maybeNote}，均为男性`);
  }
  let reason: string;
  if (certain.length > 0) reason = `${label}${certain.length}人` + (maybe.length > 0 && maybeWomen.length === 0 ? `，另有${maybeNote}` : '');
  else reason = maybeWomen.length === 0 ? `${maybe.length}名两委成员${EITHER}，未写明是否为${name}委员` : `名单中没有写明是${name}成员的人`;
  if (unknownGender.length > 0) reason += `，其中${unknownGender.length}人性别不明`;
  if (certain.length > 0 || maybeWomen.length === 0) reason += '，无已知女性';
  if (maybeWomen.length > 0) reason += `；女性${namesOf(maybeWomen)}${EITHER}，无法确定是否为${name}委员`;
  return unknown(reason);
}

function combineEach(results: Judgement[]): Judgement {
  const outcome: Outcome = results.some((r) => r.outcome === 'fail')
    ? 'fail'
    : results.every((r) => r.outcome === 'pass')
      ? 'pass'
      : 'unknown';
  return { outcome, reason: results.map((r) => r.reason).join('；') };
}

function womanOnCommittees(facts: VillageFacts, committees: readonly Committee[], each: boolean): Judgement {
  const c = facts.committees;
  if (!c) return unknown(NO_COMMITTEES);
  const scopes: Set<Committee>[] = each ? [...new Set(committees)].map((x) => new Set([x])) : [new Set(committees)];
  if (c.form === 'counts') {
    if (scopes.length === 1) return womanFromCounts(c.counts, isWhole(scopes[0]), scopeName(scopes[0]));
    return womanFromCounts(c.counts, false, [...new Set(committees)].map((x) => COMMITTEE_NAMES[x]).join('和'));
  }
  const results = scopes.map((s) => womanFromRoster(facts.persons, s));
  return results.length === 1 ? results[0] : combineEach(results);
}

// ---- chairOnCommittees ----

function chairOnCommittees(facts: VillageFacts, committees: readonly Committee[]): Judgement {
  const c = facts.committees;
  if (!c) return unknown(NO_COMMITTEES);
  const scope = new Set(committees);
  const whole = isWhole(scope);
  const name = scopeName(scope);
  if (c.form === 'counts') {
    const seated = c.counts.chairSeated;
    if (seated === true) return whole ? pass('据统计表，妇联主席已进两委') : unknown(`据统计表，妇联主席已进两委，但未写明是否为${name}成员`);
    if (seated === false) return fail('据统计表，妇联主席未进两委');
    return unknown('统计表未填写妇联主席是否进两委');
  }
  const chairs = facts.persons.filter((p) => p.isChair);
  if (chairs.length === 0) return unknown('未列出妇联主席');
  const seated = chairs.filter((p) => personOn(p, scope) === 'yes');
  if (seated.length > 0) {
    const where = whole ? '两委班子' : name;
    return pass(`妇联主席${namesOf(seated)}已进${where}${seated.length === 1 ? `，任${seatsText(seated[0])}` : ''}`);
  }
  const unsure = seatUnsure(chairs, scope);
  if (unsure.length > 0) return unknown(`妇联主席${namesOf(unsure)}的职务不明，无法确定是否进${whole ? '两委班子' : name}`);
  const maybe = chairs.filter((p) => personOn(p, scope) === 'maybe');
  if (maybe.length > 0) return unknown(`妇联主席${namesOf(maybe)}${EITHER}，未写明是否为${name}委员`);
  if (whole) return fail(`妇联主席${namesOf(chairs)}未进两委班子`);
  const elsewhere = chairs.length === 1 && chairs[0].seats.length > 0 ? `（任${seatsText(chairs[0])}）` : '';
  return fail(`妇联主席${namesOf(chairs)}不是${name}成员${elsewhere}`);
}

// ---- womenShare ----

interface PopulationSpec {
  reps: boolean;
  scope: Set<Committee>;
}

function populationSpec(pop: readonly Population[]): PopulationSpec {
  const scope = new Set<Committee>();
  for (const x of pop) {
    if (x === 'committees') {
      scope.add('party');
      scope.add('villagers');
    } else if (x === 'partyCommittee') scope.add('party');
    else if (x === 'villagersCommittee') scope.add('villagers');
  }
  return { reps: pop.includes('representatives'), scope };
}

function populationLabel({ reps, scope }: PopulationSpec): string {
  if (scope.size === 0) return '村民代表';
  const committees = isWhole(scope) ? '两委成员' : `${scopeName(scope)}成员`;
  if (!reps) return committees;
  if (scope.size === 1 && scope.has('villagers')) return '村民代表会议组成人员';
  return `村民代表和${committees}`;
}

/**
 * Representatives from a roster, the committees only as a table's totals: who sits on both is unknown,
 * but the share is bounded. At best every committee woman is no representative and every committee man
 * is one; at worst the reverse. A verdict only when both ends agree. When the population takes one
 * committee only (法定: the villagers' committee), the table's totals still cap its women, not its size.
 */
function shareWithCommitteeCounts(persons: readonly Person[], k: CommitteeCounts, whole: boolean, label: string, f: Fraction): Judgement | null {
  const { members, women } = k;
  if (women === null || !isCount(women) || !isCount(members) || (members !== null && women > members)) return null;
  const reps = persons.filter((p) => p.isRepresentative);
  const t = reps.length;
  const w = reps.filter((p) => p.gender === 'female').length;
  const u = reps.filter((p) => p.gender === 'unknown').length;
  if (t === 0) return null;
  const thr = fractionLabel(f);
  const base = `村民代表${t}人（女性${w}人${u ? `，${u}人性别不明` : ''}），两委成员据统计表${members ?? '?'}人、其中女性${women}人，不知其中几人也是村民代表`;
  if (!meets(w + u + women, t + women, f)) return fail(`${base}；即使两委女性都不是村民代表，${label}中女性也至多${w + u + women}人/共${t + women}人，不足${thr}`);
  if (whole && members !== null && meets(w, t + members - women, f)) return pass(`${base}；即使两委男性都不是村民代表，${label}中女性也有${w}人/共${t + members - women}人，达到${thr}`);
  return null;
}

function shareFromCounts(total: number | null, women: number | null, label: string, f: Fraction): Judgement {
  const thr = fractionLabel(f);
  if (!isCount(total) || !isCount(women)) return unknown(`统计表中${label}数或女性${label}数不是有效人数`);
  if (total === null) return unknown(`统计表未填写${label}数`);
  if (women === null) return unknown(`统计表未填写女性${label}数`);
  if (women > total) return unknown(`统计表中女性${label}数（${women}）大于${label}数（${total}），数据有误`);
  if (total === 0) return unknown(`统计表填写${label}数为0`);
  const base = `据统计表，女性${label}${women}人/共${total}人`;
  if (meets(women, total, f)) return pass(`${base}，达到${thr}`);
  return fail(`${base}，不足${thr}，还差${shortfall(women, total, f)}人`);
}

function womenShare(facts: VillageFacts, population: readonly Population[], f: Fraction): Judgement {
  const spec = populationSpec(population);
  const label = populationLabel(spec);
  const needCommittees = spec.scope.size > 0;
  const missing: string[] = [];
  if (spec.reps && !facts.representatives) missing.push(NO_REPRESENTATIVES);
  if (needCommittees && !facts.committees) missing.push(NO_COMMITTEES);
  if (missing.length > 0) return unknown(missing.join('，'));

  const repsCounts = spec.reps && facts.representatives?.form === 'counts' ? facts.representatives.counts : null;
  const committeeCounts = needCommittees && facts.committees?.form === 'counts' ? facts.committees.counts : null;
  if (repsCounts || committeeCounts) {
    if (spec.reps && needCommittees) {
      if (repsCounts && committeeCounts) return unknown(`统计表只有人数，无法确定村民代表与两委成员中的重复人员，无法计算${label}`);
      if (committeeCounts) {
        const bounded = shareWithCommitteeCounts(facts.persons, committeeCounts, isWhole(spec.scope), label, f);
        if (bounded) return bounded;
      }
      return unknown(`${repsCounts ? '村民代表' : '两委班子'}只有统计表人数，无法与${repsCounts ? '两委班子' : '村民代表'}名单合并计算${label}`);
    }
    if (repsCounts) return shareFromCounts(repsCounts.total, repsCounts.women, label, f);
    if (committeeCounts) {
      if (!isWhole(spec.scope)) return unknown(`统计表未分列${scopeName(spec.scope)}成员，无法计算女性占比`);
      return shareFromCounts(committeeCounts.members, committeeCounts.women, label, f);
    }
  }

  // Rosters: sort the village's persons into certain and possible members of the population.
  const certain: Person[] = [];
  const maybe: Person[] = [];
  for (const p of facts.persons) {
    const m = higher(spec.reps && p.isRepresentative ? 'yes' : 'no', needCommittees ? personOn(p, spec.scope) : 'no');
    if (m === 'yes') certain.push(p);
    else if (m === 'maybe') maybe.push(p);
  }
  if (certain.length + maybe.length === 0) return unknown(`未列出${label}`);

  const count = (ps: Person[], g: Person['gender']) => ps.filter((p) => p.gender === g).length;
  const [wc, mc, uc] = [count(certain, 'female'), count(certain, 'male'), count(certain, 'unknown')];
  const [wp, mp, up] = [count(maybe, 'female'), count(maybe, 'male'), count(maybe, 'unknown')];
  const thr = fractionLabel(f);

  if (maybe.length === 0) {
    const t = certain.length;
    const base = spec.reps && !needCommittees ? `女性${label}${wc}人/共${t}人` : `${label}共${t}人，其中女性${wc}人`;
    const unk = uc > 0 ? `（${uc}人性别不明）` : '';
    if (meets(wc, t, f)) return pass(`${base}${unk}，达到${thr}`);
    if (!meets(wc + uc, t, f)) {
      if (uc === 0) return fail(`${base}，不足${thr}，还差${shortfall(wc, t, f)}人`);
      return fail(`${base}${unk}，即使性别不明的都是女性也不足${thr}，还差${shortfall(wc + uc, t, f)}人`);
    }
    return unknown(`${base}${unk}，性别不明的${uc}人中至少${shortfall(wc, t, f)}人为女性才达到${thr}，无法判断`);
  }

  // Some persons are only possibly in the population (a seat "委员" on no named committee).
  // Least favourable: count possible men and unknowns, drop possible women; most favourable: the reverse.
  let [ww, tw] = [wc, wc + mc + uc + mp + up];
  if (tw === 0) [ww, tw] = [1, 1]; // only possible women: any non-empty population is all women
  const wb = wc + uc + wp + up;
  const tb = Math.max(1, wc + mc + uc + wp + up); // 0 only when all are possible men
  const name = scopeName(spec.scope);
  // Plainly: what is known, then what is missing, then what follows.
  const known = `已确定的${label}${certain.length}人，其中女性${wc}人${uc ? `、性别不明${uc}人` : ''}`;
  const open = `另有${maybe.length}人${EITHER}，不知是否为${name}委员${wp || up ? `（其中${[wp ? `女性${wp}人` : '', up ? `性别不明${up}人` : ''].filter(Boolean).join('、')}）` : ''}`;
  if (meets(ww, tw, f)) return pass(`${known}；${open}；无论这${maybe.length}人是否计入，女性都达到${thr}`);
  if (!meets(wb, tb, f)) return fail(`${known}；${open}；无论这${maybe.length}人是否计入，女性都不足${thr}，至少还差${shortfall(wb, tb, f)}人`);
  return unknown(`${known}；${open}；女性是否达到${thr}取决于这${maybe.length}人是否计入，无法判断`);
}

// ---- the village ----

function judgePart(facts: VillageFacts, part: RulePart): Judgement {
  switch (part.kind) {
    case 'womanOnCommittees':
      return womanOnCommittees(facts, part.committees, part.each);
    case 'chairOnCommittees':
      return chairOnCommittees(facts, part.committees);
    case 'womenShare':
      return womenShare(facts, part.population, part.threshold);
  }
}

function villageCounts(facts: VillageFacts): Counts {
  const counts: Counts = { committeeMembers: null, committeeWomen: null, representatives: null, womenRepresentatives: null };
  const c = facts.committees;
  if (c?.form === 'counts') {
    counts.committeeMembers = c.counts.members;
    counts.committeeWomen = c.counts.women;
  } else if (c?.form === 'roster') {
    const holders = facts.persons.filter((p) => p.seats.length > 0);
    counts.committeeMembers = holders.length;
    counts.committeeWomen = holders.filter((p) => p.gender === 'female').length;
  }
  const r = facts.representatives;
  if (r?.form === 'counts') {
    counts.representatives = r.counts.total;
    counts.womenRepresentatives = r.counts.women;
  } else if (r?.form === 'roster') {
    const reps = facts.persons.filter((p) => p.isRepresentative);
    counts.representatives = reps.length;
    counts.womenRepresentatives = reps.filter((p) => p.gender === 'female').length;
  }
  return counts;
}

/** The overall status from the parts' outcomes. */
export function statusOf(outcomes: readonly Outcome[]): VillageStatus {
  if (outcomes.some((o) => o === 'fail')) return 'noncompliant';
  if (outcomes.every((o) => o === 'pass')) return 'compliant';
  return 'incomplete';
}

/** Judges one village under one rule set; parts come in the rule set's order. */
export function evaluateVillage(facts: VillageFacts, rules: RuleSet): Verdict {
  const parts: PartVerdict[] = rules.parts.map((part) => {
    const j = judgePart(facts, part);
    return { id: part.id, label: part.label, outcome: j.outcome, reason: j.reason };
  });
  return {
    township: facts.township,
    village: facts.village,
    ruleSet: rules.name,
    status: statusOf(parts.map((p) => p.outcome)),
    parts,
    counts: villageCounts(facts),
  };
}
