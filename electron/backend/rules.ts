// `--rules NAME|FILE`: a shipped rule set by name, or a county's own JSON file.

import fs from 'node:fs';
import path from 'node:path';
import { findRuleSet, defaultRuleSet, BUILTIN_RULE_SETS } from '../../shared/rules/builtin.ts';
import { parseRuleSet, type RuleSet } from '../../shared/rules/ruleset.ts';

export class RuleSetError extends Error {}

export function resolveRuleSet(nameOrFile: string | undefined): RuleSet {
  if (!nameOrFile) return defaultRuleSet();
  const builtin = findRuleSet(nameOrFile);
  if (builtin) return builtin;
  if (!fs.existsSync(nameOrFile)) {
    const names = BUILTIN_RULE_SETS.map((r) => `“${r.name}”`).join('、');
    throw new RuleSetError(`找不到规则“${nameOrFile}”：内置规则有 ${names}，或给出规则文件（.json）的路径`);
  }
  const origin = path.basename(nameOrFile);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(nameOrFile, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new RuleSetError(`规则文件 ${origin} 不是有效的 JSON：${String((err as Error).message).slice(0, 120)}`);
  }
  const parsed = parseRuleSet(json, origin);
  if (!parsed.ok) throw new RuleSetError(parsed.errors.join('\n'));
  return parsed.ruleSet;
}
