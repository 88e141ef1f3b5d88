// The check as the CLI (and later the window) runs it: paths → files read in workers → villages judged.

import { expandInputs, type InputProblem } from './inputs.ts';
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

export async function runCheck(paths: readonly string[], ruleSet: RuleSet, pool: PoolOptions = {}): Promise<CheckRun> {
  const { files, problems } = expandInputs(paths);
  const reads = await readFiles(files.map((p) => ({ path: p })), pool);
  const inputs: VillageInput[] = [];
  const findings: Finding[] = [];
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
