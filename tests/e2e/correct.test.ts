// e2e: a workbook the reader cannot read alone (headers it does not know), corrected in the preview —
// the header row and each column's meaning set by hand, the sheet read again at each change — then
// committed, and the village judged from what the correction read.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookBytes } from '../helpers/workbooks.ts';
import { shot, startApp, type App } from './harness.ts';

let app: App;
let file: string;

// Headers that name nothing the reader knows; the village is the sheet's name, the township the file's.
const ROWS: unknown[][] = [
  ['桃源镇新村村换届结果'],
  ['栏目一', '栏目二', '栏目三', '栏目四'],
  ['王芳', '女', '书记、主任', '否'],
  ['李强', '男', '副书记', '否'],
  ['张敏', '女', '委员(妇联主席)', '是'],
  ['赵军', '男', '村委委员', '否'],
  ['陈丽', '女', '', '是'],
  ['刘伟', '男', '', '是'],
  ['孙娟', '女', '', '是'],
  ['周杰', '男', '', '是'],
  ['吴霞', '女', '', '是'],
];

beforeAll(async () => {
  app = await startApp();
  file = path.join(app.dir, '桃源镇新村村.xlsx');
  fs.writeFileSync(file, workbookBytes([{ name: '新村村', rows: ROWS }]));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('correcting a preview', () => {
  it('reads nothing alone; with the header row and four meanings set by hand, the village is read and judged', async () => {
    const p = app.page;
    await p.goto(app.server.url + '#/import');
    await p.getByTestId('file-input').setInputFiles(file);
    await p.getByTestId('commit-import').waitFor({ timeout: 60_000 });
    await p.getByText('待核对').first().waitFor();
    expect(await p.getByTestId('commit-import').isDisabled()).toBe(true);
    await shot(p, '12-import-unread');

    const header = p.getByRole('spinbutton', { name: '表头起始行' });
    await header.fill('2');
    await header.press('Tab');
    await p.getByText('表头所在行').waitFor();
    for (const [col, role] of [['1', '姓名'], ['2', '性别'], ['3', '职务'], ['4', '是否村民代表']] as const) {
      const colInput = p.getByRole('spinbutton', { name: '列序号（A=1）' });
      await colInput.fill(col);
      await colInput.press('Tab');
      await p.getByRole('combobox', { name: '新指定列的含义' }).click();
      await p.keyboard.type(role);
      await p.keyboard.press('Enter');
      // Each change reads the sheet again: the column appears with its meaning.
      await p.getByRole('combobox', { name: `${String.fromCharCode(64 + Number(col))}列的含义` }).waitFor({ timeout: 60_000 });
    }
    await p.getByText('已更正').waitFor();
    await p.getByText('新村村', { exact: true }).last().waitFor();
    await shot(p, '13-import-corrected');

    await p.getByTestId('commit-import').click();
    await p.getByTestId('commit-message').waitFor({ timeout: 60_000 });
    const status = await app.backend.handle('status', {});
    if (!status.ok) throw new Error(status.error.message);
    const v = status.value.villages.find((x) => x.village === '新村村')!;
    expect(v.township).toBe('桃源镇');
    // 2 women of 4 on the committees; the chair seated; 4 women of 6 representatives.
    expect(v.rules).toEqual({ womanInCommittees: 'pass', chairInCommittees: 'pass', womenRepresentativesThird: 'pass' });
    expect(v.status).toBe('compliant');
  }, 240_000);
});
