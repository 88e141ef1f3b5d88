// e2e: the sample workbooks imported through the file input of a real Chromium, against the real
// backend on a temporary database; every figure of 总览 checked against the backend's own `status`;
// a master list loaded on 未报送; filtering to 不达标, opening a village and reading its reasons;
// a screenshot of every screen at 1366×768 under test-results/.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Status } from '../../shared/api.ts';
import { workbookBytes } from '../helpers/workbooks.ts';
import { seedFiles, shot, startApp, type App } from './harness.ts';

let app: App;

beforeAll(async () => {
  app = await startApp();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

async function status(): Promise<Status> {
  const r = await app.backend.handle('status', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function figure(name: string): Promise<string> {
  return (await app.page.getByTestId(`fig-${name}`).innerText()).trim();
}

const pct = (n: number, d: number) => `${((n / d) * 100).toFixed(1)}%`;

describe('the window over the sample workbooks', () => {
  it('first start shows a way in, not zeros', async () => {
    const p = app.page;
    await p.getByTestId('first-import').waitFor();
    expect(await p.getByText('用示例数据试一试').count()).toBe(1);
    expect(await p.getByTestId('fig-reported').count()).toBe(0);
    await shot(p, '01-first-start');
  });

  it('imports the seeds through the file input, with a preview before anything is stored', async () => {
    const p = app.page;
    await p.getByTestId('first-import').click();
    await p.getByTestId('file-input').setInputFiles(seedFiles());
    await p.getByTestId('commit-import').waitFor({ timeout: 90_000 });
    await shot(p, '02-import-review');
    expect((await status()).villages.length).toBe(0); // nothing stored by a preview
    await p.getByTestId('commit-import').click();
    await p.getByTestId('commit-message').waitFor({ timeout: 90_000 });
    await shot(p, '03-import-done');
    expect((await status()).villages.length).toBeGreaterThan(0);
  }, 180_000);

  it('shows every overview figure exactly as the backend counts it', async () => {
    const p = app.page;
    await p.getByRole('button', { name: '查看总览' }).click();
    await p.getByTestId('fig-reported').waitFor();
    const s = await status();
    const count = (st: string) => s.villages.filter((v) => v.status === st).length;
    expect(await figure('reported')).toBe(String(s.totals.county.reported));
    expect(await figure('compliant')).toBe(String(count('compliant')));
    expect(await figure('noncompliant')).toBe(String(count('noncompliant')));
    expect(await figure('incomplete')).toBe(String(count('incomplete')));
    expect(await figure('expected')).toBe('未设名单');
    for (const part of Object.keys(s.villages[0].rules)) {
      const judged = s.villages.filter((v) => v.rules[part] !== undefined);
      const passed = judged.filter((v) => v.rules[part] === 'pass').length;
      expect(await figure(`part-${part}`)).toBe(pct(passed, judged.length));
    }
    await shot(p, '04-overview');
  });

  it('loads a master list on 未报送 and then shows 应报 and 未报送 as the backend does', async () => {
    const p = app.page;
    const s0 = await status();
    // The list: every reported village but the last two, and two villages nobody has reported.
    const rows = [['乡镇', '村'], ...s0.villages.slice(0, -2).map((v) => [v.township, v.village]), [s0.villages[0].township, '未报一村'], [s0.villages[0].township, '未报二村']];
    const listFile = path.join(app.dir, '应报村名单.xlsx');
    fs.writeFileSync(listFile, workbookBytes([{ name: '名单', rows }]));
    await p.goto(app.server.url + '#/not-reported');
    await p.getByTestId('file-input').setInputFiles(listFile);
    await p.getByText('未报送的村').first().waitFor({ timeout: 60_000 });
    const s = await status();
    expect(s.expectedListSet).toBe(true);
    expect(s.notReported!.map((v) => v.village).sort()).toEqual(['未报一村', '未报二村']);
    await p.getByText(`${s.notReported![0].township}　未报送 2 个村`).click();
    await shot(p, '05-not-reported');
    await p.goto(app.server.url + '#/');
    await p.getByTestId('fig-expected').waitFor();
    expect(await figure('expected')).toBe(String(rows.length - 1));
    expect(await figure('notReported')).toBe(String(s.notReported!.length));
    expect(await figure('reported')).toBe(String(s.totals.county.reported));
    // 应报 = 已报送 + 未报送; the two reported villages not on the list are named beside.
    expect(await figure('reported')).toBe(String(rows.length - 1 - s.notReported!.length));
    expect(await p.getByText('名单外另有 2 个村').count()).toBe(1);
    expect(await figure('compliant')).toBe(String(s.villages.filter((v) => v.status === 'compliant').length));
    await p.waitForTimeout(300); // the charts' first paint
    await shot(p, '05-overview-with-list');
  }, 120_000);

  it('filters to 不达标, opens a village and shows its reasons', async () => {
    const p = app.page;
    await p.goto(app.server.url + '#/villages');
    await p.getByTestId('village-row').first().waitFor();
    await p.getByRole('combobox', { name: '状态' }).click();
    await p.locator('.ant-select-item-option', { hasText: /^不达标$/ }).click();
    await p.waitForFunction(() => location.hash.includes('status=noncompliant'));
    const s = await status();
    const failing = s.villages.filter((v) => v.status === 'noncompliant');
    await p.getByTestId('village-total').getByText(`共 ${failing.length} 个村`).waitFor();
    expect(await p.getByTestId('village-row').count()).toBe(failing.length);
    await shot(p, '06-villages-noncompliant');
    // Sorted in SQL by any column: 村 descending gives the backend's own order.
    await p.getByTestId('sort-village').click();
    await p.getByTestId('sort-village').click();
    await p.waitForFunction(() => location.hash.includes('desc=1'));
    const top = await app.backend.handle('villages', { status: 'noncompliant', sort: 'village', desc: true, limit: 3 });
    if (!top.ok) throw new Error(top.error.message);
    await p.waitForFunction((label) => document.querySelector('[data-testid=village-row]')?.getAttribute('aria-label') === label, `${top.value.villages[0].township} ${top.value.villages[0].village}`);
    const row = p.getByTestId('village-row').first();
    const [township, village] = (await row.getAttribute('aria-label'))!.split(' ');
    const truth = failing.find((v) => v.township === township && v.village === village)!;
    const failed = Object.keys(truth.rules).find((part) => truth.rules[part] === 'fail')!;
    expect(await row.innerText()).toContain(truth.reasons[failed]);
    await row.click();
    for (const [part, reason] of Object.entries(truth.reasons)) {
      expect(await p.getByTestId(`part-${part}`).innerText()).toContain(reason);
    }
    expect(await p.getByText(/\d{6}\*+[0-9X]{4}/).count()).toBeGreaterThan(0);
    await shot(p, '07-village-detail');
    await p.getByRole('button', { name: '显示完整身份证号' }).click();
    await p.getByRole('button', { name: '隐去身份证号' }).waitFor();
    expect(await p.getByText(/^\d{17}[0-9X]$/).count()).toBeGreaterThan(0);
    // The list keeps its filter when coming back.
    await p.getByRole('button', { name: '返回' }).click();
    await p.getByTestId('village-total').getByText(`共 ${failing.length} 个村`).waitFor();
  });

  it('groups data problems by file and kind, and settings list the import', async () => {
    const p = app.page;
    await p.goto(app.server.url + '#/findings');
    const r = await app.backend.handle('findings', { scope: 'current', limit: 10_000 });
    if (!r.ok) throw new Error(r.error.message);
    await p.getByText(`共有 ${r.value.total} 条数据问题`).waitFor();
    const firstCode = r.value.findings[0].code;
    expect(await p.getByTestId(`kind-${firstCode}`).count()).toBeGreaterThan(0);
    await shot(p, '08-findings');
    await p.goto(app.server.url + '#/settings');
    await p.getByText('导入记录').waitFor();
    await p.getByText(path.basename(seedFiles()[0])).first().waitFor();
    await shot(p, '09-settings');
  });
});
