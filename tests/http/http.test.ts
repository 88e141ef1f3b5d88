// The loopback HTTP transport, for real: a server on a random port over a Backend on a temporary SQLite
// file, real fixture workbooks, global fetch (and node:http where fetch will not send a raw path or Host).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult, ImportProgress, ImportReport } from '../../shared/api.ts';
import { Backend } from '../../electron/backend/service.ts';
import { CSP, startHttpServer, type HttpServerHandle } from '../../electron/backend/http.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const QINGSHAN = path.join(FIXTURES, '青山镇-换届名单.xlsx');
const BAISHA = path.join(FIXTURES, '白沙镇两委及代表名单.xlsx');
const CHINESE = /[\u4e00-\u9fff]/;
const SECRET = 'SECRET-OUTSIDE-THE-STATIC-DIR';

let dir: string;
let www: string;
let backend: Backend;
let srv: HttpServerHandle;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-http-'));
  www = path.join(dir, 'www');
  fs.mkdirSync(path.join(www, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(www, 'index.html'), '<!doctype html><meta charset="utf-8"><title>换届监测</title><script type="module" src="/assets/app.js"></script>');
  fs.writeFileSync(path.join(www, 'assets', 'app.js'), 'console.log(1);');
  fs.writeFileSync(path.join(www, 'assets', 'app.css'), 'body{margin:0}');
  fs.writeFileSync(path.join(www, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(www, '.env'), SECRET);
  // Beside the static folder, where a traversal would land.
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: SECRET }));
  fs.symlinkSync(path.join(dir, 'package.json'), path.join(www, 'link.json'));
  backend = Backend.open(path.join(dir, 'qw.sqlite'), { now: () => new Date(2026, 2, 2, 10, 0, 0) });
  srv = await startHttpServer(backend, { staticDir: www });
});

afterAll(async () => {
  await srv?.close();
  await backend?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const auth = (token = srv.token) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

async function post(op: string, args?: unknown, headers: Record<string, string> = auth()): Promise<{ status: number; body: ApiResult<any>; res: Response }> {
  const res = await fetch(`${srv.url}api/${op}`, { method: 'POST', headers, body: args === undefined ? undefined : JSON.stringify(args) });
  return { status: res.status, body: (await res.json()) as ApiResult<any>, res };
}

/** node:http, for what fetch normalises or forbids: a raw path (`/../x`) or a foreign Host header. */
function raw(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; setHost?: boolean; port?: number }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: opts.port ?? srv.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, setHost: opts.setHost ?? true, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Reads an NDJSON reply line by line as it arrives; `onLine` sees each parsed line first. */
async function ndjson(res: Response, onLine?: (line: any) => void): Promise<any[]> {
  const lines: any[] = [];
  const decoder = new TextDecoder();
  let buf = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buf += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = JSON.parse(buf.slice(0, nl));
      buf = buf.slice(nl + 1);
      lines.push(line);
      onLine?.(line);
    }
  }
  expect(buf).toBe(''); // every line ends with a newline
  return lines;
}

/** What a reply looks like after JSON: the direct call, as it would cross the wire. */
const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('listening', () => {
  it('binds to 127.0.0.1 only, with a random base64url token per start', async () => {
    expect(srv.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: srv.port });
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/`);
    expect(srv.pageUrl).toBe(`${srv.url}#token=${srv.token}`);
    expect(srv.token).toMatch(/^[A-Za-z0-9_-]{32}$/); // 24 random bytes

    const other = await startHttpServer(backend);
    try {
      expect(other.port).not.toBe(srv.port);
      expect(other.token).not.toBe(srv.token);
      // Each server knows only its own token.
      expect((await raw({ method: 'POST', path: '/api/status', port: other.port, headers: { Authorization: `Bearer ${srv.token}`, Host: `127.0.0.1:${other.port}` } })).status).toBe(401);
      expect((await raw({ method: 'POST', path: '/api/status', port: other.port, headers: { Authorization: `Bearer ${other.token}`, Host: `127.0.0.1:${other.port}` } })).status).toBe(200);
    } finally {
      await other.close();
    }
    // Closed means closed.
    await expect(raw({ path: '/', port: other.port })).rejects.toThrow();
  });

  it('cannot be reached on any other address of this machine', async () => {
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    for (const address of [...others, '::1']) {
      const reached = await new Promise<boolean>((resolve) => {
        const s = net.connect({ host: address, port: srv.port });
        s.once('connect', () => (s.destroy(), resolve(true)));
        s.once('error', () => resolve(false));
        s.setTimeout(2000, () => (s.destroy(), resolve(false)));
      });
      expect(reached, address).toBe(false);
    }
  });

  it('accepts a fixed token only if it is long enough, and refuses a port in use with a Chinese message', async () => {
    await expect(startHttpServer(backend, { token: 'short' })).rejects.toThrow(CHINESE);
    const fixed = await startHttpServer(backend, { token: 'a-fixed-token-for-e2e-tests' });
    try {
      expect(fixed.token).toBe('a-fixed-token-for-e2e-tests');
      await expect(startHttpServer(backend, { port: fixed.port })).rejects.toThrow(/端口 \d+ 已被占用/);
    } finally {
      await fixed.close();
    }
  });
});

describe('who may call', () => {
  it('401 without a token, with a wrong one, or with the token anywhere but the Authorization header', async () => {
    const none = await post('status', {}, { 'Content-Type': 'application/json' });
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(none.body.ok || none.body.error.message).toMatch(CHINESE);
    expect(none.res.headers.get('www-authenticate')).toMatch(/^Bearer/);

    expect((await post('status', {}, auth('x'.repeat(32)))).status).toBe(401);
    expect((await post('status', {}, auth(srv.token + 'x'))).status).toBe(401);
    expect((await post('status', {}, { Authorization: `Basic ${srv.token}` })).status).toBe(401);
    const inQuery = await fetch(`${srv.url}api/status?token=${srv.token}`, { method: 'POST', body: '{}' });
    expect(inQuery.status).toBe(401);
    // Without a token nothing is told about operations either.
    expect((await post('dropDatabase', {}, {})).status).toBe(401);

    expect((await post('status', {})).status).toBe(200);
  });

  it('403 for a Host that is not this server (DNS rebinding), whatever the token', async () => {
    const h = { Authorization: `Bearer ${srv.token}` };
    for (const host of ['evil.example', `evil.example:${srv.port}`, `127.0.0.1:${srv.port + 1}`, `127.0.0.1.evil.example:${srv.port}`, `[::1]:${srv.port}`]) {
      const r = await raw({ method: 'POST', path: '/api/status', headers: { ...h, Host: host } });
      expect(r.status, host).toBe(403);
      expect(JSON.parse(r.body).error.message).toMatch(CHINESE);
    }
    // Pages too, not only the API.
    expect((await raw({ path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
    // No Host at all: refused (Node answers 400 itself).
    expect([400, 403]).toContain((await raw({ method: 'POST', path: '/api/status', headers: h, setHost: false })).status);
    for (const host of [`127.0.0.1:${srv.port}`, `localhost:${srv.port}`, `LOCALHOST:${srv.port}`]) {
      expect((await raw({ method: 'POST', path: '/api/status', headers: { ...h, Host: host } })).status, host).toBe(200);
    }
  });

  it('answers CORS only to its own origin, never with a wildcard', async () => {
    const own = await post('status', {}, { ...auth(), Origin: `http://127.0.0.1:${srv.port}` });
    expect(own.status).toBe(200);
    expect(own.res.headers.get('access-control-allow-origin')).toBe(`http://127.0.0.1:${srv.port}`);
    for (const origin of ['http://evil.example', `http://127.0.0.1:${srv.port + 1}`, `https://127.0.0.1:${srv.port}`, 'null']) {
      const r = await post('status', {}, { ...auth(), Origin: origin });
      expect(r.status, origin).toBe(403);
      expect(r.res.headers.get('access-control-allow-origin')).toBeNull();
    }
    const preflight = await fetch(`${srv.url}api/status`, { method: 'OPTIONS', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const ownPreflight = await fetch(`${srv.url}api/status`, { method: 'OPTIONS', headers: { Origin: `http://localhost:${srv.port}`, 'Access-Control-Request-Method': 'POST' } });
    expect(ownPreflight.status).toBe(204);
    expect(ownPreflight.headers.get('access-control-allow-origin')).toBe(`http://localhost:${srv.port}`);
  });
});

describe('bad requests get a Chinese error, never a crash', () => {
  it('400 for arguments the contract refuses, and the server keeps answering', async () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['village', { id: 'x' }, /“村详情”请求的参数有误：id 应为村的编号/],
      ['villages', { status: 'ok' }, /status 应为/],
      ['status', { verbose: true }, /无法识别的字段 "verbose"/],
      ['importFiles', { paths: [] }, /paths 应为文件或文件夹路径的列表/],
      ['commitImport', null, /应为一个对象/],
      ['status', [1, 2, 3], /应为一个对象/],
    ];
    for (const [op, args, message] of cases) {
      const r = await post(op, args);
      expect(r.status, op).toBe(400);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      expect(!r.body.ok && r.body.error.message).toMatch(message);
    }
    for (const body of ['{', '{"id":1', 'undefined', '\u0000']) {
      const res = await fetch(`${srv.url}api/village`, { method: 'POST', headers: auth(), body });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'bad-request', message: '请求内容不是有效的 JSON' } });
    }
    // An empty body is an empty request.
    expect((await fetch(`${srv.url}api/status`, { method: 'POST', headers: auth() })).status).toBe(200);
    expect((await post('status', {})).body.ok).toBe(true);
  });

  it('404 for an unknown operation, 405 for another method', async () => {
    for (const op of ['dropDatabase', '__proto__', 'constructor', 'status/extra', '', 'STATUS']) {
      const r = await post(op, {});
      expect(r.status, op).toBe(404);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(!r.body.ok && r.body.error.message).toMatch(/^未知的操作/);
    }
    const get = await fetch(`${srv.url}api/status`, { headers: auth() });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toContain('POST');
  });

  it('413 for a body over 1 MiB, then answers again', async () => {
    const big = JSON.stringify({ paths: ['a'.repeat(2 * 1024 * 1024)] });
    const r = await post('importFiles', JSON.parse(big));
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(!r.body.ok && r.body.error.message).toMatch(/请求内容过大/);
    // Just under the limit is read (and refused by the contract, not by size).
    const under = await post('importFiles', { paths: ['a'.repeat(900 * 1024)] });
    expect(under.status).toBe(400);
    expect((await post('status', {})).status).toBe(200);
  });

  it('a failure inside a handler is a 500 with a Chinese message and no stack', async () => {
    const broken = await startHttpServer({
      handle: async () => {
        throw new Error('secret detail at /home/someone/file.ts:12');
      },
    });
    try {
      const r = await raw({ method: 'POST', path: '/api/status', headers: { Authorization: `Bearer ${broken.token}`, Host: `127.0.0.1:${broken.port}` }, port: broken.port });
      expect(r.status).toBe(500);
      const body = JSON.parse(r.body);
      expect(body).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(body.error.message).toMatch(CHINESE);
      expect(r.body).not.toMatch(/secret detail|\.ts:|at /);
    } finally {
      await broken.close();
    }
  });
});

describe('importing over HTTP', () => {
  let report: ImportReport;
  let progress: ImportProgress[];

  it('?stream=1 gives progress lines as NDJSON, then the result', async () => {
    const res = await fetch(`${srv.url}api/importFiles?stream=1`, { method: 'POST', headers: auth(), body: JSON.stringify({ paths: [QINGSHAN, BAISHA] }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    // The server is not blocked while an import runs: another request is answered meanwhile.
    let during: Promise<number> | null = null;
    const lines = await ndjson(res, (line) => {
      if (line.progress && !during) during = post('status', {}).then((r) => r.status);
    });
    expect(await during).toBe(200);

    const last = lines.at(-1);
    expect(Object.keys(last)).toEqual(['result']);
    expect(lines.slice(0, -1).every((l) => Object.keys(l).join() === 'progress')).toBe(true);
    progress = lines.slice(0, -1).map((l) => l.progress);
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['hashing', 'reading', 'judging', 'storing', 'done']);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', filesDone: 2, filesTotal: 2, villages: 14 });

    expect(last.result.ok).toBe(true);
    report = last.result.value;
    expect(report.importId).toBe(1);
    expect(report.files.map((f) => f.outcome)).toEqual(['imported', 'imported']);
    expect(report.villages).toHaveLength(14);
    expect(progress.at(-1)!.rows).toBe(report.persons);
  });

  it('a streamed request refused at once keeps its status and still answers in NDJSON', async () => {
    const res = await fetch(`${srv.url}api/importFiles?stream=1`, { method: 'POST', headers: auth(), body: JSON.stringify({ paths: [] }) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = await ndjson(res);
    expect(lines).toHaveLength(1);
    expect(lines[0].result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('the same file again is recognised as a duplicate (without streaming too)', async () => {
    const r = await post('importFiles', { paths: [QINGSHAN] });
    expect(r.status).toBe(200);
    expect(r.body.ok && r.body.value.files[0].outcome).toBe('duplicate');
    expect(r.body.ok && r.body.value.importId).toBeNull();
  });

  it('status, countySummary and villages agree with the Backend called directly', async () => {
    const status = await post('status', {});
    expect(status.body).toEqual(wire(await backend.handle('status', {})));
    expect(status.body.ok && status.body.value.villages).toHaveLength(14);
    expect(status.body.ok && status.body.value.villages.map((v: { township: string }) => v.township).sort()).toEqual(
      wire(await backend.status()).villages.map((v) => v.township).sort(),
    );
    const summary = await post('countySummary', {});
    expect(summary.body).toEqual({ ok: true, value: wire(await backend.countySummary()) });
    expect(summary.body.ok && summary.body.value.county.reported).toBe(14);
    const villages = await post('villages', { status: 'noncompliant' });
    expect(villages.body).toEqual({ ok: true, value: wire(await backend.villages({ status: 'noncompliant' })) });
    expect(villages.body.ok && villages.body.value.villages.length).toBeGreaterThan(0);
    // The streamed import's report is what was stored.
    expect(report.villages.map((v) => `${v.township}|${v.village}|${v.status}`).sort()).toEqual(
      (status.body.ok ? status.body.value.villages : []).map((v: { township: string; village: string; status: string }) => `${v.township}|${v.village}|${v.status}`).sort(),
    );
  });

  it('one implementation: every HTTP request is Backend.handle on the same instance, same replies', async () => {
    const spy = vi.spyOn(backend, 'handle');
    try {
      const firstVillage = (await backend.villages({ limit: 1 })).villages[0].id;
      const requests: Array<[string, unknown]> = [
        ['status', {}],
        ['countySummary', {}],
        ['townships', {}],
        ['villages', { township: '青山镇', limit: 3 }],
        ['village', { id: firstVillage }],
        ['village', { id: 99_999 }],
        ['findings', { severity: 'warning', limit: 5 }],
        ['imports', {}],
        ['changes', {}],
        ['village', { id: -1 }],
      ];
      for (const [op, args] of requests) {
        spy.mockClear();
        const viaHttp = await post(op, args);
        expect(spy, op).toHaveBeenCalledTimes(1);
        expect(spy.mock.calls[0].slice(0, 2)).toEqual([op, args]);
        const direct = wire(await backend.handle(op as 'status', args));
        expect(viaHttp.body, op).toEqual(direct);
        expect(viaHttp.status).toBe(direct.ok ? 200 : direct.error.code === 'not-found' ? 404 : 400);
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('undo over HTTP, then 409 when there is nothing left to undo', async () => {
    const undo = await post('undoLastImport', {});
    expect(undo.status).toBe(200);
    expect(undo.body.ok && undo.body.value.undone.id).toBe(1);
    expect((await backend.status()).villages).toHaveLength(0);
    const again = await post('undoLastImport', {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ ok: false, error: { code: 'nothing-to-undo' } });
    expect(!again.body.ok && again.body.error.message).toMatch(CHINESE);
  });
});

describe('static files', () => {
  it('serves index.html at / with the strict CSP, and files with their content types, no token needed', async () => {
    const index = await fetch(srv.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CSP);
    expect(CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('换届监测');
    // The token travels in the fragment, which a browser never sends: the page itself loads without it.
    expect((await fetch(srv.pageUrl)).status).toBe(200);

    for (const [file, type] of [
      ['assets/app.js', 'text/javascript; charset=utf-8'],
      ['assets/app.css', 'text/css; charset=utf-8'],
      ['assets/logo.svg', 'image/svg+xml'],
    ]) {
      const r = await fetch(srv.url + file);
      expect(r.status, file).toBe(200);
      expect(r.headers.get('content-type'), file).toBe(type);
      expect(r.headers.get('content-security-policy')).toBe(CSP);
    }
    const head = await fetch(srv.url + 'assets/app.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('console.log(1);'.length));
    expect((await fetch(srv.url + 'missing.js')).status).toBe(404);
    expect((await fetch(srv.url + 'assets/')).status).toBe(404);
    expect((await fetch(srv.url + 'index.html', { method: 'POST' })).status).toBe(405);
  });

  it('refuses /../package.json and every other way out of the folder', async () => {
    for (const p of [
      '/../package.json',
      '/..%2fpackage.json',
      '/%2e%2e/package.json',
      '/%2e%2e%2fpackage.json',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/..%5cpackage.json',
      '/%2fetc%2fpasswd',
      '/link.json', // a symbolic link to outside
      '/.env', // hidden files
      '/assets/..%2f.env',
      '/index.html%00.js',
      '/%E0%A4%A',
    ]) {
      const r = await raw({ path: p });
      expect([400, 403, 404], p).toContain(r.status);
      expect(r.body, p).not.toContain(SECRET);
      expect(r.body, p).not.toContain('root:');
    }
    expect((await raw({ path: '/../package.json' })).status).toBe(403);
    expect((await raw({ path: '/link.json' })).status).toBe(403);
  });

  it('without staticDir, only the API answers', async () => {
    const bare = await startHttpServer(backend);
    try {
      const r = await raw({ path: '/', port: bare.port, headers: { Host: `127.0.0.1:${bare.port}` } });
      expect(r.status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

describe('electron/backend/serve.ts', () => {
  it('opens the Backend on --db, prints the address and token, answers, and stops on SIGINT', async () => {
    const db = path.join(dir, 'served.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/backend/serve.ts'), '--db', db, '--create', '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString('utf8');
          if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
        });
        child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
        child.once('exit', (code) => reject(new Error(`serve.ts exited ${code}: ${err}`)));
      });
      const info = JSON.parse(first) as { url: string; pageUrl: string; port: number; token: string; db: string };
      expect(info.db).toBe(db);
      expect(info.url).toBe(`http://127.0.0.1:${info.port}/`);
      expect(info.pageUrl).toBe(`${info.url}#token=${info.token}`);
      const res = await fetch(`${info.url}api/importFiles`, { method: 'POST', headers: { Authorization: `Bearer ${info.token}` }, body: JSON.stringify({ paths: [QINGSHAN] }) });
      const body = (await res.json()) as ApiResult<ImportReport>;
      expect(body.ok && body.value.villages.length).toBe(8);
      expect((await fetch(`${info.url}api/status`, { method: 'POST' })).status).toBe(401);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(fs.existsSync(db)).toBe(true);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('a database it cannot open: a Chinese message and exit code 2', async () => {
    const bad = path.join(dir, 'not-a-db.sqlite');
    fs.writeFileSync(bad, 'this is not a database file, just text '.repeat(200));
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/backend/serve.ts'), '--db', bad], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/^无法打开数据库：.*[\u4e00-\u9fff]/);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
