// One township's part of the report: its figures, villages and findings only, for the workbook sent
// back to it for correction. Pure.

import { townshipKey } from '../places.ts';
import type { ReportModel } from './model.ts';
import { titleOf } from './build.ts';

export function modelForTownship(model: ReportModel, township: string): ReportModel {
  const key = townshipKey(township);
  const mine = <T extends { township?: string }>(x: T) => x.township !== undefined && townshipKey(x.township) === key;
  const line = model.townships.find(mine);
  if (!line) throw new Error(`报告中没有乡镇“${township}”`);
  const files = new Set(model.villages.filter(mine).flatMap((v) => v.files));
  return {
    ...model,
    scope: line.township,
    title: titleOf(line.township, '情况表'),
    townships: [line],
    total: line,
    noncompliant: model.noncompliant.filter(mine),
    incomplete: model.incomplete.filter(mine),
    notReported: model.notReported.filter(mine),
    villages: model.villages.filter(mine),
    // A finding names its township, or else the file it came from is one of the township's.
    findings: model.findings.filter((f) => (f.township ? townshipKey(f.township) === key : files.has(f.file))),
    women: model.women.filter(mine),
    womenUnnamed: model.womenUnnamed.filter(mine),
  };
}
