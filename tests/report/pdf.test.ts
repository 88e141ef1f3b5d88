// The PDF: the renderer's report page (renderer/print/ReportPage.tsx with print.css), rendered to HTML
// by react-dom/server and printed by Debian's Chromium as Electron's printToPDF prints it in the app.
// Read back with pdftotext; page 1 rendered to PNG under test-results/ by pdftoppm.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import type { ReportModel, Status } from '../../shared/api.ts';
import { ReportPage } from '../../renderer/print/ReportPage.tsx';
import { FIXTURE_FILES, FIXTURES, RESULTS, removeDir, tallyStatus, tempDir } from './helpers.ts';

const CSS = fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/print/print.css'), 'utf8');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let dir: string;
let status: Status;
let model: ReportModel;
let pages: string[];
let fullIds: string[];

beforeAll(async () => {
  dir = tempDir('qw-pdf-');
  const backend = Backend.open(path.join(dir, 'qw.sqlite'), { now: () => new Date(2026, 11, 4, 10, 0) });
  try {
    await backend.importFiles({ paths: FIXTURE_FILES.map((f) => path.join(FIXTURES, f)) });
    status = await backend.status();
    const r = await backend.handle('report', { county: '临江县' });
    if (!r.ok) throw new Error(r.error.message);
    model = r.value;
    fullIds = (backend.store.reader.db.prepare('SELECT DISTINCT id_key FROM person_rows WHERE id_key IS NOT NULL').all() as Array<{ id_key: string }>).map((x) => x.id_key);
  } finally {
    await backend.close();
  }
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${CSS}</style></head><body>${renderToStaticMarkup(createElement(ReportPage, { model }))}</body></html>`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const pdf = path.join(dir, 'report.pdf');
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.copyFileSync(pdf, path.join(RESULTS, 'report.pdf'));
  pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(RESULTS, 'report-pdf-page1')]);
  if (pages.length > 1) execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '2', '-l', '2', '-singlefile', pdf, path.join(RESULTS, 'report-pdf-page2')]);
});

afterAll(() => removeDir(dir));

const squeeze = (s: string) => s.replace(/\s+/gu, '');

describe('the PDF report', () => {
  it('has the title, the date and the rule set, as the Excel report', () => {
    const first = squeeze(pages[0]);
    expect(first).toContain(squeeze(model.title));
    expect(first).toContain('截至2026年12月4日规则：两进一有填报单位：临江县妇联');
  });

  it('shows the overview with the figures status gives', () => {
    const all = squeeze(pages.join('\n'));
    const t = tallyStatus(status).get('全县')!;
    expect(all).toContain(`已报送${t.reported}个`);
    expect(all).toContain(`${t.compliant}个实现“两进一有”`);
    for (const town of new Set(status.villages.map((v) => v.township))) expect(all).toContain(town);
  });

  it('lists every noncompliant village; table headers repeat on each page; page numbers in the footer', () => {
    const all = squeeze(pages.join('\n'));
    for (const v of status.villages.filter((x) => x.status === 'noncompliant')) expect(all).toContain(squeeze(v.village));
    pages.forEach((p, i) => expect(squeeze(p)).toContain(`第${i + 1}页共${pages.length}页`));
    expect(pages.length).toBeGreaterThan(1);
    // a page the list continues on starts with the list's header row again
    const listPages = pages.filter((p) => model.noncompliant.some((v) => p.includes(v.village)));
    expect(listPages.length).toBeGreaterThan(1);
    for (const p of listPages) expect(squeeze(p)).toContain('序号乡镇村未达标项原因还差');
  });

  it('holds no full ID number', () => {
    const all = pages.join('\n');
    for (const id of fullIds) expect(all.includes(id)).toBe(false);
    expect(fs.existsSync(path.join(RESULTS, 'report-pdf-page1.png'))).toBe(true);
  });
});
