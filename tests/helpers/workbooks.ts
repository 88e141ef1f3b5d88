// Builds real workbooks in memory for tests, and reads them through the same pipeline as the CLI
// (minus the worker threads, which the CLI tests cover).

import * as XLSX from 'xlsx';
import { readFile, type FileRead } from '../../shared/reading/read.ts';
import { judgeAll } from '../../shared/check.ts';
import { defaultRuleSet } from '../../shared/rules/builtin.ts';
import { idCheckChar } from '../../shared/idcard.ts';
import type { Finding, Verdict } from '../../shared/model.ts';
import type { RuleSet } from '../../shared/rules/ruleset.ts';

export interface SheetSpec {
  name: string;
  rows: unknown[][];
  merges?: string[];
  hidden?: boolean;
}

export function workbookBytes(sheets: SheetSpec[], bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  if (sheets.some((s) => s.hidden)) {
    wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) };
  }
  const out = XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer;
  return new Uint8Array(out);
}

/** A valid 18-digit ID: region 330122, the birth date, sequence digits whose last is odd for men, even for women. */
export function makeId(seq: number, female: boolean, birth = '19800101'): string {
  const genderDigit = female ? (seq % 5) * 2 : (seq % 5) * 2 + 1;
  const body = `330122${birth}${String(seq % 100).padStart(2, '0')}${genderDigit}`;
  return body + idCheckChar(body);
}

export interface CheckedFiles {
  reads: FileRead[];
  verdicts: Map<string, Verdict>; // "township|village" → verdict
  findings: Finding[];
}

export function checkBytes(files: Array<{ name: string; bytes: Uint8Array }>, rules: RuleSet = defaultRuleSet()): CheckedFiles {
  const reads = files.map((f) => readFile(f.bytes, f.name));
  const judged = judgeAll(
    reads.flatMap((r) => r.inputs),
    rules,
  );
  const verdicts = new Map<string, Verdict>();
  for (const v of judged.villages) verdicts.set(`${v.verdict.township}|${v.verdict.village}`, v.verdict);
  return { reads, verdicts, findings: [...reads.flatMap((r) => r.findings), ...judged.findings] };
}

/** "pass,fail,unknown" for the three parts of 两进一有, in order, plus the status. */
export function brief(v: Verdict | undefined): string {
  if (!v) return 'missing';
  return `${v.status}:${v.parts.map((p) => p.outcome).join(',')}`;
}

export function gbk(text: string): Uint8Array {
  // Node's TextEncoder only writes UTF-8; encode GBK through a reverse table built from TextDecoder.
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (hi << 8) | lo);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const g = table.get(ch);
      if (g === undefined) throw new Error(`not in GBK: ${ch}`);
      out.push(g >> 8, g & 0xff);
    }
  }
  return new Uint8Array(out);
}
