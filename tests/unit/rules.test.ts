import { describe, expect, it } from 'vitest';
import type { CommitteeCounts, Gender, Person, RepresentativeCounts, Seat, SourceRef, VillageFacts } from '../../shared/model.ts';
import { BUILTIN_RULE_SETS, DEFAULT_RULE_SET_NAME, findRuleSet } from '../../shared/rules/builtin.ts';
import { evaluateVillage } from '../../shared/rules/evaluate.ts';
import { chineseNumber, fractionLabel, parseRuleSet, type RuleSet } from '../../shared/rules/ruleset.ts';

// ---- builders ----

const src: SourceRef = { file: '青山镇.xlsx', sheet: 'Sheet1', row: null };
let seq = 0;

function person(name: string, gender: Gender, opts: { seats?: Seat[]; chair?: boolean; rep?: boolean; seatUnknown?: boolean } = {}): Person {
  seq += 1;
  return {
    key: `k${seq}`,
    name,
    displayName: name,
    gender,
    genderFrom: gender === 'unknown' ? 'none' : 'declared',
    idNumber: null,
    idValid: false,
    seats: opts.seats ?? [],
    seatUnknown: opts.seatUnknown ?? false,
    isChair: opts.chair ?? false,
    isRepresentative: opts.rep ?? false,
    otherPosts: [],
    sources: [src],
  };
}

const party = (role: Seat['role'] = 'member'): Seat => ({ committee: 'party', role });
const villagers = (role: Seat['role'] = 'member'): Seat => ({ committee: 'villagers', role });
const either = (): Seat => ({ committee: 'either', role: 'member' });

/** n persons of one gender, each a representative only. */
function reps(n: number, gender: Gender, prefix = gender): Person[] {
  return Array.from({ length: n }, (_, i) => person(`${prefix}代表${i + 1}`, gender, { rep: true }));
}

function facts(opts: {
  committees?: 'roster' | CommitteeCounts | null;
  representatives?: 'roster' | RepresentativeCounts | null;
  persons?: Person[];
}): VillageFacts {
  const c = opts.committees === undefined ? 'roster' : opts.committees;
  const r = opts.representatives === undefined ? 'roster' : opts.representatives;
  return {
    township: '青山镇',
    village: '青山村',
    committees: c === null ? null : c === 'roster' ? { form: 'roster', source: src } : { form: 'counts', counts: c, source: src },
    representatives: r === null ? null : r === 'roster' ? { form: 'roster', source: src } : { form: 'counts', counts: r, source: src },
    persons: opts.persons ?? [],
    ownVerdict: null,
  };
}

function rules(name: string): RuleSet {
  const rs = findRuleSet(name);
  if (!rs) throw new Error(`no rule set ${name}`);
  return rs;
}

const DEFAULT = rules('两进一有');
const LEGAL = rules('法定');
const EACH = rules('每委一女');

function part(f: VillageFacts, rs: RuleSet, id: string) {
  const v = evaluateVillage(f, rs);
  const p = v.parts.find((x) => x.id === id);
  if (!p) throw new Error(`no part ${id}`);
  return p;
}

/** A compliant committee: a woman secretary who is also the chair, and two men. */
function goodCommittee(): Person[] {
  return [
    person('李芳', 'female', { seats: [party('secretary'), villagers('director')], chair: true }),
    person('王强', 'male', { seats: [party()] }),
    person('赵刚', 'male', { seats: [villagers()] }),
  ];
}

// ---- built-in rule sets ----

describe('built-in rule sets', () => {
  it('ships 两进一有 (default), 法定 and 每委一女 with fixed part ids', () => {
    expect(DEFAULT_RULE_SET_NAME).toBe('两进一有');
    expect(BUILTIN_RULE_SETS.map((r) => r.name)).toEqual(['两进一有', '法定', '每委一女']);
    expect(DEFAULT.parts.map((p) => p.id)).toEqual(['womanInCommittees', 'chairInCommittees', 'womenRepresentativesThird']);
    expect(LEGAL.parts.map((p) => p.id)).toEqual(['womanInVillagersCommittee', 'womenInAssemblyThird']);
    expect(EACH.parts.map((p) => p.id)).toEqual(['womanInEachCommittee', 'chairInCommittees', 'womenRepresentativesThird']);
    expect(findRuleSet('不存在')).toBeUndefined();
    expect(findRuleSet(' 法定 ')?.name).toBe('法定');
  });

  it('each built-in passes its own schema', () => {
    for (const rs of BUILTIN_RULE_SETS) {
      const parsed = parseRuleSet(JSON.parse(JSON.stringify(rs)), `${rs.name}.json`);
      expect(parsed).toEqual({ ok: true, ruleSet: rs });
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT.parts[0])).toBe(true);
  });
});

// ---- the one-third boundary ----

describe('women representatives: one third, in integers', () => {
  const cases: [number, number, 'pass' | 'fail'][] = [
    [15, 45, 'pass'],
    [14, 43, 'fail'],
    [10, 31, 'fail'],
    [11, 31, 'pass'],
    [14, 42, 'pass'],
    [13, 40, 'fail'],
    [1, 3, 'pass'],
    [0, 1, 'fail'],
    [1, 1, 'pass'],
  ];
  it.each(cases)('%i women of %i → %s (roster)', (w, t, outcome) => {
    const f = facts({ persons: [...goodCommittee(), ...reps(w, 'female'), ...reps(t - w, 'male')] });
    expect(part(f, DEFAULT, 'womenRepresentativesThird').outcome).toBe(outcome);
  });
  it.each(cases)('%i women of %i → %s (count table)', (w, t, outcome) => {
    const f = facts({ representatives: { total: t, women: w }, persons: goodCommittee() });
    expect(part(f, DEFAULT, 'womenRepresentativesThird').outcome).toBe(outcome);
  });

  it('says how far short, and that exactly one third is met', () => {
    const short = facts({ persons: [...reps(14, 'female'), ...reps(29, 'male')] });
    expect(part(short, DEFAULT, 'womenRepresentativesThird').reason).toBe('女性村民代表14人/共43人，不足三分之一，还差1人');
    const exact = facts({ persons: [...reps(15, 'female'), ...reps(30, 'male')] });
    expect(part(exact, DEFAULT, 'womenRepresentativesThird').reason).toBe('女性村民代表15人/共45人，达到三分之一');
    const far = facts({ persons: [...reps(2, 'female'), ...reps(28, 'male')] });
    expect(part(far, DEFAULT, 'womenRepresentativesThird').reason).toContain('还差8人');
  });

  it('unknown genders: decided only when they cannot change the outcome', () => {
    // 10 women, 2 unknown, 31 total: 3*10 < 31 but 3*12 >= 31 → unknown; needs 1 of the 2.
    const undecided = part(facts({ persons: [...reps(10, 'female'), ...reps(2, 'unknown'), ...reps(19, 'male')] }), DEFAULT, 'womenRepresentativesThird');
    expect(undecided.outcome).toBe('unknown');
    expect(undecided.reason).toContain('2人性别不明');
    expect(undecided.reason).toContain('至少1人为女性');
    // 11 women, 3 unknown, 31 total: passes whatever the unknowns are.
    const passes = part(facts({ persons: [...reps(11, 'female'), ...reps(3, 'unknown'), ...reps(17, 'male')] }), DEFAULT, 'womenRepresentativesThird');
    expect(passes.outcome).toBe('pass');
    // 5 women, 2 unknown, 31 total: fails even if both are women; 3*(7+k) >= 31 → k = 4.
    const fails = part(facts({ persons: [...reps(5, 'female'), ...reps(2, 'unknown'), ...reps(24, 'male')] }), DEFAULT, 'womenRepresentativesThird');
    expect(fails.outcome).toBe('fail');
    expect(fails.reason).toContain('还差4人');
    // All unknown.
    expect(part(facts({ persons: reps(9, 'unknown') }), DEFAULT, 'womenRepresentativesThird').outcome).toBe('unknown');
  });

  it('no representatives listed, part not sent, or blank cells → unknown', () => {
    const none = part(facts({ persons: goodCommittee() }), DEFAULT, 'womenRepresentativesThird');
    expect(none).toMatchObject({ outcome: 'unknown', reason: '未列出村民代表' });
    const notSent = part(facts({ representatives: null, persons: goodCommittee() }), DEFAULT, 'womenRepresentativesThird');
    expect(notSent).toMatchObject({ outcome: 'unknown', reason: '未报送村民代表名单' });
    // A committee roster may mark some members as representatives: still not the representatives' list.
    const marked = [person('李芳', 'female', { seats: [party()], rep: true })];
    expect(part(facts({ representatives: null, persons: marked }), DEFAULT, 'womenRepresentativesThird').outcome).toBe('unknown');
    const blankTotal = part(facts({ representatives: { total: null, women: 5 } }), DEFAULT, 'womenRepresentativesThird');
    expect(blankTotal).toMatchObject({ outcome: 'unknown', reason: '统计表未填写村民代表数' });
    const blankWomen = part(facts({ representatives: { total: 30, women: null } }), DEFAULT, 'womenRepresentativesThird');
    expect(blankWomen).toMatchObject({ outcome: 'unknown', reason: '统计表未填写女性村民代表数' });
    expect(part(facts({ representatives: { total: 0, women: 0 } }), DEFAULT, 'womenRepresentativesThird').outcome).toBe('unknown');
    const inconsistent = part(facts({ representatives: { total: 10, women: 12 } }), DEFAULT, 'womenRepresentativesThird');
    expect(inconsistent.outcome).toBe('unknown');
    expect(inconsistent.reason).toContain('数据有误');
  });
});

// ---- a woman on the two committees ----

describe('womanInCommittees', () => {
  it('passes with a known woman, naming her', () => {
    const p = part(facts({ persons: goodCommittee() }), DEFAULT, 'womanInCommittees');
    expect(p).toMatchObject({ outcome: 'pass', reason: '两委成员3人，其中女性1人：李芳' });
  });

  it('fails when every seat-holder is a known man', () => {
    const men = Array.from({ length: 7 }, (_, i) => person(`男${i}`, 'male', { seats: [i % 2 ? party() : villagers()] }));
    expect(part(facts({ persons: men }), DEFAULT, 'womanInCommittees')).toMatchObject({ outcome: 'fail', reason: '两委成员7人，均为男性' });
  });

  it('is unknown with unknown genders and no woman', () => {
    const ps = [
      person('甲', 'male', { seats: [party()] }),
      person('乙', 'male', { seats: [villagers()] }),
      person('丙', 'unknown', { seats: [party()] }),
      person('丁', 'unknown', { seats: [either()] }),
      person('戊', 'unknown', { seats: [villagers()] }),
    ];
    expect(part(facts({ persons: ps }), DEFAULT, 'womanInCommittees')).toMatchObject({
      outcome: 'unknown',
      reason: '两委成员5人，其中3人性别不明，无已知女性',
    });
  });

  it('is unknown with no seat-holders, or no committee part', () => {
    const onlyReps = facts({ persons: reps(3, 'female') });
    expect(part(onlyReps, DEFAULT, 'womanInCommittees').outcome).toBe('unknown');
    expect(part(onlyReps, DEFAULT, 'womanInCommittees').reason).toBe('两委班子名单中没有列出两委成员');
    const notSent = facts({ committees: null, persons: reps(3, 'female') });
    expect(part(notSent, DEFAULT, 'womanInCommittees')).toMatchObject({ outcome: 'unknown', reason: '未报送两委班子名单' });
    expect(part(notSent, DEFAULT, 'chairInCommittees')).toMatchObject({ outcome: 'unknown', reason: '未报送两委班子名单' });
  });

  it('reads a count table for the two committees together', () => {
    const c = (members: number | null, women: number | null): CommitteeCounts => ({ members, women, chairSeated: true });
    expect(part(facts({ committees: c(7, 2) }), DEFAULT, 'womanInCommittees').outcome).toBe('pass');
    expect(part(facts({ committees: c(null, 2) }), DEFAULT, 'womanInCommittees').outcome).toBe('pass');
    expect(part(facts({ committees: c(7, 0) }), DEFAULT, 'womanInCommittees')).toMatchObject({ outcome: 'fail', reason: '据统计表，两委成员7人，均为男性' });
    expect(part(facts({ committees: c(7, null) }), DEFAULT, 'womanInCommittees')).toMatchObject({ outcome: 'unknown', reason: '统计表未填写两委女性成员数' });
    expect(part(facts({ committees: c(null, 0) }), DEFAULT, 'womanInCommittees').outcome).toBe('unknown');
    expect(part(facts({ committees: c(0, 0) }), DEFAULT, 'womanInCommittees').outcome).toBe('unknown');
    expect(part(facts({ committees: c(null, null) }), DEFAULT, 'womanInCommittees').outcome).toBe('unknown');
    expect(part(facts({ committees: c(3, 5) }), DEFAULT, 'womanInCommittees').outcome).toBe('unknown');
  });

  it('a count table cannot show one committee: women > 0 is unknown, no women at all fails', () => {
    const some = part(facts({ committees: { members: 7, women: 2, chairSeated: null } }), LEGAL, 'womanInVillagersCommittee');
    expect(some.outcome).toBe('unknown');
    expect(some.reason).toContain('未分列村民委员会成员');
    const none = part(facts({ committees: { members: 7, women: 0, chairSeated: null } }), LEGAL, 'womanInVillagersCommittee');
    expect(none.outcome).toBe('fail');
    const each = part(facts({ committees: { members: 7, women: 2, chairSeated: null } }), EACH, 'womanInEachCommittee');
    expect(each.outcome).toBe('unknown');
  });
});

// ---- the chair ----

describe('chairInCommittees', () => {
  it('passes when the chair holds a seat', () => {
    const p = part(facts({ persons: goodCommittee() }), DEFAULT, 'chairInCommittees');
    expect(p.outcome).toBe('pass');
    expect(p.reason).toBe('妇联主席李芳已进两委班子，任村党组织书记、村民委员会主任');
  });

  it("passes with an 'either' seat: certainly on the two committees together", () => {
    const ps = [person('李芳', 'female', { seats: [either()], chair: true }), person('王强', 'male', { seats: [party()] })];
    expect(part(facts({ persons: ps }), DEFAULT, 'chairInCommittees').outcome).toBe('pass');
  });

  it('fails when the chair is listed without a seat', () => {
    const ps = [...goodCommittee().map((p) => ({ ...p, isChair: false })), person('张三', 'female', { chair: true, rep: true })];
    expect(part(facts({ persons: ps }), DEFAULT, 'chairInCommittees')).toMatchObject({ outcome: 'fail', reason: '妇联主席张三未进两委班子' });
  });

  it('is unknown when no chair is listed', () => {
    const ps = goodCommittee().map((p) => ({ ...p, isChair: false }));
    expect(part(facts({ persons: ps }), DEFAULT, 'chairInCommittees')).toMatchObject({ outcome: 'unknown', reason: '未列出妇联主席' });
  });

  it('reads 妇联主席是否进两委 from a count table', () => {
    const c = (chairSeated: boolean | null): CommitteeCounts => ({ members: 5, women: 1, chairSeated });
    expect(part(facts({ committees: c(true) }), DEFAULT, 'chairInCommittees').outcome).toBe('pass');
    expect(part(facts({ committees: c(false) }), DEFAULT, 'chairInCommittees').outcome).toBe('fail');
    expect(part(facts({ committees: c(null) }), DEFAULT, 'chairInCommittees')).toMatchObject({
      outcome: 'unknown',
      reason: '统计表未填写妇联主席是否进两委',
    });
  });
});

// ---- 'either' seats ("委员" with no committee named) ----

describe("'either' seats", () => {
  it('法定: a woman whose only seat is "委员" may not be on the villagers\' committee → unknown', () => {
    const ps = [
      person('李芳', 'female', { seats: [either()] }),
      person('王强', 'male', { seats: [villagers('director')] }),
      person('赵刚', 'male', { seats: [party('secretary')] }),
    ];
    const p = part(facts({ persons: ps }), LEGAL, 'womanInVillagersCommittee');
    expect(p.outcome).toBe('unknown');
    expect(p.reason).toContain('李芳');
    // Under 两进一有 the same woman is certainly on the two committees together.
    expect(part(facts({ persons: ps }), DEFAULT, 'womanInCommittees').outcome).toBe('pass');
  });

  it('法定: men with "委员" seats are possibly on it; all men → fail', () => {
    const ps = [
      person('王强', 'male', { seats: [either()] }),
      person('赵刚', 'male', { seats: [villagers('director')] }),
      person('李芳', 'female', { seats: [party('secretary')] }),
    ];
    const p = part(facts({ persons: ps }), LEGAL, 'womanInVillagersCommittee');
    expect(p.outcome).toBe('fail');
    expect(p.reason).toContain('均为男性');
  });

  it('法定: a woman with a villagers\' committee seat passes', () => {
    const ps = [person('李芳', 'female', { seats: [villagers()] }), person('王强', 'male', { seats: [either()] })];
    expect(part(facts({ persons: ps }), LEGAL, 'womanInVillagersCommittee').outcome).toBe('pass');
  });

  it('法定: no one on the villagers\' committee at all → unknown', () => {
    const ps = [person('王强', 'male', { seats: [party('secretary')] })];
    const p = part(facts({ persons: ps }), LEGAL, 'womanInVillagersCommittee');
    expect(p).toMatchObject({ outcome: 'unknown', reason: '两委班子名单中没有村民委员会成员' });
  });

  it('每委一女: each committee judged on its own', () => {
    const both = [person('李芳', 'female', { seats: [party()] }), person('王丽', 'female', { seats: [villagers()] })];
    expect(part(facts({ persons: both }), EACH, 'womanInEachCommittee').outcome).toBe('pass');

    // A woman on the party committee, another with only "委员": the villagers' committee is uncertain.
    const oneEither = [
      person('李芳', 'female', { seats: [party()] }),
      person('王丽', 'female', { seats: [either()] }),
      person('赵刚', 'male', { seats: [villagers('director')] }),
    ];
    const p = part(facts({ persons: oneEither }), EACH, 'womanInEachCommittee');
    expect(p.outcome).toBe('unknown');
    expect(p.reason).toContain('村党组织委员会成员1人，其中女性1人：李芳');
    expect(p.reason).toContain('王丽');
    // Under 两进一有, both are enough.
    expect(part(facts({ persons: oneEither }), DEFAULT, 'womanInCommittees').outcome).toBe('pass');

    // The party committee all men: fails whatever the "委员" seats are.
    const partyMen = [
      person('王强', 'male', { seats: [party('secretary')] }),
      person('赵刚', 'male', { seats: [party()] }),
      person('王丽', 'female', { seats: [villagers()] }),
    ];
    const f = part(facts({ persons: partyMen }), EACH, 'womanInEachCommittee');
    expect(f.outcome).toBe('fail');
    expect(f.reason).toContain('村党组织委员会成员2人，均为男性');
  });

  it('每委一女: an "一肩挑" woman (书记兼主任) covers both committees', () => {
    const ps = [person('李芳', 'female', { seats: [party('secretary'), villagers('director')], chair: true }), person('王强', 'male', { seats: [either()] })];
    expect(evaluateVillage(facts({ persons: [...ps, ...reps(5, 'female'), ...reps(10, 'male')] }), EACH).status).toBe('compliant');
  });
});

// ---- 法定: the villagers' representative assembly ----

describe('法定: the assembly = representatives + villagers\' committee, distinct persons', () => {
  // 30 representatives, 11 of them women; a villagers' committee of 4 men, 3 of whom are representatives;
  // a party-only member who is no representative. Distinct assembly: 31, women 11: 33 >= 31 passes.
  // Counting the 3 twice would give 34 and fail.
  function assembly(extra: Person[] = []): Person[] {
    const both = [0, 1, 2].map((i) => person(`代表委员${i}`, 'male', { seats: [villagers(i === 0 ? 'director' : 'member')], rep: true }));
    return [
      ...both,
      person('非代表委员', 'male', { seats: [villagers()] }),
      person('党支部委员', 'male', { seats: [party()] }),
      ...reps(11, 'female'),
      ...reps(16, 'male'),
      ...extra,
    ];
  }

  it('counts a committee member who is also a representative once', () => {
    const p = part(facts({ persons: assembly() }), LEGAL, 'womenInAssemblyThird');
    expect(p.outcome).toBe('pass');
    expect(p.reason).toBe('村民代表会议组成人员共31人，其中女性11人，达到三分之一');
  });

  it('"委员" seats make the denominator a range', () => {
    const twoEither = [person('委员甲', 'male', { seats: [either()] }), person('委员乙', 'male', { seats: [either()] })];
    // 31..33 with 11 women: 33 >= 33 even in the worst case.
    expect(part(facts({ persons: assembly(twoEither) }), LEGAL, 'womenInAssemblyThird').outcome).toBe('pass');
    // 31..34: undecidable.
    const three = [...twoEither, person('委员丙', 'male', { seats: [either()] })];
    const p = part(facts({ persons: assembly(three) }), LEGAL, 'womenInAssemblyThird');
    expect(p.outcome).toBe('unknown');
    expect(p.reason).toBe('已确定的村民代表会议组成人员31人，其中女性11人；另有3人只写“委员”，不知是否为村民委员会委员；女性是否达到三分之一取决于这3人是否计入，无法判断');
    // A woman with only "委员" can only help: 31..32, women 11..12 → pass in the worst case (11 of 31).
    expect(part(facts({ persons: assembly([person('委员丁', 'female', { seats: [either()] })]) }), LEGAL, 'womenInAssemblyThird').outcome).toBe('pass');
  });

  it('fails when short even in the most favourable count', () => {
    const ps = [
      person('主任', 'male', { seats: [villagers('director')] }),
      person('委员甲', 'female', { seats: [either()] }),
      ...reps(5, 'female'),
      ...reps(20, 'male'),
    ];
    // Best case: 6 women of 27 → 18 < 27 → fail; least k with 3(6+k) >= 27 is 3.
    const p = part(facts({ persons: ps }), LEGAL, 'womenInAssemblyThird');
    expect(p.outcome).toBe('fail');
    expect(p.reason).toContain('还差3人');
  });

  it('needs both parts, as rosters', () => {
    expect(part(facts({ committees: null, persons: reps(3, 'female') }), LEGAL, 'womenInAssemblyThird')).toMatchObject({
      outcome: 'unknown',
      reason: '未报送两委班子名单',
    });
    const counts = part(
      facts({ committees: { members: 5, women: 1, chairSeated: true }, representatives: { total: 30, women: 15 } }),
      LEGAL,
      'womenInAssemblyThird',
    );
    expect(counts.outcome).toBe('unknown');
    const mixed = part(facts({ representatives: { total: 30, women: 15 }, persons: goodCommittee() }), LEGAL, 'womenInAssemblyThird');
    expect(mixed.outcome).toBe('unknown');
  });
});

// ---- a county's own rule set ----

describe('a custom rule set from JSON', () => {
  const json = `\uFEFF{
    "name": "三成女性",
    "description": "女性占两委成员30%以上",
    "parts": [
      { "id": "womenCommitteeShare", "label": "女性占两委成员30%以上", "kind": "womenShare",
        "population": ["committees"], "threshold": { "numerator": 3, "denominator": 10 } },
      { "id": "womanOnVillagers", "label": "村委会有女性", "kind": "womanOnCommittees", "committees": ["villagers"] }
    ]
  }`;

  it('parses, with defaults filled in', () => {
    const r = parseRuleSet(json, 'my.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ruleSet.parts[1]).toMatchObject({ kind: 'womanOnCommittees', each: false });
    expect(fractionLabel({ numerator: 3, denominator: 10 })).toBe('30%');
  });

  it('judges women as 30% of the committee members', () => {
    const r = parseRuleSet(JSON.parse(json.slice(1)), 'my.json');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const members = (w: number, m: number) => [
      ...Array.from({ length: w }, (_, i) => person(`女${i}`, 'female', { seats: [i === 0 ? villagers() : party()] })),
      ...Array.from({ length: m }, (_, i) => person(`男${i}`, 'male', { seats: [party()] })),
    ];
    const ok = evaluateVillage(facts({ persons: members(3, 7) }), r.ruleSet);
    expect(ok.ruleSet).toBe('三成女性');
    expect(ok.parts[0]).toMatchObject({ id: 'womenCommitteeShare', outcome: 'pass', reason: '两委成员共10人，其中女性3人，达到30%' });
    expect(ok.status).toBe('compliant');
    const short = evaluateVillage(facts({ persons: members(2, 8) }), r.ruleSet);
    expect(short.parts[0]).toMatchObject({ outcome: 'fail', reason: '两委成员共10人，其中女性2人，不足30%，还差1人' });
    expect(short.status).toBe('noncompliant');
    const counts = evaluateVillage(facts({ committees: { members: 10, women: 3, chairSeated: null } }), r.ruleSet);
    expect(counts.parts[0].outcome).toBe('pass');
  });
});

// ---- parse errors ----

describe('parseRuleSet errors', () => {
  const good = () => ({
    name: '自定义',
    description: '说明',
    parts: [
      { id: 'a', label: '甲', kind: 'womanOnCommittees', committees: ['party', 'villagers'], each: false },
      { id: 'b', label: '乙', kind: 'womenShare', population: ['representatives'], threshold: { numerator: 1, denominator: 3 } },
    ],
  });
  function errorsOf(value: unknown): string[] {
    const r = parseRuleSet(value, 'my.json');
    if (r.ok) throw new Error('expected errors');
    for (const e of r.errors) expect(e.startsWith('规则文件 my.json：')).toBe(true);
    return r.errors;
  }

  it('accepts the good file', () => {
    expect(parseRuleSet(good(), 'my.json').ok).toBe(true);
  });

  it('names a missing field', () => {
    const { name: _name, ...noName } = good();
    expect(errorsOf(noName)).toEqual(['规则文件 my.json：name 缺失，应为非空文字（规则名称），不超过100字']);
    const noThreshold = good();
    delete (noThreshold.parts[1] as Partial<(typeof noThreshold.parts)[1]>).threshold;
    expect(errorsOf(noThreshold)).toEqual(['规则文件 my.json：parts[1].threshold 缺失，应为分数，如 {"numerator":1,"denominator":3}']);
    const noParts = { name: 'x' };
    expect(errorsOf(noParts)[0]).toContain('parts 缺失');
  });

  it('rejects a threshold that is not a fraction', () => {
    const bad = good();
    (bad.parts[1] as Record<string, unknown>).threshold = 0.33;
    expect(errorsOf(bad)).toEqual(['规则文件 my.json：parts[1].threshold 应为分数，如 {"numerator":1,"denominator":3}（现为 0.33）']);
  });

  it('rejects a threshold of 0 or above 1', () => {
    const zero = good();
    (zero.parts[1] as Record<string, unknown>).threshold = { numerator: 0, denominator: 3 };
    const z = errorsOf(zero);
    expect(z).toHaveLength(1);
    expect(z[0]).toContain('parts[1].threshold.numerator');
    expect(z[0]).toContain('不能为0');
    const over = good();
    (over.parts[1] as Record<string, unknown>).threshold = { numerator: 4, denominator: 3 };
    expect(errorsOf(over)).toEqual([
      '规则文件 my.json：parts[1].threshold 不能大于1（分子4大于分母3），应为分数，如 {"numerator":1,"denominator":3}',
    ]);
    const frac = good();
    (frac.parts[1] as Record<string, unknown>).threshold = { numerator: 1.5, denominator: 3 };
    expect(errorsOf(frac)[0]).toContain('parts[1].threshold.numerator');
  });

  it('rejects an unknown kind, naming it', () => {
    const bad = good();
    (bad.parts[0] as Record<string, unknown>).kind = 'womanPresident';
    const e = errorsOf(bad);
    expect(e).toHaveLength(1);
    expect(e[0]).toContain('parts[0].kind 为 "womanPresident"');
    expect(e[0]).toContain('womenShare');
    const missing = good();
    delete (missing.parts[0] as Partial<(typeof missing.parts)[0]>).kind;
    expect(errorsOf(missing)[0]).toContain('parts[0].kind 缺失');
  });

  it('rejects duplicate part ids', () => {
    const bad = good();
    bad.parts[1].id = 'a';
    expect(errorsOf(bad)).toEqual(['规则文件 my.json：parts[1].id "a" 与 parts[0].id 重复，每项要求的 id 应各不相同']);
  });

  it('rejects unknown fields, unknown committees, empty lists, non-objects and bad JSON text', () => {
    const typo = good();
    (typo.parts[1] as Record<string, unknown>).treshold = 1;
    expect(errorsOf(typo).some((e) => e.includes('parts[1] 含有无法识别的字段 "treshold"'))).toBe(true);
    const committee = good();
    (committee.parts[0] as Record<string, unknown>).committees = ['party', 'supervision'];
    expect(errorsOf(committee)[0]).toContain('parts[0].committees[1] 应为 "party"');
    const empty = good();
    (empty.parts[0] as Record<string, unknown>).committees = [];
    expect(errorsOf(empty)[0]).toContain('parts[0].committees 不能为空');
    expect(errorsOf({ ...good(), parts: [] })[0]).toContain('parts 不能为空');
    expect(errorsOf({ ...good(), parts: ['x'] })[0]).toContain('parts[0]');
    expect(errorsOf([1, 2])[0]).toContain('应为 JSON 对象');
    expect(errorsOf('{"name": 自定义}')[0]).toContain('不是有效的 JSON');
    const badId = good();
    badId.parts[0].id = '女性进班子';
    expect(errorsOf(badId)[0]).toContain('parts[0].id');
    const badEach = good();
    (badEach.parts[0] as Record<string, unknown>).each = 'yes';
    expect(errorsOf(badEach)[0]).toContain('parts[0].each 应为 true');
  });
});

// ---- the village as a whole ----

describe('evaluateVillage', () => {
  it('a compliant village, with counts', () => {
    const v = evaluateVillage(facts({ persons: [...goodCommittee(), ...reps(5, 'female'), ...reps(10, 'male')] }), DEFAULT);
    expect(v).toMatchObject({ township: '青山镇', village: '青山村', ruleSet: '两进一有', status: 'compliant' });
    expect(v.parts.map((p) => p.id)).toEqual(DEFAULT.parts.map((p) => p.id));
    expect(v.parts[0].label).toBe(DEFAULT.parts[0].label);
    expect(v.counts).toEqual({ committeeMembers: 3, committeeWomen: 1, representatives: 15, womenRepresentatives: 5 });
  });

  it('any fail → noncompliant, even with unknowns', () => {
    const men = [person('王强', 'male', { seats: [party()] })];
    const v = evaluateVillage(facts({ representatives: null, persons: men }), DEFAULT);
    expect(v.parts.map((p) => p.outcome)).toEqual(['fail', 'unknown', 'unknown']);
    expect(v.status).toBe('noncompliant');
    expect(v.counts).toEqual({ committeeMembers: 1, committeeWomen: 0, representatives: null, womenRepresentatives: null });
  });

  it('no fail but an unknown → incomplete', () => {
    const v = evaluateVillage(facts({ committees: null, representatives: { total: 30, women: 10 } }), DEFAULT);
    expect(v.status).toBe('incomplete');
    expect(v.counts).toEqual({ committeeMembers: null, committeeWomen: null, representatives: 30, womenRepresentatives: 10 });
  });

  it('counts from a count table', () => {
    const v = evaluateVillage(facts({ committees: { members: 7, women: null, chairSeated: true }, representatives: { total: 30, women: 10 } }), DEFAULT);
    expect(v.counts).toEqual({ committeeMembers: 7, committeeWomen: null, representatives: 30, womenRepresentatives: 10 });
    expect(v.status).toBe('incomplete');
  });

  it('gives a Chinese reason for every outcome under every rule set', () => {
    const scenarios: VillageFacts[] = [
      facts({}),
      facts({ committees: null, representatives: null }),
      facts({ persons: [...goodCommittee(), ...reps(5, 'female'), ...reps(10, 'male')] }),
      facts({ persons: [person('甲', 'male', { seats: [either()], chair: true }), ...reps(1, 'female'), ...reps(9, 'male')] }),
      facts({ persons: [person('乙', 'unknown', { seats: [either()] }), person('丙', 'female', { seats: [either()], chair: true }), ...reps(3, 'unknown')] }),
      facts({ committees: { members: null, women: null, chairSeated: null }, representatives: { total: null, women: null } }),
      facts({ committees: { members: 5, women: 0, chairSeated: false }, representatives: { total: 9, women: 2 } }),
      facts({ committees: { members: 5, women: 2, chairSeated: true }, representatives: { total: 9, women: 3 } }),
    ];
    const seen = new Set<string>();
    for (const rs of BUILTIN_RULE_SETS) {
      for (const f of scenarios) {
        const v = evaluateVillage(f, rs);
        for (const p of v.parts) {
          seen.add(p.outcome);
          expect(p.reason.length, `${rs.name} ${p.id}`).toBeGreaterThan(0);
          expect(p.reason).toMatch(/[\u4e00-\u9fff]/);
          expect(p.label).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
    expect([...seen].sort()).toEqual(['fail', 'pass', 'unknown']);
  });
});

describe('wording helpers', () => {
  it('writes numbers and fractions in Chinese', () => {
    expect([1, 3, 10, 15, 20, 105, 110, 1000].map(chineseNumber)).toEqual(['一', '三', '十', '十五', '二十', '一百零五', '一百一十', '一千']);
    expect(fractionLabel({ numerator: 1, denominator: 3 })).toBe('三分之一');
    expect(fractionLabel({ numerator: 2, denominator: 6 })).toBe('三分之一');
    expect(fractionLabel({ numerator: 2, denominator: 5 })).toBe('五分之二');
    expect(fractionLabel({ numerator: 1, denominator: 2 })).toBe('一半');
    expect(fractionLabel({ numerator: 1, denominator: 4 })).toBe('四分之一');
  });
});

describe('a person whose post may or may not be a seat (seatUnknown)', () => {
  const lyj = () => rules('两进一有');
  const part = (v: ReturnType<typeof evaluateVillage>, id: string) => v.parts.find((p) => p.id === id)!;

  it('a woman with an unknown post keeps "all men" from being a fail', () => {
    const v = evaluateVillage(facts({ persons: [person('张三', 'male', { seats: [party('secretary')] }), person('李芳', 'female', { seatUnknown: true })] }), lyj());
    expect(part(v, 'womanInCommittees').outcome).toBe('unknown');
    expect(part(v, 'womanInCommittees').reason).toContain('李芳');
    expect(part(v, 'womanInCommittees').reason).toContain('职务不明');
    expect(v.counts.committeeMembers).toBe(1);
  });

  it('a man with an unknown post changes nothing: still a fail', () => {
    const v = evaluateVillage(facts({ persons: [person('张三', 'male', { seats: [party('secretary')] }), person('王五', 'male', { seatUnknown: true })] }), lyj());
    expect(part(v, 'womanInCommittees').outcome).toBe('fail');
  });

  it('a known woman with a seat still passes', () => {
    const v = evaluateVillage(facts({ persons: [person('李芳', 'female', { seats: [villagers()] }), person('王五', 'male', { seatUnknown: true })] }), lyj());
    expect(part(v, 'womanInCommittees').outcome).toBe('pass');
  });

  it('a chair whose post is not understood: unknown, not "not on the committees"', () => {
    const v = evaluateVillage(facts({ persons: [person('李芳', 'female', { chair: true, seatUnknown: true })] }), lyj());
    expect(part(v, 'chairInCommittees').outcome).toBe('unknown');
    expect(part(v, 'chairInCommittees').reason).toContain('职务不明');
  });
});
