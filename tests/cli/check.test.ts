// `quota-watch check` as a user runs it: a child process, real files, exit codes, one clear Chinese
// line for each bad input, and never a stack trace.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { workbookBytes } from '../helpers/workbooks.ts';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(root, 'tests', 'fixtures');
const good = path.join(fixtures, '青山镇-换届名单.xlsx');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'quota-watch.mjs'), ...args], { encoding: 'utf8', cwd: root, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const STACK = /\n\s+at .+:\d+:\d+\)?/;

let tmp: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-cli-'));
  const xlsx = fs.readFileSync(good);
  fs.writeFileSync(path.join(tmp, 'truncated.xlsx'), xlsx.subarray(0, Math.floor(xlsx.length / 2)));
  fs.writeFileSync(path.join(tmp, 'empty.xlsx'), '');
  fs.writeFileSync(path.join(tmp, 'garbage.xls'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256)));
  const doc = new Document({ sections: [{ children: [new Paragraph('这是一份 Word 文档')] }] });
  fs.writeFileSync(path.join(tmp, 'report.xlsx'), await Packer.toBuffer(doc));
  fs.writeFileSync(path.join(tmp, 'noheader.xlsx'), workbookBytes([{ name: '价格表', rows: [['产品', '单价'], ['苹果', 5], ['梨', 3]] }]));
  fs.mkdirSync(path.join(tmp, 'no-sheets'));
  fs.writeFileSync(path.join(tmp, 'no-sheets', 'readme.txt'), 'nothing here');
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('quota-watch check', () => {
  it('prints a Chinese summary per township with the villages that fall short and why; exit 1', () => {
    const r = cli('check', good);
    expect(r.code).toBe(1);
    expect(r.out).toContain('青山镇：5 个村，达标 2，不达标 2，数据不全 1');
    expect(r.out).toContain('不足三分之一，还差1人');
    expect(r.err).toBe('');
  });

  it('--json prints the documented shape, and the fixtures score exactly right', () => {
    const all = fs.readdirSync(fixtures).filter((f) => /\.(xlsx|xls|csv)$/.test(f)).map((f) => path.join(fixtures, f));
    const r = cli('check', ...all, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out);
    expect(out.villages).toHaveLength(44);
    const v = out.villages[0];
    expect(Object.keys(v)).toEqual(expect.arrayContaining(['township', 'village', 'status', 'rules', 'counts']));
    expect(Object.keys(v.counts).sort()).toEqual(['committeeMembers', 'committeeWomen', 'representatives', 'womenRepresentatives']);
    const f = out.findings[0];
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['severity', 'code', 'file', 'sheet', 'row', 'message']));
    // The project's copy of the scorer's rule: every expected village matched on status, parts and counts.
    const expected = fs.readdirSync(path.join(fixtures, 'expected')).flatMap((e) => JSON.parse(fs.readFileSync(path.join(fixtures, 'expected', e), 'utf8')).villages);
    for (const e of expected) {
      const a = out.villages.find((x: { township: string; village: string }) => x.township === e.township && x.village === e.village);
      expect(a, `${e.township}/${e.village}`).toBeDefined();
      expect({ status: a.status, rules: a.rules, counts: a.counts }).toEqual({ status: e.status, rules: e.rules, counts: e.counts });
    }
  });

  it('exit 0 when every village is compliant', () => {
    const file = path.join(tmp, 'ok.csv');
    const rows = ['乡镇,村,姓名,性别,职务,是否村民代表', '甲镇,一村,张三,男,书记,否', '甲镇,一村,李芳,女,村委委员、妇联主席,是', '甲镇,一村,王五,男,,是', '甲镇,一村,赵六,男,,是'];
    fs.writeFileSync(file, rows.join('\n'));
    const r = cli('check', file);
    expect(r.out).toContain('甲镇：1 个村，达标 1');
    expect(r.code).toBe(0);
  });

  it('each bad input gets one clear Chinese line naming the file, and the good file is still checked; exit 2', () => {
    const r = cli(
      'check',
      good,
      path.join(tmp, 'truncated.xlsx'),
      path.join(tmp, 'empty.xlsx'),
      path.join(tmp, 'garbage.xls'),
      path.join(tmp, 'report.xlsx'),
      path.join(tmp, 'noheader.xlsx'),
      path.join(fixtures, 'bad', 'encrypted.xlsx'),
      path.join(fixtures, 'bad', 'encrypted.xls'),
      path.join(tmp, 'no-sheets'),
      path.join(tmp, 'does-not-exist.xlsx'),
    );
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.out).not.toMatch(STACK);
    expect(r.out).toContain('青山镇：5 个村');
    const line = (name: string) => r.out.split('\n').find((l) => l.includes(name)) ?? '';
    expect(line('truncated.xlsx')).toMatch(/损坏/);
    expect(line('empty.xlsx')).toMatch(/空/);
    expect(line('garbage.xls')).toMatch(/不是可识别的电子表格|损坏/);
    expect(line('report.xlsx')).toMatch(/Word 文档/);
    expect(line('encrypted.xlsx')).toMatch(/密码/);
    expect(line('encrypted.xls')).toMatch(/密码/);
    expect(line('no-sheets')).toMatch(/没有电子表格文件/);
    expect(line('does-not-exist.xlsx')).toMatch(/路径不存在/);
    expect(line('noheader.xlsx')).toMatch(/未找到可识别的表头/);
  });

  it('a bad rule name or rule file gets a clear message; exit 2', () => {
    const r1 = cli('check', good, '--rules', '不存在的规则');
    expect(r1.code).toBe(2);
    expect(r1.err).toContain('找不到规则');
    const bad = path.join(tmp, 'bad-rules.json');
    fs.writeFileSync(bad, JSON.stringify({ name: 'x', parts: [{ id: 'a', label: 'b', kind: 'womenShare', population: ['representatives'], threshold: 0.3 }] }));
    const r2 = cli('check', good, '--rules', bad);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('bad-rules.json');
    expect(r2.err).toContain('threshold');
    expect(r2.err).not.toMatch(STACK);
  });

  it('--rules 法定 and a county rule file judge under that rule set, named in the output', () => {
    const r = cli('check', good, '--rules', '法定', '--json');
    const out = JSON.parse(r.out);
    expect(out.ruleSet).toBe('法定');
    expect(Object.keys(out.villages[0].rules)).toEqual(['womanInVillagersCommittee', 'womenInAssemblyThird']);
    const file = path.join(tmp, 'county.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        name: '本县方案',
        parts: [{ id: 'womenThirtyPercent', label: '两委成员中女性占30%以上', kind: 'womenShare', population: ['committees'], threshold: { numerator: 3, denominator: 10 } }],
      }),
    );
    const c = JSON.parse(cli('check', good, '--rules', file, '--json').out);
    expect(c.ruleSet).toBe('本县方案');
    expect(c.villages.every((v: { ruleSet: string }) => v.ruleSet === '本县方案')).toBe(true);
  });

  it('--explain shows how each sheet was read', () => {
    const r = cli('check', path.join(fixtures, '白沙镇两委及代表名单.xlsx'), '--explain');
    expect(r.out).toContain('表头：第3行');
    expect(r.out).toContain('→姓名');
    expect(r.out).toMatch(/白沙镇 沙湾村：第4–44行/);
    expect(r.out).toContain('表尾');
  });
});
