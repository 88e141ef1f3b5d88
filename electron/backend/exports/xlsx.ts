// The Excel compliance report (ExcelJS): 汇总, 不达标村, 数据不全村, 未报送村, 村庄明细, 数据问题, each a
// table of shared/report/tables.ts under the report's title. Also the per-township workbooks.

import path from 'node:path';
import fs from 'node:fs';
import type { ReportModel } from '../../../shared/report/model.ts';
import { reportTables, subtitleOf } from '../../../shared/report/tables.ts';
import { modelForTownship } from '../../../shared/report/township.ts';
import { ApiFailure } from '../context.ts';
import { addTableSheet, newWorkbook, workbookBytes } from './xlsx-kit.ts';
import { checkTarget, writeSafely } from './write-file.ts';

export async function complianceWorkbook(m: ReportModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  for (const t of reportTables(m)) {
    addTableSheet(wb, { ...t, subtitle: subtitleOf(m) });
  }
  return workbookBytes(wb);
}

/** A file name from a township's name: no characters Windows refuses. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\x00-\x1f]/gu, '_').slice(0, 80) || '未命名';
}

/** One workbook per township into `dir`: its villages and findings only, to send back for correction. */
export async function townshipWorkbooks(m: ReportModel, dir: string, force: boolean): Promise<string[]> {
  if (!path.isAbsolute(dir)) throw new ApiFailure('bad-request', `保存位置应为完整路径：${dir}`);
  fs.mkdirSync(dir, { recursive: true });
  const targets = m.townships.map((t) => ({ township: t.township, file: path.join(dir, `${safeFileName(t.township)}“两进一有”情况表（${m.date}）.xlsx`) }));
  // Refuse before writing any, so that a folder is never left half replaced.
  for (const t of targets) checkTarget(t.file, force);
  const written: string[] = [];
  for (const t of targets) {
    writeSafely(t.file, await complianceWorkbook(modelForTownship(m, t.township)), force);
    written.push(t.file);
  }
  return written;
}
