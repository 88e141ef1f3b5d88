// The settings area: the rule set in force, ID masking, where the data lives, backup and restore.

import fs from 'node:fs';
import path from 'node:path';
import { BUILTIN_RULE_SETS } from '../../../shared/rules/builtin.ts';
import type { BackupInspection, BackupReply, RestoreReply, Settings, SettingsReplies } from '../../../shared/api/settings.ts';
import type { AreaHandlers, BackendContext } from '../context.ts';
import { backupDatabase, beforeRestorePath, discardStaged, stageRestore, swapInRestore } from '../store/backup.ts';
import { readSetting, writeSetting } from '../store/settings.ts';
import { chooseRuleSet, ruleSetInfo, storeRuleSet } from './rule-set.ts';

const MASK_KEY = 'maskIds';
const NAMES_KEY = 'reportNames';

type ReportNames = Settings['reportNames'];

/** The county and organisation names as set in 设置 (null where never set). */
export function reportNames(db: Parameters<typeof readSetting>[0]): ReportNames {
  const v = readSetting<Partial<ReportNames>>(db, NAMES_KEY);
  return { county: typeof v?.county === 'string' ? v.county : null, organisation: typeof v?.organisation === 'string' ? v.organisation : null };
}

function fileBytes(file: string): number {
  let n = 0;
  for (const f of [file, `${file}-wal`]) {
    try {
      n += fs.statSync(f).size;
    } catch {
      // absent: nothing to count
    }
  }
  return n;
}

export async function settings(ctx: BackendContext): Promise<Settings> {
  return ctx.store.read((q) => {
    const db = q.db;
    const other = db.prepare(
      `SELECT count(*) AS n FROM verdicts v WHERE v.id = (SELECT max(id) FROM verdicts w WHERE w.village_id = v.village_id) AND v.rule_set <> ?`,
    ).get(ctx.ruleSet.name) as { n: number };
    return {
      ruleSet: ruleSetInfo(db, ctx.ruleSet),
      ruleSetOverridden: ctx.ruleSetOverridden,
      builtinRuleSets: BUILTIN_RULE_SETS.map((r) => ({ name: r.name, description: r.description })),
      villagesUnderOtherRules: other.n,
      maskIds: readSetting<boolean>(db, MASK_KEY) !== false,
      reportNames: reportNames(db),
      data: {
        path: ctx.store.path,
        folder: path.dirname(ctx.store.path),
        bytes: fileBytes(ctx.store.path),
        schemaVersion: db.pragma('user_version', { simple: true }) as number,
      },
    };
  });
}

export async function setRuleSet(ctx: BackendContext, req: { builtin?: string; file?: string }): Promise<Settings> {
  const { ruleSet, stored } = chooseRuleSet(req);
  await ctx.store.write((w) => storeRuleSet(w.db, stored));
  ctx.setRuleSet(ruleSet);
  return settings(ctx);
}

export async function setIdMasking(ctx: BackendContext, req: { maskIds: boolean }): Promise<Settings> {
  await ctx.store.write((w) => writeSetting(w.db, MASK_KEY, req.maskIds));
  return settings(ctx);
}

export async function setReportNames(ctx: BackendContext, req: ReportNames): Promise<Settings> {
  await ctx.store.write((w) => writeSetting(w.db, NAMES_KEY, req));
  return settings(ctx);
}

export async function backup(ctx: BackendContext, req: { path: string }): Promise<BackupReply> {
  const done = await backupDatabase(ctx.store.reader.db, ctx.store.path, req.path);
  return { ...done, message: `已备份数据库到 ${done.path}（${(done.bytes / 1024 / 1024).toFixed(1)} MB）` };
}

export async function inspectBackup(ctx: BackendContext, req: { path: string }): Promise<BackupInspection> {
  const { staged, info } = stageRestore(req.path, ctx.store.path);
  discardStaged(staged);
  return {
    path: path.resolve(req.path),
    ...info,
    message: `备份文件可以恢复：含 ${info.imports} 次导入、${info.villages} 个村${info.lastImportAt ? `，最近一次导入于 ${info.lastImportAt.slice(0, 10)}` : ''}`,
  };
}

/**
 * Replaces the database by a backup: the file is checked on a staged copy first, the current database
 * is backed up beside itself, then the copy takes its place by one rename. If the restored file cannot
 * be opened, the kept one is put back.
 */
export async function restore(ctx: BackendContext, req: { path: string }): Promise<RestoreReply> {
  const live = ctx.store.path;
  const { staged, info } = stageRestore(req.path, live);
  let keptAs: string;
  try {
    keptAs = (await backupDatabase(ctx.store.reader.db, live, beforeRestorePath(live, ctx.now()))).path;
  } catch (err) {
    discardStaged(staged);
    throw err;
  }
  await ctx.replaceStore(
    () => swapInRestore(staged, live),
    () => fs.copyFileSync(keptAs, live),
  );
  const from = path.resolve(req.path);
  return {
    restoredFrom: from,
    keptAs,
    imports: info.imports,
    villages: info.villages,
    message: `已从 ${path.basename(from)} 恢复数据库（${info.imports} 次导入、${info.villages} 个村）；恢复前的数据已另存为 ${keptAs}`,
  };
}

export const settingsHandlers: AreaHandlers<keyof SettingsReplies> = {
  settings: (ctx) => settings(ctx),
  setRuleSet: (ctx, a) => setRuleSet(ctx, a),
  setIdMasking: (ctx, a) => setIdMasking(ctx, a),
  setReportNames: (ctx, a) => setReportNames(ctx, a),
  backupDatabase: (ctx, a) => backup(ctx, a),
  inspectBackup: (ctx, a) => inspectBackup(ctx, a),
  restoreDatabase: (ctx, a) => restore(ctx, a),
};
