// The rule sets shipped with the product, as data.
import type { RuleSet } from './ruleset.ts';

export const DEFAULT_RULE_SET_NAME = '两进一有';

const ONE_THIRD = { numerator: 1, denominator: 3 } as const;

const CHAIR_IN_COMMITTEES = {
  id: 'chairInCommittees',
  label: '村妇联主席进村“两委”班子',
  kind: 'chairOnCommittees',
  committees: ['party', 'villagers'],
} as const;

const WOMEN_REPRESENTATIVES_THIRD = {
  id: 'womenRepresentativesThird',
  label: '女性村民代表占三分之一以上',
  kind: 'womenShare',
  population: ['representatives'],
  threshold: ONE_THIRD,
} as const;

/** "两进一有" as county work plans write it: the default. */
const LIANG_JIN_YI_YOU: RuleSet = {
  name: '两进一有',
  description:
    '换届工作方案中的“两进一有”：至少一名女性进村“两委”班子，村妇联主席进村“两委”班子，女性村民代表占三分之一以上。',
  parts: [
    {
      id: 'womanInCommittees',
      label: '至少一名女性进村“两委”班子',
      kind: 'womanOnCommittees',
      committees: ['party', 'villagers'],
      each: false,
    },
    { ...CHAIR_IN_COMMITTEES, committees: [...CHAIR_IN_COMMITTEES.committees] },
    { ...WOMEN_REPRESENTATIVES_THIRD, population: [...WOMEN_REPRESENTATIVES_THIRD.population], threshold: { ...ONE_THIRD } },
  ],
};

/** What the law itself requires (村民委员会组织法 第六条、第二十五条). */
const FA_DING: RuleSet = {
  name: '法定',
  description:
    '《中华人民共和国村民委员会组织法》：村民委员会成员中应当有妇女成员（第六条）；妇女村民代表应当占村民代表会议组成人员的三分之一以上（第二十五条），村民代表会议由村民代表和村民委员会成员组成，同一人只计一次。',
  parts: [
    {
      id: 'womanInVillagersCommittee',
      label: '村民委员会成员中应当有妇女成员',
      kind: 'womanOnCommittees',
      committees: ['villagers'],
      each: false,
    },
    {
      id: 'womenInAssemblyThird',
      label: '妇女村民代表应当占村民代表会议组成人员的三分之一以上',
      kind: 'womenShare',
      population: ['representatives', 'villagersCommittee'],
      threshold: { ...ONE_THIRD },
    },
  ],
};

/** A woman on EACH of the two committees, plus the chair and the representatives' third. */
const MEI_WEI_YI_NV: RuleSet = {
  name: '每委一女',
  description:
    '村党组织委员会和村民委员会各至少有一名女性成员，村妇联主席进村“两委”班子，女性村民代表占三分之一以上。',
  parts: [
    {
      id: 'womanInEachCommittee',
      label: '村党组织委员会和村民委员会各至少有一名女性成员',
      kind: 'womanOnCommittees',
      committees: ['party', 'villagers'],
      each: true,
    },
    { ...CHAIR_IN_COMMITTEES, committees: [...CHAIR_IN_COMMITTEES.committees] },
    { ...WOMEN_REPRESENTATIVES_THIRD, population: [...WOMEN_REPRESENTATIVES_THIRD.population], threshold: { ...ONE_THIRD } },
  ],
};

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The shipped rule sets, the default first. Frozen: copy before changing. */
export const BUILTIN_RULE_SETS: readonly RuleSet[] = deepFreeze([LIANG_JIN_YI_YOU, FA_DING, MEI_WEI_YI_NV]);

/** A shipped rule set by its name (surrounding spaces ignored), or undefined. */
export function findRuleSet(name: string): RuleSet | undefined {
  const wanted = name.trim();
  return BUILTIN_RULE_SETS.find((rs) => rs.name === wanted);
}

/** The default rule set ("两进一有"). */
export function defaultRuleSet(): RuleSet {
  return BUILTIN_RULE_SETS[0];
}
