// The settings area on real SQLite files in a temporary folder: the rule set in force (built-in or a
// county's file, kept in the database), ID masking, backup with SQLite's online backup API, and a
// restore that checks the file first, keeps the current database, and never leaves a half-written one.
// Also: a fault of the program reaches the window as a sentence, its detail only the log.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend, INTERNAL_MESSAGE } from '../../electron/backend/service.ts';
import { openDatabase } from '../../electron/backend/store/open.ts';
import { SCHEMA_VERSION } from '../../electron/backend/store/schema.ts';
import { findRuleSet } from '../../shared/rules/builtin.ts';
import { FIXTURES, removeDir, tempDir } from '../store/helpers.ts';

const QINGSHAN = path.join(FIXTURES, '青山镇-换届名单.xlsx');
const YUNXI = path.join(FIXTURES, '云溪乡.xlsx');

let dir: string;
let open: Backend[] = [];
beforeEach(() => (dir = tempDir('qw-settings-')));
afterEach(async () => {
  for (const b of open) await b.close();
  open = [];
  removeDir(dir);
});

function backend(file = path.join(dir, 'county.sqlite'), options: Parameters<typeof Backend.open>[1] = {}): Backend {
  const b = Backend.open(file, options);
  open.push(b);
  return b;
}

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const COUNTY_RULES = {
  name: '本县方案',
  description: '两委成员中女性不少于30%',
  parts: [
    { id: 'womenThirtyPercent', label: '两委成员中女性占30%以上', kind: 'womenShare', population: ['committees'], threshold: { numerator: 3, denominator: 10 } },
    { id: 'chairInCommittees', label: '村妇联主席进村“两委”班子', kind: 'chairOnCommittees', committees: ['party', 'villagers'] },
  ],
};

describe('settings: the rule set in force', () => {
  it('is the built-in 两进一有 on a new database, with masking on and the data file named', async () => {
    const b = backend();
    const s = await ok(b.handle('settings', {}));
    expect(s.ruleSet).toMatchObject({ name: '两进一有', origin: 'builtin', fileName: null });
    expect(s.ruleSet.parts.map((p) => p.id)).toEqual(['womanInCommittees', 'chairInCommittees', 'womenRepresentativesThird']);
    expect(s.builtinRuleSets.map((r) => r.name)).toEqual(['两进一有', '法定', '每委一女']);
    expect(s).toMatchObject({ maskIds: true, ruleSetOverridden: false, villagesUnderOtherRules: 0 });
    expect(s.data).toMatchObject({ path: path.join(dir, 'county.sqlite'), folder: dir, schemaVersion: SCHEMA_VERSION });
    expect(s.data.bytes).toBeGreaterThan(0);
  });

  it('a built-in one is kept in the database: imports are judged under it, and after reopening too', async () => {
    const file = path.join(dir, 'county.sqlite');
    const b = backend(file);
    await ok(b.handle('importFiles', { paths: [QINGSHAN] }));
    const s = await ok(b.handle('setRuleSet', { builtin: '法定' }));
    expect(s.ruleSet).toMatchObject({ name: '法定', origin: 'builtin' });
    // Verdicts made before stay until the next import judges them again.
    expect(s.villagesUnderOtherRules).toBe(8);
    await ok(b.handle('importFiles', { paths: [YUNXI] }));
    const status = await ok(b.handle('status', {}));
    expect(new Set(status.villages.map((v) => v.ruleSet))).toEqual(new Set(['法定']));
    expect((await ok(b.handle('settings', {}))).villagesUnderOtherRules).toBe(0);
    await b.close();
    open = [];
    const again = backend(file);
    expect((await ok(again.handle('settings', {}))).ruleSet.name).toBe('法定');
  });

  it("a county's own file is checked and kept whole: the file may go away afterwards", async () => {
    const file = path.join(dir, 'county.sqlite');
    const rules = path.join(dir, '本县规则.json');
    fs.writeFileSync(rules, JSON.stringify(COUNTY_RULES));
    const b = backend(file);
    const s = await ok(b.handle('setRuleSet', { file: rules }));
    expect(s.ruleSet).toMatchObject({ name: '本县方案', origin: 'file', fileName: '本县规则.json' });
    fs.rmSync(rules);
    await b.close();
    open = [];
    const again = backend(file);
    const r = await ok(again.handle('importFiles', { paths: [QINGSHAN] }));
    expect(r.ruleSet).toBe('本县方案');
    expect((await ok(again.handle('settings', {}))).ruleSet).toMatchObject({ name: '本县方案', origin: 'file', fileName: '本县规则.json' });
  });

  it('a bad rule file or name gets a Chinese message that names it, and the rule set stays', async () => {
    const b = backend();
    const broken = path.join(dir, '坏规则.json');
    fs.writeFileSync(broken, '{ "name": "x", ');
    const wrongPart = path.join(dir, '错规则.json');
    fs.writeFileSync(wrongPart, JSON.stringify({ ...COUNTY_RULES, parts: [{ id: 'a', label: 'b', kind: 'womenMajority' }] }));
    const clash = path.join(dir, '重名.json');
    fs.writeFileSync(clash, JSON.stringify({ ...COUNTY_RULES, name: '两进一有' }));
    const txt = path.join(dir, 'rules.txt');
    fs.writeFileSync(txt, JSON.stringify(COUNTY_RULES));
    const cases: Array<[object, RegExp]> = [
      [{ file: broken }, /坏规则\.json/],
      [{ file: wrongPart }, /错规则\.json/],
      [{ file: clash }, /与内置规则重名/],
      [{ file: txt }, /rules\.txt 应为 \.json 文件/],
      [{ file: path.join(dir, '没有.json') }, /找不到/],
      [{ builtin: '省里的' }, /没有名为“省里的”的内置规则；内置规则有 “两进一有”、“法定”、“每委一女”/],
      [{}, /设置规则.*builtin/],
      [{ builtin: '法定', file: broken }, /二者只给其一/],
    ];
    for (const [args, message] of cases) {
      const r = await b.handle('setRuleSet', args);
      expect(r.ok, JSON.stringify(args)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('bad-request');
        expect(r.error.message, JSON.stringify(args)).toMatch(message);
        expect(r.error.message).not.toMatch(/[A-Za-z]{3,}Error|at \w+ \(/);
      }
    }
    expect((await ok(b.handle('settings', {}))).ruleSet.name).toBe('两进一有');
  });

  it('the command line can run under another rule set without changing the setting', async () => {
    const file = path.join(dir, 'county.sqlite');
    await ok(backend(file).handle('setRuleSet', { builtin: '法定' }));
    const cli = backend(file, { ruleSet: findRuleSet('每委一女') });
    const s = await ok(cli.handle('settings', {}));
    expect(s).toMatchObject({ ruleSet: { name: '每委一女' }, ruleSetOverridden: true });
    const r = await ok(cli.handle('importFiles', { paths: [QINGSHAN] }));
    expect(r.ruleSet).toBe('每委一女');
    expect((await ok(backend(file).handle('settings', {}))).ruleSet.name).toBe('法定');
  });

  it('ID masking is a stored preference', async () => {
    const file = path.join(dir, 'county.sqlite');
    expect((await ok(backend(file).handle('setIdMasking', { maskIds: false }))).maskIds).toBe(false);
    expect((await ok(backend(file).handle('settings', {}))).maskIds).toBe(false);
    const r = await backend(file).handle('setIdMasking', { maskIds: 'no' });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/maskIds 应为 true（遮盖）或 false（完整显示）/) } });
  });
});

describe('backup', () => {
  it('writes one complete, plain file with everything, while the database stays in use', async () => {
    const b = backend();
    await ok(b.handle('importFiles', { paths: [QINGSHAN] }));
    await ok(b.handle('setRuleSet', { builtin: '法定' }));
    const target = path.join(dir, 'backups', '备份 2026-12-04.sqlite');
    fs.mkdirSync(path.dirname(target));
    const r = await ok(b.handle('backupDatabase', { path: target }));
    expect(r.path).toBe(target);
    expect(r.bytes).toBe(fs.statSync(target).size);
    expect(r.message).toContain(target);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['备份 2026-12-04.sqlite']); // no -wal, no temporary file
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect((copy.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n).toBe(1);
    expect((copy.prepare("SELECT value FROM settings WHERE key = 'ruleSet'").get() as { value: string }).value).toContain('法定');
    copy.close();
    // The database goes on: another import, another backup over the first.
    await ok(b.handle('importFiles', { paths: [YUNXI] }));
    await ok(b.handle('backupDatabase', { path: target }));
    const copy2 = new Database(target, { readonly: true });
    expect((copy2.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n).toBe(2);
    copy2.close();
  });

  it('refuses the live file itself, a missing folder and a folder, with Chinese messages', async () => {
    const file = path.join(dir, 'county.sqlite');
    const b = backend(file);
    const before = (await ok(b.handle('status', {}))).villages.length;
    for (const [target, message] of [
      [file, /不能把备份保存为正在使用的数据库文件本身/],
      [`${file}-wal`, /不能把备份保存为正在使用的数据库文件本身/],
      [path.join(dir, '没有的文件夹', 'b.sqlite'), /文件夹 .*没有的文件夹 不存在/],
      [dir, /这是一个文件夹/],
    ] as const) {
      const r = await b.handle('backupDatabase', { path: target });
      expect(r.ok, target).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect((await ok(b.handle('status', {}))).villages.length).toBe(before);
  });
});

describe('restore', () => {
  it('puts a backup in place, keeps the current database beside it, and the backend goes on', async () => {
    const file = path.join(dir, 'county.sqlite');
    const b = backend(file);
    await ok(b.handle('importFiles', { paths: [QINGSHAN] }));
    const saved = path.join(dir, 'saved.sqlite');
    await ok(b.handle('backupDatabase', { path: saved }));
    const savedDigest = digest(saved);
    await ok(b.handle('importFiles', { paths: [YUNXI] }));
    await ok(b.handle('setRuleSet', { builtin: '每委一女' }));
    const fullStatus = await ok(b.handle('status', {}));

    const seen = await ok(b.handle('inspectBackup', { path: saved }));
    expect(seen).toMatchObject({ path: saved, imports: 1, villages: 8, schemaVersion: SCHEMA_VERSION });
    expect(seen.message).toMatch(/可以恢复：含 1 次导入、8 个村/);

    const r = await ok(b.handle('restoreDatabase', { path: saved }));
    expect(r).toMatchObject({ restoredFrom: saved, imports: 1, villages: 8 });
    expect(r.message).toContain(r.keptAs);
    const status = await ok(b.handle('status', {}));
    expect(status.villages).toHaveLength(8);
    // The restored file's own setting is in force again.
    expect((await ok(b.handle('settings', {}))).ruleSet.name).toBe('两进一有');
    // The backup chosen was only read: same bytes, nothing created beside it.
    expect(digest(saved)).toBe(savedDigest);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('saved'))).toEqual(['saved.sqlite']);
    // The database before the restore is kept, whole.
    const kept = Backend.open(r.keptAs);
    expect((await ok(kept.handle('status', {}))).villages.length).toBe(fullStatus.villages.length);
    await kept.close();
    // No staged copy left over; the backend imports again.
    expect(fs.readdirSync(dir).filter((f) => f.includes('.restore-'))).toEqual([]);
    await ok(b.handle('importFiles', { paths: [YUNXI] }));
    expect((await ok(b.handle('status', {}))).villages.length).toBe(fullStatus.villages.length);
  });

  it('a backup of an older version is migrated once restored', async () => {
    const old = path.join(dir, 'old.sqlite');
    openDatabase(old, { targetVersion: 2 }).db.close();
    const b = backend();
    await ok(b.handle('importFiles', { paths: [QINGSHAN] }));
    const r = await ok(b.handle('restoreDatabase', { path: old }));
    expect(r.imports).toBe(0);
    expect((await ok(b.handle('settings', {}))).data.schemaVersion).toBe(SCHEMA_VERSION);
    expect((await ok(b.handle('status', {}))).villages).toEqual([]);
  });

  it('refuses what is not a Quota Watch database it can read, and the current one is untouched', async () => {
    const file = path.join(dir, 'county.sqlite');
    const b = backend(file);
    await ok(b.handle('importFiles', { paths: [QINGSHAN] }));

    const foreign = path.join(dir, 'other-app.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE notes (t TEXT)');
    f.close();
    const newer = path.join(dir, 'newer.sqlite');
    openDatabase(newer).db.close();
    const n = new Database(newer);
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    n.close();
    const text = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(text, '这不是数据库'.repeat(50));
    const damaged = path.join(dir, 'damaged.sqlite');
    await ok(b.handle('backupDatabase', { path: damaged }));
    const bytes = fs.readFileSync(damaged);
    for (let i = 4096 * 2; i < bytes.length; i += 97) bytes[i] ^= 0x5a; // pages past the first scribbled over
    fs.writeFileSync(damaged, bytes);

    const cases: Array<[string, string, RegExp]> = [
      [foreign, 'db-foreign', /不是 Quota Watch 的数据库文件/],
      [newer, 'db-too-new', /更新版本的 Quota Watch.*请先升级/],
      [text, 'db-foreign', /这不是数据库文件/],
      [damaged, 'db-corrupt', /已损坏/],
      [path.join(dir, 'missing.sqlite'), 'db-open-failed', /找不到该文件/],
      [file, 'db-foreign', /这就是正在使用的数据库文件/],
      [dir, 'db-open-failed', /这不是一个文件/],
    ];
    for (const [candidate, code, message] of cases) {
      for (const op of ['inspectBackup', 'restoreDatabase'] as const) {
        const r = await b.handle(op, { path: candidate });
        expect(r.ok, `${op} ${candidate}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code, candidate).toBe(code);
          expect(r.error.message, candidate).toMatch(message);
          expect(r.error.message).toMatch(/当前数据未做任何修改/);
        }
      }
    }
    expect((await ok(b.handle('status', {}))).villages).toHaveLength(8);
    expect(fs.readdirSync(dir).filter((x) => x.includes('.restore-') || x.includes('before-restore'))).toEqual([]);
  });
});

describe('a fault of the program', () => {
  it('reaches the window as a sentence; its message and stack go to the log only', async () => {
    const lines: string[] = [];
    const b = Backend.open(path.join(dir, 'county.sqlite'), { log: (line) => lines.push(line) });
    await b.store.close(); // the store gone under the backend: an error none of ours
    const r = await b.handle('status', {});
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } });
    expect(INTERNAL_MESSAGE).not.toMatch(/[A-Za-z]/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/status: Error: 数据库已关闭\n\s+at /);

    const logged: string[] = [];
    expect(Backend.errorOf(new TypeError("Cannot read properties of undefined (reading 'x') at C:\\Users\\李\\a.xlsx"), (d) => logged.push(d))).toEqual({
      code: 'internal',
      message: INTERNAL_MESSAGE,
    });
    expect(logged[0]).toMatch(/^TypeError: Cannot read properties/);
  });
});
