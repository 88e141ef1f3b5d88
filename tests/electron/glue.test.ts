// The Electron glue, which cannot run here: its source is checked for the security settings, and
// main.ts and preload.ts are run against a stand-in `electron` module to see what they register and
// what the one IPC channel accepts. The Backend behind it is real (a temporary database).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const source = (file: string) =>
  fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');

// A stand-in for the parts of `electron` main.ts and preload.ts use; it records what they do.
const fake = vi.hoisted(() => {
  type Fn = (...args: any[]) => any;
  const appHandlers = new Map<string, Fn>();
  const state = {
    appHandlers,
    windows: [] as Array<{ options: any; loaded: string | null }>,
    ipcHandlers: new Map<string, Fn>(),
    headersListener: null as Fn | null,
    permissionHandler: null as Fn | null,
    exposed: [] as Array<[string, any]>,
    rendererListeners: new Map<string, Fn>(),
    invoked: [] as any[][],
    quitCalls: 0,
    sandboxEnabled: false,
  };
  const module = {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      enableSandbox: () => void (state.sandboxEnabled = true),
      on: (name: string, fn: Fn) => void appHandlers.set(name, fn),
      whenReady: () => Promise.resolve(),
      quit: () => void state.quitCalls++,
    },
    BrowserWindow: class {
      static getAllWindows = () => state.windows;
      entry: { options: any; loaded: string | null };
      constructor(options: any) {
        this.entry = { options, loaded: null };
        state.windows.push(this.entry);
      }
      once() {}
      on() {}
      show() {}
      loadFile(file: string) {
        this.entry.loaded = file;
        return Promise.resolve();
      }
      loadURL(url: string) {
        this.entry.loaded = url;
        return Promise.resolve();
      }
    },
    dialog: { showErrorBox: (title: string, message: string) => console.error(title, message) },
    ipcMain: { handle: (channel: string, fn: Fn) => void state.ipcHandlers.set(channel, fn) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Fn) => void (state.permissionHandler = fn),
        setPermissionCheckHandler: () => {},
        webRequest: { onHeadersReceived: (fn: Fn) => void (state.headersListener = fn) },
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, api: any) => void state.exposed.push([key, api]) },
    ipcRenderer: {
      on: (channel: string, fn: Fn) => void state.rendererListeners.set(channel, fn),
      invoke: async (...args: any[]) => {
        state.invoked.push(args);
        return { ok: true, value: 'reply' };
      },
    },
  };
  return { state, module };
});

vi.mock('electron', () => fake.module);

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

describe('main.ts and preload.ts, read as text', () => {
  const main = source('electron/main.ts');
  const preload = source('electron/preload.ts');

  it('main: one window, isolated and sandboxed, no Node in the page', () => {
    expect(main).toMatch(/contextIsolation:\s*true/);
    expect(main).toMatch(/sandbox:\s*true/);
    expect(main).toMatch(/nodeIntegration:\s*false/);
    expect(main).toMatch(/webSecurity:\s*true/);
    expect(main).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|allowRunningInsecureContent/);
    expect(main.match(/new BrowserWindow\(/g)).toHaveLength(1);
  });

  it('main: denies new windows, guards navigation, one IPC channel with sender and op checks', () => {
    expect(main).toMatch(/setWindowOpenHandler\(\(\)\s*=>\s*\(\{\s*action:\s*'deny'\s*\}\)\)/);
    expect(main).not.toMatch(/action:\s*'allow'|shell\.openExternal/);
    expect(main).toMatch(/'will-navigate'[\s\S]{0,120}preventDefault\(\)/);
    expect(main.match(/ipcMain\.handle\(/g)).toHaveLength(1);
    expect(main).not.toMatch(/ipcMain\.on\(|ipcMain\.handleOnce|remote/);
    expect(main).toMatch(/senderFrame/);
    expect(main).toMatch(/API_OPS/);
    expect(main).toMatch(/Backend\.open\(defaultDbPath\(\)\)/);
    expect(main).toContain(STRICT_CSP);
  });

  it('preload: exposes exactly one object, quotaWatch, and never ipcRenderer itself', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
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
  const env = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
  const appPage = pathToFileURL(path.join(ROOT, 'renderer/index.html')).href;

  beforeAll(async () => {
    // defaultDbPath() must land in a temporary folder, never the real user's.
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-glue-'));
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = path.join(home, '.config');
    delete process.env.ELECTRON_RENDERER_URL;
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
    process.env.HOME = env.HOME;
    if (env.XDG_CONFIG_HOME === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = env.XDG_CONFIG_HOME;
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('opens the database at defaultDbPath() and one hardened window on the built page', () => {
    expect(fs.existsSync(path.join(home, '.config', 'quota-watch', 'quota-watch.sqlite'))).toBe(true);
    expect(fake.state.sandboxEnabled).toBe(true);
    const [w] = fake.state.windows;
    expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(w.loaded).toBe(path.join(ROOT, 'renderer/index.html'));
    expect([...fake.state.ipcHandlers.keys()]).toEqual(['qw:api']);
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

  it('preload: window.quotaWatch is { call, onProgress } over qw:api, progress routed by call id', async () => {
    expect(fake.state.exposed).toHaveLength(1);
    const [key, api] = fake.state.exposed[0];
    expect(key).toBe('quotaWatch');
    expect(Object.keys(api).sort()).toEqual(['call', 'onProgress']);

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
    const ids = fake.state.invoked.map((a) => a[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
