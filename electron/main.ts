// The Electron main process: app lifecycle, one hardened window, the menu, and one IPC channel onto the
// Backend and the shell's own operations (dialogs, PDF, data folder). Glue only: every rule it applies
// lives in a plain module beside it (csp, navigation, window-options, window-state, menu, dialogs,
// print, shell-contract), tested without Electron.

import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_OPS, type ApiOp, type ApiResult } from '../shared/api.ts';
import { Backend } from './backend/service.ts';
import { defaultDbPath } from './backend/store/paths.ts';
import { useSqliteAddon } from './backend/store/sqlite-addon.ts';
import { API_CHANNEL, CANCEL_OP, MENU_CHANNEL, PROGRESS_CHANNEL, type MenuCommand, type ProgressEvent } from './bridge.ts';
import { CSP, DEV_CSP } from './csp.ts';
import { backupDialog, importFilesDialog, importFolderDialog, restoreDialog, ruleFileDialog, saveDialog, savedPath } from './dialogs.ts';
import { cancelTarget, RunningCalls } from './ipc-calls.ts';
import { aboutText, menuTemplate } from './menu.ts';
import { isAppUrl, type AppPage } from './navigation.ts';
import { printRouteToPdf, READY_PROBE } from './print.ts';
import { isShellOp, ShellFailure, validateShellRequest, withExtension, type ShellOp, type ShellReplies, type ShellRequests } from './shell-contract.ts';
import { mainWindowOptions, printWindowOptions } from './window-options.ts';
import { fitWindow, loadWindowState, saveWindowState } from './window-state.ts';

// Built layout (electron-vite): out/main/main.js, out/preload/preload.cjs (a sandboxed preload must be
// CommonJS), out/renderer/index.html. In development the renderer comes from the Vite dev server.
const here = import.meta.dirname;
const page: AppPage = {
  indexHtml: path.join(here, '../renderer/index.html'),
  devUrl: !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined,
};
const preloadPath = path.join(here, '../preload/preload.cjs');

// The database and Electron's own files share the folder the CLI uses (defaultDbPath); Chromium's caches
// go to a subfolder of it, and the window's place to a small file there.
const dbPath = defaultDbPath();
const dataDir = path.dirname(dbPath);
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'chromium'));
const stateFile = path.join(dataDir, 'window-state.json');
// Development only (npm start): better-sqlite3 built for Electron, kept apart from the Node build.
if (!app.isPackaged) useSqliteAddon(process.env.QW_SQLITE_ADDON || undefined);
const logFile = path.join(dataDir, 'logs', 'quota-watch.log');

let backend: Backend | null = null;
let win: BrowserWindow | null = null;
/** Backend calls still running, per window, each cancellable by CANCEL_OP with its call id. */
const running = new RunningCalls<WebContents>();

function log(line: string): void {
  try {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    fs.appendFileSync(logFile, `${line}\n`);
  } catch {
    process.stderr.write(`${line}\n`);
  }
}

function refuse(code: 'bad-request' | 'not-found', message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

/** Every webContents: no new windows (external links included), no navigation away, no webviews. */
function harden(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(page, url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(page, url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The one place a window is made: options from window-options.ts, so none goes without the hardening. */
function openWindow(options: Electron.BrowserWindowConstructorOptions): BrowserWindow {
  return new BrowserWindow(options);
}

function load(w: BrowserWindow, hash?: string): Promise<void> {
  if (page.devUrl) return w.loadURL(hash ? `${page.devUrl}#${hash}` : page.devUrl);
  return w.loadFile(page.indexHtml, hash ? { hash } : undefined);
}

function createWindow(): void {
  const placed = fitWindow(loadWindowState(stateFile), [screen.getPrimaryDisplay().workArea, ...screen.getAllDisplays().map((d) => d.workArea)]);
  const w = openWindow(mainWindowOptions({ preload: preloadPath, bounds: placed.bounds }));
  win = w;
  if (placed.maximized) w.maximize();
  w.once('ready-to-show', () => w.show());
  w.on('close', () => {
    try {
      saveWindowState(stateFile, { bounds: w.getNormalBounds(), maximized: w.isMaximized() });
    } catch {
      // the place is not worth an error on the way out
    }
  });
  w.on('closed', () => (win = null));
  void load(w);
}

function sendMenu(command: MenuCommand): void {
  if (!win) createWindow();
  win?.webContents.send(MENU_CHANNEL, command);
}

async function backupFromMenu(): Promise<void> {
  if (!backend) return;
  const chosen = win ? await dialog.showSaveDialog(win, backupDialog(app.getPath('documents'), new Date())) : await dialog.showSaveDialog(backupDialog(app.getPath('documents'), new Date()));
  if (chosen.canceled || !chosen.filePath) return;
  const r = await backend.handle('backupDatabase', { path: savedPath(chosen.filePath, 'sqlite') });
  const box = r.ok ? { type: 'info' as const, message: '备份完成', detail: r.value.message } : { type: 'error' as const, message: '备份失败', detail: r.error.message };
  if (win) await dialog.showMessageBox(win, { ...box, title: '备份数据库' });
}

function installMenu(): void {
  const template = menuTemplate(
    {
      send: sendMenu,
      backup: () => void backupFromMenu(),
      openDataFolder: () => void shell.openPath(dataDir),
      about: () => {
        const t = aboutText(app.getVersion(), dbPath);
        if (win) void dialog.showMessageBox(win, { type: 'info', ...t });
      },
    },
    { platform: process.platform, dev: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** The shell's operations (shell-contract.ts), each a dialog the user answers, or a PDF, or the folder. */
async function runShell<Op extends ShellOp>(op: Op, args: ShellRequests[Op], sender: WebContents): Promise<ShellReplies[Op]> {
  const parent = BrowserWindow.fromWebContents(sender) ?? win;
  const open = (o: Electron.OpenDialogOptions) => (parent ? dialog.showOpenDialog(parent, o) : dialog.showOpenDialog(o));
  const save = (o: Electron.SaveDialogOptions) => (parent ? dialog.showSaveDialog(parent, o) : dialog.showSaveDialog(o));
  const one = (r: Electron.OpenDialogReturnValue) => (r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]);
  const docs = app.getPath('documents');
  const a = args as ShellRequests[ShellOp];
  const run: { [K in ShellOp]: () => Promise<ShellReplies[K]> } = {
    chooseImportFiles: async () => ({ paths: (await open(importFilesDialog())).filePaths }),
    chooseImportFolder: async () => ({ paths: (await open(importFolderDialog())).filePaths }),
    chooseRuleFile: async () => ({ path: one(await open(ruleFileDialog())) }),
    chooseDatabaseFile: async () => {
      if ((a as ShellRequests['chooseDatabaseFile']).purpose === 'restore') return { path: one(await open(restoreDialog())) };
      const r = await save(backupDialog(docs, new Date()));
      return { path: r.canceled || !r.filePath ? null : r.filePath };
    },
    chooseSavePath: async () => {
      const { suggestedName, kind } = a as ShellRequests['chooseSavePath'];
      const r = await save(saveDialog(docs, suggestedName, kind));
      return { path: r.canceled || !r.filePath ? null : savedPath(r.filePath, kind) };
    },
    printToPdf: async () => {
      const { route, suggestedName } = a as ShellRequests['printToPdf'];
      const r = await save(saveDialog(docs, withExtension(suggestedName, 'pdf'), 'pdf'));
      if (r.canceled || !r.filePath) return { path: null, bytes: 0 };
      return printRouteToPdf(route, savedPath(r.filePath, 'pdf'), {
        open: async (hash) => {
          const pw = openWindow(printWindowOptions(preloadPath));
          await load(pw, hash);
          return {
            probe: () => pw.webContents.executeJavaScript(READY_PROBE, false) as Promise<string>,
            print: (options) => pw.webContents.printToPDF(options),
            close: () => pw.destroy(),
          };
        },
      });
    },
    openDataFolder: async () => {
      const failed = await shell.openPath(dataDir);
      if (failed) throw new ShellFailure(`无法打开数据文件夹 ${dataDir}：${failed}`);
      return { path: dataDir };
    },
  };
  return run[op]() as Promise<ShellReplies[Op]>;
}

function registerApi(b: Backend): void {
  ipcMain.handle(API_CHANNEL, async (event: IpcMainInvokeEvent, callId: unknown, op: unknown, args: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(page, frame.url)) return refuse('bad-request', '拒绝：请求不是来自本应用的页面');
    if (isShellOp(op)) {
      const v = validateShellRequest(op, args);
      if (!v.ok) return refuse('bad-request', v.error);
      try {
        return { ok: true, value: await runShell(op, v.value, event.sender) };
      } catch (err) {
        if (err instanceof ShellFailure) return { ok: false, error: { code: 'internal', message: err.message } };
        return { ok: false, error: Backend.errorOf(err, (d) => log(`[${new Date().toISOString()}] ${op}: ${d}`)) };
      }
    }
    const sender = event.sender;
    if (op === CANCEL_OP) {
      const target = cancelTarget(args);
      if (target === null) return refuse('bad-request', '“取消”请求的参数有误：callId 应为要取消的调用编号（1至64个字符）');
      return { ok: true, value: running.cancel(sender, target) };
    }
    if (typeof op !== 'string' || !(API_OPS as readonly string[]).includes(op)) return refuse('not-found', `未知的操作“${String(op).slice(0, 40)}”`);
    const id = typeof callId === 'string' ? callId.slice(0, 64) : '';
    // A page's call ids are unique; one without an id, or a repeated one, cannot be cancelled.
    const cancellable = id !== '' && !running.isRunning(sender, id);
    const signal = cancellable ? running.start(sender, id) : undefined;
    try {
      return await b.handle(op as ApiOp, args, {
        signal,
        onProgress: (progress) => {
          if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNEL, { callId: id, op: op as ApiOp, progress } satisfies ProgressEvent);
        },
      });
    } finally {
      if (cancellable) running.end(sender, id);
    }
  });
}

async function start(): Promise<void> {
  try {
    // Packaged, the sample workbooks are resources (electron-builder.ts extraResources); from the sources, seeds/.
    const samplesDir = app.isPackaged ? path.join(process.resourcesPath, 'seeds') : undefined;
    backend = Backend.open(dbPath, { log, samplesDir });
  } catch (err) {
    dialog.showErrorBox('Quota Watch 无法打开数据库', (err as Error).message);
    app.quit();
    return;
  }
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  const policy = page.devUrl ? DEV_CSP : CSP;
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-security-policy') delete headers[k];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
  registerApi(backend);
  installMenu();
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (!backend || closed) return;
    event.preventDefault();
    closed = true;
    void backend.close().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
