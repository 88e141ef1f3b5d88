// The imports area of the contract: previewing, committing and undoing imports. Pure (no node:*).

import { z } from 'zod';
import type { VillageStatus } from '../model.ts';
import type { FileReport } from '../reading/read.ts';
import type { TableLayout } from '../reading/corrections.ts';
import { tableLayoutSchema } from './layouts.ts';
import type { VillageJson } from '../summary.ts';
import { MAX_PATHS, emptySchema, pathSchema, type ChangeKind, type ContractArea, type FindingJson, type ImportInfo } from './common.ts';

export interface ImportProgress {
  phase: 'hashing' | 'reading' | 'storing' | 'judging' | 'done';
  filesDone: number;
  filesTotal: number;
  file: string | null;
  /** Sheets read so far (known once a file is read). */
  sheets: number;
  /** Data rows read (reading) or person rows written (storing). */
  rows: number;
  rowsTotal: number | null;
  villages: number;
}

/** One file's corrections: a layout per table, by table id (shared/reading/corrections.ts). */
export type SheetOverrides = TableLayout[];


const sheetOverridesSchema = z.array(tableLayoutSchema).max(1000);

const importRequestSchema = z.strictObject({
  paths: z.array(pathSchema).min(1).max(MAX_PATHS),
  /** Corrections from the preview, by file path. */
  overrides: z.record(pathSchema, sheetOverridesSchema).optional(),
});

export type ImportRequest = z.output<typeof importRequestSchema>;

export const importsArea = {
  schemas: {
    previewImport: importRequestSchema,
    commitImport: z.strictObject({ previewId: z.string().min(1).max(100) }),
    importFiles: importRequestSchema,
    undoLastImport: emptySchema,
    imports: emptySchema,
  },
  labels: {
    previewImport: '预览导入',
    commitImport: '确认导入',
    importFiles: '导入',
    undoLastImport: '撤销上次导入',
    imports: '导入记录',
  },
  hints: {
    paths: `应为文件或文件夹路径的列表（1至${MAX_PATHS}项，每项为非空文字）`,
    overrides: '应为按文件路径给出的各表读法更正（表编号、表头行、各列含义）',
    columns: '应为各列的列序号（从0起）和含义',
    headerRows: '应为表头所在行号（从1起，与Excel中一致）的列表',
    previewId: '应为预览时返回的编号',
  },
} satisfies ContractArea<Record<string, z.ZodType>>;

export interface ImportsReplies {
  previewImport: ImportReport;
  commitImport: ImportReport;
  importFiles: ImportReport;
  undoLastImport: UndoReply;
  imports: ImportInfo[];
}

export type FileOutcome = 'imported' | 'duplicate' | 'unreadable' | 'empty';

export interface ImportFileResult {
  path: string;
  name: string;
  hash: string | null; // sha256, hex; null when the file could not be read
  size: number;
  outcome: FileOutcome;
  /** Chinese, e.g. "读取了 6 个村的数据" or "已导入过（与 3 月 2 日导入的 白沙镇.xlsx 内容相同）". */
  message: string;
  duplicateOf: { file: string; importedAt: string | null; importId: number | null } | null;
  villages: number;
  rows: number;
  /** How each sheet was read (for the preview); null for a duplicate, which is not read again. */
  report: FileReport | null;
}

export interface ImportVillage extends VillageJson {
  villageId: number | null; // null in a preview for a village the store does not know yet
  before: VillageStatus | null; // null: not reported before
  change: ChangeKind;
  /** Why it is as it is: reasons of the parts that do not pass. */
  why: string[];
}

export interface ImportReport {
  /** Set by previewImport: pass it to commitImport to save exactly what was shown. */
  previewId: string | null;
  /** Set by a commit; null when nothing new was stored (every file a duplicate or unreadable). */
  importId: number | null;
  importedAt: string | null;
  ruleSet: string;
  files: ImportFileResult[];
  inputProblems: Array<{ path: string; message: string }>;
  /** The villages the import judges again, with their new verdicts. */
  villages: ImportVillage[];
  persons: number;
  findings: FindingJson[];
  message: string; // Chinese one-line summary
}

export interface UndoReply {
  undone: ImportInfo;
  /** Each village the import had judged, and its status now (null: no longer reported). */
  villages: Array<{ villageId: number | null; township: string; village: string; undoneStatus: VillageStatus; nowStatus: VillageStatus | null }>;
  message: string;
}

