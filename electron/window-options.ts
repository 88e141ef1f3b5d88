// The options of every window the app opens: the main window and the hidden one that prints a report
// to PDF. One place, so that no window ever goes without the hardening.

import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { MIN_SIZE, type Rect } from './window-state.ts';

export const APP_TITLE = 'Quota Watch 换届监测';

/** Isolated, sandboxed, no Node in the page, no webviews: the renderer speaks only through the preload. */
export function hardenedPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function mainWindowOptions(opts: { preload: string; bounds: Partial<Rect> & { width: number; height: number }; icon?: string }): BrowserWindowConstructorOptions {
  return {
    ...opts.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: APP_TITLE,
    backgroundColor: '#ffffff',
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: hardenedPreferences(opts.preload),
  };
}

/** The hidden window a report page is laid out in for printToPDF (A4 portrait at 96 dpi). */
export function printWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 794,
    height: 1123,
    show: false,
    title: APP_TITLE,
    webPreferences: hardenedPreferences(preload),
  };
}
