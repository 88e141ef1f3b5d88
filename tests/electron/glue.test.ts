// The Electron glue, which cannot run here: its source is checked for the security settings, and
// main.ts and preload.ts are run against a stand-in `electron` module to see what they register and
// what the one IPC channel accepts (the backend's operations and the shell's: dialogs, PDF, data
// folder). The Backend behind it is real (a temporary database).

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSP } from '../../electron/csp.ts';
import { fake, useTempHome } from './fake-electron.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const source = (file: string) =>
  fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');

vi.mock('electron', async () => (await import('./fake-electron.ts')).fake.module);


const STRICT_CSP = CSP;

describe('main.ts and preload.ts, read as text', () => {
  const main = source('electron/main.ts');
  const preload = source('electron/preload.ts');

  it('main: windows only through the hardened options, no Node in the page', () => {
    const options = source('electron/window-options.ts');
    expect(options).toMatch(/contextIsolation:\s*true/);
    expect(options).toMatch(/sandbox:\s*true/);
    expect(options).toMatch(/nodeIntegration:\s*false/);
    expect(options).toMatch(/webSecurity:\s*true/);
    for (const text of [main, options]) {
      expect(text).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|allowRunningInsecureContent:\s*true/);
    }
    expect(main).not.toMatch(/webPreferences/);
    expect(main.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(main.match(/openWindow\((main|print)WindowOptions\(/g)).toHaveLength(2);
  });

  it('main: denies new windows, guards navigation, one IPC channel with sender and op checks', () => {
    expect(main).toMatch(/setWindowOpenHandler\(\(\)\s*=>\s*\(\{\s*action:\s*'deny'\s*\}\)\)/);
    expect(main).not.toMatch(/action:\s*'allow'|shell\.openExternal/);
    expect(main).toMatch(/'will-navigate'[\s\S]{0,120}preventDefault\(\)/);
    expect(main.match(/ipcMain\.handle\(/g)).toHaveLength(1);
    expect(main).not.toMatch(/ipcMain\.on\(|ipcMain\.handleOnce|remote/);
    expect(main).toMatch(/senderFrame/);
    expect(main).toMatch(/API_OPS/);
    expect(main).toMatch(/validateShellRequest/);
    expect(main).toMatch(/Backend\.open\(dbPath/);
    expect(main).toMatch(/const dbPath = defaultDbPath\(\)/);
    expect(main).toMatch(/requestSingleInstanceLock/);
  });

  it('preload: exposes exactly one object, quotaWatch, and never ipcRenderer itself', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload.match(/ipcRenderer\.invoke\(API_CHANNEL/g)).toHaveLength(3);
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync|invoke)\((?!API_CHANNEL)/);
    expect(preload).toMatch(/exposeInMainWorld\('quotaWatch', bridge\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).not.toMatch(/from 'node:|require\(/);
  });

  it('bridge.ts is types and channel names only, no electron', () => {
    const bridge = source('electron/bridge.ts');
    expect(bridge).not.toMatch(/from 'electron'|from 'node:/);
  });
});

describe('main.ts and preload.ts, run against a stand-in electron', () => {
  let home: string;
  let restoreHome: () => void;
  const appPage = pathToFileURL(path.join(ROOT, 'renderer/index.html')).href;

  beforeAll(async () => {
    // defaultDbPath() must land in a temporary folder, never the real user's.
    ({ home, restore: restoreHome } = useTempHome('qw-glue-'));
    await import('../../electron/main.ts');
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1), { timeout: 10_000 });
    await import('../../electron/preload.ts');
  });

  afterAll(async () => {
    // will-quit closes the backend.
    const event = { preventDefault: vi.fn() };
    fake.state.appHandlers.get('will-quit')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.state.quitCalls).toBeGreaterThan(0));
    restoreHome();
  });

  it('opens the database at defaultDbPath() and one hardened window on the built page, placed on the screen', () => {
    const dataDir = path.join(home, '.config', 'quota-watch');
    expect(fs.existsSync(path.join(dataDir, 'quota-watch.sqlite'))).toBe(true);
    expect(fake.state.paths.get('userData')).toBe(dataDir);
    expect(fake.state.paths.get('sessionData')).toBe(path.join(dataDir, 'chromium'));
    expect(fake.state.sandboxEnabled).toBe(true);
    const [w] = fake.state.windows;
    expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(w.options).toMatchObject({ x: 320, y: 110, width: 1280, height: 820, minWidth: 1024, show: false });
    expect(w.loaded).toBe(path.join(ROOT, 'renderer/index.html'));
    expect([...fake.state.ipcHandlers.keys()]).toEqual(['qw:api']);
  });

  it('installs the Chinese menu; 导入… and 导出… go to the window, 打开数据文件夹 opens it', async () => {
    const template = fake.state.menu.template as any[];
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const file = template[0].submenu as any[];
    file.find((i) => i.label === '导入…').click();
    file.find((i) => i.label === '导出…').click();
    expect(fake.state.windows[0].sent).toEqual([
      ['qw:menu', 'import'],
      ['qw:menu', 'export'],
    ]);
    file.find((i) => i.label === '打开数据文件夹').click();
    expect(fake.state.opened.at(-1)).toBe(path.join(home, '.config', 'quota-watch'));
  });

  it('备份数据库… asks where, backs up through the backend, and says how it went', async () => {
    const target = path.join(home, '菜单备份.sqlite');
    fake.state.saveAnswer = { canceled: false, filePath: target };
    const file = fake.state.menu.template[0].submenu as any[];
    file.find((i: any) => i.label === '备份数据库…').click();
    await vi.waitFor(() => expect(fake.state.messageBoxes.length).toBe(1));
    expect(fake.state.saveDialogs.at(-1)).toMatchObject({ title: '备份数据库', filters: [{ extensions: ['sqlite'] }] });
    expect(fake.state.messageBoxes[0]).toMatchObject({ type: 'info', message: '备份完成', detail: expect.stringContaining(target) });
    expect(fs.statSync(target).size).toBeGreaterThan(0);
  });

  it('remembers the window place when it closes', () => {
    fake.state.windows[0].handlers.get('close')!();
    const saved = JSON.parse(fs.readFileSync(path.join(home, '.config', 'quota-watch', 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ bounds: { x: 30, y: 40, width: 1300, height: 700 }, maximized: false });
  });

  it('sets the strict CSP on responses and refuses every permission', () => {
    let got: any;
    fake.state.headersListener!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, (r: any) => (got = r));
    expect(got.responseHeaders).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [STRICT_CSP] });
    const cb = vi.fn();
    fake.state.permissionHandler!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
  });

  it('every webContents: new windows denied, navigation away prevented, webviews refused', () => {
    let openHandler: any;
    const on = new Map<string, (...a: any[]) => void>();
    const contents = { setWindowOpenHandler: (fn: any) => (openHandler = fn), on: (name: string, fn: any) => on.set(name, fn) };
    fake.state.appHandlers.get('web-contents-created')!({}, contents);
    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: appPage })).toEqual({ action: 'deny' });
    for (const [url, blocked] of [
      ['https://evil.example/', true],
      ['file:///etc/passwd', true],
      [pathToFileURL(path.join(ROOT, 'renderer/other.html')).href, true],
      [appPage + '#/village/3', false],
    ] as const) {
      const e = { preventDefault: vi.fn() };
      on.get('will-navigate')!(e, url);
      expect(e.preventDefault.mock.calls.length, url).toBe(blocked ? 1 : 0);
    }
    const w = { preventDefault: vi.fn() };
    on.get('will-attach-webview')!(w);
    expect(w.preventDefault).toHaveBeenCalled();
  });

  it('the IPC channel answers only the app page, only operations of the contract, with progress by call id', async () => {
    const handler = fake.state.ipcHandlers.get('qw:api')!;
    const sent: any[][] = [];
    const event = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent }, sender: { isDestroyed: () => false, send: (...a: any[]) => sent.push(a) } });

    expect(await handler(event(appPage), 'c1', 'status', {})).toMatchObject({ ok: true, value: { villages: [] } });
    expect(await handler(event('https://evil.example/'), 'c2', 'status', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await handler(event(appPage, { url: appPage }), 'c3', 'status', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await handler({ senderFrame: null, sender: {} }, 'c4', 'status', {})).toMatchObject({ ok: false });
    expect(await handler(event(appPage), 'c5', 'dropDatabase', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await handler(event(appPage), 'c6', { toString: () => 'status' }, {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await handler(event(appPage), 'c7', 'village', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/村详情/) } });

    const fixture = path.join(ROOT, 'tests/fixtures/青山镇-换届名单.xlsx');
    const r = await handler(event(appPage), 'c8', 'importFiles', { paths: [fixture] });
    expect(r.ok && r.value.villages).toHaveLength(8);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every(([channel, e]) => channel === 'qw:progress' && e.callId === 'c8' && e.op === 'importFiles')).toBe(true);
    expect(sent.at(-1)![1].progress.phase).toBe('done');
  });

  it("the same channel runs the shell's operations: dialogs answered by the user, arguments checked", async () => {
    const handler = fake.state.ipcHandlers.get('qw:api')!;
    const main = fake.state.windows[0];
    const event = (url = appPage) => ({ senderFrame: { url, parent: null }, sender: main.webContents });

    fake.state.openAnswer = { canceled: false, filePaths: ['/data/青山镇.xlsx', '/data/云溪乡.xls'] };
    expect(await handler(event(), 's1', 'chooseImportFiles', {})).toEqual({ ok: true, value: { paths: ['/data/青山镇.xlsx', '/data/云溪乡.xls'] } });
    expect(fake.state.openDialogs.at(-1)).toMatchObject({ properties: ['openFile', 'multiSelections'] });
    fake.state.openAnswer = { canceled: true, filePaths: [] };
    expect(await handler(event(), 's2', 'chooseDatabaseFile', { purpose: 'restore' })).toEqual({ ok: true, value: { path: null } });

    fake.state.saveAnswer = { canceled: false, filePath: path.join(home, '全县汇总') };
    expect(await handler(event(), 's3', 'chooseSavePath', { suggestedName: '全县汇总', kind: 'xlsx' })).toEqual({ ok: true, value: { path: path.join(home, '全县汇总.xlsx') } });
    expect(fake.state.saveDialogs.at(-1).defaultPath).toMatch(/全县汇总\.xlsx$/);

    const bad = await handler(event(), 's4', 'chooseSavePath', { suggestedName: '../x', kind: 'xlsx' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/suggestedName/) } });
    expect(await handler(event('https://evil.example/'), 's5', 'chooseImportFiles', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    expect(await handler(event(), 's6', 'openDataFolder', {})).toEqual({ ok: true, value: { path: path.join(home, '.config', 'quota-watch') } });
  });

  it('printToPdf lays the print route out in a hidden hardened window, prints it to the chosen file, and closes it', async () => {
    const handler = fake.state.ipcHandlers.get('qw:api')!;
    const event = { senderFrame: { url: appPage, parent: null }, sender: fake.state.windows[0].webContents };
    const target = path.join(home, '情况报告.pdf');
    fake.state.saveAnswer = { canceled: false, filePath: target };
    const before = fake.state.windows.length;
    const r = await handler(event, 'p1', 'printToPdf', { route: '/print/report?asOf=2026-12-01', suggestedName: '情况报告' });
    expect(r).toMatchObject({ ok: true, value: { path: target } });
    const pw = fake.state.windows[before];
    expect(pw.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(pw).toMatchObject({ loaded: path.join(ROOT, 'renderer/index.html'), hash: '/print/report?asOf=2026-12-01', destroyed: true });
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF "A4" /print/report?asOf=2026-12-01');

    fake.state.printState = 'error:尚未导入任何数据';
    const failed = await handler(event, 'p2', 'printToPdf', { route: '/print/report', suggestedName: 'x.pdf' });
    expect(failed).toMatchObject({ ok: false, error: { message: '无法导出 PDF：尚未导入任何数据' } });
    expect(fake.state.windows.at(-1)!.destroyed).toBe(true);
    fake.state.saveAnswer = { canceled: true, filePath: undefined };
    expect(await handler(event, 'p3', 'printToPdf', { route: '/print/report', suggestedName: 'x.pdf' })).toEqual({ ok: true, value: { path: null, bytes: 0 } });
  });

  it('preload: window.quotaWatch is the desktop bridge over qw:api, progress routed by call id', async () => {
    expect(fake.state.exposed).toHaveLength(1);
    const [key, api] = fake.state.exposed[0];
    expect(key).toBe('quotaWatch');
    expect(Object.keys(api).sort()).toEqual(['call', 'cancel', 'desktop', 'onMenu', 'onProgress', 'pathForFile', 'shell']);
    expect(api.desktop).toBe(true);

    const own = vi.fn();
    const all = vi.fn();
    const unsubscribe = api.onProgress(all);
    const pending = api.call('importFiles', { paths: ['a.xlsx'] }, { onProgress: own });
    const [channel, callId, op, args] = fake.state.invoked.at(-1)!;
    expect([channel, op, args]).toEqual(['qw:api', 'importFiles', { paths: ['a.xlsx'] }]);
    expect(typeof callId).toBe('string');

    const deliver = fake.state.rendererListeners.get('qw:progress')!;
    const progress = { phase: 'reading', filesDone: 0, filesTotal: 1, file: 'a.xlsx', sheets: 0, rows: 10, rowsTotal: null, villages: 1 };
    deliver({}, { callId, op: 'importFiles', progress });
    deliver({}, { callId: 'someone-else', op: 'importFiles', progress });
    expect(own).toHaveBeenCalledTimes(1);
    expect(own).toHaveBeenCalledWith(progress);
    expect(all).toHaveBeenCalledTimes(2);
    expect(await pending).toEqual({ ok: true, value: 'reply' });

    unsubscribe();
    deliver({}, { callId, op: 'importFiles', progress });
    expect(all).toHaveBeenCalledTimes(2);
    expect(own).toHaveBeenCalledTimes(1); // the call is over

    await api.call('status');
    expect(fake.state.invoked.at(-1)!.slice(2)).toEqual(['status', {}]);
    await api.shell('chooseSavePath', { suggestedName: 'a', kind: 'pdf' });
    expect(fake.state.invoked.at(-1)![0]).toBe('qw:api');
    expect(fake.state.invoked.at(-1)!.slice(2)).toEqual(['chooseSavePath', { suggestedName: 'a', kind: 'pdf' }]);
    const ids = fake.state.invoked.map((a) => a[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('preload: menu commands reach their listeners (unknown ones do not); dropped files give their paths', () => {
    const [, api] = fake.state.exposed[0];
    const got = vi.fn();
    const off = api.onMenu(got);
    const deliver = fake.state.rendererListeners.get('qw:menu')!;
    deliver({}, 'import');
    deliver({}, 'format-disk');
    deliver({}, { command: 'import' });
    expect(got.mock.calls).toEqual([['import']]);
    off();
    deliver({}, 'export');
    expect(got).toHaveBeenCalledTimes(1);
    expect(api.pathForFile({ name: '青山镇.xlsx' })).toBe('/dropped/青山镇.xlsx');
  });
});
