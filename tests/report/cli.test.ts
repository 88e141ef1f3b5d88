// The report commands as a user runs them: template, report --out (xlsx, docx, csv), --training,
// --by-township, --as-of, --force, on a real database file, with Chinese messages and exit codes.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_FILES, FIXTURES, removeDir, sheetRows, tempDir } from './helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const STACK = /\n\s+at .+:\d+:\d+\)?/u;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'quota-watch.mjs'), ...args], { encoding: 'utf8', cwd: tmp, maxBuffer: 64 << 20 });
  expect(r.stderr).not.toMatch(STACK);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tmp: string;
let db: string;
beforeAll(() => {
  tmp = tempDir('qw-report-cli-');
  db = path.join(tmp, 'county.sqlite');
});
afterAll(() => removeDir(tmp));

describe('quota-watch template and report', () => {
  it('template --out writes the blank form; a second time needs --force', () => {
    const r = cli('template', '--out', '模板.xlsx');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已生成填报模板');
    expect(Object.keys(sheetRows(path.join(tmp, '模板.xlsx')))).toEqual(['填写说明', '名单', '_qw_template']);
    const again = cli('template', '--out', '模板.xlsx');
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在，未覆盖');
    expect(cli('template', '--out', '模板.xlsx', '--force').code).toBe(0);
  }, 240_000);

  it('report before any import says so', () => {
    const r = cli('report', '--out', '汇总.xlsx', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('还没有导入任何名单');
  }, 120_000);

  it('report --out xlsx/docx/csv, --training, --by-township, --as-of', () => {
    expect(cli('import', ...FIXTURE_FILES.map((f) => path.join(FIXTURES, f)), '--db', db).code).toBe(0);
    for (const f of ['汇总.xlsx', '报告.docx']) {
      const r = cli('report', '--out', f, '--db', db, '--county', '临江县');
      expect(r.code, r.err).toBe(0);
      expect(fs.statSync(path.join(tmp, f)).size).toBeGreaterThan(1000);
    }
    const rows = sheetRows(path.join(tmp, '汇总.xlsx'));
    expect(rows['汇总'][0][0]).toBe('临江县村级组织换届“两进一有”情况汇总表');
    const training = cli('report', '--training', '--out', '培训.xlsx', '--db', db);
    expect(training.code).toBe(0);
    expect(Object.keys(sheetRows(path.join(tmp, '培训.xlsx')))).toEqual(['培训名单']);
    const towns = cli('report', '--by-township', '乡镇', '--as-of', '1', '--db', db);
    expect(towns.code).toBe(0);
    expect(towns.out).toMatch(/已导出分乡镇工作簿 \d+ 个文件/u);
    expect(fs.readdirSync(path.join(tmp, '乡镇')).length).toBeGreaterThan(3);
    expect(cli('report', '--out', '汇总.pdf', '--db', db).err).toContain('不支持的导出格式');
    expect(cli('report', '--db', db).err).toContain('请用 --out');
    expect(cli('report', '--out', '汇总.xlsx', '--db', db).err).toContain('已存在');
  }, 240_000);
});
