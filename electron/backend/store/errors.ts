// Typed failures of the database file. Each carries a Chinese message that names the file, so every
// transport (window, HTTP, CLI) can show it as is; `code` lets a caller react without parsing text.

export type StoreErrorCode = 'db-corrupt' | 'db-readonly' | 'db-locked' | 'db-too-new' | 'db-foreign' | 'db-open-failed' | 'db-io' | 'db-missing';

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly path: string;
  constructor(code: StoreErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
    this.path = path;
  }
}

export class DbCorruptError extends StoreError {
  constructor(path: string, detail?: string, options?: { cause?: unknown }) {
    super(
      'db-corrupt',
      path,
      `数据库文件 ${path} 已损坏或不是数据库文件${detail ? `（${detail}）` : ''}。为保护原有数据，程序不会修改或覆盖该文件；请从备份恢复，或用 --db 指定另一个文件。`,
      options,
    );
    this.name = 'DbCorruptError';
  }
}

export class DbReadOnlyError extends StoreError {
  constructor(path: string, detail?: string, options?: { cause?: unknown }) {
    super('db-readonly', path, `数据库文件 ${path} 是只读的${detail ? `（${detail}）` : ''}，无法保存导入结果。请取消该文件（或所在文件夹）的只读属性后重试。`, options);
    this.name = 'DbReadOnlyError';
  }
}

export class DbLockedError extends StoreError {
  constructor(path: string, options?: { cause?: unknown }) {
    super('db-locked', path, `数据库文件 ${path} 正被另一个程序（或另一个 Quota Watch 窗口）使用，暂时无法写入。请关闭其他程序后重试。`, options);
    this.name = 'DbLockedError';
  }
}

export class DbTooNewError extends StoreError {
  readonly fileVersion: number;
  readonly knownVersion: number;
  constructor(path: string, fileVersion: number, knownVersion: number) {
    super(
      'db-too-new',
      path,
      `数据库文件 ${path} 由更新版本的 Quota Watch 创建（数据格式版本 ${fileVersion}，本程序只支持到 ${knownVersion}）。请升级 Quota Watch 后再打开；程序未对该文件做任何修改。`,
    );
    this.name = 'DbTooNewError';
    this.fileVersion = fileVersion;
    this.knownVersion = knownVersion;
  }
}

export class DbForeignError extends StoreError {
  constructor(path: string) {
    super('db-foreign', path, `文件 ${path} 是其他程序的数据库，不是 Quota Watch 的数据文件。程序未对该文件做任何修改；请用 --db 指定另一个文件。`);
    this.name = 'DbForeignError';
  }
}

export class DbOpenError extends StoreError {
  constructor(path: string, detail: string, options?: { cause?: unknown }) {
    super('db-open-failed', path, `无法打开数据库文件 ${path}：${detail}`, options);
    this.name = 'DbOpenError';
  }
}

/** A command that only reads (or a caller that asked for an existing file) named a file that is not there. */
export class DbMissingError extends StoreError {
  constructor(path: string, hint: string) {
    super('db-missing', path, `数据库文件不存在：${path}；${hint}`);
    this.name = 'DbMissingError';
  }
}

/** SQLite's extended error code, when the error comes from better-sqlite3. */
function sqliteCode(err: unknown): string | null {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** Maps a SQLite or file-system error to a StoreError; anything else is returned unchanged. */
export function mapDbError(err: unknown, path: string): unknown {
  if (err instanceof StoreError) return err;
  const code = sqliteCode(err);
  if (code) {
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new DbLockedError(path, { cause: err });
    if (code.startsWith('SQLITE_READONLY')) return new DbReadOnlyError(path, undefined, { cause: err });
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new DbCorruptError(path, undefined, { cause: err });
    if (code.startsWith('SQLITE_CANTOPEN')) return new DbOpenError(path, '文件或所在文件夹无法访问（不存在、没有权限，或路径是文件夹）', { cause: err });
    if (code === 'SQLITE_FULL') return new StoreError('db-io', path, `磁盘空间不足，无法写入数据库文件 ${path}；本次操作未保存。`, { cause: err });
    if (code.startsWith('SQLITE_IOERR')) return new StoreError('db-io', path, `读写数据库文件 ${path} 时出错（磁盘或网络盘故障？）；本次操作未保存。`, { cause: err });
    return err;
  }
  const fsCode = (err as NodeJS.ErrnoException)?.code;
  if (fsCode === 'EROFS' || fsCode === 'EACCES' || fsCode === 'EPERM') return new DbReadOnlyError(path, '没有写入权限', { cause: err });
  return err;
}
