// e2e: the 导出 screen in a real Chromium against the real backend over loopback. The county Excel
// report exported through the browser door (exportReport without a target, then GET /download/<id>)
// and read back with SheetJS: its 汇总 figures equal `status`, now and as of an earlier import. The
// print route printed with page.pdf and read back with pdftotext; the PDF button opens that route in a
// new tab and its print dialog. Screenshots of the screen and of the PDF's first page under test-results/.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figures, Status } from '../../shared/api.ts';
import { SHOTS, seedFiles, shot, startApp, type App } from './harness.ts';

let app: App;
let firstImport: number;
let afterFirst: Status;

async function status(): Promise<Status> {
  const r = await app.backend.handle('status', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function importFiles(paths: string[]): Promise<number> {
  const r = await app.backend.handle('importFiles', { paths });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.importId!;
}

beforeAll(async () => {
  app = await startApp();
  const seeds = seedFiles();
  const first = seeds.filter((f) => path.basename(f) === '云溪乡.xlsx');
  firstImport = await importFiles(first);
  afterFirst = await status();
  await importFiles(seeds.filter((f) => !first.includes(f)));
  // The page keeps its token for this tab: open 导出 afresh on the stored data.
  await app.page.goto(app.server.url + '#/export');
  await app.page.reload();
}, 180_000);

afterAll(async () => {
  await app?.close();
});

/** 汇总's 合计 row: [reported, compliant, noncompliant, incomplete]. */
function totalRow(bytes: Uint8Array): unknown[] {
  const wb = XLSX.read(bytes, { type: 'array' });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['汇总'], { header: 1, defval: null });
  const total = rows.find((r) => r[1] === '合计');
  if (!total) throw new Error('汇总 has no 合计 row');
  return [total[3], total[6], total[7], total[8]];
}

const figures = (f: Figures) => [f.reported, f.compliant, f.noncompliant, f.incomplete];

async function downloadExcel(): Promise<{ name: string; bytes: Uint8Array }> {
  const p = app.page;
  const downloading = p.waitForEvent('download', { timeout: 60_000 });
  await p.getByTestId('export-go').click();
  // An export the backend refuses shows its message instead: fail with it at once.
  const refused = p.locator('[data-testid="export-outcome"].ant-alert-error');
  const first = await Promise.race([downloading, refused.waitFor({ timeout: 60_000 }).then(() => null)]);
  if (!first) throw new Error(`导出失败：${await refused.innerText()}`);
  const download = first;
  const file = path.join(app.dir, `dl-${Date.now()}.xlsx`);
  await download.saveAs(file);
  await p.getByTestId('export-outcome').waitFor();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(file)) };
}

describe('导出 in the browser door', () => {
  it('previews the summary figures exactly as status counts them', async () => {
    const p = app.page;
    await p.getByTestId('export-preview').waitFor({ timeout: 60_000 });
    const county = (await status()).totals.county;
    const fig = async (k: string) => Number((await p.getByTestId(`export-fig-${k}`).innerText()).trim());
    expect([await fig('reported'), await fig('compliant'), await fig('noncompliant'), await fig('incomplete')]).toEqual(figures(county));
    expect(await p.getByRole('menuitem', { name: /导出/ }).count()).toBe(1);
    await shot(p, 'export-01-screen');
  }, 60_000);

  it('warns beside the full-ID checkbox', async () => {
    const p = app.page;
    await p.getByTestId('export-full-ids').click();
    await p.getByText('导出的文件将含有完整身份证号').waitFor();
    await shot(p, 'export-02-full-ids-warning');
    await p.getByTestId('export-full-ids').click();
    expect(await p.getByText('导出的文件将含有完整身份证号').count()).toBe(0);
  });

  it('downloads the county Excel report, whose 汇总 equals status', async () => {
    const { name, bytes } = await downloadExcel();
    expect(name).toMatch(/^“两进一有”情况汇总表（.+）\.xlsx$/);
    expect(totalRow(bytes)).toEqual(figures((await status()).totals.county));
    await shot(app.page, 'export-03-downloaded');
  }, 90_000);

  it('as of the first import, the report says what status said right after it', async () => {
    const p = app.page;
    await p.getByText('某次导入后').click();
    await p.getByTestId('export-asof-import').click();
    await p.getByText(`第${firstImport}次导入`, { exact: false }).last().click();
    await p.getByText(`（第${firstImport}次导入后的数据）`, { exact: false }).first().waitFor({ timeout: 30_000 });
    expect(Number(await p.getByTestId('export-fig-reported').innerText())).toBe(afterFirst.totals.county.reported);
    const { bytes } = await downloadExcel();
    expect(totalRow(bytes)).toEqual(figures(afterFirst.totals.county));
    expect(figures(afterFirst.totals.county)).not.toEqual(figures((await status()).totals.county));
  }, 90_000);

  it('the print route prints the report: title and figures in the PDF text, page 1 as a picture', async () => {
    const p = app.page;
    const county = (await status()).totals.county;
    await p.goto(app.server.url + '#/print/report');
    await p.reload();
    await p.waitForFunction(() => document.documentElement.dataset.printReady === 'ready', null, { timeout: 60_000 });
    const title = (await p.locator('.qw-report h1').innerText()).trim();
    expect(title).toContain('两进一有');
    expect(await p.locator('.ant-layout-sider').count()).toBe(0); // the page alone, no frame
    fs.mkdirSync(SHOTS, { recursive: true });
    const pdf = path.join(SHOTS, 'export-report.pdf');
    await p.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain(title.replace(/\s+/g, ''));
    const merged = text.replace(/\s+/g, ' ');
    expect(merged).toMatch(new RegExp(`合计 .*${county.reported} .*${county.compliant} ${county.noncompliant} ${county.incomplete}`));
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(SHOTS, 'export-pdf-page1')]);
    expect(fs.statSync(path.join(SHOTS, 'export-pdf-page1.png')).size).toBeGreaterThan(10_000);
  }, 90_000);

  it('the PDF choice opens the print route in a new tab and its print dialog', async () => {
    const p = app.page;
    await p.context().addInitScript(() => {
      window.print = () => {
        document.documentElement.dataset.printed = '1';
      };
    });
    await p.goto(app.server.url + '#/export');
    await p.reload();
    await p.getByTestId('export-kind-pdf').click();
    await p.getByTestId('export-preview').waitFor({ timeout: 60_000 });
    const [tab] = await Promise.all([p.waitForEvent('popup'), p.getByTestId('export-go').click()]);
    await tab.waitForFunction(() => document.documentElement.dataset.printed === '1', null, { timeout: 60_000 });
    expect(tab.url()).toContain('#/print/report');
    expect(await tab.locator('.qw-report h1').innerText()).toContain('两进一有');
    await tab.close();
  }, 90_000);

  it('a print route the backend refuses says why in printReady', async () => {
    const p = app.page;
    await p.goto(app.server.url + '#/print/report?asOf=999');
    await p.reload();
    await p.waitForFunction(() => (document.documentElement.dataset.printReady ?? '').startsWith('error:'), null, { timeout: 30_000 });
    const ready = await p.evaluate(() => document.documentElement.dataset.printReady!);
    expect(ready).toMatch(/^error:.*[\u4e00-\u9fff]/);
  }, 60_000);
});
