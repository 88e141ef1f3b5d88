// The preload: exposes exactly one object, `window.quotaWatch` (electron/bridge.ts), over one IPC
// request channel. Nothing of Node or Electron reaches the page.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ImportProgress } from '../shared/api.ts';
import { API_CHANNEL, CANCEL_OP, MENU_CHANNEL, MENU_COMMANDS, PROGRESS_CHANNEL, type DesktopBridge, type MenuCommand, type ProgressEvent } from './bridge.ts';

const perCall = new Map<string, (p: ImportProgress) => void>();
const listeners = new Set<(e: ProgressEvent) => void>();
const menuListeners = new Set<(c: MenuCommand) => void>();
const prefix = Math.random().toString(36).slice(2, 10);
let seq = 0;

/** Runs a listener; one that fails must not stop the others. */
function safely(run: () => void): void {
  try {
    run();
  } catch {
    // ignored
  }
}

ipcRenderer.on(PROGRESS_CHANNEL, (_event, e: ProgressEvent) => {
  const own = perCall.get(e.callId);
  if (own) safely(() => own(e.progress));
  for (const listener of listeners) safely(() => listener(e));
});

ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
  if (!MENU_COMMANDS.includes(command as MenuCommand)) return;
  for (const listener of menuListeners) safely(() => listener(command as MenuCommand));
});

const bridge: DesktopBridge = {
  desktop: true,
  async call(op, args, options) {
    const callId = `${prefix}-${++seq}`;
    if (typeof options?.onProgress === 'function') perCall.set(callId, options.onProgress);
    const onCall = options?.onCall;
    if (typeof onCall === 'function') safely(() => onCall(callId));
    try {
      return await ipcRenderer.invoke(API_CHANNEL, callId, op, args ?? {});
    } finally {
      perCall.delete(callId);
    }
  },
  async cancel(callId) {
    const r = await ipcRenderer.invoke(API_CHANNEL, `${prefix}-${++seq}`, CANCEL_OP, { callId: String(callId) });
    return r?.ok === true && r.value === true;
  },
  onProgress(listener) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  shell(op, args) {
    return ipcRenderer.invoke(API_CHANNEL, `${prefix}-${++seq}`, op, args ?? {});
  },
  onMenu(listener) {
    menuListeners.add(listener);
    return () => {
      menuListeners.delete(listener);
    };
  },
  pathForFile(file) {
    return webUtils.getPathForFile(file);
  },
};

contextBridge.exposeInMainWorld('quotaWatch', bridge);
