// The store commands as a user runs them: import, villages --expected, status, changes, undo, on a
// real database file, and the messages for a database that cannot be used.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { workbookBytes } from '../helpers/workbooks.ts';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(root, 'tests', 'fixtures');
const STACK = /\n\s+at .+:\d+:\d+\)?/;
const fixtureFiles = fs.readdirSync(fixtures).filter((f) => /\.(xlsx|xls|csv)$/.test(f)).map((f) => path.join(fixtures, f));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'quota-watch.mjs'), ...args], { encoding: 'utf8', cwd: root, maxBuffer: 64 << 20 });
  expect(r.stderr).not.toMatch(STACK);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tmp: string;
let db: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-store-cli-'));
  db = path.join(tmp, 'county.sqlite');
});

function csv(name: string, lines: string[]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('import, status, villages, changes, undo', () => {
  it('imports the fixtures once; the same file again is recognised and not stored twice', () => {
    const first = cli('import', ...fixtureFiles, '--db', db, '--create');
    expect(first.code).toBe(0);
    expect(first.out).toContain('核算 44 个村');
    const again = cli('import', path.join(fixtures, '云溪乡.xlsx'), '--db', db, '--json');
    const r = JSON.parse(again.out);
    expect(r.importId).toBeNull();
    expect(r.files[0].outcome).toBe('duplicate');
    expect(r.files[0].message).toContain('已导入过');
  });

  it('status --json gives the check shape plus reportedAt, and agrees with check on every village', () => {
    const status = JSON.parse(cli('status', '--json', '--db', db).out);
    const check = JSON.parse(cli('check', ...fixtureFiles, '--json').out);
    expect(status.villages).toHaveLength(44);
    for (const v of check.villages) {
      const s = status.villages.find((x: { township: string; village: string }) => x.township === v.township && x.village === v.village);
      expect({ status: s.status, rules: s.rules, counts: s.counts }).toEqual({ status: v.status, rules: v.rules, counts: v.counts });
      expect(Date.parse(s.reportedAt)).not.toBeNaN();
    }
    expect(status.notReported).toBeNull(); // no master list set: nobody knows which are missing
  });

  it('a master list tells which villages have not reported', () => {
    const list = path.join(tmp, '应报村.xlsx');
    fs.writeFileSync(
      list,
      workbookBytes([{ name: '应报村', rows: [['乡镇', '村'], ['青山镇', '上塘村'], ['青山镇', '新丰村'], ['云溪乡', '溪南村'], ['云溪乡', '桐坑村']] }]),
    );
    const set = cli('villages', '--expected', list, '--db', db);
    expect(set.code).toBe(0);
    const status = JSON.parse(cli('status', '--json', '--db', db).out);
    expect(status.notReported).toEqual([{ township: '青山镇', village: '新丰村' }]);
    const text = cli('status', '--db', db);
    expect(text.out).toContain('未报送（1 个村）');
    expect(text.out).toContain('青山镇 新丰村');
  });

  it('a later submission of one part replaces only that part; changes says what moved and why; undo restores it', () => {
    // 溪口村 failed at 14 of 43 women representatives: the township sends a corrected representatives list.
    const reps = ['乡镇,村,姓名,性别,是否村民代表'];
    for (let i = 0; i < 45; i++) reps.push(`青山镇,溪口村,代表${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申'[Math.floor(i / 10)]},${i < 15 ? '女' : '男'},是`);
    const file = csv('溪口村代表更正.csv', reps);
    const imported = cli('import', file, '--db', db);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/溪口村：不达标 → 达标/);
    const changes = cli('changes', '--db', db, '--json');
    const c = JSON.parse(changes.out);
    const v = c.villages.find((x: { village: string }) => x.village === '溪口村');
    expect(v.change).toBe('nowCompliant');
    const status = JSON.parse(cli('status', '--json', '--db', db).out);
    const now = status.villages.find((x: { village: string }) => x.village === '溪口村');
    // The committees are still those of the first submission; the representatives are the new 15 of 45.
    expect(now.counts).toEqual({ committeeMembers: 5, committeeWomen: 1, representatives: 45, womenRepresentatives: 15 });
    const undo = cli('undo', '--db', db, '--yes');
    expect(undo.code).toBe(0);
    const after = JSON.parse(cli('status', '--json', '--db', db).out).villages.find((x: { village: string }) => x.village === '溪口村');
    expect(after.status).toBe('noncompliant');
    expect(after.counts.representatives).toBe(43);
  });
});

describe('a database that cannot be used', () => {
  it('an import with an unreadable file stores the rest and exits 2', () => {
    const other = path.join(tmp, 'other.sqlite');
    const r = cli('import', path.join(fixtures, '云溪乡.xlsx'), path.join(fixtures, 'bad', 'encrypted.xlsx'), '--db', other, '--create');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/encrypted\.xlsx：.*密码/);
    expect(JSON.parse(cli('status', '--json', '--db', other).out).villages).toHaveLength(4);
  });

  it('a corrupt file: a clear Chinese message, exit 2, and the file left as it was', () => {
    const bad = path.join(tmp, 'corrupt.sqlite');
    fs.writeFileSync(bad, Buffer.alloc(8192, 7));
    const before = fs.readFileSync(bad);
    const r = cli('status', '--db', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/损坏|不是数据库/);
    expect(fs.readFileSync(bad).equals(before)).toBe(true);
  });

  it('a database from a newer version is refused', () => {
    const newer = path.join(tmp, 'newer.sqlite');
    fs.copyFileSync(db, newer);
    const d = new Database(newer);
    d.pragma('user_version = 999');
    d.close();
    const r = cli('status', '--db', newer);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/新版本|更新/);
  });
});
