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
  let text: string;
  try {
    if (fs.statSync(nameOrFile).size > 1024 * 1024) throw new RuleSetError(`规则文件 ${origin} 超过 1 MB，不像规则文件`);
    text = fs.readFileSync(nameOrFile, 'utf8');
  } catch (err) {
    if (err instanceof RuleSetError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new RuleSetError(`无法读取规则文件 ${origin}：${code === 'EISDIR' ? '这是文件夹，不是文件' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : '读取失败'}`);
  }
  // parseRuleSet reads the JSON text itself, with a Chinese message when it is not JSON.
  const parsed = parseRuleSet(text, origin);
  if (!parsed.ok) throw new RuleSetError(parsed.errors.join('\n'));
  return parsed.ruleSet;
}
