// e2e: a workbook the reader cannot read alone (headers it does not know), corrected in the preview on the
// table-level contract — the header row and each column's meaning set by hand, the table read again at
// each change — confirmed, committed, and the village judged from what the correction read. Then the same
// layout in a differently named file reads itself (no correction made), and 设置 lists the remembered
// layout until it is forgotten.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { workbookBytes } from '../helpers/workbooks.ts';
import { shot, startApp, type App } from './harness.ts';

let app: App;
let first: string;
let second: string;

// Headers that name nothing the reader knows; the village is the sheet's name, the township the file's.
const HEADER = ['栏目一', '栏目二', '栏目三', '栏目四'];
const FIRST: unknown[][] = [
  ['桃源镇新村村换届结果'],
  HEADER,
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
// The same layout, other people: no woman on the committees.
const SECOND: unknown[][] = [
  ['桃源镇东岭村换届结果'],
  HEADER,
  ['钱进', '男', '书记、主任', '否'],
  ['郑华', '男', '副书记', '否'],
  ['冯刚', '男', '村委委员', '是'],
  ['何静', '女', '', '是'],
  ['林涛', '男', '', '是'],
  ['高山', '男', '', '是'],
];

beforeAll(async () => {
  app = await startApp();
  first = path.join(app.dir, '桃源镇新村村.xlsx');
  second = path.join(app.dir, '桃源镇东岭村-第二批.xlsx');
  fs.writeFileSync(first, workbookBytes([{ name: '新村村', rows: FIRST }]));
  fs.writeFileSync(second, workbookBytes([{ name: '东岭村', rows: SECOND }]));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

async function village(name: string) {
  const status = await app.backend.handle('status', {});
  if (!status.ok) throw new Error(status.error.message);
  return status.value.villages.find((x) => x.village === name)!;
}

async function pick(p: Page, label: string, option: string) {
  await p.getByRole('combobox', { name: label }).click();
  await p.keyboard.type(option);
  await p.keyboard.press('Enter');
}

/** Sets the header row and the four columns' meanings of the selected table by hand, without confirming. */
async function correctByHand(p: Page, rows: number) {
  const header = p.getByRole('spinbutton', { name: '表头起始行' });
  await header.fill('2');
  await header.press('Tab');
  await p.getByRole('combobox', { name: 'D列的含义' }).waitFor({ timeout: 60_000 });
  for (const [col, role] of [['A', '姓名'], ['B', '性别'], ['C', '职务'], ['D', '是否村民代表']] as const) {
    await pick(p, `${col}列的含义`, role);
    await p.getByText('已更正，待确认').first().waitFor({ timeout: 60_000 });
    await p.waitForFunction((c) => document.querySelector(`[data-testid="role-${c}"] .ant-select-selection-item`)?.textContent !== '不使用', col, { timeout: 60_000 });
  }
  await p.getByText(`${rows}行`, { exact: false }).first().waitFor({ timeout: 60_000 });
}

async function rememberedFiles(): Promise<string[]> {
  const r = await app.backend.handle('layouts', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value.layouts.map((l) => l.file);
}

describe('correcting a preview, table by table', () => {
  it('reads nothing alone; with the header row and four meanings set by hand and confirmed, the village is read and judged', async () => {
    const p = app.page;
    await p.goto(app.server.url + '#/import');
    await p.getByTestId('file-input').setInputFiles(first);
    await p.getByTestId('commit-import').waitFor({ timeout: 60_000 });
    await p.getByText('待核对').first().waitFor();
    expect(await p.getByTestId('commit-import').isDisabled()).toBe(true);
    await shot(p, '12-import-unread');

    // Read again at once at each change: every column of the table under its header, with samples.
    await correctByHand(p, 9);
    await p.getByText('栏目四').waitFor();
    await p.getByText('新村村 9行', { exact: false }).waitFor({ timeout: 60_000 });
    await shot(p, '13-import-corrected');

    await p.getByTestId('confirm-table').click();
    await p.getByTestId('confirmed-note').waitFor({ timeout: 60_000 });
    expect(await p.getByTestId('confirmed-note').textContent()).toContain('下次同样格式的表格将自动按此读取');
    await shot(p, '14-import-confirmed');

    await p.getByTestId('commit-import').click();
    await p.getByTestId('commit-message').waitFor({ timeout: 60_000 });
    const v = await village('新村村');
    expect(v.township).toBe('桃源镇');
    // 2 women of 4 on the committees; the chair seated; 4 women of 6 representatives.
    expect(v.rules).toEqual({ womanInCommittees: 'pass', chairInCommittees: 'pass', womenRepresentativesThird: 'pass' });
    expect(v.status).toBe('compliant');
  }, 300_000);

  it('reads a differently named file of the same layout by the remembered layout, with no correction made', async () => {
    const p = app.page;
    await p.getByRole('button', { name: '继续导入' }).click();
    await p.getByTestId('file-input').setInputFiles(second);
    await p.getByTestId('commit-import').waitFor({ timeout: 60_000 });
    await p.getByText('已确认（按记住的读法）').first().waitFor();
    await p.getByText('东岭村 6行', { exact: false }).waitFor();
    expect(await p.getByTestId('remembered-note').textContent()).toContain('桃源镇新村村.xlsx');
    expect(await p.getByTestId('commit-import').isDisabled()).toBe(false);
    expect(await p.getByText('已更正，待确认').count()).toBe(0);
    await shot(p, '15-import-remembered');

    await p.getByTestId('commit-import').click();
    await p.getByTestId('commit-message').waitFor({ timeout: 60_000 });
    const v = await village('东岭村');
    expect(v.township).toBe('桃源镇');
    expect(v.rules.womanInCommittees).toBe('fail');
    expect(v.status).toBe('noncompliant');
  }, 300_000);

  it('lists the remembered layout in 设置 and forgets it when asked', async () => {
    const p = app.page;
    await p.goto(app.server.url + '#/settings');
    const card = p.getByTestId('layouts');
    await card.getByText('桃源镇新村村.xlsx').waitFor({ timeout: 60_000 });
    await card.getByText('栏目一→姓名', { exact: false }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await shot(p, '16-settings-layouts');
    await card.getByRole('button', { name: /忘记/ }).click();
    await p.getByRole('button', { name: '忘记', exact: true }).last().click();
    await card.getByText('还没有记住的读法').waitFor({ timeout: 60_000 });
    const left = await app.backend.handle('layouts', {});
    if (!left.ok) throw new Error(left.error.message);
    expect(left.value.layouts).toEqual([]);
  }, 120_000);

  it('asks before leaving an unimported preview, and stays when told to', async () => {
    const p = app.page;
    await p.goto(app.server.url + '#/import');
    const third = path.join(app.dir, '桃源镇南坪村.xlsx');
    fs.writeFileSync(third, workbookBytes([{ name: '南坪村', rows: [FIRST[0], ...FIRST.slice(1, 6)] }]));
    await p.getByTestId('file-input').setInputFiles(third);
    await p.getByTestId('commit-import').waitFor({ timeout: 60_000 });
    await p.evaluate(() => (location.hash = '#/villages'));
    await p.getByText('放弃这次预览？').waitFor();
    await p.getByRole('button', { name: '继续核对' }).click();
    expect(await p.evaluate(() => location.hash)).toBe('#/import');
    await p.getByTestId('commit-import').waitFor();
    await p.evaluate(() => (location.hash = '#/villages'));
    await p.getByRole('button', { name: '放弃并离开' }).waitFor();
    // Let the dialog finish opening before the picture.
    await p.waitForTimeout(500);
    await shot(p, '17-import-leave');
    await p.getByRole('button', { name: '放弃并离开' }).click();
    await p.waitForFunction(() => location.hash === '#/villages');
    expect(await p.getByTestId('commit-import').count()).toBe(0);
  }, 120_000);

  it('remembers a corrected table only when 确认此表读取方式 is pressed, not on commit', async () => {
    const p = app.page;
    // Another layout (its own header words), two villages of it in two files.
    const other = ['项目甲', '项目乙', '项目丙', '项目丁'];
    const rows = (title: string) => [[title], other, ...FIRST.slice(2)];
    const third = path.join(app.dir, '杏花镇北山村.xlsx');
    const fourth = path.join(app.dir, '杏花镇西坡村.xlsx');
    fs.writeFileSync(third, workbookBytes([{ name: '北山村', rows: rows('杏花镇北山村换届结果') }]));
    fs.writeFileSync(fourth, workbookBytes([{ name: '西坡村', rows: rows('杏花镇西坡村换届结果') }]));
    const before = await rememberedFiles();

    // Corrected, not confirmed, committed: judged from the correction, but the layout is not remembered.
    await p.goto(app.server.url + '#/import');
    await p.reload();
    await p.getByTestId('file-input').setInputFiles(third);
    await p.getByTestId('commit-import').waitFor({ timeout: 60_000 });
    await correctByHand(p, 9);
    expect(await p.getByTestId('confirmed-note').count()).toBe(0);
    await p.getByTestId('commit-import').click();
    await p.getByTestId('commit-message').waitFor({ timeout: 60_000 });
    expect((await village('北山村')).status).toBe('compliant');
    expect(await rememberedFiles()).toEqual(before);

    // The next file of that layout is not read by itself; corrected and confirmed, it is remembered.
    await p.getByRole('button', { name: '继续导入' }).click();
    await p.getByTestId('file-input').setInputFiles(fourth);
    await p.getByTestId('commit-import').waitFor({ timeout: 60_000 });
    await p.getByText('待核对').first().waitFor();
    expect(await p.getByText('已确认（按记住的读法）').count()).toBe(0);
    await correctByHand(p, 9);
    await p.getByTestId('confirm-table').click();
    await p.getByTestId('confirmed-note').waitFor({ timeout: 60_000 });
    expect(await rememberedFiles()).toEqual([...before, '杏花镇西坡村.xlsx']);
    await p.getByTestId('commit-import').click();
    await p.getByTestId('commit-message').waitFor({ timeout: 60_000 });
    expect(await rememberedFiles()).toEqual([...before, '杏花镇西坡村.xlsx']);
  }, 300_000);
});
