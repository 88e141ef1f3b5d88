// The contract: every request is checked at runtime and a bad one gets a Chinese error, never a crash;
// every reply is plain JSON data; shared/api.ts stays pure.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_OPS, REQUEST_SCHEMAS, validateRequest, type ApiOp } from '../../shared/api.ts';
import { Backend } from '../../electron/backend/service.ts';
import { FIXTURES, removeDir, tempDir } from './helpers.ts';

describe('validateRequest', () => {
  it('accepts good requests and fills nothing in', () => {
    expect(validateRequest('villages', { status: 'notReported', limit: 50 })).toEqual({ ok: true, value: { status: 'notReported', limit: 50 } });
    expect(validateRequest('status', undefined)).toEqual({ ok: true, value: {} });
    const layout = { id: '0123456789abcd:Sheet1!A1:E9', headerRows: [1], columns: [{ index: 0, role: 'name' }, { index: 4, role: 'post' }] };
    expect(validateRequest('importFiles', { paths: ['a.xlsx'], overrides: { 'a.xlsx': [layout] } })).toEqual({ ok: true, value: { paths: ['a.xlsx'], overrides: { 'a.xlsx': [layout] } } });
  });

  it.each([
    ['villages', { limit: 0 }, 'limit 应为正整数'],
    ['villages', { status: 'ok' }, 'status 应为 "compliant"'],
    ['village', {}, 'id 缺失，应为村的编号'],
    ['village', { id: '3' }, 'id 应为村的编号（正整数）（现为 "3"）'],
    ['village', { id: 1.5 }, 'id 应为村的编号'],
    ['importFiles', { paths: [] }, 'paths 应为文件或文件夹路径的列表'],
    ['importFiles', { paths: [''] }, 'paths[0] 应为文件或文件夹路径的列表'],
    ['importFiles', { paths: ['a'], overrides: { a: { S: { mapping: { x: 'name' }, headerRows: [0] } } } }, 'overrides.a'],
    ['importFiles', { paths: ['a'], overrides: { a: [{ id: 't', columns: [{ index: 1, role: 'boss' }] }] } }, '应为各列的列序号（从0起）和含义'],
    ['importFiles', { paths: ['a'], overrides: { a: [{ id: 't', headerRows: [0] }] } }, '应为表头所在行号（从1起，与Excel中一致）的列表'],
    ['findings', { severity: 'fatal' }, 'severity 应为 "error"、"warning" 或 "info"'],
    ['status', { verbose: true }, '含有无法识别的字段 "verbose"'],
    ['status', 'everything', '应为一个对象'],
    ['commitImport', null, '应为一个对象'],
  ] as Array<[ApiOp, unknown, string]>)('%s %j → a Chinese error', (op, args, part) => {
    const r = validateRequest(op, args);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(part);
      expect(r.error).toMatch(/^“.+”请求的参数有误：/);
    }
  });

  it('names an unknown operation', () => {
    expect(validateRequest('dropDatabase', {})).toEqual({ ok: false, error: '未知的操作“dropDatabase”' });
    expect(validateRequest('__proto__', {})).toEqual({ ok: false, error: '未知的操作“__proto__”' });
  });

  it('covers every operation with a schema', () => {
    expect(API_OPS.sort()).toEqual(Object.keys(REQUEST_SCHEMAS).sort());
  });

  it('is pure: shared/api.ts imports nothing from Node or Electron', () => {
    const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../shared/api.ts'), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((m) => m.startsWith('node:') || m === 'electron' || !/^(zod|\.\.?\/)/.test(m))).toEqual([]);
  });
});

describe('Backend.handle', () => {
  let dir: string;
  let backend: Backend;
  beforeAll(async () => {
    dir = tempDir();
    backend = Backend.open(path.join(dir, 'qw.sqlite'));
    await backend.importFiles({ paths: [path.join(FIXTURES, '枫林镇.xlsx')] });
  });
  afterAll(async () => {
    await backend.close();
    removeDir(dir);
  });

  it('returns a bad request as an error value, never a throw', async () => {
    expect(await backend.handle('village', { id: -1 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await backend.handle('nope' as ApiOp, {})).toEqual({ ok: false, error: { code: 'bad-request', message: '未知的操作“nope”' } });
    expect(await backend.handle('village', { id: 999 })).toEqual({ ok: false, error: { code: 'not-found', message: '找不到编号为 999 的村' } });
    expect(await backend.handle('changes', { importId: 42 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('answers every read operation with plain JSON data', async () => {
    const calls: Array<[ApiOp, unknown]> = [
      ['status', {}],
      ['countySummary', {}],
      ['townships', {}],
      ['villages', {}],
      ['village', { id: 1 }],
      ['findings', { scope: 'all' }],
      ['changes', {}],
      ['imports', {}],
      ['previewImport', { paths: [path.join(FIXTURES, '云溪乡.xlsx')] }],
    ];
    for (const [op, args] of calls) {
      const r = await backend.handle(op, args);
      expect(r.ok, op).toBe(true);
      if (r.ok) expect(JSON.parse(JSON.stringify(r.value)), op).toEqual(r.value);
    }
  });

  it('reports import progress through handle too', async () => {
    const phases = new Set<string>();
    const r = await backend.handle('importFiles', { paths: [path.join(FIXTURES, '云溪乡.xlsx')] }, { onProgress: (p) => phases.add(p.phase) });
    expect(r.ok).toBe(true);
    expect([...phases]).toEqual(['hashing', 'reading', 'judging', 'storing', 'done']);
  });
});
