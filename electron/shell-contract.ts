// What the window may ask of the desktop shell itself (not of the backend): file dialogs, printing a
// report page to PDF, opening the data folder. Pure (zod only), so the renderer imports the types. These
// travel on the same one IPC channel as the backend's operations; their names never collide (tested).

import { z } from 'zod';
import type { ApiResult } from '../shared/api.ts';

/** Kinds of file an export writes; the save dialog filters by it and the suggested name must end in it. */
export const SAVE_KINDS = { xlsx: 'Excel 工作簿', docx: 'Word 文档', pdf: 'PDF 文件', csv: 'CSV 文件', zip: 'ZIP 压缩包' } as const;
export type SaveKind = keyof typeof SAVE_KINDS;

/** A file name as the user would see it in a save dialog: no folders, no characters Windows refuses. */
const fileName = z
  .string()
  .min(1)
  .max(120)
  .refine((s) => !/[\\/:*?"<>|\u0000-\u001f]/.test(s) && s.trim() === s && !/^\.+$/.test(s), { message: 'bad-name' });

/** A route of the renderer's hash router that may be printed: /print/… with plain query characters. */
const PRINT_ROUTE = /^\/print(\/[A-Za-z0-9_-]+)*(\?[A-Za-z0-9_=&%.,:+-]*)?$/;

export function isPrintRoute(route: string): boolean {
  return route.length <= 500 && PRINT_ROUTE.test(route);
}

export const SHELL_SCHEMAS = {
  /** 导入: pick township workbooks (several at once). */
  chooseImportFiles: z.strictObject({}),
  /** 导入: pick a folder; the backend searches it for spreadsheets. */
  chooseImportFolder: z.strictObject({}),
  /** 导出: where to save a report; `suggestedName` must end in the kind's extension. */
  chooseSavePath: z.strictObject({ suggestedName: fileName, kind: z.enum(Object.keys(SAVE_KINDS) as [SaveKind, ...SaveKind[]]) }),
  /** 设置: where to write a backup, or which backup to restore. */
  chooseDatabaseFile: z.strictObject({ purpose: z.enum(['backup', 'restore']) }),
  /** 设置: a county's own rule file (.json). */
  chooseRuleFile: z.strictObject({}),
  /** Prints a route of the renderer (/print/…) to a PDF the user places with a save dialog. */
  printToPdf: z.strictObject({ route: z.string().min(1).max(500).refine(isPrintRoute), suggestedName: fileName }),
  /** Opens the folder holding the database in the system's file manager. */
  openDataFolder: z.strictObject({}),
} as const;

export type ShellOp = keyof typeof SHELL_SCHEMAS;
export const SHELL_OPS = Object.keys(SHELL_SCHEMAS) as ShellOp[];

export type ShellRequests = { [K in ShellOp]: z.infer<(typeof SHELL_SCHEMAS)[K]> };

export interface ShellReplies {
  chooseImportFiles: { paths: string[] };
  chooseImportFolder: { paths: string[] };
  chooseSavePath: { path: string | null };
  chooseDatabaseFile: { path: string | null };
  chooseRuleFile: { path: string | null };
  /** `path` null: the user cancelled the save dialog. */
  printToPdf: { path: string | null; bytes: number };
  openDataFolder: { path: string };
}

export type ShellResult<Op extends ShellOp> = ApiResult<ShellReplies[Op]>;

/** A shell operation that could not be done, with a Chinese message for the window (not a fault of the program). */
export class ShellFailure extends Error {}

const LABEL: Record<ShellOp, string> = {
  chooseImportFiles: '选择要导入的文件',
  chooseImportFolder: '选择要导入的文件夹',
  chooseSavePath: '选择保存位置',
  chooseDatabaseFile: '选择数据库文件',
  chooseRuleFile: '选择规则文件',
  printToPdf: '导出 PDF',
  openDataFolder: '打开数据文件夹',
};

const HINT: Record<string, string> = {
  suggestedName: '应为文件名（不含文件夹，不超过120字，不含 \\ / : * ? " < > |）',
  kind: `应为 ${Object.keys(SAVE_KINDS).join('、')} 之一`,
  purpose: '应为 "backup"（备份）或 "restore"（恢复）',
  route: '应为报告打印页的路径（以 /print 开头，如 /print/report?asOf=2026-12-01）',
};

export function isShellOp(op: unknown): op is ShellOp {
  return typeof op === 'string' && Object.prototype.hasOwnProperty.call(SHELL_SCHEMAS, op);
}

/** Checks a shell request; a bad one gets a Chinese sentence naming the field. Never throws. */
export function validateShellRequest<Op extends ShellOp>(op: Op, args: unknown): { ok: true; value: ShellRequests[Op] } | { ok: false; error: string } {
  const result = SHELL_SCHEMAS[op].safeParse(args === undefined ? {} : args);
  if (result.success) return { ok: true, value: result.data as ShellRequests[Op] };
  const texts = result.error.issues.map((iss) => {
    if (iss.code === 'unrecognized_keys') return `含有无法识别的字段 ${iss.keys.map((k) => `"${k}"`).join('、')}`;
    if (iss.path.length === 0) return '应为一个对象（JSON）';
    const field = String(iss.path[0]);
    return `${field} ${HINT[field] ?? '格式不对'}`;
  });
  return { ok: false, error: `“${LABEL[op]}”请求的参数有误：${[...new Set(texts)].join('；')}` };
}

/** The extension a save of this kind must have; a suggested name without it gets it appended. */
export function withExtension(name: string, kind: SaveKind): string {
  return name.toLowerCase().endsWith(`.${kind}`) ? name : `${name}.${kind}`;
}
