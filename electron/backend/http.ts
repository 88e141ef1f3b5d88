// The loopback HTTP transport of the shared/api.ts contract, for running the window in a browser
// (development, e2e tests). node:http only, no electron. Everything goes through backend.handle.
//
// Security: bound to 127.0.0.1 only; a random bearer token per start; the Host header must name this
// server (DNS-rebinding defence); an Origin, when sent, must be this server's own (no CORS wildcard).
//
//   POST /api/OP            body: JSON args → ApiResult as JSON
//   POST /api/OP?stream=1   → application/x-ndjson: {"progress":ImportProgress}\n … {"result":ApiResult}\n
//                             (status 200 once progress has begun: read `ok` of the result line; a
//                             request refused before any progress keeps its own status)
//                             Closing the request before its answer cancels the operation (a commit rolls back).
//   POST /upload            body: one file's bytes, header X-File-Name (URI-encoded) → { ok, value: { path } }:
//                             the browser door of an import (electron/backend/http-upload.ts); then previewImport
//                             with that path. A file too big or no spreadsheet is refused (413 / 415).
//                             X-Upload-Kind: rules (a county's .json rule file) or backup (.sqlite to restore).
//   GET  /download/ID[/NAME] the browser door of an export (electron/backend/http-download.ts): the file
//                             exportReport wrote without a target, Bearer token required, served once.
//   GET  /other/path        → static files from staticDir (index.html at /), strict CSP, no token needed
//
// How a page gets the token: open `pageUrl` (`http://127.0.0.1:PORT/#token=TOKEN`). The fragment is
// never sent to the server nor in a Referer; the page reads `location.hash`, keeps the token (e.g. in
// sessionStorage), removes the fragment with history.replaceState, and sends `Authorization: Bearer
// TOKEN` on every /api call.
//
// Status codes: 200 ok; 400 bad request (validation, bad JSON); 401 no or wrong token; 403 bad Host,
// foreign Origin, path outside staticDir; 404 unknown op, file or record; 405 wrong method; 409 nothing to
// undo or preview expired; 413 body too large; 422 no village list; 503 database locked; 500 other
// failures (a Chinese message, never a stack). The body is always `{ ok, value | error }`.

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { API_OPS, type ApiOp, type ApiResult, type ImportProgress } from '../../shared/api.ts';
import type { CallOptions } from './service.ts';
import { DEFAULT_UPLOAD_LIMITS, UploadArea, UploadRefused, uploadKind, type UploadLimits } from './http-upload.ts';
import { DOWNLOAD_TYPES, contentDisposition, findDownload, forgetDownload } from './http-download.ts';
import { CONTENT_TYPES, HttpFailure, commonHeaders, readBody, sendError, sendJson, statusOf } from './http-respond.ts';

export type { HttpErrorCode } from './http-respond.ts';

/** What the server needs of a Backend: its one entry for transports. */
export interface ApiHandler {
  handle(op: ApiOp, args: unknown, call?: CallOptions): Promise<ApiResult<unknown>>;
}

export interface HttpServerOptions {
  /** 0 (default): a free port chosen by the system. */
  port?: number;
  /** Bearer token; a random one per start unless given (at least 16 characters). */
  token?: string;
  /** Serve the renderer's files from here (GET of any path outside /api/). */
  staticDir?: string;
  /** Largest request body accepted; 1 MiB by default. */
  maxBodyBytes?: number;
  /** Limits of POST /upload (size per file, files per server). */
  uploads?: Partial<UploadLimits>;
}

export interface HttpServerHandle {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** `url` with `#token=TOKEN`: open this in a browser. */
  pageUrl: string;
  port: number;
  token: string;
  server: http.Server;
  close(): Promise<void>;
}

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const DEFAULT_MAX_BODY = 1024 * 1024;

const digest = (s: string) => crypto.createHash('sha256').update(s).digest();

/** Starts the server on 127.0.0.1; resolves once it listens. */
export async function startHttpServer(backend: ApiHandler, options: HttpServerOptions = {}): Promise<HttpServerHandle> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  if (token.length < 16 || !/^[A-Za-z0-9._~+/=-]+$/.test(token)) throw new TypeError('令牌至少需要16个字符，且只能由字母、数字和 ._~+/=- 组成');
  const tokenDigest = digest(token);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const staticRoot = options.staticDir ? fs.realpathSync(path.resolve(options.staticDir)) : null;
  const uploads = new UploadArea({ ...DEFAULT_UPLOAD_LIMITS, ...options.uploads });
  let port = 0;

  const ownHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  function authorized(req: http.IncomingMessage): boolean {
    const m = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
    return m !== null && crypto.timingSafeEqual(digest(m[1]), tokenDigest);
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL, cors: Record<string, string>): Promise<void> {
    commonHeaders(res, API_CSP);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'authorization, content-type', 'Access-Control-Max-Age': '600' });
      res.end();
      return;
    }
    if (req.method !== 'POST') throw new HttpFailure(405, 'method-not-allowed', '接口只接受 POST 请求');
    if (!authorized(req)) {
      throw new HttpFailure(401, 'unauthorized', '缺少访问令牌或令牌不正确，请使用启动时给出的完整地址打开页面');
    }
    const op = url.pathname.slice('/api/'.length);
    if (!(API_OPS as readonly string[]).includes(op)) throw new HttpFailure(404, 'not-found', `未知的操作“${op.slice(0, 40)}”`);

    const body = await readBody(req, maxBody);
    let args: unknown;
    if (body.length > 0) {
      try {
        args = JSON.parse(body.toString('utf8'));
      } catch {
        throw new HttpFailure(400, 'bad-request', '请求内容不是有效的 JSON');
      }
    }

    // A page that closes its request (取消, or the tab closed) cancels the operation: a commit rolls back.
    const cancel = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) cancel.abort();
    });
    if (url.searchParams.get('stream') !== '1') {
      const result = await backend.handle(op as ApiOp, args, { signal: cancel.signal });
      sendJson(res, statusOf(result), result, cors);
      return;
    }

    // Streamed: headers go out with the first line, so a request refused at once keeps its status.
    // A slow reader gets the latest progress, not every step.
    let pending: ImportProgress | null = null;
    const writeLine = (line: unknown, status: number) => {
      if (res.destroyed || res.writableEnded) return true;
      if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no', ...cors });
      return res.write(JSON.stringify(line) + '\n');
    };
    res.on('drain', () => {
      if (pending) {
        const p = pending;
        pending = null;
        writeLine({ progress: p }, 200);
      }
    });
    const onProgress = (p: ImportProgress) => {
      if (res.writableNeedDrain) pending = p;
      else writeLine({ progress: p }, 200);
    };
    const result = await backend.handle(op as ApiOp, args, { onProgress, signal: cancel.signal });
    pending = null;
    writeLine({ result }, statusOf(result));
    res.end();
  }

  async function upload(req: http.IncomingMessage, res: http.ServerResponse, cors: Record<string, string>): Promise<void> {
    commonHeaders(res, API_CSP);
    if (req.method !== 'POST') throw new HttpFailure(405, 'method-not-allowed', '上传只接受 POST 请求');
    if (!authorized(req)) throw new HttpFailure(401, 'unauthorized', '缺少访问令牌或令牌不正确，请使用启动时给出的完整地址打开页面');
    let name: string;
    try {
      name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
    } catch {
      throw new HttpFailure(400, 'bad-request', '上传文件的名称编码有误');
    }
    try {
      const stored = await uploads.receive(req, name, uploadKind(String(req.headers['x-upload-kind'] ?? '')));
      sendJson(res, 200, { ok: true, value: stored }, cors);
    } catch (err) {
      if (err instanceof UploadRefused) throw new HttpFailure(err.status, err.code, err.message);
      throw err;
    }
  }

  async function download(req: http.IncomingMessage, res: http.ServerResponse, rest: string, cors: Record<string, string>): Promise<void> {
    commonHeaders(res, API_CSP);
    if (req.method !== 'GET') throw new HttpFailure(405, 'method-not-allowed', '下载只接受 GET 请求');
    if (!authorized(req)) throw new HttpFailure(401, 'unauthorized', '缺少访问令牌或令牌不正确，请使用启动时给出的完整地址打开页面');
    const file = findDownload(rest);
    if (!file) throw new HttpFailure(404, 'not-found', '找不到要下载的文件：它可能已下载过，请重新导出');
    const bytes = await fs.promises.readFile(file);
    forgetDownload(file);
    res.writeHead(200, {
      'Content-Type': DOWNLOAD_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': bytes.length,
      'Content-Disposition': contentDisposition(path.basename(file)),
      'Cache-Control': 'no-store',
      ...cors,
    });
    res.end(bytes);
  }

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, rawPath: string): Promise<void> {
    commonHeaders(res, CSP);
    if (!staticRoot) throw new HttpFailure(404, 'not-found', '没有这个地址');
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpFailure(405, 'method-not-allowed', '只能读取页面文件');
    let rel: string;
    try {
      rel = decodeURIComponent(rawPath);
    } catch {
      throw new HttpFailure(400, 'bad-request', '地址的编码有误');
    }
    if (rel.includes('\0')) throw new HttpFailure(400, 'bad-request', '地址有误');
    // Hidden files (.env, .git …) are never served.
    if (rel.split(/[\\/]/).some((seg) => seg.startsWith('.') && seg !== '.' && seg !== '..')) throw new HttpFailure(404, 'not-found', '找不到这个文件');
    if (rel.endsWith('/')) rel += 'index.html';
    const target = path.resolve(staticRoot, '.' + path.sep + rel);
    const inside = (p: string) => p === staticRoot || p.startsWith(staticRoot + path.sep);
    if (!inside(target)) throw new HttpFailure(403, 'forbidden', '不允许访问页面目录以外的文件');
    let real: string;
    let stat: fs.Stats;
    try {
      real = await fs.promises.realpath(target);
      stat = await fs.promises.stat(real);
    } catch {
      throw new HttpFailure(404, 'not-found', '找不到这个文件');
    }
    // A symbolic link must not lead outside either.
    if (!inside(real)) throw new HttpFailure(403, 'forbidden', '不允许访问页面目录以外的文件');
    if (!stat.isFile()) throw new HttpFailure(404, 'not-found', '找不到这个文件');
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve) => {
      const stream = fs.createReadStream(real);
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      stream.on('end', resolve);
      stream.pipe(res);
    });
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends Host: evil.example.
    const host = (req.headers.host ?? '').toLowerCase();
    if (!ownHosts().includes(host)) throw new HttpFailure(403, 'forbidden', '拒绝访问：请求的主机名不是本机服务地址');
    const origin = req.headers.origin;
    const cors: Record<string, string> = { Vary: 'Origin' };
    if (origin !== undefined) {
      if (!ownHosts().some((h) => origin.toLowerCase() === `http://${h}`)) throw new HttpFailure(403, 'forbidden', '拒绝访问：请求来自其他网站');
      cors['Access-Control-Allow-Origin'] = origin;
    }
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    if (!rawPath.startsWith('/')) throw new HttpFailure(400, 'bad-request', '地址有误');
    if (rawPath.startsWith('/api/') || rawPath === '/api') {
      await api(req, res, new URL(rawUrl, `http://${host}`), cors);
      return;
    }
    if (rawPath === '/upload') {
      await upload(req, res, cors);
      return;
    }
    if (rawPath.startsWith('/download/')) {
      await download(req, res, rawPath.slice('/download/'.length), cors);
      return;
    }
    await serveStatic(req, res, rawPath);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof HttpFailure) {
        const extra: Record<string, string> = {};
        if (err.status === 401) extra['WWW-Authenticate'] = 'Bearer realm="quota-watch"';
        if (err.status === 405) extra.Allow = req.url?.startsWith('/api') ? 'POST, OPTIONS' : req.url?.startsWith('/upload') ? 'POST' : req.url?.startsWith('/download/') ? 'GET' : 'GET, HEAD';
        if (err.status === 413 || err.status === 400) extra.Connection = 'close';
        if (!res.hasHeader('Content-Security-Policy')) commonHeaders(res, API_CSP);
        sendError(res, err.status, err.code, err.message, extra);
        return;
      }
      // Never a stack for the client.
      if (res.headersSent) res.destroy();
      else sendError(res, 500, 'internal', '服务器内部错误，请重试或查看本机服务的输出');
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(new Error(err.code === 'EADDRINUSE' ? `端口 ${options.port} 已被占用，请换一个端口或用 0 自动选择` : `无法启动本机服务：${err.message}`));
    };
    server.once('error', onError);
    server.listen({ port: options.port ?? 0, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', onError);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;

  let closing: Promise<void> | null = null;
  return {
    url,
    pageUrl: `${url}#token=${token}`,
    port,
    token,
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          uploads.dispose();
          resolve();
        });
        server.closeIdleConnections();
        // Requests still running (a long import) get a moment, then their connections are cut.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      });
      return closing;
    },
  };
}
