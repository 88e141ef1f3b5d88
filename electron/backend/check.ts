// The check as the CLI (and later the window) runs it: paths → files read in workers → villages judged.

import path from 'node:path';
import { expandInputs, type InputProblem } from './inputs.ts';
import { hashFile } from './context.ts';
import { readFiles, type PoolOptions } from './read-pool.ts';
import { judgeAll, type JudgedVillage } from '../../shared/check.ts';
import type { Finding, VillageInput } from '../../shared/model.ts';
import type { FileReport } from '../../shared/reading/read.ts';
import type { RuleSet } from '../../shared/rules/ruleset.ts';

export interface CheckRun {
  ruleSet: RuleSet;
  files: FileReport[];
  inputProblems: InputProblem[];
  villages: JudgedVillage[];
  findings: Finding[];
}

/**
 * Files of one run with the same content under two names are read once, and a finding says so
 * ("甲.xlsx 与 乙.xlsx 内容相同，只计一次") instead of every part of every village replacing itself.
 */
async function dropSameContent(files: string[]): Promise<{ distinct: string[]; findings: Finding[] }> {
  if (files.length < 2) return { distinct: files, findings: [] };
  const seen = new Map<string, string>();
  const distinct: string[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    let hash: string;
    try {
      ({ hash } = await hashFile(file));
    } catch {
      distinct.push(file); // the reader says what is wrong with it
      continue;
    }
    const first = seen.get(hash);
    if (first === undefined) {
      seen.set(hash, file);
      distinct.push(file);
      continue;
    }
    const name = path.basename(file);
    findings.push({ severity: 'info', code: 'same-content', file: name, sheet: null, row: null, message: `${path.basename(first)} 与 ${name} 内容相同，只计一次` });
  }
  return { distinct, findings };
}

export async function runCheck(paths: readonly string[], ruleSet: RuleSet, pool: PoolOptions = {}): Promise<CheckRun> {
  const { files: found, problems } = expandInputs(paths);
  const { distinct: files, findings: same } = await dropSameContent(found);
  const reads = await readFiles(files.map((p) => ({ path: p })), pool);
  const inputs: VillageInput[] = [];
  const findings: Finding[] = [...same];
  for (const r of reads) {
    inputs.push(...r.inputs);
    findings.push(...r.findings);
  }
  const judged = judgeAll(inputs, ruleSet);
  findings.push(...judged.findings);
  return { ruleSet, files: reads.map((r) => r.report), inputProblems: problems, villages: judged.villages, findings };
}

/** 0: every village compliant; 1: any is not; 2: an input could not be read at all, or nothing was found to check. */
export function exitCodeOf(run: CheckRun): 0 | 1 | 2 {
  if (run.inputProblems.length > 0 || run.files.some((f) => !f.ok) || run.villages.length === 0) return 2;
  return run.villages.every((v) => v.verdict.status === 'compliant') ? 0 : 1;
}
