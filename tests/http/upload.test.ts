// POST /upload, the browser door of an import: real bytes over loopback into a temporary folder, then
// previewImport with the path it answers. Limits on size and count; a file whose name is no
// spreadsheet's refused with a Chinese message naming it; no token, no upload; the folder removed on close.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, ImportReport } from '../../shared/api.ts';
import { Backend } from '../../electron/backend/service.ts';
import { startHttpServer, type HttpServerHandle } from '../../electron/backend/http.ts';
import { safeFileName } from '../../electron/backend/http-upload.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const YUNXI = path.join(ROOT, 'seeds', '云溪乡.xlsx');

let dir: string;
let backend: Backend;
let srv: HttpServerHandle;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-upload-'));
  backend = Backend.open(path.join(dir, 'qw.sqlite'));
  srv = await startHttpServer(backend, { uploads: { maxFileBytes: 200_000, maxFiles: 3 } });
});

afterAll(async () => {
  await srv?.close();
  await backend?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function upload(name: string, body: Uint8Array, token = srv.token): Promise<{ status: number; reply: ApiResult<{ path: string; name: string; size: number }> }> {
  const res = await fetch(srv.url + 'upload', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(name) },
    body: Buffer.from(body),
  });
  return { status: res.status, reply: (await res.json()) as ApiResult<{ path: string; name: string; size: number }> };
}

describe('POST /upload', () => {
  let stored = '';

  it('stores a spreadsheet under its own name, and previewImport reads it from there', async () => {
    const bytes = fs.readFileSync(YUNXI);
    const { status, reply } = await upload('乡镇报送/云溪乡.xlsx', bytes);
    expect(status).toBe(200);
    if (!reply.ok) throw new Error(reply.error.message);
    stored = reply.value.path;
    expect(path.basename(stored)).toBe('云溪乡.xlsx');
    expect(reply.value.size).toBe(bytes.length);
    expect(fs.readFileSync(stored).equals(bytes)).toBe(true);
    const res = await fetch(srv.url + 'api/previewImport', { method: 'POST', headers: { Authorization: `Bearer ${srv.token}` }, body: JSON.stringify({ paths: [stored] }) });
    const preview = (await res.json()) as ApiResult<ImportReport>;
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.files[0].name).toBe('云溪乡.xlsx');
    expect(preview.value.villages.length).toBeGreaterThan(0);
  });

  it('refuses a file that is no spreadsheet, naming it, in Chinese', async () => {
    const { status, reply } = await upload('换届工作总结.docx', new Uint8Array([80, 75, 3, 4]));
    expect(status).toBe(415);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/“换届工作总结\.docx”不是表格文件/);
  });

  it('refuses a file over the size limit', async () => {
    const { status, reply } = await upload('大表.xlsx', new Uint8Array(300_000));
    expect(status).toBe(413);
    if (!reply.ok) expect(reply.error.message).toMatch(/“大表\.xlsx”太大.*上限/);
  });

  it('refuses without the token', async () => {
    const { status } = await upload('云溪乡.xlsx', new Uint8Array(10), 'x'.repeat(32));
    expect(status).toBe(401);
  });

  it('refuses files past the count limit, and the others stay', async () => {
    expect((await upload('二.csv', new TextEncoder().encode('乡镇,村\n'))).status).toBe(200);
    expect((await upload('三.csv', new TextEncoder().encode('乡镇,村\n'))).status).toBe(200);
    const { status, reply } = await upload('四.csv', new TextEncoder().encode('乡镇,村\n'));
    expect(status).toBe(413);
    if (!reply.ok) expect(reply.error.message).toMatch(/一次最多导入 3 个文件，“四\.csv”未导入/);
    expect(fs.existsSync(stored)).toBe(true);
  });

  it('keeps only the last segment of a name, without control characters', () => {
    expect(safeFileName('../../etc/passwd.csv')).toBe('passwd.csv');
    expect(safeFileName('a\\b\\青山镇.xlsx')).toBe('青山镇.xlsx');
    expect(safeFileName('名\u0000单\n.xlsx')).toBe('名单.xlsx');
    expect(safeFileName('..')).toBe('');
  });

  it('removes the uploaded files when the server closes', async () => {
    const folder = path.dirname(path.dirname(stored));
    await srv.close();
    expect(fs.existsSync(folder)).toBe(false);
  });
});
