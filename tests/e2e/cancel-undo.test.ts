// e2e: a large import cancelled while it is being saved leaves the store exactly as it was; an import
// confirmed and then undone (one click, asked once) leaves the villages as before it.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRoster } from '../bench/roster.ts';
import { ROOT, shot, startApp, type App } from './harness.ts';

let app: App;
let big: string;

beforeAll(async () => {
  app = await startApp();
  big = path.join(app.dir, '大镇换届名单.xlsx');
  generateRoster(150_000, big);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

async function counts() {
  const imports = await app.backend.handle('imports', {});
  const status = await app.backend.handle('status', {});
  if (!imports.ok || !status.ok) throw new Error('backend');
  return { imports: imports.value.length, villages: status.value.villages.length };
}

describe('cancel and undo', () => {
  it('cancels a large import while it is saved, and nothing is stored', async () => {
    const p = app.page;
    await p.goto(app.server.url + '#/import');
    await p.getByTestId('file-input').setInputFiles(big);
    await p.getByTestId('commit-import').waitFor({ timeout: 150_000 });
    const before = await counts();
    await p.getByTestId('commit-import').click();
    await p.getByTestId('progress').getByText(/保存|核算/).waitFor({ timeout: 60_000 });
    await shot(p, '10-import-progress');
    await p.getByTestId('cancel-import').click();
    await p.getByTestId('import-error').getByText('已取消导入，数据未作任何改动').waitFor({ timeout: 60_000 });
    expect(await counts()).toEqual(before);
    // The same files can be confirmed again after a cancel.
    await p.getByTestId('commit-import').waitFor({ timeout: 150_000 });
  }, 400_000);

  it('imports one workbook and undoes it in one click, asked once', async () => {
    const p = app.page;
    const before = await counts();
    await p.goto(app.server.url + '#/import');
    await p.reload();
    await p.getByTestId('file-input').setInputFiles(path.join(ROOT, 'seeds', '云溪乡.xlsx'));
    await p.getByTestId('commit-import').click({ timeout: 60_000 });
    await p.getByTestId('commit-message').waitFor({ timeout: 60_000 });
    expect((await counts()).imports).toBe(before.imports + 1);
    await p.getByRole('button', { name: '撤销本次导入' }).click();
    await p.getByText('撤销本次导入？').waitFor();
    await shot(p, '11-undo-confirm');
    await p.locator('.ant-popconfirm').getByRole('button', { name: '撤销', exact: true }).click();
    await p.getByTestId('undo-message').waitFor({ timeout: 30_000 });
    expect(await counts()).toEqual(before);
  }, 120_000);
});
