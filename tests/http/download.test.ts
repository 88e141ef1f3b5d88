// GET /download/<id>: the browser door of an export. exportReport without a target answers a downloadId;
// the file comes back with its token, its Chinese name in Content-Disposition (RFC 5987), once only.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import { startHttpServer, type HttpServerHandle } from '../../electron/backend/http.ts';
import { contentDisposition } from '../../electron/backend/http-download.ts';

let dir: string;
let backend: Backend;
let srv: HttpServerHandle;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-download-'));
  backend = Backend.open(path.join(dir, 'qw.sqlite'));
  srv = await startHttpServer(backend);
});

afterAll(async () => {
  await srv?.close();
  await backend?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function exportTemplate(): Promise<{ id: string; file: string }> {
  const r = await backend.handle('exportReport', { kind: 'template' });
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.downloadId).toMatch(/^[0-9a-f-]{36}$/);
  return { id: r.value.downloadId!, file: r.value.files[0] };
}

const get = (p: string, token: string | null = srv.token) => fetch(srv.url + p, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

describe('GET /download/<id>', () => {
  it('serves the exported workbook with its Chinese name, then forgets it', async () => {
    const { id, file } = await exportTemplate();
    const res = await get(`download/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const cd = res.headers.get('content-disposition') ?? '';
    expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const star = /filename\*=UTF-8''(.+)$/.exec(cd)![1];
    expect(decodeURIComponent(star)).toBe(path.basename(file));
    expect(path.basename(file)).toMatch(/[\u4e00-\u9fff]/);
    const wb = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    expect(wb.SheetNames.length).toBeGreaterThan(0);
    expect(fs.existsSync(file)).toBe(false);
    expect((await get(`download/${id}`)).status).toBe(404);
  });

  it('names a file of the folder by its name as well', async () => {
    const { id, file } = await exportTemplate();
    const res = await get(`download/${id}/${encodeURIComponent(path.basename(file))}`);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('refuses without the token, another method, and anything that is not an id', async () => {
    const { id, file } = await exportTemplate();
    const none = await get(`download/${id}`, null);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/令牌/);
    expect((await get(`download/${id}`, 'x'.repeat(32))).status).toBe(401);
    expect((await fetch(srv.url + `download/${id}`, { method: 'POST', headers: { Authorization: `Bearer ${srv.token}` } })).status).toBe(405);
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', `${id}/..%2F..%2Fqw.sqlite`, `${id}/x/y`, 'not-an-id', `${id}/%E0%A4%A`]) {
      const res = await get(`download/${bad}`);
      expect(res.status, bad).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/找不到要下载的文件/);
    }
    expect(fs.existsSync(file)).toBe(true); // nothing refused consumed it
  });

  it('writes Content-Disposition for plain and awkward names', () => {
    expect(contentDisposition('a.xlsx')).toBe(`attachment; filename="a.xlsx"; filename*=UTF-8''a.xlsx`);
    expect(contentDisposition('“两进一有”(1).csv')).toBe(`attachment; filename="______(1).csv"; filename*=UTF-8''%E2%80%9C%E4%B8%A4%E8%BF%9B%E4%B8%80%E6%9C%89%E2%80%9D%281%29.csv`);
  });
});
