// Findings a person can read, as `quota-watch check` prints them: one line for the same finding over
// many rows of a sheet (--json keeps every row, plus the group), the words for an ID that was not used,
// the same content under two names said once, the summary's count equal to what --findings lists, and
// the small text faults of issue 10.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(root, 'tests', 'fixtures');
const donghu = path.join(fixtures, '东湖镇名单.xls'); // IDs typed as numbers on 208 rows of Sheet1

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'quota-watch.mjs'), ...args], { encoding: 'utf8', cwd: root, maxBuffer: 64 << 20 });
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tmp: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-findings-'));
  const doc = new Document({ sections: [{ children: [new Paragraph('这是一份 Word 文档')] }] });
  fs.writeFileSync(path.join(tmp, '通知.docx'), await Packer.toBuffer(doc));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the same finding over many rows', () => {
  it('is one line with the rows and the count in the text', () => {
    const r = cli('check', donghu, '--findings');
    const lines = r.out.split('\n').filter((l) => l.includes('身份证号被存为数字'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}\[注意\] 东湖镇名单\.xls 工作表“Sheet1” 第2–299行中（共208人）：身份证号被存为数字，末几位已丢失（Excel 只保留15位有效数字），无法校验；该身份证号未用于判断性别，此人仍照常计入$/);
  });

  it('--json keeps one entry a row, plus the group with every row', () => {
    const j = JSON.parse(cli('check', donghu, '--json').out);
    const rows = j.findings.filter((f: { code: string }) => f.code === 'id-number-truncated');
    expect(rows).toHaveLength(208);
    const groups = j.findingGroups.filter((g: { code: string }) => g.code === 'id-number-truncated');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ file: '东湖镇名单.xls', sheet: 'Sheet1', severity: 'warning' });
    expect(groups[0].rows).toEqual(rows.map((f: { row: number }) => f.row).sort((a: number, b: number) => a - b));
    expect(groups[0].names).toHaveLength(208);
  });

  it('says the ID was not used to tell gender and the person still counts', () => {
    const r = cli('check', path.join(fixtures, '云溪乡.xlsx'), '--findings');
    expect(r.out).toContain('陆峰俊：身份证号校验位错误（应为1）；该身份证号未用于判断性别，此人仍照常计入');
    expect(r.out).not.toMatch(/，未采用/);
  });
});

describe('the same content under two names', () => {
  it('is said once and read once', () => {
    const a = path.join(tmp, '甲.xlsx');
    const b = path.join(tmp, '乙.xlsx');
    fs.copyFileSync(path.join(fixtures, '云溪乡.xlsx'), a);
    fs.copyFileSync(a, b);
    const r = cli('check', a, b, '--findings');
    expect(r.out).toContain('共读取 1/1 个文件（另有 1 个与其他文件内容相同，只计一次），4 个村');
    expect(r.out).toContain('[提示] 乙.xlsx：甲.xlsx 与 乙.xlsx 内容相同，只计一次');
    expect(r.out).not.toMatch(/都有.*采用后者/);
  });
});

describe('the summary counts what --findings lists', () => {
  it('a .docx: listed once under 无法读取, and no finding counted that is not listed', () => {
    const docx = path.join(tmp, '通知.docx');
    const plain = cli('check', docx, path.join(fixtures, '云溪乡.xlsx'));
    const all = cli('check', docx, path.join(fixtures, '云溪乡.xlsx'), '--findings');
    const count = Number(/数据质量问题 (\d+) 条/.exec(all.out)?.[1]);
    expect(Number(/数据质量问题 (\d+) 条/.exec(plain.out)?.[1])).toBe(count);
    const listed = all.out.slice(all.out.indexOf('数据质量问题')).split('\n').filter((l) => /^ {2}\[/.test(l));
    // Each line is one finding or a group of findings ("（共N人）"); together they are the count.
    const total = listed.reduce((n, l) => n + Number(/（共(\d+)[人行]）/.exec(l)?.[1] ?? 1), 0);
    expect(total).toBe(count);
    expect(all.out).toMatch(/无法读取：\n {2}.*通知\.docx：/);
    expect(all.out.slice(all.out.indexOf('数据质量问题'))).not.toContain('通知.docx');
  });
});

describe('small text faults', () => {
  it('an option without its value names the option, without <value>', () => {
    const r = cli('check', donghu, '--rules');
    expect(r.code).toBe(2);
    expect(r.err).toContain('参数有误：选项“--rules”后面需要一个值');
    expect(r.err).not.toContain('<value>');
    expect(cli('check', donghu, '--json=yes').err).toContain('参数有误：选项“--json”不带值');
  });

  it('a wrong path says the path does not exist, not 共读取 0/0 个文件', () => {
    const r = cli('check', path.join(tmp, '没有这个文件夹'));
    expect(r.code).toBe(2);
    expect(r.out).not.toContain('0/0');
    expect(r.out).toContain('没有找到可读取的表格文件');
    expect(r.out).toContain('没有这个文件夹：路径不存在');
  });

  it('--explain: a CSV has no 工作表“”, a one-row village is 第N行, and a footer is not cut mid-word', () => {
    const csv = cli('check', path.join(fixtures, '柳岸乡名单-gbk.csv'), '--explain').out;
    expect(csv).not.toContain('工作表“”');
    expect(csv).toMatch(/\n {4}表格：/);
    const counts = cli('check', path.join(fixtures, '石门街道统计表.xlsx'), '--explain').out;
    expect(counts).toContain('石门街道 石门社区：第5行\n');
    expect(counts).not.toMatch(/第(\d+)–\1行/);
    expect(counts).toContain('跳过第18行：表尾（注：占比=其中女性村民代表数/村民代表总数');
  });

  it('法定: the sentence says what is known and what is missing, without a range of persons', () => {
    const r = cli('check', path.join(fixtures, '青山镇-换届名单.xlsx'), '--rules', '法定');
    expect(r.out).not.toMatch(/\d+至\d+人（/);
    expect(r.out).toMatch(/已确定的村民代表会议组成人员\d+人，其中女性\d+人；另有\d+人只写“委员”，不知是否为村民委员会委员；/);
  });
});
