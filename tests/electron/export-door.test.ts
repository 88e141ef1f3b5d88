// The Electron door of 导出, as far as it goes without the real binary: main.ts from the sources against
// the stand-in electron, the preload's bridge wired to main's one IPC channel, and the 导出 screen's own
// save code (renderer/screens/ExportSave.ts runExport) driving it. The save dialog is asked through IPC with
// checked arguments, the export is written where the user chose, and the PDF is printed from the report
// page: the stand-in's hidden print window is backed by a real Chromium page of the built renderer (over
// loopback on the same database), so printToPDF prints the real report, read back with pdftotext.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from 'xlsx';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Status } from '../../shared/api.ts';
import { exportBaseName } from '../../shared/api/exports.ts';
import { Backend } from '../../electron/backend/service.ts';
import { startHttpServer, type HttpServerHandle } from '../../electron/backend/http.ts';
import { IpcDoor } from '../../renderer/api/client.ts';
import { runExport } from '../../renderer/screens/ExportSave.ts';
import { buildRenderer, CHROMIUM_ARGS, seedFiles } from '../e2e/harness.ts';
import { fake, useTempHome } from './fake-electron.ts';

vi.mock('electron', async () => (await import('./fake-electron.ts')).fake.module);

const ROOT = path.resolve(import.meta.dirname, '../..');
const appPage = pathToFileURL(path.join(ROOT, 'renderer/index.html')).href;
let home: string;
let restoreHome: () => void;
let door: IpcDoor;
let viewer: Backend;
let server: HttpServerHandle;
let browser: Browser;
let st: Status;

type Handler = (event: unknown, callId: unknown, op: unknown, args: unknown) => Promise<any>;
const handler = () => fake.state.ipcHandlers.get('qw:api') as Handler;
const fromApp = () => ({ senderFrame: { url: appPage, parent: null }, sender: fake.state.windows[0].webContents });

beforeAll(async () => {
  ({ home, restore: restoreHome } = useTempHome('qw-door-'));
  await import('../../electron/main.ts');
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1), { timeout: 20_000 });
  // The preload's ipcRenderer.invoke reaches main's handler, as Electron would carry it.
  fake.module.ipcRenderer.invoke = async (_channel: string, callId: unknown, op: unknown, args: unknown) => handler()(fromApp(), callId, op, args);
  await import('../../electron/preload.ts');
  const bridge = fake.state.exposed.find(([k]) => k === 'quotaWatch')![1];
  (globalThis as { window?: unknown }).window = { quotaWatch: bridge };
  door = new IpcDoor(bridge);

  const imported = await handler()(fromApp(), 'i1', 'importFiles', { paths: seedFiles().filter((f) => !f.includes('应报')) });
  expect(imported.ok).toBe(true);
  st = (await handler()(fromApp(), 's1', 'status', {})).value;

  // The print window's page: the built renderer in Chromium, over loopback on the same database file.
  const www = path.join(home, 'www');
  await buildRenderer(www);
  viewer = Backend.open(path.join(home, '.config', 'quota-watch', 'quota-watch.sqlite'));
  server = await startHttpServer(viewer, { staticDir: www });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const proto = fake.module.BrowserWindow.prototype as { loadFile: (file: string, o?: { hash?: string }) => Promise<void> };
  const loadFile = proto.loadFile;
  proto.loadFile = async function (this: any, file: string, o?: { hash?: string }) {
    await loadFile.call(this, file, o);
    if (!o?.hash?.startsWith('/print')) return;
    const page: Page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(server.pageUrl);
    await page.goto(`${server.url}#${o.hash}`);
    await page.reload();
    this.webContents.executeJavaScript = (expr: string) => page.evaluate(expr);
    this.webContents.printToPDF = async (p: { pageSize: string; printBackground: boolean; preferCSSPageSize: boolean; margins: Record<string, number> }) =>
      page.pdf({
        format: p.pageSize,
        printBackground: p.printBackground,
        preferCSSPageSize: p.preferCSSPageSize,
        margin: Object.fromEntries(Object.entries(p.margins).map(([k, v]) => [k, `${v}in`])),
      });
    const destroy = this.destroy.bind(this);
    this.destroy = () => {
      destroy();
      void page.close();
    };
  };
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await viewer?.close();
  const event = { preventDefault: vi.fn() };
  fake.state.appHandlers.get('will-quit')?.(event);
  await vi.waitFor(() => expect(fake.state.quitCalls).toBeGreaterThan(0));
  delete (globalThis as { window?: unknown }).window;
  restoreHome();
});

describe('导出 through the desktop door', () => {
  it('the Excel report: the save dialog offers the default name, the file lands where the user chose, 合计 equals status', async () => {
    const model = (await door.call('report', {})) as { ok: true; value: { date: string } };
    const chosen = path.join(home, '文档', '本周汇总');
    fs.mkdirSync(path.dirname(chosen), { recursive: true });
    fake.state.saveAnswer = { canceled: false, filePath: chosen };
    const outcome = await runExport(door, { choice: 'xlsx', fullIds: false }, model.value as never);
    expect(outcome).toMatchObject({ ok: true });
    expect(path.basename(fake.state.saveDialogs.at(-1).defaultPath)).toBe(`${exportBaseName('xlsx', model.value.date)}.xlsx`);
    const wb = XLSX.read(fs.readFileSync(`${chosen}.xlsx`));
    const total = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['汇总'], { header: 1, defval: null }).find((r) => r[1] === '合计')!;
    const c = st.totals.county;
    expect([total[3], total[6], total[7], total[8]]).toEqual([c.reported, c.compliant, c.noncompliant, c.incomplete]);
  }, 60_000);

  it('各乡镇分表: a folder named as the chosen file, one workbook a township', async () => {
    fake.state.saveAnswer = { canceled: false, filePath: path.join(home, '分表.xlsx') };
    expect(await runExport(door, { choice: 'townships', fullIds: false }, null)).toMatchObject({ ok: true });
    const files = fs.readdirSync(path.join(home, '分表'));
    expect(files).toHaveLength(st.totals.townships.filter((t) => t.reported > 0).length);
    for (const t of st.totals.townships) expect(files.some((f) => f.includes(t.township))).toBe(true);
  }, 60_000);

  it('a cancelled dialog writes nothing and says nothing; arguments the contract refuses never reach a dialog', async () => {
    fake.state.saveAnswer = { canceled: true, filePath: undefined };
    const before = fs.readdirSync(home).length;
    expect(await runExport(door, { choice: 'csv', fullIds: false }, null)).toBeNull();
    expect(fs.readdirSync(home).length).toBe(before);
    const dialogs = fake.state.saveDialogs.length;
    const bad = await handler()(fromApp(), 'b1', 'chooseSavePath', { suggestedName: 'a\\..\\b', kind: 'exe' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const relative = await handler()(fromApp(), 'b2', 'exportReport', { kind: 'xlsx', target: 'relative.xlsx' });
    expect(relative).toMatchObject({ ok: false, error: { message: expect.stringContaining('完整路径') } });
    expect(fake.state.saveDialogs.length).toBe(dialogs);
  });

  it('the PDF: printToPDF of the real report page in a hidden window, written where the user chose', async () => {
    const target = path.join(home, '情况报告.pdf');
    fake.state.saveAnswer = { canceled: false, filePath: target };
    const outcome = await runExport(door, { choice: 'pdf', fullIds: false }, null);
    expect(outcome).toMatchObject({ ok: true, message: expect.stringContaining(target) });
    const pw = fake.state.windows.at(-1)!;
    expect(pw).toMatchObject({ hash: '/print/report', destroyed: true, options: { show: false } });
    const text = execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' });
    const c = st.totals.county;
    expect(text.replace(/\s+/gu, '')).toContain('两进一有');
    expect(text.replace(/\s+/gu, ' ')).toMatch(new RegExp(`合计 .*${c.reported} .*${c.compliant} ${c.noncompliant} ${c.incomplete}`));
    for (const v of st.villages.filter((x) => x.status === 'noncompliant')) expect(text.replace(/\s+/gu, '')).toContain(v.village);
  }, 120_000);
});
