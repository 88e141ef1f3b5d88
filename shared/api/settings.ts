// The settings area of the contract: the rule set in force, ID masking, where the data lives, backup and
// restore of the database. Pure (no node:*).

import { z } from 'zod';
import { emptySchema, pathSchema, type ContractArea } from './common.ts';

/** A county's or an organisation's name: 2–30 characters, no line breaks or characters a file name refuses. */
const reportName = z
  .string()
  .trim()
  .min(2)
  .max(30)
  .regex(/^[^\r\n\t\\/:*?"<>|]+$/u);

/** What every export says when the user never set the names (设置 › 报告署名). */
export const DEFAULT_COUNTY = '本县';
export const DEFAULT_ORGANISATION = '县妇联';

export const settingsArea = {
  schemas: {
    settings: emptySchema,
    /** A built-in rule set by name, or a county's own JSON file (checked, then kept in the database). */
    setRuleSet: z
      .strictObject({ builtin: z.string().min(1).max(100).optional(), file: pathSchema.optional() })
      .refine((v) => (v.builtin === undefined) !== (v.file === undefined), { path: ['builtin'] }),
    setIdMasking: z.strictObject({ maskIds: z.boolean() }),
    /** The county and the reporting organisation every export names (null: back to the default). */
    setReportNames: z.strictObject({ county: reportName.nullable(), organisation: reportName.nullable() }),
    backupDatabase: z.strictObject({ path: pathSchema }),
    /** What a backup file holds, checked as a restore would check it; nothing is changed. */
    inspectBackup: z.strictObject({ path: pathSchema }),
    /** Replaces the database by a backup; the current one is kept as a backup beside it. */
    restoreDatabase: z.strictObject({ path: pathSchema }),
  },
  labels: {
    settings: '设置',
    setRuleSet: '设置规则',
    setIdMasking: '设置身份证号显示方式',
    setReportNames: '设置报告署名',
    backupDatabase: '备份数据库',
    inspectBackup: '检查备份文件',
    restoreDatabase: '恢复数据库',
  },
  hints: {
    builtin: '应为内置规则的名称（如 "两进一有"），或改为给出 file（规则文件的路径），二者只给其一',
    file: '应为规则文件（.json）的路径（非空文字）',
    maskIds: '应为 true（遮盖）或 false（完整显示）',
    county: '应为县（区）名称，2–30 个字，不含换行和 \\ / : * ? " < > | 等字符；不设时为 null',
    organisation: '应为填报单位名称（如“临江县妇联”），2–30 个字，不含换行和 \\ / : * ? " < > | 等字符；不设时为 null',
  },
} satisfies ContractArea<Record<string, z.ZodType>>;

export interface RuleSetInfo {
  name: string;
  description: string;
  /** 'builtin': shipped with the program; 'file': a county's own file, kept in the database. */
  origin: 'builtin' | 'file';
  /** The file it was loaded from (its name only), for 'file'. */
  fileName: string | null;
  parts: Array<{ id: string; label: string }>;
}

export interface Settings {
  ruleSet: RuleSetInfo;
  /** True when this run's rule set was given on the command line (--rules) and not by the setting. */
  ruleSetOverridden: boolean;
  builtinRuleSets: Array<{ name: string; description: string }>;
  /** Villages whose current verdict was made under another rule set: judged again at the next import. */
  villagesUnderOtherRules: number;
  /** Show ID numbers masked (first 6 and last 4): the default, as the PIPL asks. */
  maskIds: boolean;
  /** The names every export uses: as set, or null (then DEFAULT_COUNTY / DEFAULT_ORGANISATION). */
  reportNames: { county: string | null; organisation: string | null };
  data: { path: string; folder: string; bytes: number; schemaVersion: number };
}

export interface BackupReply {
  path: string;
  bytes: number;
  message: string;
}

export interface BackupInspection {
  path: string;
  schemaVersion: number;
  imports: number;
  villages: number;
  lastImportAt: string | null;
  message: string;
}

export interface RestoreReply {
  restoredFrom: string;
  /** Where the database in use before the restore was kept. */
  keptAs: string;
  imports: number;
  villages: number;
  message: string;
}

export interface SettingsReplies {
  settings: Settings;
  setRuleSet: Settings;
  setIdMasking: Settings;
  setReportNames: Settings;
  backupDatabase: BackupReply;
  inspectBackup: BackupInspection;
  restoreDatabase: RestoreReply;
}
