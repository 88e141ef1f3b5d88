// One file → what it holds: the villages, how each sheet was read, and findings. Pure: the caller
// supplies the bytes and the file's name.

import type { VillageInput, Finding } from '../model.ts';
import { baseName, failedRead, type FileRead, type FileReport } from './result.ts';

export { baseName, failedRead, type FileRead, type FileReport };
import { townshipFromText, villageIdentity } from '../places.ts';
import { normalizePlaceName } from '../text.ts';
import { readWorkbook, DEFAULT_LIMITS, type ReadLimits } from './workbook.ts';
import { readSheet, type SheetReport } from './sheet.ts';
import { consolidateInputs } from './consolidate.ts';
import { hashBytes, type RememberedLayout, type TableLayout } from './corrections.ts';
import { WORKBOOK_FAMILIES } from './families/index.ts';

export interface ReadOptions {
  limits?: ReadLimits;
  /** Called once the workbook is parsed, before the sheets are read (the worker frees the parser's garbage here). */
  afterParse?: () => void;
  /** Corrections a person confirmed, by table id (see corrections.ts): the tables they name are read so. */
  layouts?: readonly TableLayout[];
  /** Layouts confirmed before, applied to a table whose header reads the same. */
  remembered?: readonly RememberedLayout[];
}

/** "云溪-换届名单(2026)" → "云溪": the file name without the words every form has. */
export function townshipFromFileStem(stem: string): string {
  const rest = normalizePlaceName(stem)
    .replace(/附件\d*|\d{4}年?|\d+月|\d+日|名单|花名册|统计表|统计|汇总表?|换届|选举|情况|结果|村两委|两委|村民代表|代表|成员|班子|村党组织|党组织|村委会|村民委员会|居委会|数据|最终|修改|定稿|副本|表|稿|[\d\-_()（）【】\[\]、,，.。:：“”"'‘’·\s]+/gu, '');
  return rest.length >= 2 && rest.length <= 10 ? rest : '未注明乡镇';
}

export function readFile(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): FileRead {
  const file = baseName(fileName);
  const wb = readWorkbook(bytes, options.limits ?? DEFAULT_LIMITS);
  if (!wb.ok) return failedRead(file, wb.problem, wb.message);
  options.afterParse?.();
  // A workbook of a kind known by its own mark (the county's template, by its hidden marker): read by that family.
  for (const family of WORKBOOK_FAMILIES) {
    const known = family.read(wb.grids, file, wb.format);
    if (known) return known;
  }
  const stem = file.replace(/\.[^.]+$/, '');
  const named = townshipFromText(stem);
  // No 乡/镇/街道 in the file name either: the name itself stands in, said so where it is used.
  const fileTownship = named ?? townshipFromFileStem(stem);
  const sheetInputs: VillageInput[] = [];
  const findings: Finding[] = [];
  const villageList: FileRead['villageList'] = [];
  const sheets: SheetReport[] = [];
  const fileHash = hashBytes(bytes);
  const layouts = new Map((options.layouts ?? []).map((l) => [l.id, l]));
  for (const grid of wb.grids) {
    const read = readSheet(grid, { file, fileTownship, fileTownshipGuessed: named === null, fileHash, layouts, remembered: options.remembered });
    sheets.push(...read.reports);
    sheetInputs.push(...read.inputs);
    findings.push(...read.findings);
    villageList.push(...read.villageList);
  }
  // One input per village of this file, one part of each kind (several sheets of one part joined).
  const inputs = consolidateInputs(sheetInputs);
  for (const note of wb.notes) findings.push({ severity: 'warning', code: 'limit-reached', file, sheet: null, row: null, message: note });
  const villages = new Set(inputs.map((i) => villageIdentity(i.township, i.village))).size;
  let message: string;
  if (villages > 0) message = `读取了 ${villages} 个村的数据`;
  else if (villageList.length > 0) message = `村名清单，共 ${villageList.length} 个村`;
  else {
    message = '文件中没有找到人员名单或统计表';
    findings.push({ severity: 'info', code: 'no-roster', file, sheet: null, row: null, message });
  }
  return {
    report: { file, format: wb.format, encoding: wb.encoding, ok: true, problem: null, message, notes: wb.notes, sheets },
    inputs,
    findings,
    villageList,
  };
}
