// e2e: every other export of 导出 through the browser door, in real Chromium against the real backend,
// read back and checked against `status`: the Word report (its XML), the CSV (UTF-8 with a BOM), the
// per-township workbooks (the browser door delivers them as one download each: no zip to unpack, and each
// file keeps the name the window would save it under), the training list, the blank template, and the PDF
// of the overview and the noncompliant list (page.pdf of the print route, read with pdftotext). Also the
// names of 设置 › 报告署名: the hint in 导出 while never set, and the set name in the exports after.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel, Status } from '../../shared/api.ts';
import { exportBaseName } from '../../shared/api/exports.ts';
import { zipParts } from '../report/helpers.ts';
import { SHOTS, seedFiles, shot, startApp, type App } from './harness.ts';

let app: App;
let st: Status;

const FULL_ID = /\d{17}[\dXx]/u;

async function call<T>(op: string, args: object): Promise<T> {
  const r = await app.backend.handle(op as never, args as never);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

beforeAll(async () => {
  app = await startApp();
  await call('importFiles', { paths: seedFiles().filter((f) => /\.(xlsx|xls|csv|et)$/iu.test(f) && !f.includes('应报')) });
  const list = seedFiles().find((f) => f.includes('应报'));
  if (list) await call('setExpectedVillages', { path: list });
  st = await call<Status>('status', {});
  await app.page.goto(app.server.url + '#/export');
  await app.page.reload();
  await app.page.getByTestId('export-preview').waitFor({ timeout: 60_000 });
}, 240_000);

afterAll(async () => {
  await app?.close();
});

/** Chooses a report in 导出, exports it, and saves the downloads it starts (`count` of them). */
async function exportChoice(choice: string, count = 1): Promise<Array<{ name: string; file: string }>> {
  const p = app.page;
  await p.getByTestId(`export-kind-${choice}`).click();
  const got: Array<{ name: string; file: string }> = [];
  const all = new Promise<void>((resolve) => {
    const on = async (d: import('playwright-core').Download) => {
      const file = path.join(app.dir, `dl-${choice}-${got.length}-${d.suggestedFilename()}`);
      await d.saveAs(file);
      got.push({ name: d.suggestedFilename(), file });
      if (got.length === count) {
        p.off('download', on);
        resolve();
      }
    };
    p.on('download', on);
  });
  await p.getByTestId('export-go').click();
  const refused = p.locator('[data-testid="export-outcome"].ant-alert-error');
  const ok = await Promise.race([all.then(() => true), refused.waitFor({ timeout: 90_000 }).then(() => false)]);
  if (!ok) throw new Error(`导出失败：${await refused.innerText()}`);
  await p.getByTestId('export-outcome').waitFor();
  return got;
}

/** The text of a docx's body: its runs joined. */
function docxText(file: string): string {
  const xml = zipParts(new Uint8Array(fs.readFileSync(file))).get('word/document.xml')!;
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join('');
}

const rowsOf = (file: string, sheet?: string) => {
  const wb = XLSX.read(fs.readFileSync(file));
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet ?? wb.SheetNames[0]], { header: 1, defval: null });
};

describe('导出 in the browser door, every file', () => {
  it('while 报告署名 was never set, 导出 says so and links to 设置', async () => {
    const hint = app.page.getByTestId('export-names-hint');
    await hint.waitFor();
    expect(await hint.innerText()).toContain('设置 › 报告署名');
    await shot(app.page, 'export-10-names-hint');
  });

  it('the names set in 设置 › 报告署名 are checked there, and then the hint is gone', async () => {
    const p = app.page;
    await p.goto(app.server.url + '#/settings');
    await p.getByTestId('settings-report-names').waitFor({ timeout: 30_000 });
    await p.getByTestId('settings-county').fill('临江县/');
    expect(await p.getByTestId('settings-names-save').isDisabled()).toBe(true);
    await p.getByTestId('settings-county').fill('临江县');
    await p.getByTestId('settings-organisation').fill('临江县妇女联合会');
    await p.getByTestId('settings-names-save').click();
    await p.getByTestId('settings-names-note').waitFor();
    expect(await p.getByTestId('settings-names-note').innerText()).toContain('临江县妇女联合会');
    await shot(p, 'export-11-settings-names');
    await p.goto(app.server.url + '#/export');
    await p.getByTestId('export-preview').waitFor({ timeout: 60_000 });
    expect(await p.getByTestId('export-names-hint').count()).toBe(0);
  }, 60_000);

  it('the Word report: its figures in sentences and its table equal status; signed with the set name', async () => {
    const county = st.totals.county;
    const [d] = await exportChoice('docx');
    const m = await call<ReportModel>('report', {});
    expect(d.name).toBe(`${exportBaseName('docx', m.date)}.docx`);
    const text = docxText(d.file).replace(/\s+/gu, '');
    expect(text).toContain('关于临江县村级组织换届');
    expect(text).toContain(`已报送${county.reported}个`);
    expect(text).toContain(`${county.compliant}个实现“两进一有”，达标率`);
    expect(text).toContain(`${county.noncompliant}个村尚未实现，${county.incomplete}个村数据不全`);
    expect(text).toContain('临江县妇女联合会');
    for (const t of st.totals.townships) expect(text).toContain(t.township);
    expect(text).not.toMatch(FULL_ID);
  }, 120_000);

  it('the CSV: UTF-8 with a BOM, one row a village, statuses as status has them', async () => {
    const [d] = await exportChoice('csv');
    const bytes = fs.readFileSync(d.file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const wb = XLSX.read(bytes.toString('utf8').slice(1), { type: 'string' });
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[wb.SheetNames[0]], { defval: null });
    const reported = rows.filter((r) => ['达标', '不达标', '数据不全'].includes(String(r['结论'] ?? '')));
    expect(reported.length).toBe(st.villages.length);
    const tally = (xs: string[]) => ['达标', '不达标', '数据不全'].map((k) => xs.filter((x) => x === k).length);
    expect(tally(reported.map((r) => String(r['结论'])))).toEqual([st.totals.county.compliant, st.totals.county.noncompliant, st.totals.county.incomplete]);
    expect(bytes.toString('utf8')).not.toMatch(FULL_ID);
  }, 120_000);

  it('各乡镇分表: one download a township, each with only its own villages', async () => {
    const townships = st.totals.townships.filter((t) => t.reported > 0);
    const files = await exportChoice('townships', townships.length);
    expect(files).toHaveLength(townships.length);
    for (const t of townships) {
      const f = files.find((x) => x.name.includes(t.township));
      expect(f, t.township).toBeDefined();
      const total = rowsOf(f!.file, '汇总').find((r) => r.includes('合计'));
      expect(total, t.township).toBeDefined();
      expect(total).toContain(t.reported);
      const detail = rowsOf(f!.file, '村庄明细').flat().map(String);
      for (const v of st.villages.filter((x) => x.township !== t.township)) expect(detail).not.toContain(v.village);
    }
  }, 180_000);

  it('the training list: every named woman on the committees, IDs masked', async () => {
    const [d] = await exportChoice('training');
    const m = await call<ReportModel>('report', {});
    const rows = rowsOf(d.file);
    const head = rows.findIndex((r) => r.includes('姓名'));
    expect(head).toBeGreaterThanOrEqual(0);
    const nameCol = rows[head].indexOf('姓名');
    const people = rows.slice(head + 1).filter((r) => r[nameCol] !== null && String(r[nameCol]).trim() !== '');
    expect(people.length).toBe(m.women.length);
    expect(m.women.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(FULL_ID);
  }, 120_000);

  it('the blank template: instructions, the form, its marker; read back as a template with no village', async () => {
    const [d] = await exportChoice('template');
    expect(d.name).toBe(`${exportBaseName('template', null)}.xlsx`);
    const wb = XLSX.read(fs.readFileSync(d.file));
    expect(wb.SheetNames[0]).toBe('填写说明');
    expect(wb.SheetNames.length).toBeGreaterThanOrEqual(3);
    const checked = await call<{ villages: unknown[]; findings: Array<{ code: string }> }>('previewImport', { paths: [d.file] });
    expect(checked.villages).toHaveLength(0);
    expect(checked.findings.filter((f) => f.code.startsWith('layout'))).toEqual([]);
  }, 120_000);

  it('the PDF of the overview and the noncompliant list: figures and every noncompliant village, as status has them', async () => {
    const p = app.page;
    const county = st.totals.county;
    await p.goto(app.server.url + '#/print/report');
    await p.reload();
    await p.waitForFunction(() => document.documentElement.dataset.printReady === 'ready', null, { timeout: 60_000 });
    fs.mkdirSync(SHOTS, { recursive: true });
    const pdf = path.join(SHOTS, 'export-files-report.pdf');
    await p.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/gu, '');
    expect(flat).toContain('临江县');
    expect(text.replace(/\s+/gu, ' ')).toMatch(new RegExp(`合计 .*${county.reported} .*${county.compliant} ${county.noncompliant} ${county.incomplete}`));
    const noncompliant = st.villages.filter((v) => v.status === 'noncompliant');
    expect(noncompliant.length).toBe(county.noncompliant);
    for (const v of noncompliant) expect(flat).toContain(v.village);
    expect(text).not.toMatch(FULL_ID);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '2', '-l', '2', '-singlefile', pdf, path.join(SHOTS, 'export-pdf-page2')]);
  }, 120_000);
});
