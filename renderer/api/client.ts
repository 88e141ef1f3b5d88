// The renderer's one way to the backend, with two doors behind it:
//   - IPC: `window.quotaWatch` from electron/preload.ts (the Electron window);
//   - HTTP: the loopback transport of electron/backend/http.ts (a browser: dev:web, e2e tests), with the
//     token taken from the page's fragment (#token=…) and sent as a Bearer header; `?stream=1` gives
//     NDJSON progress for long operations.
// Screens call `api.call(op, args)` and never know which door answered.

import type { ApiOp, ApiReplies, ApiRequests, ApiResult, ImportProgress } from '../../shared/api.ts';
import type { DesktopBridge, MenuCommand, QuotaWatchBridge } from '../../electron/bridge.ts';

/** What an upload is for (the browser door); see electron/backend/http-upload.ts. */
export type UploadKind = 'spreadsheet' | 'rules' | 'backup';

export interface CallOpts {
  onProgress?: (p: ImportProgress) => void;
  /**
   * Aborting cancels the operation: the HTTP door closes the request, which the backend takes as a cancel;
   * the IPC door sends the call's id to the main process, which aborts that call.
   */
  signal?: AbortSignal;
}

/** A file the user chose, staged for the backend: a path it can read, or why it was refused. */
export type Staged = { name: string; path: string } | { name: string; refused: string };

export interface Door {
  readonly kind: 'ipc' | 'http';
  call<Op extends ApiOp>(op: Op, args: ApiRequests[Op], opts?: CallOpts): Promise<ApiResult<ApiReplies[Op]>>;
  /** Makes chosen files readable by the backend: their own paths (window) or uploaded bytes (browser). */
  stage(files: File[], kind?: UploadKind): Promise<Staged[]>;
  /** Commands of the desktop window's application menu (none in a browser). */
  onMenu?(listener: (command: MenuCommand) => void): () => void;
  /** Browser door: saves an export the backend wrote without a target (GET /download/<id>[/<file>]) as `saveAs`. */
  download?(downloadId: string, file: string | null, saveAs: string): Promise<void>;
}

const TOKEN_KEY = 'quota-watch-token';

/** Reads `#token=…` once, keeps it for this tab, and removes it from the address. */
export function takeToken(): string | null {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    const token = decodeURIComponent(m[1]);
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', location.pathname + location.search + '#/');
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function failure<T>(message: string, code: 'internal' | 'cancelled' = 'internal'): ApiResult<T> {
  return { ok: false, error: { code, message } };
}

const OFFLINE = '无法连接本机服务：请确认 dev:web 仍在运行，然后刷新页面';

export class HttpDoor implements Door {
  readonly kind = 'http' as const;
  constructor(private readonly token: string) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { Authorization: `Bearer ${this.token}`, ...extra };
  }

  async call<Op extends ApiOp>(op: Op, args: ApiRequests[Op], opts: CallOpts = {}): Promise<ApiResult<ApiReplies[Op]>> {
    const stream = typeof opts.onProgress === 'function';
    let res: Response;
    try {
      res = await fetch(`api/${op}${stream ? '?stream=1' : ''}`, {
        method: 'POST',
        headers: this.headers({ 'Content-Type': 'application/json' }),
        body: JSON.stringify(args ?? {}),
        signal: opts.signal,
      });
    } catch (err) {
      if ((err as Error).name === 'AbortError') return failure('已取消', 'cancelled');
      return failure(OFFLINE);
    }
    if (!stream || !res.body || !(res.headers.get('content-type') ?? '').includes('ndjson')) {
      try {
        return (await res.json()) as ApiResult<ApiReplies[Op]>;
      } catch {
        return failure(`本机服务的回复无法解读（状态 ${res.status}）`);
      }
    }
    return this.readStream<Op>(res.body, opts);
  }

  private async readStream<Op extends ApiOp>(body: ReadableStream<Uint8Array>, opts: CallOpts): Promise<ApiResult<ApiReplies[Op]>> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (value) buffer += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (!line.trim()) continue;
          const msg = JSON.parse(line) as { progress?: ImportProgress; result?: ApiResult<ApiReplies[Op]> };
          if (msg.progress) opts.onProgress?.(msg.progress);
          if (msg.result) return msg.result;
        }
        if (done) return failure('本机服务的回复中断了，请重试');
      }
    } catch (err) {
      if ((err as Error).name === 'AbortError' || opts.signal?.aborted) return failure('已取消', 'cancelled');
      return failure(OFFLINE);
    }
  }

  async stage(files: File[], kind: UploadKind = 'spreadsheet'): Promise<Staged[]> {
    const out: Staged[] = [];
    for (const file of files) {
      const name = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
      try {
        const res = await fetch('upload', {
          method: 'POST',
          headers: this.headers({ 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(name), 'X-Upload-Kind': kind }),
          body: file,
        });
        const reply = (await res.json()) as ApiResult<{ path: string }>;
        out.push(reply.ok ? { name: file.name, path: reply.value.path } : { name: file.name, refused: reply.error.message });
      } catch {
        out.push({ name: file.name, refused: OFFLINE });
      }
    }
    return out;
  }

  async download(downloadId: string, file: string | null, saveAs: string): Promise<void> {
    const res = await fetch(`download/${encodeURIComponent(downloadId)}${file ? `/${encodeURIComponent(file)}` : ''}`, { headers: this.headers() });
    if (!res.ok) {
      const reply = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(reply?.error?.message ?? `下载失败（状态 ${res.status}）：${saveAs}`);
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = saveAs;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** The window's bridge: the desktop one has `pathForFile` (webUtils.getPathForFile) and `onMenu`. */
type WindowBridge = QuotaWatchBridge & Partial<Pick<DesktopBridge, 'pathForFile' | 'onMenu'>>;

export class IpcDoor implements Door {
  readonly kind = 'ipc' as const;
  constructor(private readonly bridge: WindowBridge) {}

  /** Aborting `opts.signal` asks the main process to cancel this call by its id (a commit rolls back). */
  async call<Op extends ApiOp>(op: Op, args: ApiRequests[Op], opts: CallOpts = {}): Promise<ApiResult<ApiReplies[Op]>> {
    const { signal } = opts;
    if (signal?.aborted) return failure('已取消', 'cancelled');
    let callId: string | null = null;
    const onAbort = () => {
      if (callId !== null) void this.bridge.cancel(callId).catch(() => false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.bridge.call(op, args, { onProgress: opts.onProgress, onCall: (id) => void (callId = id) });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  onMenu(listener: (command: MenuCommand) => void): () => void {
    return this.bridge.onMenu?.(listener) ?? (() => {});
  }

  async stage(files: File[]): Promise<Staged[]> {
    return files.map((file) => {
      const path = this.bridge.pathForFile?.(file) ?? '';
      return path ? { name: file.name, path } : { name: file.name, refused: '无法取得这个文件在本机上的位置，请用“选择文件”重新选择' };
    });
  }
}

/** The door this page has: the window's bridge, else the loopback server's token. */
export function openDoor(): Door | null {
  if (window.quotaWatch) return new IpcDoor(window.quotaWatch as WindowBridge);
  const token = takeToken();
  return token ? new HttpDoor(token) : null;
}
