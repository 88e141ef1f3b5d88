// The public fixtures: every village's status, three parts and counts exactly as expected, and the
// traps each file was built with reported as findings.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBytes } from './helpers/workbooks.ts';
import { itMatchesExpected, type ExpectedVillage } from './helpers/expected.ts';

const dir = path.join(__dirname, 'fixtures');
const files = fs.readdirSync(dir).filter((f) => !f.endsWith('.md') && fs.statSync(path.join(dir, f)).isFile());

function check(file: string) {
  return checkBytes([{ name: file, bytes: fs.readFileSync(path.join(dir, file)) }]);
}

describe.each(files)('%s', (file) => {
  const expected: ExpectedVillage[] = JSON.parse(fs.readFileSync(path.join(dir, 'expected', `${file}.json`), 'utf8')).villages;
  itMatchesExpected([path.join(dir, file)], expected);
});

describe('traps are reported', () => {
  const codes = (file: string) => check(file).findings.map((f) => f.code);

  it('IDs typed as numbers lose their tail (东湖镇)', () => {
    const f = check('东湖镇名单.xls').findings.filter((x) => x.code === 'id-number-truncated');
    expect(f.length).toBeGreaterThan(20);
    expect(f[0].message).toContain('身份证号被存为数字，末几位已丢失');
    expect(f[0].sheet).toBe('Sheet1');
    expect(f[0].row).toBeGreaterThan(1);
  });

  it('a declared gender that contradicts a valid ID (白沙镇) and gender unknown', () => {
    expect(codes('白沙镇两委及代表名单.xlsx')).toContain('id-gender-mismatch');
    expect(codes('东湖镇名单.xls')).toContain('gender-unknown');
  });

  it('the township’s own 是否达标 disagreeing with the computed verdict (石门街道: 横山村 wrote 是 at 14/43)', () => {
    const f = check('石门街道统计表.xlsx').findings.filter((x) => x.code === 'own-verdict-disagrees');
    expect(f.map((x) => x.village)).toContain('横山村');
    expect(f.find((x) => x.village === '横山村')!.message).toContain('不足三分之一');
  });

  it('an ID whose check character is wrong (柳岸乡)', () => {
    expect(codes('柳岸乡名单-gbk.csv')).toContain('id-invalid');
  });
});
