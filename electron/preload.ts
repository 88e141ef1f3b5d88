// The preload: exposes exactly one object, `window.quotaWatch` (electron/bridge.ts), over one IPC
// channel. Nothing of Node or Electron reaches the page.

import { contextBridge, ipcRenderer } from 'electron';
import type { ImportProgress } from '../shared/api.ts';
import { API_CHANNEL, PROGRESS_CHANNEL, type ProgressEvent, type QuotaWatchBridge } from './bridge.ts';

const perCall = new Map<string, (p: ImportProgress) => void>();
const listeners = new Set<(e: ProgressEvent) => void>();
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

const bridge: QuotaWatchBridge = {
  async call(op, args, options) {
    const callId = `${prefix}-${++seq}`;
    if (typeof options?.onProgress === 'function') perCall.set(callId, options.onProgress);
    try {
      return await ipcRenderer.invoke(API_CHANNEL, callId, op, args ?? {});
    } finally {
      perCall.delete(callId);
    }
  },
  onProgress(listener) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('quotaWatch', bridge);
