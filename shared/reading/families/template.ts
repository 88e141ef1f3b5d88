// The county's own template (shared/report/template.ts): a whole workbook recognised by its hidden marker
// sheet, read by the template's own columns with no guessing, or refused with a message saying which header
// was changed. A workbook family: it is tried on the workbook before any sheet is read (families/index.ts).

import type { Finding, PersonRow, Seat, VillageInput } from '../../model.ts';
import { normalizeName, normalizeText, parseGender, parseYesNo } from '../../text.ts';
import type { Grid } from '../grid.ts';
import type { FileRead } from '../result.ts';
import type { SheetReport, WorkbookFamily } from '../table.ts';
import {
  columnLetter,
  NO_POST,
  PARTY_POSTS,
  parseBirth,
  TEMPLATE_AT as C,
  TEMPLATE_COLUMNS,
  TEMPLATE_HEADER_ROW,
  TEMPLATE_SHEET,
  TEMPLATE_VERSION,
  templateVersion,
  VILLAGERS_POSTS,
} from '../../report/template.ts';

export const template: WorkbookFamily = {
  id: 'template',
  label: '本程序的填报模板',
  read: readTemplate,
};

/** A filled template → villages, read by the template's own columns. Null when the workbook is no template. */
function readTemplate(grids: readonly Grid[], file: string, format: string | null): FileRead | null {
  const version = templateVersion(grids);
  if (version === null) return null;
  const refuse = (message: string): FileRead => ({
    report: { file, format, ok: true, problem: null, message, notes: [], sheets: [] },
    inputs: [],
    findings: [{ severity: 'error', code: 'sheet-skipped', file, sheet: TEMPLATE_SHEET, row: null, message }],
    villageList: [],
  });
  if (version !== TEMPLATE_VERSION) return refuse(`${file} 是本程序的填报模板，但版本（${version || '不明'}）与本程序（${TEMPLATE_VERSION}）不符，请用本程序重新生成模板后填写`);
  const grid = grids.find((g) => g.name === TEMPLATE_SHEET);
  if (!grid) return refuse(`${file} 是本程序的填报模板，但找不到工作表“${TEMPLATE_SHEET}”（工作表可能被改名或删除）`);
  const h = TEMPLATE_HEADER_ROW - 1;
  for (let c = 0; c < TEMPLATE_COLUMNS.length; c++) {
    if (normalizeText(grid.text(h, c)) !== normalizeText(TEMPLATE_COLUMNS[c].header)) {
      return refuse(`${file} 工作表“${TEMPLATE_SHEET}”第${TEMPLATE_HEADER_ROW}行 ${columnLetter(c)} 列的表头应为“${TEMPLATE_COLUMNS[c].header}”，现为“${grid.text(h, c)}”：模板的表头被改动，请勿增删或移动列`);
    }
  }
  const findings: Finding[] = [];
  const skipped: SheetReport['skipped'] = [];
  const byVillage = new Map<string, { township: string; village: string; rows: PersonRow[]; first: number; last: number }>();
  let dataRows = 0;
  for (let r = h + 1; r < grid.rowCount; r++) {
    const cell = (c: number) => grid.text(r, c).trim();
    const row = r + 1;
    if (TEMPLATE_COLUMNS.every((_, c) => cell(c) === '')) continue;
    dataRows++;
    const where = { file, sheet: TEMPLATE_SHEET, row };
    const skip = (reason: string) => {
      skipped.push({ row, reason });
      findings.push({ severity: 'error', code: 'row-skipped', ...where, message: `第${row}行${reason}，该行未计入` });
    };
    if (!cell(C.township)) { skip('未填乡镇（街道）'); continue; }
    if (!cell(C.village)) { skip('未填村（社区）'); continue; }
    if (!cell(C.name)) { skip('未填姓名'); continue; }
    const seats: Seat[] = [];
    let seatUnknown = false;
    for (const [c, committee, posts] of [[C.party, 'party', PARTY_POSTS], [C.villagers, 'villagers', VILLAGERS_POSTS]] as const) {
      const t = normalizeText(cell(c));
      if (!t || t === NO_POST) continue;
      const role = (posts as Record<string, Seat['role']>)[t];
      if (role) seats.push({ committee, role });
      else {
        seatUnknown = true;
        findings.push({ severity: 'warning', code: 'seat-unrecognised', ...where, township: cell(C.township), village: cell(C.village), message: `${TEMPLATE_COLUMNS[c].header}“${cell(c)}”不在下拉列表中，无法确定是否为“两委”职务` });
      }
    }
    const chair = parseYesNo(cell(C.chair)) === true;
    const posts = [cell(C.party) && cell(C.party) !== NO_POST ? `村党组织${cell(C.party)}` : '', cell(C.villagers) && cell(C.villagers) !== NO_POST ? `村委会${cell(C.villagers)}` : '', chair ? '村妇联主席' : ''].filter(Boolean);
    const idText = cell(C.id);
    const person: PersonRow = {
      source: where,
      name: normalizeName(cell(C.name)),
      displayName: cell(C.name),
      declaredGender: parseGender(cell(C.gender)),
      idNumber: idText || null,
      idFromNumber: idText !== '' && grid.isNumber(r, C.id),
      postText: posts.join('、'),
      seats,
      isChair: chair,
      otherPosts: [],
      seatUnknown,
      representative: parseYesNo(cell(C.rep)),
      education: cell(C.education) || null,
      birthDate: parseBirth(cell(C.birth)),
      statedAge: null,
    };
    const key = `${normalizeText(cell(C.township))}|${normalizeText(cell(C.village))}`;
    let v = byVillage.get(key);
    if (!v) byVillage.set(key, (v = { township: cell(C.township), village: cell(C.village), rows: [], first: row, last: row }));
    v.rows.push(person);
    v.last = row;
  }
  const inputs: VillageInput[] = [];
  for (const v of byVillage.values()) {
    const source = { file, sheet: TEMPLATE_SHEET, row: v.first };
    const parts: VillageInput['parts'] = [];
    if (v.rows.some((p) => p.seats.length > 0 || p.isChair || p.seatUnknown)) parts.push({ kind: 'committees', form: 'roster', rows: v.rows, source });
    if (v.rows.some((p) => p.representative === true)) parts.push({ kind: 'representatives', form: 'roster', rows: v.rows, source });
    if (parts.length) inputs.push({ township: v.township, village: v.village, parts, ownVerdict: null });
  }
  const villages = [...byVillage.values()];
  const report: SheetReport = {
    file,
    sheet: TEMPLATE_SHEET,
    layout: 'roster',
    note: `本程序的填报模板（第${version}版），按模板的列读取，未做版式识别`,
    headerRows: [TEMPLATE_HEADER_ROW],
    columns: TEMPLATE_COLUMNS.map((c, i) => ({ index: i, column: columnLetter(i), header: c.header, role: c.role, label: c.header, byValue: false, samples: [] })),
    parts: [...new Set(inputs.flatMap((i) => i.parts.map((p) => p.kind)))],
    township: { name: villages.length ? villages[0].township : null, from: 'column' },
    villages: villages.map((v) => ({ township: v.township, village: v.village, firstRow: v.first, lastRow: v.last, rows: v.rows.length })),
    skipped,
    skippedCount: skipped.length,
    dataRows,
  };
  const message = inputs.length ? `填报模板：读取了 ${inputs.length} 个村的数据` : '填报模板中没有填写名单';
  if (!inputs.length) findings.push({ severity: 'info', code: 'no-roster', file, sheet: TEMPLATE_SHEET, row: null, message });
  return { report: { file, format, ok: true, problem: null, message, notes: [], sheets: [report] }, inputs, findings, villageList: [] };
}
