// The public fixtures, rewritten as other townships would have written them: columns in another order,
// other header words, title rows and footers added, other sheet names, another file format. The verdicts
// must not move. A reader that knew the fixtures instead of the forms fails here.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readFile } from '../../shared/reading/read.ts';
import { decodeText, parseCsv } from '../../shared/reading/csv.ts';
import { villageIdentity } from '../../shared/check.ts';
import { checkBytes, gbk } from '../helpers/workbooks.ts';

const dir = path.join(__dirname, '..', 'fixtures');

interface Sheet {
  name: string;
  rows: unknown[][];
  merges: XLSX.Range[];
  hidden: boolean;
}

function load(file: string): Sheet[] {
  const bytes = fs.readFileSync(path.join(dir, file));
  if (file.endsWith('.csv')) return [{ name: 'Sheet1', rows: parseCsv(decodeText(bytes).text).rows, merges: [], hidden: false }];
  const wb = XLSX.read(bytes, { dense: true });
  return wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    return {
      name,
      rows: XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: '' }),
      merges: ws['!merges'] ?? [],
      hidden: (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0,
    };
  });
}

const SYNONYMS: Record<string, string> = {
  姓名: '名 字',
  性别: '性　别',
  身份证号: '公民身份号码',
  身份证号码: '身份证号（18位）',
  职务: '现任职务',
  是否村民代表: '是否为村民代表',
  村: '所在村',
  村名: '村（社区）名称',
  乡镇: '所属乡镇',
  '乡镇(街道)': '镇（街道）',
  '村(社区)': '村居名称',
  序号: '编号',
};

/** Header rows of each sheet as the reader found them (1-based), to know what to rewrite. */
function headerRowsOf(file: string): Map<string, number[]> {
  const read = readFile(fs.readFileSync(path.join(dir, file)), file);
  return new Map(read.report.sheets.map((s) => [s.sheet, s.headerRows]));
}

function transform(sheets: Sheet[], headers: Map<string, number[]>, opts: { reverse: boolean; title: boolean }): Sheet[] {
  return sheets.map((s) => {
    const hr = headers.get(s.name) ?? [];
    const width = Math.max(0, ...s.rows.map((r) => r.length));
    let rows = s.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
    let merges = s.merges.map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
    // Header words → synonyms.
    for (const h of hr) rows[h - 1] = rows[h - 1].map((v) => (typeof v === 'string' && SYNONYMS[v.trim()] ? SYNONYMS[v.trim()] : v));
    // Columns in reverse order, where one header row says what each column is (merged groups stay as they are).
    if (opts.reverse && hr.length === 1) {
      rows = rows.map((r) => [...r].reverse());
      merges = merges.map((m) => ({ s: { r: m.s.r, c: width - 1 - m.e.c }, e: { r: m.e.r, c: width - 1 - m.s.c } }));
    }
    // Two rows above everything (a title and a unit line) and a footer below.
    if (opts.title) {
      rows = [['村“两委”换届当选情况'], ['', '', '单位：人'], ...rows, [], ['填表人：某某', '', '联系电话：略'], ['注：本表由各村填报。']];
      merges = merges.map((m) => ({ s: { r: m.s.r + 2, c: m.s.c }, e: { r: m.e.r + 2, c: m.e.c } }));
    }
    return { ...s, rows, merges };
  });
}

function write(sheets: Sheet[], bookType: XLSX.BookType): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    ws['!merges'] = s.merges;
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

function expectSame(file: string, name: string, bytes: Uint8Array) {
  const expected: Array<{ township: string; village: string; status: string; rules: Record<string, string>; counts: Record<string, number> }> = JSON.parse(
    fs.readFileSync(path.join(dir, 'expected', `${file}.json`), 'utf8'),
  ).villages;
  const r = checkBytes([{ name, bytes }]);
  const got = new Map([...r.verdicts.values()].map((v) => [villageIdentity(v.township, v.village), v]));
  expect(got.size).toBe(expected.length);
  for (const e of expected) {
    const v = got.get(villageIdentity(e.township, e.village));
    expect(v, `${e.township}/${e.village}`).toBeDefined();
    expect({ status: v!.status, rules: Object.fromEntries(v!.parts.map((p) => [p.id, p.outcome])), counts: v!.counts }, `${e.village}`).toEqual({
      status: e.status,
      rules: e.rules,
      counts: e.counts,
    });
  }
}

const FILES = fs.readdirSync(dir).filter((f) => /\.(xlsx|xls|csv)$/.test(f));

describe.each(FILES)('%s, rewritten', (file) => {
  const sheets = load(file);
  const headers = headerRowsOf(file);
  // Keep the township findable where only the file name held it.
  const name = (ext: string) => `${file.replace(/\.[^.]+$/, '')}-改.${ext}`;

  it('other header words, columns reversed, title rows and a footer: .xlsx', () => {
    expectSame(file, name('xlsx'), write(transform(sheets, headers, { reverse: true, title: true }), 'xlsx'));
  });

  it('other header words only, as old .xls', () => {
    expectSame(file, name('xls'), write(transform(sheets, headers, { reverse: false, title: false }), 'biff8'));
  });

  const flat = sheets.length === 1 && (headers.get(sheets[0].name) ?? []).length === 1;
  if (flat) {
    it('as a GBK CSV with the columns reversed', () => {
      const rows = transform(sheets, headers, { reverse: true, title: false })[0].rows;
      const text = rows.map((r) => r.map((c) => String(c ?? '')).join(',')).join('\r\n');
      expectSame(file, name('csv'), gbk(text));
    });
  }

  // A flat roster with one township in a 乡镇 column: the column dropped, the township named in a title instead,
  // and the 村 column merged down over each village's rows.
  const s0 = sheets[0];
  const hr = headers.get(s0.name) ?? [];
  const townshipCol = hr.length === 1 ? s0.rows[hr[0] - 1].findIndex((v) => typeof v === 'string' && /^乡镇/.test(v.trim())) : -1;
  const villageCol = hr.length === 1 ? s0.rows[hr[0] - 1].findIndex((v) => typeof v === 'string' && /^村(名)?$/.test(v.trim())) : -1;
  const townships = townshipCol >= 0 ? new Set(s0.rows.slice(hr[0]).map((r) => r[townshipCol]).filter((v) => v)) : new Set();
  if (flat && townshipCol >= 0 && villageCol >= 0 && townships.size === 1) {
    it('the township in a title instead of a column, and 村 merged down', () => {
      const township = String([...townships][0]);
      const body = s0.rows.slice(hr[0] - 1).map((r) => r.filter((_, c) => c !== townshipCol));
      const vc = villageCol > townshipCol ? villageCol - 1 : villageCol;
      const merges: XLSX.Range[] = [];
      const rows: unknown[][] = [[`${township}2026年村“两委”换届选举当选人员名单`], body[0]];
      let start = -1;
      body.slice(1).forEach((r, i) => {
        const prev = i > 0 ? body[i][vc] : null;
        const row = [...r];
        if (r[vc] && r[vc] === prev) row[vc] = '';
        else {
          if (start >= 0 && rows.length - 1 > start) merges.push({ s: { r: start, c: vc }, e: { r: rows.length - 1, c: vc } });
          start = rows.length;
        }
        rows.push(row);
      });
      if (start >= 0 && rows.length - 1 > start) merges.push({ s: { r: start, c: vc }, e: { r: rows.length - 1, c: vc } });
      expectSame(file, '名单.xlsx', write([{ name: '名单', rows, merges, hidden: false }], 'xlsx'));
    });
  }
});
