// Hostile and oversized files: the reader bounds its work and says why it stopped, instead of
// running away with time or memory.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readWorkbook, DEFAULT_LIMITS } from '../../shared/reading/workbook.ts';
import { surveyZip } from '../../shared/reading/zip.ts';
import { readFile } from '../../shared/reading/read.ts';
import { readFiles } from '../../electron/backend/read-pool.ts';
import { workbookBytes } from '../helpers/workbooks.ts';

function roster(rows: number): unknown[][] {
  const out: unknown[][] = [['乡镇', '村', '姓名', '性别', '职务', '是否村民代表']];
  for (let i = 0; i < rows; i++) out.push(['甲镇', `村${i % 50}村`, `张${String.fromCharCode(0x4e00 + (i % 20000))}${String.fromCharCode(0x4e00 + ((i * 7) % 20000))}`, i % 2 ? '男' : '女', i % 60 === 0 ? '书记' : '', '是']);
  return out;
}

/** Rewrites the first worksheet's XML inside an .xlsx. */
function patchSheetXml(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  const entry = cfb.FileIndex[cfb.FullPaths.findIndex((p: string) => p.endsWith('worksheets/sheet1.xml'))];
  const content = new TextEncoder().encode(edit(new TextDecoder().decode(entry.content as Uint8Array)));
  entry.content = content as unknown as typeof entry.content;
  entry.size = content.length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array', fileType: 'zip' }) as ArrayLike<number>);
}

/** Rewrites every central-directory entry's declared uncompressed size, as a zip bomb's would read. */
function declareSizes(bytes: Uint8Array, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('bounded work', () => {
  it('a zip that declares gigabytes inside is refused before inflating', () => {
    const bomb = declareSizes(workbookBytes([{ name: 'S', rows: roster(10) }]), 0x7fffffff);
    expect(surveyZip(bomb).totalUncompressed).toBeGreaterThan(DEFAULT_LIMITS.maxUnzippedBytes);
    const r = readWorkbook(bomb);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem).toBe('too-large');
      expect(r.message).toMatch(/压缩炸弹|超过上限/);
    }
  });

  it('a highly compressible sheet over the unzipped-size limit is refused', () => {
    const bytes = workbookBytes([{ name: 'S', rows: roster(20_000) }]);
    const r = readWorkbook(bytes, { ...DEFAULT_LIMITS, maxUnzippedBytes: 512 * 1024 });
    expect(r.ok).toBe(false);
  });

  it('a declared range and merges over a million rows and all columns are clipped to the data', () => {
    // Written by hand into the sheet XML: SheetJS's own writer would walk the whole declared range.
    const bytes = patchSheetXml(workbookBytes([{ name: 'S', rows: roster(3) }]), (xml) =>
      xml
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
        .replace('</sheetData>', '</sheetData><mergeCells count="2"><mergeCell ref="B2:B1048576"/><mergeCell ref="G1:XFD1048576"/></mergeCells>'),
    );
    // A runaway expansion of the merges would take minutes: the test's own time limit catches it.
    const r = readFile(bytes, 'merges.xlsx');
    expect(r.report.ok).toBe(true);
    // B2:B… merged down: the village of row 2 fills the rows below, within the data only.
    expect(r.report.sheets[0].villages.map((v) => [v.village, v.rows])).toEqual([['村0村', 3]]);
  });

  it('a merge over the whole sheet leaves no header, said plainly', () => {
    const bytes = patchSheetXml(workbookBytes([{ name: 'S', rows: roster(3) }]), (xml) =>
      xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    );
    const r = readFile(bytes, 'all-merged.xlsx');
    expect(r.report.sheets[0].note).toContain('未找到可识别的表头');
    expect(r.findings.some((f) => f.code === 'no-roster')).toBe(true);
  });

  it('thousands of sheets: only the first ones are read, and the file says so', () => {
    const sheets = Array.from({ length: DEFAULT_LIMITS.maxSheets + 50 }, (_, i) => ({ name: `S${i}`, rows: [['a']] }));
    const r = readFile(workbookBytes(sheets), 'many.xlsx');
    expect(r.report.sheets).toHaveLength(DEFAULT_LIMITS.maxSheets);
    expect(r.findings.some((f) => f.code === 'limit-reached' && f.message.includes(`只读取了前 ${DEFAULT_LIMITS.maxSheets} 个`))).toBe(true);
  });

  it('rows beyond the per-sheet limit are left out, and the file says so', () => {
    const r = readWorkbook(workbookBytes([{ name: 'S', rows: roster(500) }]), { ...DEFAULT_LIMITS, maxRowsPerSheet: 100 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.notes.join()).toContain('只读取了前 100 行');
  });
});

describe('the worker pool stops a file that runs away, and goes on with the others', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-hostile-'));
  // An .ods of 30,000 rows: SheetJS takes seconds over it even on a quiet machine, while the small CSV
  // takes a few milliseconds once its worker is ready, so the allowance below tells them apart under load.
  const slow = path.join(dir, 'slow.ods');
  const big = path.join(dir, 'big.xlsx');
  const small = path.join(dir, 'small.csv');
  fs.writeFileSync(slow, workbookBytes([{ name: 'S', rows: roster(30_000) }], 'ods'));
  fs.writeFileSync(big, workbookBytes([{ name: 'S', rows: roster(60_000) }]));
  fs.writeFileSync(small, '乡镇,村,姓名,性别,职务,是否村民代表\n甲镇,一村,张三,男,书记,否\n');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('over its time allowance: stopped with a reason', async () => {
    const [a, b] = await readFiles([{ path: slow }, { path: small }], { baseTimeoutMs: 800, timeoutMsPerMiB: 0, concurrency: 1 });
    expect(a.report.ok).toBe(false);
    expect(a.report.message).toMatch(/已中止/);
    expect(b.report.ok).toBe(true);
    expect(b.inputs).toHaveLength(1);
  });

  it('over its memory allowance: stopped with a reason', async () => {
    const [a, b] = await readFiles([{ path: big }, { path: small }], { maxHeapMb: 24, concurrency: 1 });
    expect(a.report.ok).toBe(false);
    expect(a.report.message).toMatch(/内存超过上限/);
    expect(b.report.ok).toBe(true);
  });

  it('a file over the size limit is not read at all', async () => {
    const [a] = await readFiles([{ path: big }], { maxFileBytes: 1024 });
    expect(a.report.ok).toBe(false);
    expect(a.report.message).toMatch(/超过上限/);
  });
});
