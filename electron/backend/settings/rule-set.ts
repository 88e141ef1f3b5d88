// The rule set in force, as a setting: a built-in one by name, or a county's own file kept whole in the
// database (the file itself may be moved or deleted afterwards). Read when the backend opens.

import path from 'node:path';
import type Database from 'better-sqlite3';
import { BUILTIN_RULE_SETS, findRuleSet } from '../../../shared/rules/builtin.ts';
import { parseRuleSet, type RuleSet } from '../../../shared/rules/ruleset.ts';
import type { RuleSetInfo } from '../../../shared/api/settings.ts';
import { ApiFailure } from '../context.ts';
import { resolveRuleSet, RuleSetError } from '../rules.ts';
import { readSetting, writeSetting } from '../store/settings.ts';

const KEY = 'ruleSet';

/** As stored: a built-in name, or the county's rule set itself with the name of the file it came from. */
export type StoredRuleSet = { builtin: string } | { fileName: string; ruleSet: RuleSet };

/** The rule set the stored setting names, or null when none is set (or it no longer reads). */
export function storedRuleSet(db: Database.Database): RuleSet | null {
  const s = readSetting<StoredRuleSet>(db, KEY);
  if (!s) return null;
  if ('builtin' in s) return findRuleSet(s.builtin) ?? null;
  const parsed = parseRuleSet(JSON.stringify(s.ruleSet), s.fileName);
  return parsed.ok ? parsed.ruleSet : null;
}

export function ruleSetInfo(db: Database.Database, inForce: RuleSet): RuleSetInfo {
  const s = readSetting<StoredRuleSet>(db, KEY);
  const fromFile = s && 'fileName' in s && s.ruleSet.name === inForce.name ? s.fileName : null;
  const builtin = BUILTIN_RULE_SETS.some((r) => r.name === inForce.name && fromFile === null);
  return {
    name: inForce.name,
    description: inForce.description,
    origin: builtin ? 'builtin' : 'file',
    fileName: fromFile,
    parts: inForce.parts.map((p) => ({ id: p.id, label: p.label })),
  };
}

/** Checks the requested rule set (a clear Chinese message when it is not one) and what to store for it. */
export function chooseRuleSet(req: { builtin?: string; file?: string }): { ruleSet: RuleSet; stored: StoredRuleSet } {
  if (req.builtin !== undefined) {
    const ruleSet = findRuleSet(req.builtin);
    if (!ruleSet) {
      const names = BUILTIN_RULE_SETS.map((r) => `“${r.name}”`).join('、');
      throw new ApiFailure('bad-request', `没有名为“${req.builtin.slice(0, 40)}”的内置规则；内置规则有 ${names}`);
    }
    return { ruleSet, stored: { builtin: ruleSet.name } };
  }
  const file = req.file!;
  if (path.extname(file).toLowerCase() !== '.json') throw new ApiFailure('bad-request', `规则文件 ${path.basename(file)} 应为 .json 文件`);
  let ruleSet: RuleSet;
  try {
    ruleSet = resolveRuleSet(file);
  } catch (err) {
    if (err instanceof RuleSetError) throw new ApiFailure('bad-request', err.message);
    throw err;
  }
  if (findRuleSet(ruleSet.name)) {
    throw new ApiFailure('bad-request', `规则文件 ${path.basename(file)} 的名称“${ruleSet.name}”与内置规则重名，请在文件的 "name" 中另起一个名称（如“本县方案”）`);
  }
  return { ruleSet, stored: { fileName: path.basename(file), ruleSet } };
}

export function storeRuleSet(db: Database.Database, stored: StoredRuleSet): void {
  writeSetting(db, KEY, stored);
}
