// `check --explain --json` → edit one column's meaning → `check --layout`: the round trip a person (and the
// window's mapping screen) makes, through the real command.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookBytes, makeId } from '../helpers/workbooks.ts';

const root = path.join(__dirname, '..', '..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'quota-watch.mjs'), ...args], { encoding: 'utf8', cwd: root, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tmp: string;
let file: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-layout-'));
  file = path.join(tmp, '青石镇.xlsx');
  // The 得票数 column is one the reader does not know (provisional); 备注 really says 是否村民代表.
  const rows = [
    ['村名', '姓名', '性别', '职务', '身份证号', '备注', '得票数'],
    ['青石村', '王建国', '男', '书记、主任', makeId(1, false), '否', 320],
    ['青石村', '张芳', '女', '委员、妇联主席', makeId(2, true), '是', 301],
    ['青石村', '陈静', '女', '', makeId(3, true), '是', 280],
  ];
  fs.writeFileSync(file, workbookBytes([{ name: '名单', rows }]));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('quota-watch check --layout', () => {
  it('takes back the JSON --explain --json printed, with one column edited, and the reading is confirmed', () => {
    const first = cli('check', file, '--explain', '--json');
    const json = JSON.parse(first.out);
    expect(json.provisional).toBe(1);
    expect(json.villages[0]).toMatchObject({ status: 'incomplete', provisional: true, provisionalReasons: [expect.stringContaining('G列“得票数”')] });
    const sheet = json.files[0].sheets[0];
    for (const c of sheet.columns) if (c.header === '备注') c.role = 'representative';
    const edited = path.join(tmp, 'layout.json');
    fs.writeFileSync(edited, JSON.stringify(json));

    const second = cli('check', file, '--layout', edited, '--json');
    const again = JSON.parse(second.out);
    expect(second.code).toBe(0);
    expect(again.provisional).toBe(0);
    expect(again.villages[0]).toMatchObject({ status: 'compliant', counts: { representatives: 2, womenRepresentatives: 2 } });
    expect(again.villages[0].provisional).toBeUndefined();
    expect(again.files[0].sheets[0]).toMatchObject({ id: sheet.id, confirmed: { by: 'layout' } });
  });

  it('marks a provisional village 待核对 in the text output and counts it apart', () => {
    const r = cli('check', file);
    expect(r.out).toContain('其中待核对 1');
    expect(r.out).toMatch(/数据不全（待核对）　青石村\n\s+· 待核对：有看不懂的列：G列“得票数”/u);
  });

  it('refuses a layout file it cannot use, in one Chinese line', () => {
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, '{"tables": [{"id": 3}]}');
    const r = cli('check', file, '--layout', bad);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/^读法文件“.+bad\.json”的格式不对/u);
    expect(cli('check', file, '--layout', path.join(tmp, 'missing.json')).err).toContain('无法打开');
  });
});
