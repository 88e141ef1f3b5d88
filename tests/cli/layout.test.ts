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

  it('round-trips a count table on its side (villages across, items down): the layout names the turned table', () => {
    const sideways = path.join(tmp, '西岭乡.xlsx');
    const rows = [
      ['西岭乡村两委换届情况统计'],
      ['项目', '西岭村', '东岭村'],
      ['两委成员数', 6, 5],
      ['其中女性', 1, 0],
      ['村民代表数', 21, 24],
      ['其中女性代表', 7, 8],
    ];
    fs.writeFileSync(sideways, workbookBytes([{ name: '统计', rows }]));
    const json = JSON.parse(cli('check', sideways, '--explain', '--json').out);
    const sheet = json.files[0].sheets[0];
    expect(sheet.orientation).toBe('columns');
    expect(json.villages.map((v: { village: string; counts: { womenRepresentatives: number | null } }) => [v.village, v.counts.womenRepresentatives])).toEqual([['西岭村', 7], ['东岭村', 8]]);
    // The person says the last item is not the women representatives: their count becomes unknown.
    for (const c of sheet.columns) if (c.role === 'repWomen') c.role = null;
    const edited = path.join(tmp, 'sideways-layout.json');
    fs.writeFileSync(edited, JSON.stringify(json));
    const again = JSON.parse(cli('check', sideways, '--layout', edited, '--json', '--explain').out);
    expect(again.files[0].sheets[0]).toMatchObject({ id: sheet.id, orientation: 'columns', confirmed: { by: 'layout' } });
    expect(again.villages.map((v: { village: string; counts: { womenRepresentatives: number | null } }) => [v.village, v.counts.womenRepresentatives])).toEqual([['西岭村', null], ['东岭村', null]]);
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
