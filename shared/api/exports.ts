// The exports area of the contract: the report model (the window's preview) and every export the
// county makes (Excel, per-township workbooks, Word, CSV, the training list, the blank template). Pure.

import { z } from 'zod';
import type { ReportModel } from '../report/model.ts';
import { pathSchema, type ContractArea } from './common.ts';

export type { ReportModel } from '../report/model.ts';

const asOfSchema = z.union([z.number().int().positive(), z.string().trim().min(1).max(40)]);
const nameSchema = z.string().trim().min(1).max(60);

export const EXPORT_KINDS = ['xlsx', 'townships', 'docx', 'csv', 'training', 'template'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The name every export is saved under by default, the PDF's included: one place for the backend and the window. */
export const EXPORT_FILE_NAMES: Record<ExportKind | 'pdf', string> = {
  xlsx: '“两进一有”情况汇总表',
  townships: '分乡镇情况表',
  docx: '“两进一有”落实情况的报告',
  pdf: '“两进一有”情况报告',
  csv: '村庄明细',
  training: '女性两委成员培训名单',
  template: '换届名单填报模板',
};

/** A default name with the report's date: "村庄明细（2026-12-04）"; the template has no date. */
export function exportBaseName(kind: ExportKind | 'pdf', date: string | null): string {
  return `${EXPORT_FILE_NAMES[kind]}${kind !== 'template' && date ? `（${date}）` : ''}`;
}

export const exportsArea = {
  schemas: {
    report: z.strictObject({ asOf: asOfSchema.optional(), fullIds: z.boolean().optional(), county: nameSchema.optional(), organisation: nameSchema.optional() }),
    exportReport: z.strictObject({
      kind: z.enum(EXPORT_KINDS),
      target: pathSchema.optional(),
      asOf: asOfSchema.optional(),
      fullIds: z.boolean().optional(),
      force: z.boolean().optional(),
      county: nameSchema.optional(),
      organisation: nameSchema.optional(),
    }),
  },
  labels: { report: '报告预览', exportReport: '导出报告' },
  hints: {
    asOf: '应为导入编号（正整数）或日期（如 "2026-12-01"）',
    fullIds: '应为 true 或 false（是否导出完整身份证号）',
    kind: '应为 "xlsx"、"townships"、"docx"、"csv"、"training" 或 "template"',
    target: '应为保存位置的完整路径（文件；分乡镇导出时为文件夹）',
    force: '应为 true 或 false（是否覆盖已有文件）',
    county: '应为县（区）名称',
    organisation: '应为填报单位名称',
  },
} satisfies ContractArea<Record<string, z.ZodType>>;

export type ReportRequest = z.output<(typeof exportsArea.schemas)['report']>;
export type ExportRequest = z.output<(typeof exportsArea.schemas)['exportReport']>;

export interface ExportReply {
  kind: ExportKind;
  /** The files written (one per township for 'townships'). */
  files: string[];
  /** Set when no target was given: the file waits in the backend's exports folder for the window's download. */
  downloadId: string | null;
  message: string;
}

export interface ExportsReplies {
  report: ReportModel;
  exportReport: ExportReply;
}
