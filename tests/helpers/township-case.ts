// One township case (tests/townships/cases/<id>: CASE.txt, expected.json, the workbooks) read and compared
// village by village: exactly right means status, three parts and counts all agree.
import fs from 'node:fs';
import path from 'node:path';
import { checkBytes } from './workbooks.ts';
import { villageIdentity } from '../../shared/check.ts';
import type { ExpectedVillage } from './expected.ts';

export const casesRoot = path.join(import.meta.dirname, '..', 'townships', 'cases');

export interface CaseScore {
  id: string;
  right: number;
  total: number;
  spurious: number;
  /** One line per village that is missing, wrong (with what differs) or spurious. */
  lines: string[];
}

export function caseFiles(id: string): string[] {
  const dir = path.join(casesRoot, id);
  const listed = /^files: (.+)$/mu.exec(fs.readFileSync(path.join(dir, 'CASE.txt'), 'utf8'))!;
  return listed[1].split(',').map((f) => path.join(dir, f.trim()));
}

export function scoreCase(id: string): CaseScore {
  const files = caseFiles(id).map((f) => ({ name: path.basename(f), bytes: fs.readFileSync(f) }));
  const expected = (JSON.parse(fs.readFileSync(path.join(casesRoot, id, 'expected.json'), 'utf8')) as { villages: ExpectedVillage[] }).villages;
  const got = new Map([...checkBytes(files).verdicts.values()].map((v) => [villageIdentity(v.township, v.village), v]));
  const lines: string[] = [];
  let right = 0;
  for (const e of expected) {
    const key = villageIdentity(e.township, e.village);
    const v = got.get(key);
    got.delete(key);
    if (!v) {
      lines.push(`missing  ${e.village}`);
      continue;
    }
    const rules: Record<string, string> = Object.fromEntries(v.parts.map((p) => [p.id, p.outcome]));
    const counts: Record<string, number | null> = { ...v.counts };
    const diffs = [
      ...(v.status !== e.status ? [`status ${v.status}≠${e.status}`] : []),
      ...Object.keys(e.rules).filter((r) => rules[r] !== e.rules[r]).map((r) => `${r} ${rules[r]}≠${e.rules[r]}`),
      ...Object.keys(e.counts).filter((c) => counts[c] !== e.counts[c]).map((c) => `${c} ${counts[c]}≠${e.counts[c]}`),
    ];
    if (diffs.length) lines.push(`wrong    ${e.village}: ${diffs.join(', ')}`);
    else right++;
  }
  for (const v of got.values()) lines.push(`spurious ${v.township}/${v.village}`);
  return { id, right, total: expected.length, spurious: got.size, lines };
}

/** Case ids listed in tests/townships/pending.txt (one a line, # comments): cases the reader does not read yet. */
export function pendingCases(): Set<string> {
  const file = path.join(casesRoot, '..', 'pending.txt');
  if (!fs.existsSync(file)) return new Set();
  return new Set(fs.readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/#.*/u, '').trim()).filter(Boolean));
}
