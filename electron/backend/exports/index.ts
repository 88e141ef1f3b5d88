// The exports area: the report model (the window's preview) and every export, written safely to the
// target the user chose, or, without one, into the backend's temporary exports folder for a download.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { exportBaseName, type ExportKind, type ExportReply, type ExportRequest, type ExportsReplies } from '../../../shared/api/exports.ts';
import type { ReportModel } from '../../../shared/report/model.ts';
import { ApiFailure, type AreaHandlers, type BackendContext } from '../context.ts';
import { reportModel } from './model.ts';
import { complianceWorkbook, townshipWorkbooks } from './xlsx.ts';
import { situationReport } from './docx.ts';
import { reportCsv } from './csv.ts';
import { trainingWorkbook } from './training.ts';
import { templateWorkbook } from './template.ts';
import { writeSafely } from './write-file.ts';

const EXTENSION: Record<Exclude<ExportKind, 'townships'>, string> = { xlsx: '.xlsx', docx: '.docx', csv: '.csv', training: '.xlsx', template: '.xlsx' };
const KIND_LABEL: Record<ExportKind, string> = { xlsx: 'Excel 汇总表', townships: '分乡镇工作簿', docx: 'Word 情况报告', csv: 'CSV 村庄明细', training: '培训名单', template: '填报模板' };

/** The bytes of one single-file export. */
export async function exportBytes(kind: Exclude<ExportKind, 'townships'>, m: ReportModel | null): Promise<Uint8Array> {
  if (kind === 'template') return templateWorkbook();
  if (!m) throw new Error('内部错误：导出该类文件需要报告数据');
  if (kind === 'xlsx') return complianceWorkbook(m);
  if (kind === 'docx') return situationReport(m);
  if (kind === 'csv') return reportCsv(m);
  return trainingWorkbook(m);
}

/** Where exports without a target wait for their download: one folder per backend process. */
export function downloadsDir(): string {
  const dir = path.join(os.tmpdir(), `quota-watch-exports-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The file a downloadId names, or null (ids are UUIDs: never a path). */
export function downloadPath(id: string): string | null {
  if (!/^[0-9a-f-]{36}$/u.test(id)) return null;
  const dir = path.join(downloadsDir(), id);
  if (!fs.existsSync(dir)) return null;
  const [name] = fs.readdirSync(dir);
  return name ? path.join(dir, name) : null;
}

export async function exportReport(ctx: BackendContext, req: ExportRequest): Promise<ExportReply> {
  const model = req.kind === 'template' ? null : reportModel(ctx, req);
  const stamp = model ? model.date : '';
  let target = req.target;
  let downloadId: string | null = null;
  if (!target) {
    downloadId = randomUUID();
    const dir = path.join(downloadsDir(), downloadId);
    fs.mkdirSync(dir);
    target = req.kind === 'townships' ? dir : path.join(dir, `${exportBaseName(req.kind, stamp)}${EXTENSION[req.kind]}`);
  } else if (!path.isAbsolute(target)) {
    throw new ApiFailure('bad-request', `保存位置应为完整路径：${target}`);
  }
  let files: string[];
  if (req.kind === 'townships') files = await townshipWorkbooks(model!, target, req.force === true);
  else {
    if (path.extname(target).toLowerCase() !== EXTENSION[req.kind]) throw new ApiFailure('bad-request', `${KIND_LABEL[req.kind]}应保存为 ${EXTENSION[req.kind]} 文件：${path.basename(target)}`);
    writeSafely(target, await exportBytes(req.kind, model), req.force === true);
    files = [target];
  }
  const ids = model && model.fullIds ? '（含完整身份证号，请妥善保管）' : '';
  return { kind: req.kind, files, downloadId, message: `已导出${KIND_LABEL[req.kind]}${files.length > 1 ? ` ${files.length} 个文件` : ''}${ids}` };
}

export const exportsHandlers: AreaHandlers<keyof ExportsReplies> = {
  report: async (ctx, a) => reportModel(ctx, a),
  exportReport: (ctx, a) => exportReport(ctx, a),
};
