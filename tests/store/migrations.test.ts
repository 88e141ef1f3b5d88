// Opening and migrating real database files: a fresh file, a file of an older version (backed up
// first), a file from a newer version (refused, untouched), another program's SQLite file, and the
// default location the CLI shares with the app.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import { openDatabase } from '../../electron/backend/store/open.ts';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../electron/backend/store/schema.ts';
import { DbForeignError, DbTooNewError, StoreError } from '../../electron/backend/store/errors.ts';
import { defaultDbPath } from '../../electron/backend/store/paths.ts';
import { removeDir, tempDir } from './helpers.ts';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => removeDir(dir));

const sha = (file: string) => fs.readFileSync(file).toString('base64');

describe('a fresh database', () => {
  it('is created with every migration, WAL, FULL sync, foreign keys and our application id', async () => {
    const file = path.join(dir, 'sub', 'folder', 'qw.sqlite'); // missing folders are created
    const b = Backend.open(file);
    expect(b.openInfo).toMatchObject({ created: true, migratedFrom: null, backupPath: null });
    const db = b.store.writer.db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(b.store.reader.db.pragma('query_only', { simple: true })).toBe(1);
    await b.close();
    // No backup of a new, empty file.
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('backup'))).toEqual([]);
  });

  it('opens again without migrating', async () => {
    const file = path.join(dir, 'qw.sqlite');
    await Backend.open(file).close();
    const b = Backend.open(file);
    expect(b.openInfo).toMatchObject({ created: false, migratedFrom: null, backupPath: null });
    await b.close();
  });

  it('treats an empty (0-byte) file as new', async () => {
    const file = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(file, '');
    const b = Backend.open(file);
    expect(b.store.writer.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await b.close();
  });
});

describe('a database of an older version', () => {
  it('is copied to a backup, then migrated in place, keeping its data', async () => {
    expect(MIGRATIONS.length).toBeGreaterThan(1);
    const file = path.join(dir, 'old.sqlite');
    // Version 1: what the first release wrote, with data in it.
    const old = openDatabase(file, { targetVersion: 1 });
    expect(old.db.pragma('user_version', { simple: true })).toBe(1);
    old.db.prepare("INSERT INTO townships (key, name) VALUES ('青山镇', '青山镇')").run();
    old.db.close();

    const b = Backend.open(file, { now: () => new Date(2026, 2, 1, 9, 30, 0) });
    expect(b.openInfo.migratedFrom).toBe(1);
    const backup = b.openInfo.backupPath!;
    expect(backup).toBe(`${file}.v1-backup-20260301-093000`);
    expect(b.store.writer.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(b.store.writer.db.prepare('SELECT name FROM townships').all()).toEqual([{ name: '青山镇' }]);
    // The new tables work.
    await b.setExpectedVillages({ path: writeList(dir) });
    await b.close();

    // The backup is the version-1 file, whole.
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT name FROM townships').all()).toEqual([{ name: '青山镇' }]);
    expect(copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'expected_villages'").get()).toEqual({ n: 0 });
    copy.close();
  });

  it('rolls a failing migration back whole (the file stays at its version)', () => {
    const file = path.join(dir, 'old.sqlite');
    const old = openDatabase(file, { targetVersion: 1 });
    // Something in the way of migration 2: its CREATE TABLE fails half-way through.
    old.db.exec('CREATE TABLE expected_villages (x)');
    old.db.close();
    expect(() => Backend.open(file)).toThrow(/升级数据格式（第 2 步“expected-villages”）失败，已撤回该步，文件仍为版本 1/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'master_lists'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('files the app must not touch', () => {
  it('refuses a database from a newer version with a clear message, and leaves it as it was', () => {
    const file = path.join(dir, 'new.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION + 7}`);
    db.close();
    const before = sha(file);
    let err: unknown;
    try {
      Backend.open(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DbTooNewError);
    expect((err as StoreError).code).toBe('db-too-new');
    expect((err as Error).message).toContain('更新版本的 Quota Watch');
    expect((err as Error).message).toContain(`版本 ${SCHEMA_VERSION + 7}`);
    expect((err as Error).message).toContain(file);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes('backup'))).toEqual([]);
  });

  it("refuses another program's SQLite file", () => {
    const file = path.join(dir, 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    const before = sha(file);
    expect(() => Backend.open(file)).toThrow(DbForeignError);
    expect(() => Backend.open(file)).toThrow(/其他程序的数据库/);
    expect(sha(file)).toBe(before);
  });
});

describe('defaultDbPath', () => {
  it('is where Electron keeps userData for "quota-watch"', () => {
    expect(defaultDbPath({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/u')).toBe('/x/cfg/quota-watch/quota-watch.sqlite');
    expect(defaultDbPath({}, 'linux', '/home/u')).toBe('/home/u/.config/quota-watch/quota-watch.sqlite');
    expect(defaultDbPath({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Roaming\\quota-watch\\quota-watch.sqlite');
    expect(defaultDbPath({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/quota-watch/quota-watch.sqlite');
  });
});

function writeList(folder: string): string {
  const file = path.join(folder, 'list.csv');
  fs.writeFileSync(file, '\uFEFF乡镇,村\r\n青山镇,上塘村\r\n');
  return file;
}
