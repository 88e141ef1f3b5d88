// Remembered layouts through the real command and a real SQLite file: a layout confirmed with
// `import --layout` is remembered, read by itself on a later, differently named file of the same layout,
// listed by `quota-watch layouts`, and forgotten with `--forget`.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookBytes, makeId } from '../helpers/workbooks.ts';
import { Backend } from '../../electron/backend/service.ts';

const root = path.join(__dirname, '..', '..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'quota-watch.mjs'), ...args], { encoding: 'utf8', cwd: root, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// A township's roster whose 备注 column says 是否村民代表: the reader takes it for a remark.
const roster = (village: string, title: string[][] = []) => [
  ...title,
  ['村名', '姓名', '性别', '职务', '身份证号', '备注'],
  [village, '王建国', '男', '书记、主任', makeId(11, false), '否'],
  [village, '张芳', '女', '委员、妇联主席', makeId(12, true), '是'],
  [village, '陈静', '女', '', makeId(13, true), '是'],
];

let tmp: string;
let db: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-layouts-'));
  db = path.join(tmp, 'county.sqlite');
  fs.writeFileSync(path.join(tmp, '青石镇.xlsx'), workbookBytes([{ name: '名单', rows: roster('青石村') }]));
  fs.writeFileSync(path.join(tmp, '白沙镇第二批.xlsx'), workbookBytes([{ name: 'Sheet1', rows: roster('白沙村', [['白沙镇村两委及村民代表名单']]) }]));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('remembered layouts', () => {
  it('a layout confirmed on import is remembered and reads a later file of the same layout by itself', () => {
    const first = path.join(tmp, '青石镇.xlsx');
    const json = JSON.parse(cli('check', first, '--explain', '--json').out);
    for (const c of json.files[0].sheets[0].columns) if (c.header === '备注') c.role = 'representative';
    fs.writeFileSync(path.join(tmp, 'layout.json'), JSON.stringify(json));

    const imported = cli('import', first, '--layout', path.join(tmp, 'layout.json'), '--db', db, '--create', '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out).villages[0]).toMatchObject({ village: '青石村', status: 'compliant' });

    const listed = JSON.parse(cli('layouts', '--db', db, '--json').out);
    expect(listed.layouts).toHaveLength(1);
    expect(listed.layouts[0]).toMatchObject({ id: 1, file: '青石镇.xlsx', sheet: '名单' });
    expect(listed.layouts[0].columns.find((c: { header: string }) => c.header === '备注')).toMatchObject({ role: 'representative', label: '是否村民代表' });
    expect(cli('layouts', '--db', db).out).toContain('#1　来自“青石镇.xlsx”工作表“名单”');

    const later = JSON.parse(cli('import', path.join(tmp, '白沙镇第二批.xlsx'), '--db', db, '--json').out);
    expect(later.villages[0]).toMatchObject({ township: '白沙镇', village: '白沙村', status: 'compliant' });
    expect(later.villages[0].provisional).toBeUndefined();
    expect(later.findings.filter((f: { code: string }) => f.code === 'layout-remembered').map((f: { message: string }) => f.message)).toEqual([
      expect.stringContaining('记住的读法 #1（来自“青石镇.xlsx”）'),
    ]);
  });

  it('is forgotten with --forget, and a later file is read as detected again', () => {
    expect(cli('layouts', '--db', db, '--forget', '1')).toMatchObject({ code: 0, out: '已忘记读法 #1\n' });
    expect(cli('layouts', '--db', db, '--forget', '1')).toMatchObject({ code: 1, err: '没有编号为 1 的记住的读法\n' });
    expect(cli('layouts', '--db', db, '--forget', 'x').code).toBe(2);
    expect(cli('layouts', '--db', db).out).toContain('还没有记住的读法');
    const again = JSON.parse(cli('check', path.join(tmp, '白沙镇第二批.xlsx'), '--json').out);
    expect(again.villages[0].status).toBe('incomplete');
  });

  it('the window remembers a table from its preview through the layouts area', async () => {
    const backend = Backend.open(path.join(tmp, 'window.sqlite'));
    try {
      const preview = await backend.previewImport({ paths: [path.join(tmp, '青石镇.xlsx')] });
      const table = preview.files[0].report!.sheets[0];
      const edited = { ...table, columns: table.columns.map((c) => (c.header === '备注' ? { ...c, role: 'representative' as const } : c)) };
      const saved = await backend.handle('rememberLayout', { table: edited });
      expect(saved).toEqual({ ok: true, value: { id: 1 } });
      const list = await backend.handle('layouts', {});
      expect(list.ok && list.value.layouts.map((l) => l.file)).toEqual(['青石镇.xlsx']);
      const read = await backend.previewImport({ paths: [path.join(tmp, '白沙镇第二批.xlsx')] });
      expect(read.villages[0]).toMatchObject({ status: 'compliant' });
      expect(await backend.handle('forgetLayout', { layoutId: 1 })).toEqual({ ok: true, value: { forgotten: true } });
    } finally {
      await backend.close();
    }
  });
});
