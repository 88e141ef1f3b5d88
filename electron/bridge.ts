// What the window sees of the backend: `window.quotaWatch`, set by electron/preload.ts over IPC. Pure
// types and the channel names, no electron import, so the renderer imports this too. A browser page
// (development, e2e) can get the same shape from a small client over electron/backend/http.ts; the
// desktop-only parts (`shell`, `onMenu`, `pathForFile`) are then absent.

import type { ApiOp, ApiReplies, ApiRequests, ApiResult, ImportProgress } from '../shared/api.ts';
import type { ShellOp, ShellReplies, ShellRequests } from './shell-contract.ts';

/** IPC channels: one request channel (invoke), and two from main to the window (progress, menu). */
export const API_CHANNEL = 'qw:api';
export const PROGRESS_CHANNEL = 'qw:progress';
export const MENU_CHANNEL = 'qw:menu';
/**
 * The operation on API_CHANNEL that cancels a running call of the same window: `{ callId }`, the id the
 * preload gave that call. Its colon keeps it apart from every backend and shell operation's name.
 */
export const CANCEL_OP = 'qw:cancel';

/** A progress event of one call; `callId` is the id the preload gave that call. */
export interface ProgressEvent {
  callId: string;
  op: ApiOp;
  progress: ImportProgress;
}

/** What a menu item asks the window to do: 'import' opens 导入 and its file dialog, 'export' opens 导出. */
export type MenuCommand = 'import' | 'export';
export const MENU_COMMANDS: readonly MenuCommand[] = ['import', 'export'];

export interface CallOptions {
  /** Progress of this call only (long imports). */
  onProgress?: (progress: ImportProgress) => void;
  /** Told the call's id at once, before the request leaves: pass it to `cancel` to stop the call. */
  onCall?: (callId: string) => void;
}

export interface QuotaWatchBridge {
  /** Runs one operation of shared/api.ts; never rejects for a bad request: `{ ok: false, error }`. */
  call<Op extends ApiOp>(op: Op, args?: ApiRequests[Op], options?: CallOptions): Promise<ApiResult<ApiReplies[Op]>>;
  /** Progress of every call (e.g. a global progress bar); returns the function that unsubscribes. */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  /** Cancels a running call of this window (a commit rolls back); resolves true when it was still running. */
  cancel(callId: string): Promise<boolean>;
}

/** The desktop window's bridge: the backend plus the shell's dialogs, PDF, menu and dropped files. */
export interface DesktopBridge extends QuotaWatchBridge {
  /** Runs one operation of electron/shell-contract.ts (dialogs, printToPdf, openDataFolder). */
  shell<Op extends ShellOp>(op: Op, args?: ShellRequests[Op]): Promise<ApiResult<ShellReplies[Op]>>;
  /** Commands from the application menu; returns the function that unsubscribes. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
  /** The path of a file dropped on the window or picked by an <input type=file> (webUtils.getPathForFile). */
  pathForFile(file: File): string;
  readonly desktop: true;
}

declare global {
  interface Window {
    quotaWatch?: QuotaWatchBridge | DesktopBridge;
  }
}
