// Rule sets as data: the types, a zod schema, and a parser that explains errors in Chinese.
import { z } from 'zod';
import type { Committee } from '../model.ts';

/** A threshold as a fraction of positive integers, numerator <= denominator. Compared in integers only. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

/**
 * Who is counted by a `womenShare` part. Entries are united and persons counted once:
 * representatives = 村民代表; villagersCommittee / partyCommittee = members of that committee;
 * committees = members of the two committees together.
 */
export type Population = 'representatives' | 'villagersCommittee' | 'partyCommittee' | 'committees';

export type RulePart =
  /** A known woman holds a seat on the listed committees (together, or on EACH of them when each=true). */
  | { id: string; label: string; kind: 'womanOnCommittees'; committees: Committee[]; each: boolean }
  /** The village women's federation chair holds a seat on one of the listed committees. */
  | { id: string; label: string; kind: 'chairOnCommittees'; committees: Committee[] }
  /** Women are at least `threshold` of the distinct persons in the population. */
  | { id: string; label: string; kind: 'womenShare'; population: Population[]; threshold: Fraction };

export type RulePartKind = RulePart['kind'];

export interface RuleSet {
  name: string;
  description: string;
  parts: RulePart[];
}

export type ParseRuleSetResult = { ok: true; ruleSet: RuleSet } | { ok: false; errors: string[] };

export const RULE_PART_KINDS: readonly RulePartKind[] = ['womanOnCommittees', 'chairOnCommittees', 'womenShare'];
export const COMMITTEES: readonly Committee[] = ['party', 'villagers'];
export const POPULATIONS: readonly Population[] = ['representatives', 'villagersCommittee', 'partyCommittee', 'committees'];

// Bounds on what a hand-written file may hold.
const MAX_PARTS = 50;
const MAX_DENOMINATOR = 1000;
const MAX_TEXT = 500;
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

const committeesSchema = z.array(z.enum(['party', 'villagers'])).min(1).max(2);

const fractionSchema = z.strictObject({
  numerator: z.number().int().min(1).max(MAX_DENOMINATOR),
  denominator: z.number().int().min(1).max(MAX_DENOMINATOR),
});

const partBase = {
  id: z.string().regex(ID_PATTERN).max(64),
  label: z.string().trim().min(1).max(MAX_TEXT),
};

const rulePartSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...partBase,
    kind: z.literal('womanOnCommittees'),
    committees: committeesSchema,
    each: z.boolean().default(false),
  }),
  z.strictObject({
    ...partBase,
    kind: z.literal('chairOnCommittees'),
    committees: committeesSchema,
  }),
  z.strictObject({
    ...partBase,
    kind: z.literal('womenShare'),
    population: z.array(z.enum(['representatives', 'villagersCommittee', 'partyCommittee', 'committees'])).min(1).max(4),
    threshold: fractionSchema,
  }),
]);

/** The schema of a rule-set file. `description` may be omitted (→ ''), `each` too (→ false). */
export const ruleSetSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().max(MAX_TEXT * 4).default(''),
  parts: z.array(rulePartSchema).min(1).max(MAX_PARTS),
});

// Compile-time check that the schema's output is a RuleSet.
type SchemaOutput = z.output<typeof ruleSetSchema>;
const _schemaIsRuleSet = (x: SchemaOutput): RuleSet => x;
void _schemaIsRuleSet;

const FRACTION_EXAMPLE = '{"numerator":1,"denominator":3}';
const KIND_LIST = '"womanOnCommittees"（女性进班子）、"chairOnCommittees"（妇联主席进班子）或 "womenShare"（女性占比）';
const COMMITTEE_LIST = '"party"（村党组织委员会）或 "villagers"（村民委员会）';
const POPULATION_LIST =
  '"representatives"（村民代表）、"villagersCommittee"（村民委员会成员）、"partyCommittee"（村党组织委员会成员）或 "committees"（两委成员）';

/** "parts[1].threshold" from ['parts', 1, 'threshold']. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += (out === '' ? '' : '.') + String(seg);
  }
  return out;
}

function showValue(v: unknown): string {
  if (v === undefined) return '空';
  try {
    const s = JSON.stringify(v);
    if (s === undefined) return String(v);
    return s.length > 60 ? s.slice(0, 57) + '…' : s;
  } catch {
    return String(v);
  }
}

/** What the field at this path should hold, in Chinese. */
function expectedAt(path: readonly PropertyKey[]): string {
  const [a, , c, d] = path;
  if (path.length === 0) return '应为 JSON 对象，包含 name（规则名称）、description（说明）和 parts（各项要求）';
  if (a === 'name') return '应为非空文字（规则名称），不超过100字';
  if (a === 'description') return '应为文字（规则说明）';
  if (a === 'parts' && path.length === 1) return `应为数组，列出1至${MAX_PARTS}项要求`;
  if (a === 'parts' && path.length === 2) return '应为对象，包含 id、label、kind 等字段';
  if (a === 'parts' && path.length >= 3) {
    if (c === 'id') return '应为英文字母开头、由字母数字和下划线组成的标识，如 "womenShare"';
    if (c === 'label') return '应为非空文字（这项要求的中文名称）';
    if (c === 'kind') return `应为 ${KIND_LIST} 之一`;
    if (c === 'committees') return path.length === 3 ? `应为数组，列出 ${COMMITTEE_LIST}` : `应为 ${COMMITTEE_LIST}`;
    if (c === 'each') return '应为 true（每个委员会都要有）或 false（两委合计即可）';
    if (c === 'population') return path.length === 3 ? `应为数组，列出 ${POPULATION_LIST}` : `应为 ${POPULATION_LIST}`;
    if (c === 'threshold') {
      if (d === 'numerator') return `应为1至${MAX_DENOMINATOR}的整数（分子），门槛不能为0`;
      if (d === 'denominator') return `应为1至${MAX_DENOMINATOR}的整数（分母）`;
      return `应为分数，如 ${FRACTION_EXAMPLE}`;
    }
  }
  return '不符合规则文件格式';
}

/** One zod issue → one Chinese sentence, without the file prefix. */
function issueMessage(iss: z.core.$ZodIssue | z.core.$ZodRawIssue): string {
  const path = (iss.path ?? []) as PropertyKey[];
  const where = formatPath(path);
  const subject = where ? `${where} ` : '内容'; // the root has no path
  const hasInput = 'input' in iss && iss.input !== undefined;
  switch (iss.code) {
    case 'unrecognized_keys': {
      const keys = (iss.keys as string[]).map((k) => `"${k}"`).join('、');
      return `${where ? `${where} ` : '顶层'}含有无法识别的字段 ${keys}，请检查拼写`;
    }
    case 'invalid_union': {
      // A discriminated union without a matching kind.
      if ('discriminator' in iss && iss.discriminator === 'kind') {
        const partPath = formatPath(path.slice(0, 2));
        const kind = hasInput && typeof iss.input === 'object' && iss.input !== null ? (iss.input as Record<string, unknown>).kind : undefined;
        return kind === undefined
          ? `${partPath}.kind 缺失，${expectedAt([...path.slice(0, 2), 'kind'])}`
          : `${partPath}.kind 为 ${showValue(kind)}，${expectedAt([...path.slice(0, 2), 'kind'])}`;
      }
      return `${subject}${expectedAt(path)}`;
    }
    default: {
      const expected = expectedAt(path);
      if (!hasInput && iss.code === 'invalid_type') return `${subject}缺失，${expected}`;
      if (iss.code === 'too_small' && 'origin' in iss && iss.origin === 'array') return `${where} 不能为空，${expected}`;
      if (iss.code === 'too_big' && 'origin' in iss && iss.origin === 'array') return `${where} 项数过多，${expected}`;
      const got = hasInput ? `（现为 ${showValue(iss.input)}）` : '';
      return `${subject}${expected}${got}`;
    }
  }
}

/** Checks zod cannot express simply: distinct part ids, threshold <= 1. */
function semanticErrors(rs: RuleSet): string[] {
  const errors: string[] = [];
  const seen = new Map<string, number>();
  rs.parts.forEach((part, i) => {
    const first = seen.get(part.id);
    if (first !== undefined) errors.push(`parts[${i}].id "${part.id}" 与 parts[${first}].id 重复，每项要求的 id 应各不相同`);
    else seen.set(part.id, i);
    if (part.kind === 'womenShare' && part.threshold.numerator > part.threshold.denominator) {
      const { numerator, denominator } = part.threshold;
      errors.push(`parts[${i}].threshold 不能大于1（分子${numerator}大于分母${denominator}），应为分数，如 ${FRACTION_EXAMPLE}`);
    }
  });
  return errors;
}

/**
 * Validates a rule set read from a file. `json` is the parsed value, or the file's text (then parsed here).
 * `origin` names the file in every error message.
 */
export function parseRuleSet(json: unknown, origin: string): ParseRuleSetResult {
  const prefix = `规则文件 ${origin}：`;
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, errors: [`${prefix}不是有效的 JSON 文本，请检查引号（须用英文双引号）、逗号和括号`] };
    }
  }
  const result = ruleSetSchema.safeParse(value, { reportInput: true, error: (iss) => issueMessage(iss) });
  if (!result.success) {
    const messages = result.error.issues.map((iss) => prefix + iss.message);
    return { ok: false, errors: [...new Set(messages)] };
  }
  const ruleSet = result.data as RuleSet;
  const errors = semanticErrors(ruleSet);
  if (errors.length > 0) return { ok: false, errors: errors.map((e) => prefix + e) };
  return { ok: true, ruleSet };
}

// ---- Wording helpers shared with the evaluator and the UI ----

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 0..9999 in Chinese numerals: 3 → 三, 10 → 十, 15 → 十五, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 === 0 ? '' : DIGITS[n % 10]);
  const units = ['', '十', '百', '千'];
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i];
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out !== '') out += '零';
    zero = false;
    out += DIGITS[d] + unit;
  });
  return out;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A threshold in words: 1/3 → 三分之一, 1/2 → 一半, 3/10 → 30%, 1/1 → 全部. */
export function fractionLabel(f: Fraction): string {
  const g = gcd(f.numerator, f.denominator) || 1;
  const n = f.numerator / g;
  const d = f.denominator / g;
  if (n === d) return '全部';
  if (n === 1 && d === 2) return '一半';
  if (d > 9 && 100 % d === 0) return `${(n * 100) / d}%`;
  return `${chineseNumber(d)}分之${chineseNumber(n)}`;
}

export const COMMITTEE_NAMES: Record<Committee, string> = {
  party: '村党组织委员会',
  villagers: '村民委员会',
};
