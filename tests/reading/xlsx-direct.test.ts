// The direct .xlsx reader must read every workbook it takes exactly as SheetJS does (cell text, number
// or not, sheet names, hidden sheets, merges, notes), and must decline what it does not fully
// understand. Workbooks here come from SheetJS, from ExcelJS, from the fixtures, and written part by
// part to reach the corners of the format. tests/corpus/direct-vs-sheetjs.ts does the same over
// Apache POI's corpus in CI.

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { compareReaders } from '../helpers/compare-readers.ts';
import { workbookBytes } from '../helpers/workbooks.ts';
import { readWorkbook, DEFAULT_LIMITS, type WorkbookRead } from '../../shared/reading/workbook.ts';
import type { Grid } from '../../shared/reading/grid.ts';
import { crc32, surveyZip } from '../../shared/reading/zip.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface PartSheet {
  name: string;
  /** What goes inside <worksheet>: sheetData and what follows it. */
  body: string;
  state?: 'hidden' | 'veryHidden';
  rels?: string;
}

/** An .xlsx written part by part: the sheets' XML as given, shared strings as raw <si> contents. */
function plainXlsx(sheets: PartSheet[], strings?: string[]): Uint8Array {
  const enc = new TextEncoder();
  const cfb = XLSX.CFB.utils.cfb_new();
  const add = (p: string, text: string) => XLSX.CFB.utils.cfb_add(cfb, p, enc.encode(text));
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  const sst = strings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '';
  add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}${sst}</Types>`,
  );
  add('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const list = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  add('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${list}</sheets></workbook>`);
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const sstRel = strings ? `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '';
  add('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${sstRel}</Relationships>`);
  sheets.forEach((s, i) => {
    add(`xl/worksheets/sheet${i + 1}.xml`, `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${s.body}</worksheet>`);
    if (s.rels) add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, s.rels);
  });
  if (strings) {
    add('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si>${s}</si>`).join('')}</sst>`);
  }
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array', fileType: 'zip', compression: true }) as ArrayLike<number>);
}

/** The workbook with its first sheet's XML replaced, byte for byte. */
function withSheetXml(bytes: Uint8Array, xml: string): Uint8Array {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  const entry = cfb.FileIndex[cfb.FullPaths.findIndex((p: string) => p.endsWith('worksheets/sheet1.xml'))];
  const content = new TextEncoder().encode(xml);
  entry.content = content as unknown as typeof entry.content;
  entry.size = content.length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array', fileType: 'zip', compression: true }) as ArrayLike<number>);
}

function expectSame(bytes: Uint8Array, limits = DEFAULT_LIMITS): void {
  const c = compareReaders(bytes, limits);
  expect(c.taken ? 'taken' : `declined: ${c.declined}`).toBe('taken');
  if (c.taken) expect(c.difference).toBeNull();
}

function expectDeclined(bytes: Uint8Array, why: RegExp): void {
  const c = compareReaders(bytes);
  expect(c.taken).toBe(false);
  if (!c.taken) {
    expect(c.declined).toMatch(why);
    expect(c.damaged).toBe(false);
  }
}

/** Damage SheetJS would pass over in silence: the file is refused as damaged, not read as blank. */
function expectDamaged(bytes: Uint8Array, why: RegExp): void {
  const c = compareReaders(bytes);
  expect(c.taken).toBe(false);
  if (!c.taken) {
    expect(c.declined).toMatch(why);
    expect(c.damaged).toBe(true);
  }
  const read = readWorkbook(bytes);
  expect(read.ok).toBe(false);
  if (!read.ok) {
    expect(read.problem).toBe('corrupt');
    expect(read.message).toContain('文件已损坏');
  }
}

function grids(read: WorkbookRead): Grid[] {
  if (!read.ok) throw new Error(read.message);
  return read.grids;
}

function rowsOf(g: Grid): string[][] {
  return Array.from({ length: g.rowCount }, (_, r) => Array.from({ length: g.width(r) }, (_, c) => g.text(r, c) + (g.isNumber(r, c) ? '#' : '')));
}

const sheetData = (rows: string) => `<sheetData>${rows}</sheetData>`;

describe('direct .xlsx reader: parts written by hand', () => {
  it('reads shared strings, numbers, IDs as text and merges; the values are the ones written', () => {
    const bytes = plainXlsx(
      [
        {
          name: '青山镇',
          body:
            sheetData(
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
                '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>330122198001011234</v></c><c r="D2" s="1"><v>1.5E+2</v></c></row>' +
                '<row r="3"><c r="B3" t="s"><v>4</v></c></row>',
            ) + '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>',
        },
      ],
      ['<t>村</t>', '<t>姓名</t>', '<t>上塘村</t>', '<t xml:space="preserve"> 张三 </t>', '<t>李四</t>'],
    );
    expectSame(bytes);
    const [g] = grids(readWorkbook(bytes));
    expect(rowsOf(g)).toEqual([
      ['村', '姓名'],
      ['上塘村', '张三', '330122198001011000#', '150#'],
      ['上塘村', '李四'],
    ]);
  });

  it('cells and rows without references, pretty-printed XML, single quotes and spaces around =', () => {
    expectSame(
      plainXlsx(
        [
          {
            name: 'S',
            body: sheetData(`
  <row>
    <c t="s"><v>0</v></c>
    <c t = 's' ><v>1</v></c>
  </row>
  <row r='4' spans="1:3">
    <c><v>7</v></c>
    <c r="C4" t="s">
      <v>2</v>
    </c>
    <c t="s"><v>0</v></c>
  </row>
  <row><c t="s"><v>1</v></c></row>
`),
          },
        ],
        ['<t>甲</t>', '<t>乙</t>', '<t>丙</t>'],
      ),
    );
  });

  it('inline strings, formula strings, booleans, errors, stubs and empty values', () => {
    const bytes = plainXlsx([
      {
        name: 'S',
        body: sheetData(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>张三</t></is></c><c r="B1" t="inlineStr"><is><r><t>王</t></r><r><rPr><b/></rPr><t>五</t></r></is></c>' +
            '<c r="C1" t="str"><f>A1&amp;"x"</f><v>A &amp;amp; B</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#N/A</v></c></row>' +
            '<row r="2"><c r="A2" s="3"/><c r="B2"><v></v></c><c r="C2" t="s"/><c r="D2" t="str"/><c r="E2"><f>1+1</f></c><c r="F2" t="inlineStr"/><c r="G2"><v>3</v></c></row>' +
            '<row r="3"><c r="A3" t="n"><v>-0.5</v></c><c r="B3"><v> 12 </v></c><c r="C3" t="str"><v>第一行&#13;\r\n第二行</v></c></row>',
        ),
      },
    ]);
    expectSame(bytes);
    const [g] = grids(readWorkbook(bytes));
    expect(rowsOf(g)[0]).toEqual(['张三', '王五', 'A & B', 'TRUE', 'FALSE', '']);
  });

  it('shared strings: rich runs, phonetic runs, escapes, CRLF, empty items, character references', () => {
    const strings = [
      '<r><t>青山</t></r><r><rPr><sz val="11"/></rPr><t>镇</t></r>',
      '<t>张三</t><rPh sb="0" eb="2"><t>ちょう</t></rPh><phoneticPr fontId="1"/>',
      '<r><t>李</t></r><rPh sb="0" eb="1"><t>り</t></rPh><r><t>四</t></r>',
      '<t>a_x000D_b &amp;lt; &#x4E2D;&#22269; &quot;q&quot;</t>',
      '<t>第一行\r\n第二行</t>',
      '<t/>',
      '',
      '<t></t>',
    ];
    const row = strings.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('');
    const bytes = plainXlsx([{ name: 'S', body: sheetData(`<row r="1">${row}</row>`) }], strings);
    expectSame(bytes);
    const [g] = grids(readWorkbook(bytes));
    expect(rowsOf(g)[0].slice(0, 3)).toEqual(['青山镇', '张三', '李四']);
  });

  it('a cell placed by its own reference, an empty <row/>, a gap of rows, an empty sheet, hidden sheets', () => {
    expectSame(
      plainXlsx(
        [
          { name: 'A', body: sheetData('<row r="1"><c r="B5" t="s"><v>0</v></c></row><row r="2"/><row r="9"><c r="A9" t="s"><v>0</v></c></row><row/>') },
          { name: 'B', body: '<sheetData/>', state: 'hidden' },
          { name: 'C &amp; D', body: '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData></sheetData>', state: 'veryHidden' },
        ],
        ['<t>x</t>'],
      ),
    );
  });

  it('rows past the row limit are left out as SheetJS leaves them, with the same note', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    expectSame(plainXlsx([{ name: 'S', body: sheetData(rows) }]), { ...DEFAULT_LIMITS, maxRowsPerSheet: 10 });
  });

  it('declines what it does not fully understand', () => {
    const one = (body: string, strings?: string[], rels?: string) => plainXlsx([{ name: 'S', body, rels }], strings);
    expectDeclined(one(sheetData('<row r="1"><c r="A1" t="d"><v>2026-01-01</v></c></row>')), /date/);
    expectDeclined(one(sheetData('<x:row r="1"></x:row>')), /prefix/);
    expectDeclined(one(sheetData('<!-- note --><row r="1"></row>')), /comment/);
    expectDeclined(one(sheetData('<row r="1"><c r="a1"><v>1</v></c></row>')), /reference/);
    expectDeclined(one(sheetData('<row r="1"><c r="$A$1"><v>1</v></c></row>')), /reference/);
    expectDeclined(one(sheetData('<row r="1"><c r="A1"><v>1</v><extLst/></c></row>')), /cell/);
    // Well-formed but unexpected markup in a whole part: SheetJS reads it, so it does.
    expectDeclined(one(sheetData('<row r="1"><c r="A1"><v>1</v></c>')), /expected/);
    expectDeclined(one(sheetData('junk<row r="1"></row>')), /text/);
    expectDeclined(one(sheetData('<row r="1"><d r="A1"><v>1</v></d></row>')), /not a cell/);
    expectDeclined(one(sheetData('<foo/><row r="1"></row>')), /not a row/);
    expectDeclined(one(sheetData('<row r="1"><c r="A1"><w>1</w></c></row>')), /unknown element/);
    expectDeclined(one(sheetData('<row r="1"><c r="A1"><v><![CDATA[1]]></v></c></row>')), /markup/);
    expectDeclined(one('<sheetViews/>'), /no sheetData/);
    // What SheetJS reads otherwise: attribute names it folds, references it finds by pattern, tabs, spaces in end tags.
    expectDeclined(one(sheetData('<row r="1"><c R="B1"><v>1</v></c></row>')), /folds/);
    expectDeclined(one(sheetData('<row r="1"><c x:r="B1"><v>1</v></c></row>')), /folds/);
    expectDeclined(one(sheetData('<row r="1"><c r="A1" t_x="str"><v>1</v></c></row>')), /folds/);
    expectDeclined(one(sheetData('<row r="1"><c xr="Q1" r="A1"><v>1</v></c></row>')), /reference/);
    expectDeclined(one(sheetData('<row r="1"><c r = "C1"><v>1</v></c></row>')), /reference/);
    expectDeclined(one(sheetData('<row r="1"><c t="str"><v>r="C"</v></c></row>')), /reference/);
    expectDeclined(one(sheetData('<row r="1"><c\tr="A1"><v>1</v></c></row>')), /line break/);
    expectDeclined(one(sheetData('<row\tr="1"><c r="A1"><v>1</v></c></row>')), /tab/);
    expectDeclined(one(sheetData('<row r="1"><c r="A1"><v>1</v></c></row ><row r="2"></row>')), /space/);
    expectDeclined(one(sheetData('<row r="1"><c r="A1" t=\n"s"><v>0</v></c></row>'), ['<t>x</t>']), /line break/);
    expectDeclined(one(sheetData('<row r="1"><c r="A1" x=">" t="s"><v>0</v></c></row>'), ['<t>x</t>']), />/);
    expectDeclined(one(sheetData('<row r="1"><c r="A1"t="s"><v>0</v></c></row>'), ['<t>x</t>']), /apart/);
    expectDeclined(one(sheetData('<row r="1"><c r="A1"><v/><v>5</v></c></row>')), /empty/);
    expectSame(one(sheetData('<row r="1"><c r="A1"><v/></c><c r="B1"><v>5</v></c></row>')));
    expectDeclined(one(sheetData('<row r="1"><c r="A1" t="str"><v>_x00E9_</v></c></row>')), /escape/);

    expectDeclined(one(sheetData('<row r="1"><c r="A1"><v>1</v></c></row>') + '<hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks>'), /hyperlink/);
    expectDeclined(
      one(sheetData('<row r="1"><c r="A1"><v>1</v></c></row>'), undefined, `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`),
      /comments/,
    );
    expectDeclined(one(sheetData('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), ['<t><![CDATA[x]]></t>']), /CDATA/);
    expectDeclined(plainXlsx([{ name: 'S', body: sheetData('') }, { name: 'S', body: sheetData('') }]), /two sheets/);

    expectDeclined(one(sheetData('<row r="1"><c r="A1" t="str"><v>&#20013;</v></c></row>')), /escape/);
  });
});

describe('direct .xlsx reader: damage is said, never read as a blank sheet', () => {
  const one = (body: string, strings?: string[]) => plainXlsx([{ name: 'S', body }], strings);
  it('a sheet cut short (its part does not end as a worksheet does)', () => {
    // The sheet's part itself ends early, as a file saved or copied halfway does.
    const whole = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${MAIN}">${sheetData(Array.from({ length: 20 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(''))}</worksheet>`;
    for (const cut of [0.3, 0.6, 0.97]) expectDamaged(withSheetXml(one(sheetData('')), whole.slice(0, Math.floor(whole.length * cut))), /cut short/);
    expectDamaged(withSheetXml(one(sheetData('')), whole.replace('</sheetData></worksheet>', '')), /cut short/);
    expectDamaged(withSheetXml(one(sheetData('')), '\u0000\u0007PK garbage, no XML'), /no XML/);
    // The message names the sheet the damage is in.
    const cut = readWorkbook(withSheetXml(one(sheetData('')), whole.slice(0, 200)));
    expect(cut.ok ? '' : cut.message).toContain('工作表“S”');
  });
  it('a cell pointing past the shared strings, rows or cells past the last a sheet can have', () => {
    expectDamaged(one(sheetData('<row r="1"><c r="A1" t="s"><v>5</v></c></row>'), ['<t>only one</t>']), /index/);
    expectDamaged(one(sheetData('<row r="1048577"><c r="A1048577"><v>1</v></c></row>')), /last row/);
    expectDamaged(one(sheetData('<row r="1"><c r="XFE1"><v>1</v></c></row>')), /last row or column/);
  });
  it('bytes changed inside a compressed part: its CRC-32 no longer matches', () => {
    const bytes = plainXlsx([{ name: 'S', body: sheetData(Array.from({ length: 200 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i * 7919}</v></c></row>`).join('')) }]);
    const zip = surveyZip(bytes);
    const sheet = zip.entries.find((e) => e.name.endsWith('sheet1.xml'))!;
    const data = sheet.localOffset + 30 + new DataView(bytes.buffer).getUint16(sheet.localOffset + 26, true) + new DataView(bytes.buffer).getUint16(sheet.localOffset + 28, true);
    const broken = bytes.slice();
    for (let i = 0; i < 8; i++) broken[data + Math.floor(sheet.compressedSize / 2) + i] ^= 0x5a;
    expectDamaged(broken, /unreadable/);
  });
  it('computes CRC-32 as zip does', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
  it('a sheet listed in the workbook whose part is missing', () => {
    const bytes = plainXlsx([{ name: 'S', body: sheetData('') }]);
    const cfb = XLSX.CFB.read(bytes, { type: 'array' });
    XLSX.CFB.utils.cfb_del(cfb, '/xl/worksheets/sheet1.xml');
    expectDamaged(new Uint8Array(XLSX.CFB.write(cfb, { type: 'array', fileType: 'zip' }) as ArrayLike<number>), /missing/);
  });
  it('rows past a lower row limit are left out with a note, as SheetJS leaves them', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `<row r="${i * 3 + 1}"><c r="A${i * 3 + 1}"><v>${i}</v></c></row>`).join('');
    const read = readWorkbook(one(sheetData(rows)), { ...DEFAULT_LIMITS, maxRowsPerSheet: 10 });
    expect(read.ok && read.notes).toEqual(['工作表“S”超过 10 行，只读取了前 10 行']);
  });
});

describe('SheetJS reading a workbook with a sheet it cannot read', () => {
  it('says so in a note, and refuses the file when no sheet is left', () => {
    // Comments make the direct reader decline, so SheetJS reads it; the second sheet's part is gone.
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`;
    const bytes = plainXlsx([
      { name: '名单', body: sheetData('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>'), rels },
      { name: '补充', body: sheetData('') },
    ]);
    const cfb = XLSX.CFB.read(bytes, { type: 'array' });
    XLSX.CFB.utils.cfb_del(cfb, '/xl/worksheets/sheet2.xml');
    const read = readWorkbook(new Uint8Array(XLSX.CFB.write(cfb, { type: 'array', fileType: 'zip' }) as ArrayLike<number>));
    expect(read.ok && read.notes).toEqual(['工作表“补充”已损坏，无法读取，其中的内容未计入']);
  });
});

describe('direct .xlsx reader: workbooks from other writers', () => {
  it('SheetJS-written workbooks (strings as formula strings, numbers, merges, hidden sheets)', () => {
    expectSame(
      workbookBytes([
        { name: '名单', rows: [['乡镇', '村', '姓名', '身份证号', '年龄'], ['青山镇', '上塘村', '张三', '330122198001011234', 46], [null, null, '李四', 330122198001011234, true]], merges: ['A2:A3', 'B2:B3'] },
        { name: '辅助 & <说明>', rows: [['x']], hidden: true },
      ]),
    );
  });

  it('ExcelJS-written workbooks (shared strings, rich text, formulas with results, dates, errors)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('两委名单');
    ws.addRow(['乡镇', '村', '姓名', '性别', '职务', '出生日期', '备注']);
    ws.addRow(['青山镇', '上塘村', { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] }, '女', '书记、主任', new Date(Date.UTC(1980, 0, 1)), { formula: 'A2&B2', result: '青山镇上塘村' }]);
    ws.addRow(['青山镇', '上塘村', '李四', '男', '委员', 29221, { formula: '1/0', result: { error: '#DIV/0!' } }]);
    ws.addRow(['青山镇', '上塘村', '王五', true, 12.5, { formula: '2+3', result: 5 }, 'a\r\nb']);
    ws.mergeCells('A2:A4');
    wb.addWorksheet('隐藏', { state: 'hidden' }).addRow(['x']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expectSame(bytes);
    const [g] = grids(readWorkbook(bytes));
    expect(rowsOf(g)[1].slice(0, 3)).toEqual(['青山镇', '上塘村', '张三']);
  });

  it('every .xlsx among the fixtures and seeds', () => {
    const dirs = ['tests/fixtures', 'seeds'];
    let taken = 0;
    for (const dir of dirs) {
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.xlsx'))) {
        expectSame(new Uint8Array(fs.readFileSync(path.join(dir, f))));
        taken++;
      }
    }
    expect(taken).toBeGreaterThan(4);
  });
});
