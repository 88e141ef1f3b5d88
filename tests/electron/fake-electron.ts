// A stand-in for the parts of `electron` that main.ts and preload.ts use; it records what they do.
// Used by vi.mock('electron', …) in the tests that run the glue from the sources or from the build.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function makeFake() {
  type Fn = (...args: any[]) => any;
  const appHandlers = new Map<string, Fn>();
  const state = {
    appHandlers,
    windows: [] as Array<{ options: any; loaded: string | null; hash: string | null; handlers: Map<string, Fn>; destroyed: boolean; maximized: boolean; sent: any[][]; webContents: any }>,
    ipcHandlers: new Map<string, Fn>(),
    headersListener: null as Fn | null,
    permissionHandler: null as Fn | null,
    exposed: [] as Array<[string, any]>,
    rendererListeners: new Map<string, Fn>(),
    invoked: [] as any[][],
    quitCalls: 0,
    sandboxEnabled: false,
    paths: new Map<string, string>(),
    menu: null as any,
    opened: [] as string[],
    openDialogs: [] as any[],
    saveDialogs: [] as any[],
    messageBoxes: [] as any[],
    openAnswer: { canceled: false, filePaths: [] as string[] },
    saveAnswer: { canceled: false, filePath: '' as string | undefined },
    printState: 'ready',
    /** When set, the preload's invoke reaches main's handler with this event (the renderer and main joined). */
    routeInvokes: null as null | { senderFrame: { url: string; parent: null }; sender: any },
  };
  const module = {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      enableSandbox: () => void (state.sandboxEnabled = true),
      on: (name: string, fn: Fn) => void appHandlers.set(name, fn),
      whenReady: () => Promise.resolve(),
      quit: () => void state.quitCalls++,
      setPath: (name: string, value: string) => void state.paths.set(name, value),
      getPath: (name: string) => state.paths.get(name) ?? `/fake/${name}`,
      getVersion: () => '0.1.0',
    },
    BrowserWindow: class {
      static getAllWindows = () => state.windows;
      static fromWebContents = (wc: any) => state.windows.find((w) => w.webContents === wc) ?? null;
      entry: (typeof state.windows)[number];
      webContents: any;
      constructor(options: any) {
        const entry: (typeof state.windows)[number] = { options, loaded: null, hash: null, handlers: new Map(), destroyed: false, maximized: false, sent: [], webContents: null };
        entry.webContents = {
          send: (...a: any[]) => {
            entry.sent.push(a);
            // Joined to the preload, a message reaches the window's listener on a later turn, as over IPC.
            if (state.routeInvokes) setImmediate(() => state.rendererListeners.get(a[0])?.({}, ...structuredClone(a.slice(1))));
          },
          executeJavaScript: async () => state.printState,
          printToPDF: async (o: any) => Buffer.from(`%PDF ${JSON.stringify(o.pageSize)} ${entry.hash}`),
          isDestroyed: () => entry.destroyed,
        };
        this.entry = entry;
        this.webContents = entry.webContents;
        state.windows.push(entry);
      }
      once(name: string, fn: Fn) {
        this.entry.handlers.set(name, fn);
      }
      on(name: string, fn: Fn) {
        this.entry.handlers.set(name, fn);
      }
      show() {}
      maximize() {
        this.entry.maximized = true;
      }
      isMaximized() {
        return this.entry.maximized;
      }
      getNormalBounds() {
        return { x: 30, y: 40, width: 1300, height: 700 };
      }
      isMinimized() {
        return false;
      }
      focus() {}
      destroy() {
        this.entry.destroyed = true;
      }
      loadFile(file: string, options?: { hash?: string }) {
        this.entry.loaded = file;
        this.entry.hash = options?.hash ?? null;
        return Promise.resolve();
      }
      loadURL(url: string) {
        this.entry.loaded = url;
        return Promise.resolve();
      }
    },
    dialog: {
      showErrorBox: (title: string, message: string) => console.error(title, message),
      showOpenDialog: async (...a: any[]) => (state.openDialogs.push(a.at(-1)), state.openAnswer),
      showSaveDialog: async (...a: any[]) => (state.saveDialogs.push(a.at(-1)), state.saveAnswer),
      showMessageBox: async (...a: any[]) => (state.messageBoxes.push(a.at(-1)), { response: 0 }),
    },
    ipcMain: { handle: (channel: string, fn: Fn) => void state.ipcHandlers.set(channel, fn) },
    Menu: {
      buildFromTemplate: (template: any) => ({ template }),
      setApplicationMenu: (menu: any) => void (state.menu = menu),
    },
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    shell: { openPath: async (p: string) => (state.opened.push(p), '') },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Fn) => void (state.permissionHandler = fn),
        setPermissionCheckHandler: () => {},
        webRequest: { onHeadersReceived: (fn: Fn) => void (state.headersListener = fn) },
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, api: any) => void state.exposed.push([key, api]) },
    webUtils: { getPathForFile: (file: any) => `/dropped/${file.name}` },
    ipcRenderer: {
      on: (channel: string, fn: Fn) => void state.rendererListeners.set(channel, fn),
      invoke: async (...args: any[]) => {
        state.invoked.push(args);
        const [channel, ...rest] = args;
        if (state.routeInvokes) return state.ipcHandlers.get(channel)!(state.routeInvokes, ...structuredClone(rest));
        return { ok: true, value: 'reply' };
      },
    },
  };
  return { state, module };
}

export const fake = makeFake();

/**
 * A temporary HOME (and XDG_CONFIG_HOME) for main.ts run from the sources, so that defaultDbPath() lands in a
 * temporary folder, never the real user's. `restore` puts the environment back and removes the folder.
 */
export function useTempHome(prefix: string): { home: string; restore: () => void } {
  const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
  const home = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.env.HOME = home;
  process.env.XDG_CONFIG_HOME = path.join(home, '.config');
  delete process.env.ELECTRON_RENDERER_URL;
  return {
    home,
    restore: () => {
      process.env.HOME = saved.HOME;
      if (saved.XDG_CONFIG_HOME === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved.XDG_CONFIG_HOME;
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
