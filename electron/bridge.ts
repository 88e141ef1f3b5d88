// What the window sees of the backend: `window.quotaWatch`, set by electron/preload.ts over IPC. Pure
// types and the channel names, no electron import, so the renderer imports this too. A browser page
// (development, e2e) can get the same shape from a small client over electron/backend/http.ts.

import type { ApiOp, ApiReplies, ApiRequests, ApiResult, ImportProgress } from '../shared/api.ts';

/** IPC channels: one request channel (invoke), one progress channel (main → window). */
export const API_CHANNEL = 'qw:api';
export const PROGRESS_CHANNEL = 'qw:progress';

/** A progress event of one call; `callId` is the id the preload gave that call. */
export interface ProgressEvent {
  callId: string;
  op: ApiOp;
  progress: ImportProgress;
}

export interface CallOptions {
  /** Progress of this call only (long imports). */
  onProgress?: (progress: ImportProgress) => void;
}

export interface QuotaWatchBridge {
  /** Runs one operation of shared/api.ts; never rejects for a bad request: `{ ok: false, error }`. */
  call<Op extends ApiOp>(op: Op, args?: ApiRequests[Op], options?: CallOptions): Promise<ApiResult<ApiReplies[Op]>>;
  /** Progress of every call (e.g. a global progress bar); returns the function that unsubscribes. */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
}

declare global {
  interface Window {
    quotaWatch?: QuotaWatchBridge;
  }
}
