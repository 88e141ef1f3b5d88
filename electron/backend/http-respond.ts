// The HTTP transport's replies: status codes of the contract's errors, security headers, JSON answers,
// bodies read within a limit, and the content types of static files. node:http only.

import type http from 'node:http';
import type { ApiErrorCode, ApiResult } from '../../shared/api.ts';

/** Error codes of the transport itself, beside the backend's. */
export type HttpErrorCode = ApiErrorCode | 'unauthorized' | 'forbidden' | 'method-not-allowed' | 'too-large' | 'unsupported';

/** Beyond this a body is not even drained: the connection is cut. */
export const HARD_BODY_LIMIT = 64 * 1024 * 1024;

const STATUS_OF: Partial<Record<HttpErrorCode, number>> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'nothing-to-undo': 409,
  'preview-expired': 409,
  cancelled: 409,
  'too-large': 413,
  'no-village-list': 422,
  'db-locked': 503,
};

export const statusOf = (r: ApiResult<unknown>) => (r.ok ? 200 : (STATUS_OF[r.error.code] ?? 500));

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpErrorCode,
    message: string,
  ) {
    super(message);
  }
}


export function commonHeaders(res: http.ServerResponse, csp: string): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', ...extra });
  res.end(text);
}

export function sendError(res: http.ServerResponse, status: number, code: HttpErrorCode, message: string, extra: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error: { code, message } }, extra);
}

/** Reads the body up to `max` bytes; a larger one is drained (so the client gets its answer) and refused. */
export function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > HARD_BODY_LIMIT) {
      reject(new HttpFailure(413, 'too-large', `请求内容过大（上限 ${Math.floor(max / 1024)} KiB）`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > HARD_BODY_LIMIT) req.destroy();
      else if (size <= max) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > max) reject(new HttpFailure(413, 'too-large', `请求内容过大（上限 ${Math.floor(max / 1024)} KiB）`));
      else resolve(Buffer.concat(chunks, size));
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new HttpFailure(400, 'bad-request', '请求未完整送达'));
    });
  });
}
