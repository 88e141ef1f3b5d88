// The Electron main process: app lifecycle, one hardened window, and one IPC channel into the Backend.
// Glue only; everything else is in electron/backend/ (tested without Electron).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, type WebContents } from 'electron';
import { API_OPS, type ApiOp, type ApiResult } from '../shared/api.ts';
import { Backend } from './backend/service.ts';
import { defaultDbPath } from './backend/store/paths.ts';
import { API_CHANNEL, PROGRESS_CHANNEL, type ProgressEvent } from './bridge.ts';

// Built layout (electron-vite): out/main/main.js, out/preload/preload.cjs (a sandboxed preload must be
// CommonJS), out/renderer/index.html. In development the renderer comes from the Vite dev server.
const here = import.meta.dirname;
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const indexHtml = path.join(here, '../renderer/index.html');
const preloadPath = path.join(here, '../preload/preload.cjs');

const CSP = devUrl
  ? // Vite's dev client needs inline scripts and a websocket.
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
  : "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** The app's own page: the built index.html, or the dev server's origin. */
function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (devUrl) return url.origin === new URL(devUrl).origin;
    return url.protocol === 'file:' && path.resolve(fileURLToPath(url)) === path.resolve(indexHtml);
  } catch {
    return false;
  }
}

let backend: Backend | null = null;
let win: BrowserWindow | null = null;

function refuse(code: 'bad-request' | 'not-found', message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

/** Every webContents: no new windows (external links included), no navigation away, no webviews. */
function harden(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    title: 'Quota Watch 换届监测',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(indexHtml);
}

function registerApi(b: Backend): void {
  ipcMain.handle(API_CHANNEL, async (event, callId: unknown, op: unknown, args: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return refuse('bad-request', '拒绝：请求不是来自本应用的页面');
    if (typeof op !== 'string' || !(API_OPS as readonly string[]).includes(op)) return refuse('not-found', `未知的操作“${String(op).slice(0, 40)}”`);
    const id = typeof callId === 'string' ? callId.slice(0, 64) : '';
    const sender = event.sender;
    return b.handle(op as ApiOp, args, {
      onProgress: (progress) => {
        if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNEL, { callId: id, op: op as ApiOp, progress } satisfies ProgressEvent);
      },
    });
  });
}

async function start(): Promise<void> {
  // The same file as the CLI: with a productName set, Electron's userData path would differ.
  try {
    backend = Backend.open(defaultDbPath());
  } catch (err) {
    dialog.showErrorBox('Quota Watch 无法打开数据库', (err as Error).message);
    app.quit();
    return;
  }
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-security-policy') delete headers[k];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CSP] } });
  });
  registerApi(backend);
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
