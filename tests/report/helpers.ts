// Helpers for the report tests: a store holding the public fixtures, every text part of an export
// (the XML inside a zip, or the file itself), and the figures `status` implies, to compare against.

import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import type { Status } from '../../shared/api.ts';

export { FIXTURES, FIXTURE_FILES, removeDir, tempDir, validId, writeXlsx, writeCsv, personName } from '../store/helpers.ts';

export const RESULTS = path.resolve(import.meta.dirname, '../../test-results');

/** Every part of a zip (xlsx, docx) as text, by path. */
export function zipParts(bytes: Uint8Array): Map<string, string> {
  const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
  const out = new Map<string, string>();
  cfb.FileIndex.forEach((f: { type: number; content?: Uint8Array }, i: number) => {
    if (f.type !== 2 || !f.content) return;
    out.set(cfb.FullPaths[i].replace(/^Root Entry\//u, ''), Buffer.from(f.content as Uint8Array).toString('utf8'));
  });
  return out;
}

/** All text an export holds: a zip's parts joined, XML entities decoded; or the file as UTF-8. */
export function exportText(file: string): string {
  const bytes = fs.readFileSync(file);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const text = isZip ? [...zipParts(bytes).values()].join('\n') : bytes.toString('utf8');
  return text.replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');
}

/** A workbook's sheets as arrays of rows (SheetJS). */
export function sheetRows(file: string): Record<string, unknown[][]> {
  const wb = XLSX.read(fs.readFileSync(file), { cellNF: true });
  return Object.fromEntries(wb.SheetNames.map((n) => [n, XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[n], { header: 1, defval: null })]));
}

export interface Tally {
  reported: number;
  compliant: number;
  noncompliant: number;
  incomplete: number;
  parts: Record<string, number>;
}

/** Per township (and '全县'), what `status` says: villages reported, by status, and passes per part. */
export function tallyStatus(s: Status): Map<string, Tally> {
  const out = new Map<string, Tally>();
  const add = (key: string, v: Status['villages'][number]) => {
    let t = out.get(key);
    if (!t) out.set(key, (t = { reported: 0, compliant: 0, noncompliant: 0, incomplete: 0, parts: {} }));
    t.reported++;
    t[v.status]++;
    for (const [id, o] of Object.entries(v.rules)) t.parts[id] = (t.parts[id] ?? 0) + (o === 'pass' ? 1 : 0);
  };
  for (const v of s.villages) {
    add(v.township, v);
    add('全县', v);
  }
  return out;
}
