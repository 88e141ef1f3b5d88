// e2e: two rosters side by side on one sheet are two tables in the preview, each listed with its range,
// each with its own columns, tags and correction.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookBytes } from '../helpers/workbooks.ts';
import { shot, startApp, type App } from './harness.ts';

let app: App;
let file: string;

const LEFT = [
  ['姓名', '性别', '职务', '村民代表'],
  ['王芳', '女', '书记', '否'],
  ['李强', '男', '主任', '否'],
  ['张敏', '女', '委员', '是'],
];
const RIGHT = [
  ['姓名', '性别', '职务', '村民代表'],
  ['钱进', '男', '书记', '否'],
  ['何静', '女', '委员', '是'],
  ['林涛', '男', '', '是'],
];

beforeAll(async () => {
  app = await startApp();
  file = path.join(app.dir, '桃源镇两村名单.xlsx');
  const rows: unknown[][] = [['上村', '', '', '', '', '下村'], ...LEFT.map((l, i) => [...l, '', ...RIGHT[i]])];
  fs.writeFileSync(file, workbookBytes([{ name: '名单', rows }]));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('side-by-side tables in the preview', () => {
  it('lists each table of the sheet on its own, with its range and columns', async () => {
    const p = app.page;
    await p.goto(app.server.url + '#/import');
    await p.getByTestId('file-input').setInputFiles(file);
    await p.getByTestId('commit-import').waitFor({ timeout: 60_000 });
    const r = await app.backend.handle('previewImport', { paths: [file] });
    if (!r.ok) throw new Error(r.error.message);
    const tables = r.value.files[0].report!.sheets.filter((s) => s.columns.length > 0);
    expect(tables.length).toBe(2);
    for (const t of tables) await p.getByRole('button', { name: new RegExp(`名单（${t.id!.split('!').pop()}）`) }).waitFor();
    await p.getByRole('button', { name: new RegExp(`名单（${tables[1].id!.split('!').pop()}）`) }).click();
    await p.getByText('钱进', { exact: false }).first().waitFor();
    await shot(p, '18-import-side-by-side');
  }, 180_000);
});
