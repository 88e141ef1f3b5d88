// The written situation report (.docx) read back from its XML: GB/T 9704 page and type, the figures in
// sentences equal to status, the township table, the chart as SVG with a PNG fallback, page numbers, and
// the official fonts with their fallbacks named in the font table.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import * as XLSX from 'xlsx';
import { Backend } from '../../electron/backend/service.ts';
import type { Status } from '../../shared/api.ts';
import { FIXTURE_FILES, FIXTURES, RESULTS, removeDir, tallyStatus, tempDir, zipParts } from './helpers.ts';

let dir: string;
let backend: Backend;
let status: Status;
let parts: Map<string, string>;
let doc: string;
let docxFile: string;

beforeAll(async () => {
  dir = tempDir('qw-docx-');
  backend = Backend.open(path.join(dir, 'qw.sqlite'), { now: () => new Date(2026, 11, 4, 10, 0) });
  await backend.importFiles({ paths: FIXTURE_FILES.map((f) => path.join(FIXTURES, f)) });
  status = await backend.status();
  docxFile = path.join(dir, '报告.docx');
  const r = await backend.handle('exportReport', { kind: 'docx', target: docxFile, county: '临江县' });
  if (!r.ok) throw new Error(r.error.message);
  parts = zipParts(fs.readFileSync(docxFile));
  doc = parts.get('word/document.xml')!;
});

afterAll(async () => {
  await backend.close();
  removeDir(dir);
});

/** The document's text, paragraph by paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/gu)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((t) => t[1]).join('')).filter(Boolean);
}

describe('the Word situation report', () => {
  it('states the county figures in sentences that equal status', () => {
    const text = paragraphs(doc);
    const t = tallyStatus(status).get('全县')!;
    expect(text[0]).toBe('关于临江县村级组织换届“两进一有”落实情况的报告');
    const overall = text.find((p) => p.startsWith('截至2026年12月4日'))!;
    expect(overall).toContain(`全县已报送${t.reported}个村（社区）`);
    expect(overall).toContain(`${t.compliant}个实现“两进一有”，达标率${((t.compliant / t.reported) * 100).toFixed(1)}%`);
    expect(overall).toContain(`${t.noncompliant}个村尚未实现，${t.incomplete}个村数据不全待核实`);
    expect(text.find((p) => p.startsWith('分项看'))).toContain(`至少一名女性进村“两委”班子的村${t.parts.womanInCommittees}个`);
    expect(text.find((p) => p.startsWith('全县村“两委”班子中女性成员共'))).toMatch(/平均年龄\d+\.\d岁，其中35岁及以下\d+名/u);
    for (const h of ['一、总体情况', '二、各乡镇（街道）情况', '三、存在的问题', '四、下步工作']) expect(text).toContain(h);
    expect(text.some((p) => p.includes('附件：1. 各乡镇（街道）“两进一有”情况统计表'))).toBe(true);
    expect(text.slice(-2)).toEqual(['临江县妇联', '2026年12月4日']);
    // every village that falls short is named with its reason
    for (const v of status.villages.filter((x) => x.status === 'noncompliant')) {
      expect(text.some((p) => p.includes(`${v.township}${v.village}：`))).toBe(true);
    }
    expect(text.some((p) => p.startsWith('【此处由经办人填写'))).toBe(true);
  });

  it('has one table row a township and 合计, the header repeated on each page, no split rows', () => {
    const table = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/u)![0];
    const rows = [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/gu)].map((m) => m[0]);
    const towns = new Set(status.villages.map((v) => v.township));
    expect(rows).toHaveLength(towns.size + 2);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    expect(paragraphs(rows[rows.length - 1])[0]).toBe('合计');
  });

  it('is laid out after GB/T 9704: A4, margins, fixed 28.95 pt lines, official fonts and sizes', () => {
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/u);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/u);
    expect(doc).toContain('w:line="579" w:lineRule="exact"');
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]{0,200}<w:sz w:val="44"\/>/u);
    expect(doc).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]{0,200}<w:sz w:val="32"\/>/u);
    expect(doc).toMatch(/w:eastAsia="黑体"/u);
    expect(doc).toMatch(/<w:ind w:firstLine="640"\/>/u);
    const fonts = parts.get('word/fontTable.xml')!;
    for (const [font, alt] of [['仿宋_GB2312', '仿宋'], ['黑体', 'SimHei'], ['楷体_GB2312', '楷体'], ['方正小标宋简体', '宋体'], ['仿宋', 'FangSong'], ['楷体', 'KaiTi'], ['宋体', 'SimSun']]) {
      expect(fonts).toContain(`<w:font w:name="${font}"><w:altName w:val="${alt}"/>`);
    }
  });

  it('numbers pages "— 1 —", odd on the right and even on the left', () => {
    expect(parts.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = [...parts.keys()].filter((k) => /^word\/footer\d+\.xml$/u.test(k)).map((k) => parts.get(k)!);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/PAGE/u);
      expect(paragraphs(f).join('')).toMatch(/^— +—$/u);
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => f.match(/<w:jc w:val="(\w+)"\/>/u)![1]).sort()).toEqual(['left', 'right']);
  });

  it('holds the chart as SVG with a PNG fallback; both are written under test-results/ to look at', async () => {
    const media = [...parts.keys()].filter((k) => k.startsWith('word/media/'));
    expect(media.some((k) => k.endsWith('.svg'))).toBe(true);
    expect(media.some((k) => k.endsWith('.png'))).toBe(true);
    expect(doc).toContain('asvg:svgBlip');
    const svg = parts.get(media.find((k) => k.endsWith('.svg'))!)!;
    for (const town of new Set(status.villages.map((v) => v.township))) expect(svg).toContain(town);
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.copyFileSync(docxFile, path.join(RESULTS, 'report.docx'));
    // The PNG fallback as it is stored, and the SVG as a browser draws it.
    const cfb = XLSX.CFB.read(fs.readFileSync(docxFile), { type: 'buffer' });
    const png = cfb.FileIndex[cfb.FullPaths.findIndex((p: string) => /word\/media\/[^/]+\.png$/u.test(p))].content as Uint8Array;
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    fs.writeFileSync(path.join(RESULTS, 'report-chart-fallback.png'), png);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
      await page.setContent(`<body style="margin:0;background:#fff">${svg}</body>`);
      await page.screenshot({ path: path.join(RESULTS, 'report-chart.png') });
    } finally {
      await browser.close();
    }
  });

  // CI installs LibreOffice (.ci/run), so there the conversion and the picture of page 1 are required.
  it('is converted by LibreOffice (page 1 under test-results/; required in CI, where .ci/run installs it)', () => {
    let soffice: string | null = null;
    try {
      soffice = execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim() || null;
    } catch {
      soffice = null;
    }
    if (!soffice) {
      expect(process.env.CI, 'LibreOffice (soffice) is missing: .ci/run installs libreoffice-writer-nogui').toBeFalsy();
      return; // a developer's machine without LibreOffice: the XML checks above stand alone
    }
    execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, docxFile], { timeout: 120_000 });
    const pdf = path.join(dir, '报告.pdf');
    expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain('两进一有');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(RESULTS, 'report-docx-page1')]);
  });
});
