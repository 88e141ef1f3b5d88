// The county's and the organisation's names come from 设置 (the settings area), checked when set; every
// export and the CLI use them when no parameter is given; a first-time user gets the defaults.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import type { ReportModel, Settings } from '../../shared/api.ts';
import { exportText, FIXTURES, removeDir, tempDir } from './helpers.ts';

let dir: string;
let db: string;
let backend: Backend;

async function report(args: Record<string, unknown> = {}): Promise<ReportModel> {
  const r = await backend.handle('report', args);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function setNames(county: string | null, organisation: string | null): Promise<Settings> {
  const r = await backend.handle('setReportNames', { county, organisation });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeAll(async () => {
  dir = tempDir('qw-names-');
  db = path.join(dir, 'qw.sqlite');
  backend = Backend.open(db);
  await backend.importFiles({ paths: [path.join(FIXTURES, '云溪乡.xlsx')] });
});

afterAll(async () => {
  await backend?.close();
  removeDir(dir);
});

describe('报告署名 in 设置', () => {
  it('never set: the defaults, and settings says so', async () => {
    const s = await backend.handle('settings', {});
    expect(s.ok && s.value.reportNames).toEqual({ county: null, organisation: null });
    const m = await report();
    expect([m.county, m.organisation]).toEqual(['本县', '县妇联']);
  });

  it('set: every export uses them; a parameter still wins; the organisation follows a county alone', async () => {
    await setNames('临江县', null);
    expect([(await report()).county, (await report()).organisation]).toEqual(['临江县', '临江县妇联']);
    const s = await setNames('临江县', '临江县妇女联合会');
    expect(s.reportNames).toEqual({ county: '临江县', organisation: '临江县妇女联合会' });
    const m = await report();
    expect(m.title).toContain('临江县');
    expect(m.organisation).toBe('临江县妇女联合会');
    expect((await report({ county: '青田县' })).organisation).toBe('青田县妇联');
    const out = path.join(dir, '报告.docx');
    const r = await backend.handle('exportReport', { kind: 'docx', target: out });
    expect(r.ok).toBe(true);
    const text = exportText(out);
    expect(text).toContain('临江县妇女联合会');
    expect(text).not.toContain('本县');
  });

  it('names that cannot be used are refused with a Chinese message, and nothing changes', async () => {
    for (const bad of ['县', '临江县\n妇联', 'a/b县', 'x'.repeat(31)]) {
      const r = await backend.handle('setReportNames', { county: bad, organisation: null });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toMatch(/[\u4e00-\u9fff]/u);
    }
    expect((await report()).county).toBe('临江县');
    await setNames(null, null);
    expect((await report()).county).toBe('本县');
  });

  it('the CLI report falls back to the setting when no --county is given', async () => {
    await setNames('临江县', null);
    await backend.close();
    const out = path.join(dir, 'cli.xlsx');
    execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../../bin/quota-watch.mjs'), 'report', '--out', out, '--db', db], { encoding: 'utf8' });
    expect(exportText(out)).toContain('临江县村级组织换届');
    backend = Backend.open(db);
  }, 60_000);
});
