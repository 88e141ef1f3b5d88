// The township template: written with drop-downs, a text ID column and a hidden version marker; filled by
// this test as a township would (in a spreadsheet program: ExcelJS here), it reads back by its marker with
// no layout finding, to the expected verdicts; mistakes get the usual findings with rows; imported text
// such as =HYPERLINK(…), +1-2 and @SUM(1) comes out of every export as harmless text.

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { Backend } from '../../electron/backend/service.ts';
import { exportBytes } from '../../electron/backend/exports/index.ts';
import { readFile } from '../../shared/reading/read.ts';
import { TEMPLATE_COLUMNS, TEMPLATE_MARKER_SHEET, TEMPLATE_VERSION } from '../../shared/report/template.ts';
import { exportText, removeDir, sheetRows, tempDir, validId, zipParts } from './helpers.ts';

let dir: string;
let blank: Uint8Array;

beforeAll(async () => {
  dir = tempDir('qw-template-');
  blank = await exportBytes('template', null);
});

afterAll(() => removeDir(dir));

type Row = [township: string, village: string, name: string, gender: string, id: string, birth: string, education: string, party: string, villagers: string, chair: string, rep: string, note?: string];

const HOSTILE_NAME = '=HYPERLINK("http://x","y")';

/** 甲村 meets all three parts; 乙村 none; 丙村 has the mistakes; the hostile village has names that look like formulas. */
function filledRows(): Row[] {
  let seq = 100;
  const id = (female: boolean) => validId(++seq, female);
  const reps = (t: string, v: string, women: number, men: number): Row[] => [
    ...Array.from({ length: women }, (_, i): Row => [t, v, `女代表${'甲乙丙丁戊己庚辛'[i]}${v}`, '女', id(true), '', '', '无', '无', '否', '是']),
    ...Array.from({ length: men }, (_, i): Row => [t, v, `男代表${'甲乙丙丁戊己庚辛'[i]}${v}`, '男', id(false), '', '', '', '', '否', '是']),
  ];
  return [
    ['青山镇', '甲村', '张国强', '男', id(false), '', '高中', '书记', '主任', '否', '否'],
    ['青山镇', '甲村', '李秀英', '女', id(true), '', '大学本科', '委员', '副主任', '是', '是'],
    ['青山镇', '甲村', '王建军', '男', '', '1980-05', '', '副书记', '无', '否', '否'],
    ...reps('青山镇', '甲村', 2, 3),
    ['青山镇', '乙村', '赵大海', '男', id(false), '', '', '书记', '主任', '否', '否'],
    ['青山镇', '乙村', '钱小军', '男', id(false), '', '', '委员', '委员', '否', '否'],
    ['青山镇', '乙村', '孙丽', '女', id(true), '', '', '无', '无', '是', '是'],
    ...reps('青山镇', '乙村', 0, 5),
    // 丙村: a gender that contradicts the ID, a seat not in the list, a row without its village
    ['青山镇', '丙村', '周敏', '男', id(true), '', '', '书记', '', '是', '否'],
    ['青山镇', '丙村', '吴刚', '男', id(false), '', '', '', '主席', '否', '否'],
    ['青山镇', '', '郑华', '女', id(true), '', '', '委员', '', '否', '否'],
    ...reps('青山镇', '丙村', 1, 2),
    ['青山镇', '@SUM(1)', HOSTILE_NAME, '女', id(true), '1990-01', '大专', '委员', '', '是', '是'],
    ['青山镇', '@SUM(1)', '+1-2', '男', id(false), '', '', '书记', '主任', '否', '否'],
    ['青山镇', '@SUM(1)', '-3+4', '女', id(true), '', '', '', '', '否', '是'],
  ];
}

/** Fills the blank template in a spreadsheet program (ExcelJS), keeping everything else as it is. */
async function fill(rows: Row[], file: string, edit?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(blank) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('名单')!;
  rows.forEach((r, i) => r.forEach((v, c) => (ws.getCell(3 + i, c + 1).value = v === '' ? null : v)));
  edit?.(ws);
  fs.writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

describe('the blank template', () => {
  it('has instructions, drop-downs, a text ID column and a hidden version marker', () => {
    const parts = zipParts(blank);
    const wbXml = parts.get('xl/workbook.xml')!;
    expect([...wbXml.matchAll(/<sheet [^>]*name="([^"]+)"/gu)].map((m) => m[1])).toEqual(['填写说明', '名单', TEMPLATE_MARKER_SHEET]);
    expect(wbXml).toMatch(new RegExp(`name="${TEMPLATE_MARKER_SHEET}" state="veryHidden"`, 'u'));
    const sheet = parts.get('xl/worksheets/sheet2.xml')!;
    const validations = [...sheet.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*>\s*<formula1>([^<]*)<\/formula1>/gu)].map((m) => [m[1], m[2]]);
    expect(validations).toEqual(
      expect.arrayContaining([
        ['D3:D1002', '&quot;女,男&quot;'],
        ['H3:H1002', '&quot;书记,副书记,委员,无&quot;'],
        ['I3:I1002', '&quot;主任,副主任,委员,无&quot;'],
        ['K3:K1002', '&quot;是,否&quot;'],
      ]),
    );
    const wb = XLSX.read(blank, { cellNF: true, sheetStubs: true });
    expect(wb.Sheets['名单']['B2'].v).toBe('村（社区）');
    expect(wb.Sheets['名单']['E3'].z).toBe('@'); // the ID column as text
    expect(wb.Sheets[TEMPLATE_MARKER_SHEET]['B1'].v).toBe(String(TEMPLATE_VERSION));
    expect(String(wb.Sheets['填写说明']['A1'].v)).toContain('填写说明');
    // A blank template reads as a template holding nothing, not as an unknown layout.
    const read = readFile(blank, '模板.xlsx');
    expect(read.report.sheets[0].note).toContain('填报模板');
    expect(read.inputs).toEqual([]);
  });
});

describe('a filled template', () => {
  let backend: Backend;
  let file: string;
  beforeAll(async () => {
    file = await fill(filledRows(), path.join(dir, '青山镇-模板.xlsx'));
    backend = Backend.open(path.join(dir, 'qw.sqlite'), { now: () => new Date(2026, 11, 4, 10, 0) });
    await backend.importFiles({ paths: [file] });
  });
  afterAll(async () => backend.close());

  it('is read by its marker, column by column, with no layout finding', () => {
    const read = readFile(fs.readFileSync(file), path.basename(file));
    expect(read.report.sheets).toHaveLength(1);
    expect(read.report.sheets[0]).toMatchObject({ sheet: '名单', layout: 'roster', headerRows: [2] });
    expect(read.report.sheets[0].note).toContain(`第${TEMPLATE_VERSION}版`);
    expect(read.report.sheets[0].columns.map((c) => c.header)).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    expect(read.inputs.map((i) => i.village)).toEqual(['甲村', '乙村', '丙村', '@SUM(1)']);
  });

  it('round-trips to the expected verdicts', async () => {
    const s = await backend.status();
    const v = (name: string) => s.villages.find((x) => x.village === name)!;
    expect(v('甲村')).toMatchObject({ status: 'compliant', counts: { committeeMembers: 3, committeeWomen: 1, representatives: 6, womenRepresentatives: 3 } });
    expect(v('乙村')).toMatchObject({
      status: 'noncompliant',
      rules: { womanInCommittees: 'fail', chairInCommittees: 'fail', womenRepresentativesThird: 'fail' },
      counts: { committeeMembers: 2, committeeWomen: 0, representatives: 6, womenRepresentatives: 1 },
    });
    // 丙村: 周敏's ID says woman (trusted over 男), she holds a seat and is the chair
    expect(v('丙村').rules).toMatchObject({ womanInCommittees: 'pass', chairInCommittees: 'pass' });
  });

  it('mistakes get the usual findings, with rows', async () => {
    const f = (await backend.status()).findings;
    const at = (code: string) => f.filter((x) => x.code === code).map((x) => [x.sheet, x.row]);
    expect(at('id-gender-mismatch')).toContainEqual(['名单', 19]);
    expect(at('seat-unrecognised')).toContainEqual(['名单', 20]);
    expect(at('row-skipped')).toContainEqual(['名单', 21]);
    expect(f.find((x) => x.code === 'seat-unrecognised')!.message).toContain('主席');
    expect(f.find((x) => x.code === 'row-skipped')!.message).toContain('未填村（社区）');
  });

  it('the women on the committees carry age and education from the template', async () => {
    const r = await backend.handle('report', {});
    if (!r.ok) throw new Error(r.error.message);
    const li = r.value.women.find((w) => w.name === '李秀英')!;
    expect(li).toMatchObject({ education: '大学本科', ageFrom: 'id' });
    const hostile = r.value.women.find((w) => w.name === HOSTILE_NAME)!;
    expect(hostile.education).toBe('大专');
    expect(r.value.total.women.college).toBeGreaterThanOrEqual(2);
    expect(r.value.total.women.educationKnown).toBeLessThan(r.value.total.women.women + 1);
  });

  it('imported text that looks like a formula is harmless text in every export', async () => {
    const xlsx = path.join(dir, '汇总.xlsx');
    const csv = path.join(dir, '明细.csv');
    const training = path.join(dir, '培训.xlsx');
    const docx = path.join(dir, '报告.docx');
    for (const [kind, target] of [['xlsx', xlsx], ['csv', csv], ['training', training], ['docx', docx]] as const) {
      const r = await backend.handle('exportReport', { kind, target });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    // xlsx: the names are text cells, no formula, no link anywhere
    for (const f of [xlsx, training]) {
      const wb = XLSX.read(fs.readFileSync(f), { cellFormula: true });
      const cells = wb.SheetNames.flatMap((n) => Object.entries(wb.Sheets[n]).filter(([a]) => !a.startsWith('!')).map(([, c]) => c as XLSX.CellObject));
      expect(cells.every((c) => c.f === undefined && c.l === undefined)).toBe(true);
      const texts = cells.filter((c) => c.t === 's').map((c) => String(c.v));
      expect(texts.some((t) => t.includes('@SUM(1)'))).toBe(true);
      expect(exportText(f)).not.toMatch(/<f>|<hyperlink|HYPERLINK\("http:\/\/x","y"\)<\/f>/u);
    }
    const names = sheetRows(training)['培训名单'].slice(3).map((r) => r[3]);
    expect(names).toContain(HOSTILE_NAME);
    // CSV: no field begins with = + - @ tab or CR
    const fields = parseCsv(fs.readFileSync(csv, 'utf8').slice(1)).flat();
    expect(fields.some((x) => x.includes('@SUM(1)'))).toBe(true);
    expect(fields.filter((x) => /^[=+\-@\t\r]/u.test(x))).toEqual([]);
    expect(fields).toContain("'@SUM(1)");
    // docx: text runs only, no field code built from imported text
    const doc = zipParts(fs.readFileSync(docx)).get('word/document.xml')!;
    expect(doc).not.toMatch(/<w:fldSimple|<w:instrText[^>]*>[^<]*HYPERLINK/u);
  });

  it('a template whose header was changed is refused with a message naming the sheet, row and column', async () => {
    const broken = await fill(filledRows().slice(0, 3), path.join(dir, '改了表头.xlsx'), (ws) => {
      ws.getCell(2, 4).value = '男女';
    });
    const read = readFile(fs.readFileSync(broken), '改了表头.xlsx');
    expect(read.inputs).toEqual([]);
    expect(read.findings[0]).toMatchObject({ severity: 'error', sheet: '名单' });
    expect(read.findings[0].message).toContain('第2行 D 列的表头应为“性别”，现为“男女”');
  });
});

/** RFC 4180 fields (quotes doubled), for reading the CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}
