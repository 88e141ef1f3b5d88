// Commands that read never write: a --db that does not exist stops with a Chinese message and makes no
// file; import makes a new database only when told (--create) or on the default path, and says so; a
// folder that does not exist is an error. undo says what it will undo and asks first.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(root, 'tests', 'fixtures');
const STACK = /\n\s+at .+:\d+:\d+\)?/;

function cli(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'quota-watch.mjs'), ...args], {
    encoding: 'utf8',
    cwd: root,
    input: opts.input ?? '',
    env: opts.env ?? process.env,
    maxBuffer: 64 << 20,
  });
  expect(r.stderr).not.toMatch(STACK);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-db-rules-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('a --db that does not exist', () => {
  for (const command of [['status'], ['villages'], ['changes'], ['undo', '--yes'], ['villages', '--expected', path.join(fixtures, '云溪乡.xlsx')]]) {
    it(`${command.join(' ')} stops with the Chinese message and creates nothing`, () => {
      const typo = path.join(tmp, 'typo.sqlite');
      const r = cli([...command, '--db', typo]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`数据库文件不存在：${typo}；请检查 --db 路径，或先用 import 导入`);
      expect(fs.readdirSync(tmp).filter((f) => f.startsWith('typo'))).toEqual([]);
    });
  }

  it('import without --create refuses, and says how to make one', () => {
    const fresh = path.join(tmp, 'fresh.sqlite');
    const r = cli(['import', path.join(fixtures, '云溪乡.xlsx'), '--db', fresh]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`数据库文件不存在：${fresh}；如要新建数据库，请加 --create`);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('import --create makes it and says 新建数据库; the next import does not say it again', () => {
    const fresh = path.join(tmp, 'made.sqlite');
    const r = cli(['import', path.join(fixtures, '云溪乡.xlsx'), '--db', fresh, '--create']);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`新建数据库：${fresh}`);
    expect(fs.existsSync(fresh)).toBe(true);
    const again = cli(['import', path.join(fixtures, '青山镇-换届名单.xlsx'), '--db', fresh]);
    expect(again.code).toBe(0);
    expect(again.err).not.toContain('新建数据库');
  });

  it('a folder that does not exist is an error, even with --create, and is not created', () => {
    const deep = path.join(tmp, 'no-such-folder', 'county.sqlite');
    const r = cli(['import', path.join(fixtures, '云溪乡.xlsx'), '--db', deep, '--create']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`文件夹 ${path.dirname(deep)} 不存在`);
    expect(fs.existsSync(path.dirname(deep))).toBe(false);
  });

  it('import on the default path (no --db) creates the app folder and the file, and says so', () => {
    const home = path.join(tmp, 'home');
    fs.mkdirSync(home);
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
    const expected = path.join(home, '.config', 'quota-watch', 'quota-watch.sqlite');
    const status = cli(['status'], { env });
    expect(status.code).toBe(2);
    expect(status.err).toContain(`数据库文件不存在：${expected}`);
    const r = cli(['import', path.join(fixtures, '云溪乡.xlsx')], { env });
    expect(r.code).toBe(0);
    expect(r.err).toContain(`新建数据库：${expected}`);
    expect(cli(['status', '--json'], { env }).code).not.toBe(2);
  });
});

describe('undo says what it will undo and asks first', () => {
  let db: string;
  beforeAll(() => {
    db = path.join(tmp, 'undo.sqlite');
    expect(cli(['import', path.join(fixtures, '云溪乡.xlsx'), '--db', db, '--create']).code).toBe(0);
    expect(cli(['import', path.join(fixtures, '青山镇-换届名单.xlsx'), '--db', db]).code).toBe(0);
  });

  const villageCount = () => JSON.parse(cli(['status', '--json', '--db', db]).out).villages.length;

  it('lists the files and the time to the minute; anything but yes leaves the database as it was', () => {
    const before = villageCount();
    const r = cli(['undo', '--db', db], { input: 'n\n' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/将撤销 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 的导入（\d+ 个村）：青山镇-换届名单\.xlsx/);
    expect(r.out).not.toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(r.err).toContain('确定撤销吗');
    expect(r.out).toContain('未撤销');
    expect(villageCount()).toBe(before);
    // End of input (a script that forgot --yes) is no as well.
    expect(cli(['undo', '--db', db], { input: '' }).code).toBe(1);
    expect(villageCount()).toBe(before);
  });

  it('y undoes it; the message names the time to the minute', () => {
    const before = villageCount();
    const r = cli(['undo', '--db', db], { input: 'y\n' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已撤销 \d+ 月 \d+ 日 \d{2}:\d{2} 的导入（青山镇-换届名单\.xlsx）/);
    expect(villageCount()).toBeLessThan(before);
  });

  it('--yes does not ask', () => {
    const r = cli(['undo', '--db', db, '--yes']);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('确定撤销吗');
    expect(r.out).toMatch(/已撤销 .*云溪乡\.xlsx/);
    const none = cli(['undo', '--db', db, '--yes']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('没有可以撤销的导入');
  });
});
