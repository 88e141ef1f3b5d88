// Opening the database file: refuse what must not be touched (corrupt, read-only, another program's,
// from a newer version) before SQLite writes a single byte, then WAL + FULL sync + foreign keys, and
// migrations by user_version, each in one transaction, after a backup copy of an existing file.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema.ts';
import { sqliteAddon } from './sqlite-addon.ts';
import { DbCorruptError, DbForeignError, DbOpenError, DbReadOnlyError, DbTooNewError, mapDbError } from './errors.ts';

export interface OpenOptions {
  /** How long to wait for another connection's lock before giving up (DbLockedError). */
  busyTimeoutMs?: number;
  /** Integrity check on open: 'quick' (default) reads every page cheaply; 'full' also checks indexes. */
  verify?: 'quick' | 'full' | 'none';
  /** Migrate only up to this version (tests build files of an older version with it). */
  targetVersion?: number;
  now?: () => Date;
}

export interface OpenedDb {
  db: Database.Database;
  path: string;
  created: boolean;
  /** The version the file had before migrating, when it was migrated. */
  migratedFrom: number | null;
  backupPath: string | null;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/**
 * What can be told from the file system alone, before SQLite opens the file. Root ignores permission
 * bits, so the write bits themselves are checked: a file whose owner, group and others may not write
 * was made read-only on purpose (chmod a-w, or Windows' read-only attribute) and is honoured as such.
 */
function inspectFile(file: string): { exists: boolean; empty: boolean } {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, empty: true };
    throw new DbOpenError(file, `无法访问该文件（${(err as NodeJS.ErrnoException).code ?? String(err)}）`, { cause: err });
  }
  if (st.isDirectory()) throw new DbOpenError(file, '这是一个文件夹，不是数据库文件');
  if (!st.isFile()) throw new DbOpenError(file, '不是普通文件');
  if ((st.mode & 0o222) === 0) throw new DbReadOnlyError(file, '文件属性为只读');
  try {
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (err) {
    throw new DbReadOnlyError(file, '当前用户没有写入权限', { cause: err });
  }
  if (st.size === 0) return { exists: true, empty: true };
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (st.size < 100 || !head.equals(SQLITE_HEADER)) throw new DbCorruptError(file, '文件开头不是 SQLite 数据库的标志');
  return { exists: true, empty: false };
}

/** WAL needs to create the -wal and -shm files beside the database. */
function checkFolder(file: string, exists: boolean): void {
  const dir = path.dirname(file);
  if (!exists) {
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new DbOpenError(file, `无法创建文件夹 ${dir}（${(err as NodeJS.ErrnoException).code ?? String(err)}）`, { cause: err });
    }
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    throw new DbReadOnlyError(file, `所在文件夹 ${dir} 不可写`, { cause: err });
  }
}

function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Copies the whole database (a consistent snapshot, WAL included) next to it before a migration. */
function backupBeforeMigration(db: Database.Database, file: string, fromVersion: number, now: Date): string {
  let target = `${file}.v${fromVersion}-backup-${stamp(now)}`;
  for (let i = 2; fs.existsSync(target); i++) target = `${file}.v${fromVersion}-backup-${stamp(now)}-${i}`;
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (err) {
    throw new DbOpenError(file, `升级数据格式前备份失败（${String((err as Error).message).slice(0, 100)}），未做任何修改`, { cause: err });
  }
  return target;
}

function migrate(db: Database.Database, file: string, target: number): void {
  for (const m of MIGRATIONS) {
    if (m.version > target) break;
    const step = db.transaction(() => {
      const current = userVersion(db);
      if (current >= m.version) return; // another process got here first
      if (current !== m.version - 1) throw new DbOpenError(file, `数据格式版本 ${current} 无法直接升级到 ${m.version}`);
      m.up(db);
      if (m.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    });
    try {
      step.immediate();
    } catch (err) {
      if (err instanceof DbOpenError || (err as { code?: string })?.code?.startsWith('SQLITE_BUSY')) throw err;
      throw new DbOpenError(file, `升级数据格式（第 ${m.version} 步“${m.name}”）失败，已撤回该步，文件仍为版本 ${m.version - 1}：${String((err as Error)?.message ?? err).slice(0, 120)}`, { cause: err });
    }
  }
}

/** Opens (creating when absent) and migrates the database at `file`. Throws StoreError subclasses. */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDb {
  const full = path.resolve(file);
  const target = options.targetVersion ?? SCHEMA_VERSION;
  const { exists, empty } = inspectFile(full);
  checkFolder(full, exists);
  let db: Database.Database;
  try {
    db = new Database(full, { timeout: options.busyTimeoutMs ?? 5000, ...sqliteAddon() });
  } catch (err) {
    throw mapDbError(err, full);
  }
  try {
    // Read-only questions first: nothing is written to a file that turns out not to be ours.
    const version = userVersion(db);
    if (version > SCHEMA_VERSION) throw new DbTooNewError(full, version, SCHEMA_VERSION);
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (tables > 0 && (appId !== APPLICATION_ID || version === 0)) throw new DbForeignError(full);
    if (tables > 0 && options.verify !== 'none') {
      const rows = db.pragma(options.verify === 'full' ? 'integrity_check(20)' : 'quick_check(20)', { simple: false }) as Array<Record<string, string>>;
      const first = rows.map((r) => Object.values(r)[0]);
      if (!(first.length === 1 && first[0] === 'ok')) throw new DbCorruptError(full, `完整性检查未通过：${first.slice(0, 2).join('；').slice(0, 160)}`);
    }

    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // After a 200,000-person import the WAL file is tens of MB; give the space back once checkpointed.
    db.pragma('journal_size_limit = 67108864');

    let migratedFrom: number | null = null;
    let backupPath: string | null = null;
    if (version < target) {
      if (version > 0) backupPath = backupBeforeMigration(db, full, version, (options.now ?? (() => new Date()))());
      migrate(db, full, target);
      migratedFrom = version;
    }
    return { db, path: full, created: !exists || empty, migratedFrom: version > 0 ? migratedFrom : null, backupPath };
  } catch (err) {
    try {
      db.close();
    } catch {
      /* already failing: the first error is the one to report */
    }
    throw mapDbError(err, full);
  }
}

/** A second connection to an open database, for queries while an import holds the writer. */
export function openReader(file: string, busyTimeoutMs = 5000): Database.Database {
  try {
    const db = new Database(file, { timeout: busyTimeoutMs, fileMustExist: true, ...sqliteAddon() });
    db.pragma('foreign_keys = ON');
    db.pragma('query_only = ON');
    return db;
  } catch (err) {
    throw mapDbError(err, file);
  }
}
