// The main process's rules, as plain modules run in Node: the CSP, which URLs are the app's page, where
// the window opens, the window options, the Chinese menu, the shell's IPC contract, the dialogs and
// printing a report route to PDF.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { API_OPS } from '../../shared/api.ts';
import { CSP, CSP_META, CSP_META_TAG, cspMetaPlugin, DEV_CSP } from '../../electron/csp.ts';
import { backupDialog, importFilesDialog, restoreDialog, saveDialog, savedPath, SPREADSHEET_EXTENSIONS } from '../../electron/dialogs.ts';
import { aboutText, menuTemplate } from '../../electron/menu.ts';
import { isAppUrl } from '../../electron/navigation.ts';
import { PDF_OPTIONS, printRouteToPdf, READY_PROBE } from '../../electron/print.ts';
import { isPrintRoute, isShellOp, SHELL_OPS, ShellFailure, validateShellRequest, withExtension } from '../../electron/shell-contract.ts';
import { hardenedPreferences, mainWindowOptions, printWindowOptions } from '../../electron/window-options.ts';
import { DEFAULT_SIZE, fitWindow, loadWindowState, MIN_SIZE, saveWindowState } from '../../electron/window-state.ts';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-shell-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the CSP', () => {
  const directives = (p: string) => new Map(p.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('allows nothing but the app itself: no remote origin, no inline or eval script, no objects, no framing', () => {
    const d = directives(CSP);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CSP).not.toMatch(/https?:|\*|unsafe-eval|ws:/);
    // Styles: Ant Design writes them at run time; nothing else is inline.
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('the meta tag carries the same policy less frame-ancestors (ignored in meta); dev only adds what Vite needs', () => {
    expect(CSP_META).toBe(CSP.replace("; frame-ancestors 'none'", ''));
    expect(CSP_META_TAG).toBe(`<meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`);
    expect(DEV_CSP).toBe(CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:"));
  });

  it("the renderer build's plugin puts exactly one meta tag in index.html, replacing any stale one", () => {
    const plugin = cspMetaPlugin();
    expect(plugin.apply).toBe('build');
    const html = '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>Quota Watch</title></head><body></body></html>';
    const out = plugin.transformIndexHtml(html);
    expect(out.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(out).toContain(CSP_META_TAG);
    expect(out.indexOf(CSP_META_TAG)).toBeLessThan(out.indexOf('<title>'));
    const stale = html.replace('<title>', `<meta http-equiv="Content-Security-Policy" content="default-src *" /><title>`);
    const fixed = plugin.transformIndexHtml(stale);
    expect(fixed.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(fixed).not.toContain('default-src *');
    expect(plugin.transformIndexHtml(out)).toBe(out.replace(CSP_META_TAG, '').replace(/<head([^>]*)>/i, (m) => `${m}\n    ${CSP_META_TAG}`));
  });
});

describe('navigation: the app page and nothing else', () => {
  const indexHtml = path.join(dir ?? os.tmpdir(), 'out', 'renderer', 'index.html');
  const built = { indexHtml };
  const app = pathToFileURL(indexHtml).href;

  it('the built page, with any hash route, is the app; other files and origins are not', () => {
    expect(isAppUrl(built, app)).toBe(true);
    expect(isAppUrl(built, `${app}#/villages?status=noncompliant`)).toBe(true);
    expect(isAppUrl(built, `${app}#/print/report`)).toBe(true);
    for (const url of [
      pathToFileURL(path.join(path.dirname(indexHtml), 'other.html')).href,
      pathToFileURL(path.join(path.dirname(indexHtml), '..', 'renderer', '..', 'main', 'main.js')).href,
      'file:///etc/passwd',
      'file://evil-host/share/index.html',
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(built, url), url).toBe(false);
    }
  });

  it('in development, the dev server origin only', () => {
    const dev = { indexHtml, devUrl: 'http://localhost:5173/' };
    expect(isAppUrl(dev, 'http://localhost:5173/#/villages')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isAppUrl(dev, app)).toBe(false);
  });
});

describe('window state', () => {
  const primary = { x: 0, y: 0, width: 1366, height: 728 };
  const second = { x: 1366, y: 0, width: 1920, height: 1040 };

  it('first start: the default size centred on the primary screen, shrunk to a small one', () => {
    expect(fitWindow(null, [{ x: 0, y: 0, width: 1920, height: 1040 }])).toEqual({
      bounds: { x: 320, y: 110, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height },
      maximized: false,
    });
    expect(fitWindow(null, [primary]).bounds).toEqual({ x: 43, y: 0, width: 1280, height: 728 });
  });

  it('a remembered place on a screen still there is kept, and clamped inside it', () => {
    expect(fitWindow({ bounds: { x: 1500, y: 100, width: 1400, height: 900 }, maximized: true }, [primary, second])).toEqual({
      bounds: { x: 1500, y: 100, width: 1400, height: 900 },
      maximized: true,
    });
    // Hanging off the right edge: pulled back in; too small: the minimum size.
    expect(fitWindow({ bounds: { x: 900, y: -20, width: 600, height: 400 }, maximized: false }, [primary]).bounds).toEqual({
      x: 1366 - MIN_SIZE.width,
      y: 0,
      width: MIN_SIZE.width,
      height: MIN_SIZE.height,
    });
  });

  it('a place on a screen now gone (or with its title bar off every screen) reopens centred on the primary one', () => {
    const gone = { bounds: { x: 1500, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(fitWindow(gone, [primary])).toEqual({ bounds: { x: 83, y: 0, width: 1200, height: 728 }, maximized: false });
    const titleOff = { bounds: { x: 100, y: -500, width: 1200, height: 800 }, maximized: false };
    expect(fitWindow(titleOff, [primary]).bounds).toMatchObject({ x: 83, y: 0 });
  });

  it('is saved atomically and read back; a damaged or odd file is ignored', () => {
    const file = path.join(dir, 'sub', 'window-state.json');
    expect(loadWindowState(file)).toBeNull();
    saveWindowState(file, { bounds: { x: 10, y: 20, width: 1300, height: 800 }, maximized: true });
    expect(loadWindowState(file)).toEqual({ bounds: { x: 10, y: 20, width: 1300, height: 800 }, maximized: true });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-state.json']);
    for (const text of ['{', 'null', '[]', '{"bounds":{"x":1,"y":2,"width":"wide","height":3}}', '{"bounds":{"x":1,"y":2,"width":-5,"height":3}}', '{"bounds":{"x":1.5,"y":2,"width":5,"height":3}}']) {
      fs.writeFileSync(file, text);
      expect(loadWindowState(file), text).toBeNull();
    }
  });
});

describe('window options', () => {
  it('every window is isolated and sandboxed, with no Node, no webviews and no navigation by dropping a file', () => {
    const prefs = hardenedPreferences('/app/out/preload/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    const main = mainWindowOptions({ preload: '/p.cjs', bounds: { x: 1, y: 2, width: 1300, height: 800 } });
    expect(main).toMatchObject({ x: 1, y: 2, width: 1300, height: 800, minWidth: 1024, minHeight: 640, show: false, title: 'Quota Watch 换届监测' });
    expect(main.webPreferences).toEqual(hardenedPreferences('/p.cjs'));
    const print = printWindowOptions('/p.cjs');
    expect(print).toMatchObject({ show: false, width: 794, height: 1123 });
    expect(print.webPreferences).toMatchObject(hardenedPreferences('/p.cjs'));
  });

  it('a 1366×768 screen holds the minimum size', () => {
    expect(MIN_SIZE.width).toBeLessThanOrEqual(1366);
    expect(MIN_SIZE.height).toBeLessThanOrEqual(768 - 40);
  });
});

describe('the menu', () => {
  const actions = () => ({ send: vi.fn(), backup: vi.fn(), openDataFolder: vi.fn(), about: vi.fn() });
  const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => (i.type === 'separator' ? '—' : i.label));
  const sub = (item: MenuItemConstructorOptions) => item.submenu as MenuItemConstructorOptions[];
  const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

  it('Windows and Linux: 文件, 编辑, 视图, 帮助, in Chinese, doing what they say', () => {
    const a = actions();
    const menu = menuTemplate(a, { platform: 'win32', dev: false });
    expect(labels(menu)).toEqual(['文件', '编辑', '视图', '帮助']);
    const file = sub(menu[0]);
    expect(labels(file)).toEqual(['导入…', '导出…', '—', '备份数据库…', '打开数据文件夹', '—', '退出']);
    expect(file[0].accelerator).toBe('CmdOrCtrl+O');
    click(file[0]);
    click(file[1]);
    expect(a.send.mock.calls).toEqual([['import'], ['export']]);
    click(file[3]);
    expect(a.backup).toHaveBeenCalledTimes(1);
    click(file[4]);
    expect(a.openDataFolder).toHaveBeenCalledTimes(1);
    expect(file[6].role).toBe('quit');
    expect(sub(menu[1]).map((i) => i.role ?? '—')).toEqual(['undo', 'redo', '—', 'cut', 'copy', 'paste', 'selectAll']);
    expect(labels(sub(menu[1]))).toEqual(['撤销', '重做', '—', '剪切', '复制', '粘贴', '全选']);
    expect(labels(sub(menu[2]))).toEqual(['实际大小', '放大', '缩小', '—', '全屏']);
    const help = sub(menu[3]);
    expect(labels(help)).toEqual(['关于 Quota Watch']);
    click(help[0]);
    expect(a.about).toHaveBeenCalledTimes(1);
    // Every label a user sees is Chinese (the product name aside).
    const all = (items: MenuItemConstructorOptions[]): string[] => items.flatMap((i) => [i.label ?? '', ...(Array.isArray(i.submenu) ? all(i.submenu) : [])]);
    for (const l of all(menu).filter(Boolean)) expect(l.replace('Quota Watch', ''), l).not.toMatch(/[A-Za-z]/);
  });

  it('developer tools only in development; macOS gets its app menu first', () => {
    expect(labels(sub(menuTemplate(actions(), { platform: 'linux', dev: true })[2]))).toEqual(['重新加载', '开发者工具', '—', '实际大小', '放大', '缩小', '—', '全屏']);
    const mac = menuTemplate(actions(), { platform: 'darwin', dev: false });
    expect(labels(mac)).toEqual(['Quota Watch', '文件', '编辑', '视图', '帮助']);
    expect(sub(mac[0]).at(-1)).toMatchObject({ role: 'quit', label: '退出 Quota Watch' });
    expect(sub(mac[1]).at(-1)).toMatchObject({ role: 'close', label: '关闭窗口' });
  });

  it('关于 names the version and the data file', () => {
    expect(aboutText('0.1.0', '/home/u/.config/quota-watch/quota-watch.sqlite')).toEqual({
      title: '关于 Quota Watch',
      message: 'Quota Watch 换届监测 0.1.0',
      detail: expect.stringContaining('数据文件：/home/u/.config/quota-watch/quota-watch.sqlite'),
    });
  });
});

describe("the shell's IPC contract", () => {
  it('its operations never share a name with the backend’s (one channel carries both)', () => {
    expect(SHELL_OPS.filter((op) => (API_OPS as readonly string[]).includes(op))).toEqual([]);
    expect(isShellOp('printToPdf')).toBe(true);
    expect(isShellOp('status')).toBe(false);
    expect(isShellOp('toString')).toBe(false);
    expect(isShellOp({ toString: () => 'printToPdf' })).toBe(false);
  });

  it('accepts well-formed requests', () => {
    expect(validateShellRequest('chooseImportFiles', undefined)).toEqual({ ok: true, value: {} });
    expect(validateShellRequest('chooseSavePath', { suggestedName: '全县两进一有情况 2026-12-04.xlsx', kind: 'xlsx' })).toMatchObject({ ok: true });
    expect(validateShellRequest('chooseDatabaseFile', { purpose: 'restore' })).toMatchObject({ ok: true });
    expect(validateShellRequest('printToPdf', { route: '/print/report?asOf=2026-12-01&township=%E9%9D%92', suggestedName: '情况报告.pdf' })).toMatchObject({ ok: true });
  });

  it('refuses anything else with a Chinese message naming the field', () => {
    const cases: Array<[Parameters<typeof validateShellRequest>[0], unknown, RegExp]> = [
      ['chooseImportFiles', { defaultPath: '/etc' }, /“选择要导入的文件”请求的参数有误：含有无法识别的字段 "defaultPath"/],
      ['chooseImportFiles', 'x', /应为一个对象/],
      ['chooseSavePath', { suggestedName: '../../.bashrc', kind: 'xlsx' }, /suggestedName 应为文件名（不含文件夹/],
      ['chooseSavePath', { suggestedName: 'C:\\Windows\\a.xlsx', kind: 'xlsx' }, /suggestedName/],
      ['chooseSavePath', { suggestedName: '报告.xlsx', kind: 'exe' }, /kind 应为 xlsx、docx、pdf、csv、zip 之一/],
      ['chooseSavePath', { suggestedName: '', kind: 'pdf' }, /suggestedName/],
      ['chooseDatabaseFile', { purpose: 'delete' }, /purpose 应为 "backup"（备份）或 "restore"（恢复）/],
      ['printToPdf', { route: 'https://evil.example/', suggestedName: 'a.pdf' }, /route 应为报告打印页的路径/],
      ['printToPdf', { route: '/villages', suggestedName: 'a.pdf' }, /route/],
      ['printToPdf', { route: '/print/report#<script>', suggestedName: 'a.pdf' }, /route/],
    ];
    for (const [op, args, message] of cases) {
      const r = validateShellRequest(op, args);
      expect(r.ok, JSON.stringify(args)).toBe(false);
      if (!r.ok) expect(r.error, JSON.stringify(args)).toMatch(message);
    }
  });

  it('print routes: /print and below, with a plain query only', () => {
    for (const ok of ['/print', '/print/report', '/print/township/12?asOf=2026-12-01']) expect(isPrintRoute(ok), ok).toBe(true);
    for (const bad of ['', 'print', '/printer', '/print/../villages', '/print/a b', '/print?x=<b>', `/print/${'a'.repeat(600)}`]) expect(isPrintRoute(bad), bad).toBe(false);
  });
});

describe('dialogs', () => {
  it('import: several spreadsheets at once, every format the reader takes', () => {
    const d = importFilesDialog();
    expect(d.properties).toEqual(['openFile', 'multiSelections']);
    expect(d.filters![0].extensions).toEqual(SPREADSHEET_EXTENSIONS);
    expect(SPREADSHEET_EXTENSIONS).toEqual(expect.arrayContaining(['xlsx', 'xls', 'et', 'csv']));
    expect(restoreDialog().properties).toEqual(['openFile']);
  });

  it('save: in the documents folder, under the suggested name with its extension, confirming an overwrite', () => {
    const docs = path.join(dir, '文档');
    expect(saveDialog(docs, '全县汇总', 'xlsx')).toMatchObject({ defaultPath: path.join(docs, '全县汇总.xlsx'), filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
    expect(saveDialog(docs, '报告.PDF', 'pdf').defaultPath).toBe(path.join(docs, '报告.PDF'));
    expect(backupDialog(docs, new Date(2026, 11, 4, 9, 5)).defaultPath).toBe(path.join(docs, 'quota-watch-备份-20261204-0905.sqlite'));
    expect(savedPath('/d/报告', 'pdf')).toBe('/d/报告.pdf');
    expect(savedPath('/d/报告.pdf', 'pdf')).toBe('/d/报告.pdf');
    expect(withExtension('a.xlsx', 'xlsx')).toBe('a.xlsx');
  });
});

describe('printing a route to PDF', () => {
  function page(states: string[], pdf = Buffer.from('%PDF-1.7 test')) {
    const calls = { opened: [] as string[], probes: 0, printed: [] as unknown[], closed: 0 };
    const open = async (route: string) => {
      calls.opened.push(route);
      return {
        probe: async () => states[Math.min(calls.probes++, states.length - 1)],
        print: async (o: unknown) => (calls.printed.push(o), pdf),
        close: () => void calls.closed++,
      };
    };
    return { calls, open };
  }

  it('waits for the page to say it is ready, prints A4, and writes the file whole', async () => {
    const { calls, open } = page(['', '', 'ready']);
    const target = path.join(dir, '情况报告.pdf');
    const r = await printRouteToPdf('/print/report?asOf=2026-12-01', target, { open, intervalMs: 1 });
    expect(r).toEqual({ path: target, bytes: 13 });
    expect(fs.readFileSync(target, 'latin1')).toBe('%PDF-1.7 test');
    expect(calls).toMatchObject({ opened: ['/print/report?asOf=2026-12-01'], probes: 3, printed: [PDF_OPTIONS], closed: 1 });
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', printBackground: true });
    expect(READY_PROBE).toContain('dataset.printReady');
    expect(fs.readdirSync(dir)).toEqual(['情况报告.pdf']);
  });

  it("the page's own error, a page that never gets ready and a route that is no print page: Chinese messages, window closed", async () => {
    const failing = page(['', 'error:没有可导出的数据，请先导入']);
    await expect(printRouteToPdf('/print/report', path.join(dir, 'a.pdf'), { open: failing.open, intervalMs: 1 })).rejects.toThrow(/无法导出 PDF：没有可导出的数据，请先导入/);
    expect(failing.calls.closed).toBe(1);
    const stuck = page(['']);
    await expect(printRouteToPdf('/print/report', path.join(dir, 'b.pdf'), { open: stuck.open, intervalMs: 1, timeoutMs: 30 })).rejects.toThrow(/没有准备好/);
    expect(stuck.calls.closed).toBe(1);
    const never = page(['ready']);
    await expect(printRouteToPdf('https://evil.example/', path.join(dir, 'c.pdf'), { open: never.open })).rejects.toBeInstanceOf(ShellFailure);
    expect(never.calls.opened).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a folder that cannot be written: the message says so and nothing is left behind', async () => {
    const { open } = page(['ready']);
    await expect(printRouteToPdf('/print/report', path.join(dir, 'missing', 'a.pdf'), { open })).rejects.toThrow(/无法保存 PDF 到 .*missing/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
