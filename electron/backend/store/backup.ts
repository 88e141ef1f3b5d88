// Backup and restore of the database file. A backup is a consistent copy made with SQLite's online
// backup API while the app runs, written beside its target and renamed into place, so there is never a
// half-written backup. A restore checks the chosen file first (a Quota Watch database, of a version this
// program reads, intact), on a copy staged beside the live file; the live file is replaced by one rename.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema.ts';
import { StoreError } from './errors.ts';
import { sqliteAddon } from './sqlite-addon.ts';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const SIDE_FILES = ['-wal', '-shm', '-journal'];

export interface BackupInfo {
  path: string;
  bytes: number;
}

/** What a file to restore holds, shown before the user confirms. */
export interface RestoreInfo {
  schemaVersion: number;
  imports: number;
  villages: number;
  lastImportAt: string | null;
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return '没有写入权限';
  if (code === 'ENOSPC') return '磁盘空间不足';
  if (code === 'ENOENT') return '文件夹不存在';
  if (code === 'EISDIR') return '这是一个文件夹';
  if (code === 'EBUSY') return '文件正被其他程序使用';
  return '读写失败';
}

/** The live database or one of its side files: never a backup's target or a restore's source. */
function isLiveFile(live: string, file: string): boolean {
  const a = path.resolve(file);
  const b = path.resolve(live);
  const same = (x: string, y: string) => (process.platform === 'win32' || process.platform === 'darwin' ? x.toLowerCase() === y.toLowerCase() : x === y);
  return same(a, b) || SIDE_FILES.some((s) => same(a, b + s));
}

function removeQuietly(file: string): void {
  for (const f of [file, ...SIDE_FILES.map((s) => file + s)]) fs.rmSync(f, { force: true });
}

/** Makes a copy one plain file (no -wal beside it), as a backup should be. */
function toSingleFile(file: string): void {
  const db = new Database(file, sqliteAddon());
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Copies the database `source` (an open connection to the live file) to `target`. The copy is made at
 * `target.tmp-…`, checked, and renamed: `target` is either the old file or the complete backup.
 */
export async function backupDatabase(source: Database.Database, livePath: string, target: string): Promise<BackupInfo> {
  const full = path.resolve(target);
  if (isLiveFile(livePath, full)) throw new StoreError('db-io', full, '不能把备份保存为正在使用的数据库文件本身，请另选位置或文件名。');
  const dir = path.dirname(full);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new StoreError('db-io', full, `无法备份到 ${full}：文件夹 ${dir} 不存在。`);
  if (fs.existsSync(full) && fs.statSync(full).isDirectory()) throw new StoreError('db-io', full, `无法备份到 ${full}：这是一个文件夹，请给出文件名。`);
  const tmp = `${full}.tmp-${process.pid}-${Date.now()}`;
  try {
    await source.backup(tmp);
    toSingleFile(tmp);
    fs.renameSync(tmp, full);
  } catch (err) {
    removeQuietly(tmp);
    if (err instanceof StoreError) throw err;
    throw new StoreError('db-io', full, `备份数据库到 ${full} 失败（${fsReason(err)}），原数据未受影响。`, { cause: err });
  }
  return { path: full, bytes: fs.statSync(full).size };
}

function refuse(file: string, why: string, code: 'db-foreign' | 'db-corrupt' | 'db-too-new' | 'db-open-failed' = 'db-foreign'): StoreError {
  return new StoreError(code, file, `无法从 ${file} 恢复：${why}当前数据未做任何修改。`);
}

/** Checks an open copy: ours, of a version this program reads, intact. Returns what it holds. */
function checkCopy(db: Database.Database, shownAs: string): RestoreInfo {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId !== APPLICATION_ID || version < 1) throw refuse(shownAs, '这不是 Quota Watch 的数据库文件（可能是其他程序的数据库）。');
  if (version > SCHEMA_VERSION) throw refuse(shownAs, `该文件由更新版本的 Quota Watch 创建（数据格式版本 ${version}，本程序只支持到 ${SCHEMA_VERSION}），请先升级 Quota Watch。`, 'db-too-new');
  const rows = db.pragma('integrity_check(5)', { simple: false }) as Array<Record<string, string>>;
  const first = rows.map((r) => Object.values(r)[0]);
  if (!(first.length === 1 && first[0] === 'ok')) throw refuse(shownAs, '文件已损坏（完整性检查未通过）。', 'db-corrupt');
  const one = <T>(sql: string) => db.prepare(sql).get() as T;
  return {
    schemaVersion: version,
    imports: one<{ n: number }>('SELECT count(*) AS n FROM imports').n,
    villages: one<{ n: number }>('SELECT count(DISTINCT village_id) AS n FROM verdicts').n,
    lastImportAt: one<{ t: string | null }>('SELECT max(imported_at) AS t FROM imports').t,
  };
}

/**
 * Stages `candidate` for a restore: copies it (and a -wal beside it) next to the live file, checks the
 * copy, and makes it one plain file. The candidate itself is only read. Throws StoreError with a
 * Chinese message when the file cannot be restored; nothing is left behind then.
 */
export function stageRestore(candidate: string, livePath: string): { staged: string; info: RestoreInfo } {
  const src = path.resolve(candidate);
  if (isLiveFile(livePath, src)) throw refuse(src, '这就是正在使用的数据库文件。');
  let st: fs.Stats;
  try {
    st = fs.statSync(src);
  } catch {
    throw refuse(src, '找不到该文件。', 'db-open-failed');
  }
  if (!st.isFile()) throw refuse(src, '这不是一个文件。', 'db-open-failed');
  const head = Buffer.alloc(SQLITE_HEADER.length);
  try {
    const fd = fs.openSync(src, 'r');
    try {
      fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    throw refuse(src, `无法读取该文件（${fsReason(err)}）。`, 'db-open-failed');
  }
  if (st.size < 100 || !head.equals(SQLITE_HEADER)) throw refuse(src, '这不是数据库文件。');

  const staged = `${path.resolve(livePath)}.restore-${process.pid}-${Date.now()}`;
  try {
    fs.copyFileSync(src, staged);
    if (fs.existsSync(src + '-wal')) fs.copyFileSync(src + '-wal', staged + '-wal');
  } catch (err) {
    removeQuietly(staged);
    throw refuse(src, `无法复制该文件到数据文件夹（${fsReason(err)}）。`, 'db-open-failed');
  }
  let db: Database.Database | null = null;
  try {
    db = new Database(staged, { fileMustExist: true, ...sqliteAddon() });
    const info = checkCopy(db, src);
    db.pragma('journal_mode = DELETE');
    db.close();
    db = null;
    return { staged, info };
  } catch (err) {
    db?.close();
    removeQuietly(staged);
    if (err instanceof StoreError) throw err;
    throw refuse(src, '文件已损坏或不是数据库文件。', 'db-corrupt');
  }
}

/**
 * Puts a staged copy in place of the live file. Call with every connection to the live file closed.
 * Refuses (leaving the live file as it is) when a -wal remains beside it: another program has it open.
 */
export function swapInRestore(staged: string, livePath: string): void {
  const live = path.resolve(livePath);
  if (fs.existsSync(live + '-wal') && fs.statSync(live + '-wal').size > 0) {
    removeQuietly(staged);
    throw new StoreError('db-locked', live, `数据库文件 ${live} 正被另一个程序（或另一个 Quota Watch）使用，无法恢复。请关闭其他程序后重试；当前数据未做任何修改。`);
  }
  for (const s of SIDE_FILES) fs.rmSync(live + s, { force: true });
  try {
    fs.renameSync(staged, live);
  } catch (err) {
    removeQuietly(staged);
    throw new StoreError('db-io', live, `无法替换数据库文件 ${live}（${fsReason(err)}），当前数据未做任何修改。`, { cause: err });
  }
}

/** Where the current database is kept before a restore replaces it. */
export function beforeRestorePath(livePath: string, now: Date): string {
  const live = path.resolve(livePath);
  let target = `${live}.before-restore-${stamp(now)}`;
  for (let i = 2; fs.existsSync(target); i++) target = `${live}.before-restore-${stamp(now)}-${i}`;
  return target;
}

/** Discards a staged copy the user did not confirm. */
export function discardStaged(staged: string): void {
  removeQuietly(staged);
}
