// Database files in a bad state — corrupt, read-only, locked by another process — get a clear Chinese
// message and are never overwritten or "repaired"; an input file that cannot be read is reported and
// the rest of the import goes on.
//
// Read-only and root: tests run as root, and root may write a file whatever its permission bits, so a
// chmod 0444 file would be written happily by SQLite. The store therefore looks at the write bits
// itself (no write bit for owner, group or others = made read-only on purpose, which is also how Node
// reports Windows' read-only attribute) and refuses before SQLite opens the file; for other users,
// access(W_OK) decides. What SQLite itself finds read-only (a read-only mount, a read-only handle)
// maps to the same error: tested through a connection opened { readonly: true }.

import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import { DbCorruptError, DbLockedError, DbReadOnlyError, mapDbError } from '../../electron/backend/store/errors.ts';
import { FIXTURES, removeDir, tempDir } from './helpers.ts';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => removeDir(dir));

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function filledDb(): Promise<string> {
  const file = path.join(dir, 'qw.sqlite');
  const b = Backend.open(file);
  await b.importFiles({ paths: [path.join(FIXTURES, '青山镇-换届名单.xlsx'), path.join(FIXTURES, '白沙镇两委及代表名单.xlsx')] });
  await b.close(); // the last connection checkpoints the WAL into the file
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
  return file;
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('a corrupt database file', () => {
  it('that is no database at all is refused, untouched', () => {
    const file = path.join(dir, 'qw.sqlite');
    fs.writeFileSync(file, '这不是数据库文件，是一段文字。'.repeat(50));
    const before = digest(file);
    const err = thrown(() => Backend.open(file));
    expect(err).toBeInstanceOf(DbCorruptError);
    expect(err.message).toMatch(/已损坏或不是数据库文件.*不会修改或覆盖该文件/);
    expect(err.message).toContain(file);
    expect(digest(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['qw.sqlite']);
  });

  it('with damaged pages is found by the check on open, and left as it is', async () => {
    const file = await filledDb();
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    const junk = Buffer.alloc(4096 * 4, 0xa5);
    fs.writeSync(fd, junk, 0, junk.length, Math.floor(size / 4096 / 2) * 4096);
    fs.closeSync(fd);
    const before = digest(file);
    const err = thrown(() => Backend.open(file));
    expect(err).toBeInstanceOf(DbCorruptError);
    expect(err.message).toContain('已损坏');
    expect(digest(file)).toBe(before);
  });

  it('with a damaged header is refused before SQLite opens it', async () => {
    const file = await filledDb();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from('garbage header!!'), 0, 16, 0);
    fs.closeSync(fd);
    const before = digest(file);
    expect(() => Backend.open(file)).toThrow(DbCorruptError);
    expect(digest(file)).toBe(before);
  });

  it('found later by a query (no check on open) gives the same error, not a crash', async () => {
    const file = await filledDb();
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    const junk = Buffer.alloc(size - 8192, 0x5a);
    fs.writeSync(fd, junk, 0, junk.length, 8192); // everything after the first two pages
    fs.closeSync(fd);
    let b: Backend | null = null;
    let err: unknown;
    try {
      b = Backend.open(file, { verify: 'none' });
      await b.status();
    } catch (e) {
      err = e;
    }
    await b?.close();
    expect(err).toBeInstanceOf(DbCorruptError);
    const reply = await (async () => {
      try {
        const b2 = Backend.open(file, { verify: 'none' });
        const r = await b2.handle('status', {});
        await b2.close();
        return r;
      } catch (e) {
        return { ok: false as const, error: Backend.errorOf(e) };
      }
    })();
    expect(reply).toMatchObject({ ok: false, error: { code: 'db-corrupt' } });
  });
});

describe('a read-only database file', () => {
  it('(chmod 0444, even for root) is refused with a clear message and not written', async () => {
    const file = await filledDb();
    fs.chmodSync(file, 0o444);
    const before = digest(file);
    const err = thrown(() => Backend.open(file));
    expect(err).toBeInstanceOf(DbReadOnlyError);
    expect(err.message).toMatch(/是只读的.*无法保存导入结果/);
    expect(err.message).toContain(file);
    expect(digest(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    fs.chmodSync(file, 0o644);
    const b = Backend.open(file);
    expect((await b.status()).villages.length).toBe(14);
    await b.close();
  });

  it('as SQLite finds it (a read-only handle or mount) maps to the same error', async () => {
    const file = await filledDb();
    const ro = new Database(file, { readonly: true });
    let raw: unknown;
    try {
      ro.prepare("INSERT INTO townships (key, name) VALUES ('x', 'x')").run();
    } catch (e) {
      raw = e;
    }
    ro.close();
    expect((raw as { code: string }).code).toMatch(/^SQLITE_READONLY/);
    const mapped = mapDbError(raw, file);
    expect(mapped).toBeInstanceOf(DbReadOnlyError);
    expect((mapped as Error).message).toContain('只读');
  });
});

/** Another process that opens the database and holds an exclusive write transaction until killed. */
function lockHolder(file: string, mode: 'transaction' | 'exclusive-mode'): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    ${mode === 'exclusive-mode' ? "db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS lock_probe(x); COMMIT');" : "db.exec('BEGIN EXCLUSIVE');"}
    process.stdout.write('locked\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['-e', script, file], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`lock holder exited (${code})`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
}

describe('a database locked by another process', () => {
  it('holding a write transaction: the import fails with a clear message and nothing changes; afterwards it works', async () => {
    const file = await filledDb();
    const b = Backend.open(file, { busyTimeoutMs: 300 });
    const holder = await lockHolder(file, 'transaction');
    try {
      const before = await b.imports();
      const reply = await b.handle('importFiles', { paths: [path.join(FIXTURES, '云溪乡.xlsx')] });
      expect(reply).toMatchObject({ ok: false, error: { code: 'db-locked' } });
      expect(!reply.ok && reply.error.message).toMatch(/正被另一个程序.*使用，暂时无法写入/);
      await expect(b.undoLastImport()).rejects.toBeInstanceOf(DbLockedError);
      // Reading still works (WAL): the window keeps showing the data.
      expect(await b.imports()).toEqual(before);
    } finally {
      await stop(holder);
    }
    const ok = await b.importFiles({ paths: [path.join(FIXTURES, '云溪乡.xlsx')] });
    expect(ok.importId).not.toBeNull();
    await b.close();
  });

  it('holding it in exclusive locking mode: opening fails with the same message', async () => {
    const file = await filledDb();
    const holder = await lockHolder(file, 'exclusive-mode');
    try {
      const err = thrown(() => Backend.open(file, { busyTimeoutMs: 300 }));
      expect(err).toBeInstanceOf(DbLockedError);
      expect(err.message).toContain('正被另一个程序');
    } finally {
      await stop(holder);
    }
    const b = Backend.open(file);
    expect((await b.status()).villages.length).toBe(14);
    await b.close();
  });
});

describe('an input file that cannot be read', () => {
  it('is reported, and the rest of the import goes on', async () => {
    const b = Backend.open(path.join(dir, 'qw.sqlite'));
    const broken = path.join(dir, '坏文件.xlsx');
    fs.writeFileSync(broken, Buffer.from('PK\u0003\u0004 not really a zip file at all'));
    const missing = path.join(dir, '不存在.xlsx');
    const r = await b.importFiles({ paths: [path.join(FIXTURES, '云溪乡.xlsx'), broken, missing] });
    expect(r.importId).not.toBeNull();
    expect(r.files.map((f) => [f.name, f.outcome])).toEqual([
      ['云溪乡.xlsx', 'imported'],
      ['坏文件.xlsx', 'unreadable'],
    ]);
    expect(r.files[1].message).not.toBe('');
    expect(r.inputProblems).toEqual([{ path: missing, message: '路径不存在（没有这个文件或文件夹）' }]);
    expect(r.villages.length).toBe(4);
    expect(r.findings.some((f) => f.file === '坏文件.xlsx' && f.severity === 'error')).toBe(true);
    // The unreadable file is kept with the import, for the record, and its finding is current.
    const info = (await b.imports())[0];
    expect(info.files).toEqual([
      { name: '云溪乡.xlsx', ok: true },
      { name: '坏文件.xlsx', ok: false },
    ]);
    expect((await b.findings({ code: 'unreadable-file' })).total).toBe(1);
    // An unreadable file is never "already imported": it may be tried again.
    const again = await b.previewImport({ paths: [broken] });
    expect(again.files[0].outcome).toBe('unreadable');
    await b.close();
  });
});
