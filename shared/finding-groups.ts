// The same finding on many rows of one sheet, said once: "第3–210行（共208行）：身份证号被存为数字 …".
// A finding about a person reads "名字：what is wrong"; rows whose "what is wrong" is the same, in the
// same file and sheet, with the same code and severity, make one group. Pure (no node:*).

import type { Finding, FindingCode, Severity } from './model.ts';

export interface FindingGroup {
  severity: Severity;
  code: FindingCode;
  file: string;
  sheet: string | null;
  /** The rows of the sheet, ascending (rows without a number are not grouped). */
  rows: number[];
  /** What is wrong, without the person's name. */
  message: string;
  /** The names the findings started with, in row order (empty when they named nobody). */
  names: string[];
}

/** Fewer rows than this are listed one by one. */
export const GROUP_MIN = 3;

/** A row's own detail that does not change what is wrong: the check character an ID should have had. */
const ROW_DETAIL = /（应为[0-9X]）/gu;

/**
 * "宋根金：身份证号校验位错误（应为4）；…" → { name: "宋根金", rest: "身份证号校验位错误；…" }; a message
 * without a short lead-in is all rest.
 */
export function splitName(message: string): { name: string | null; rest: string } {
  const i = message.indexOf('：');
  if (i <= 0 || i > 20) return { name: null, rest: message.replace(ROW_DETAIL, '') };
  return { name: message.slice(0, i), rest: message.slice(i + 1).replace(ROW_DETAIL, '') };
}

/**
 * Findings in their order, each either alone or in a group of GROUP_MIN or more. A group stands where
 * its first finding stood.
 */
export function groupFindings(findings: readonly Finding[]): Array<{ finding: Finding } | { group: FindingGroup }> {
  const key = (f: Finding) => (f.row === null ? null : `${f.severity}|${f.code}|${f.file}|${f.sheet ?? ''}|${splitName(f.message).rest}`);
  const members = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = key(f);
    if (k !== null) members.set(k, [...(members.get(k) ?? []), f]);
  }
  const out: Array<{ finding: Finding } | { group: FindingGroup }> = [];
  const placed = new Set<string>();
  for (const f of findings) {
    const k = key(f);
    const list = k === null ? undefined : members.get(k);
    if (!list || list.length < GROUP_MIN) {
      out.push({ finding: f });
      continue;
    }
    if (placed.has(k!)) continue;
    placed.add(k!);
    const sorted = [...list].sort((a, b) => a.row! - b.row!);
    out.push({
      group: {
        severity: f.severity,
        code: f.code,
        file: f.file,
        sheet: f.sheet,
        rows: sorted.map((x) => x.row!),
        message: splitName(f.message).rest,
        names: sorted.map((x) => splitName(x.message).name).filter((n): n is string => n !== null),
      },
    });
  }
  return out;
}

/** Only the groups, for `--json`'s findingGroups (the findings themselves stay one a row). */
export function findingGroups(findings: readonly Finding[]): FindingGroup[] {
  return groupFindings(findings).flatMap((x) => ('group' in x ? [x.group] : []));
}

/** "第3–5、8、10–12行": runs of consecutive rows; more than `maxRuns` runs become "第3–210行中". */
export function rowRanges(rows: readonly number[], maxRuns = 6): string {
  const runs: Array<[number, number]> = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && r <= last[1] + 1) last[1] = Math.max(last[1], r);
    else runs.push([r, r]);
  }
  if (runs.length > maxRuns) return `第${runs[0][0]}–${runs[runs.length - 1][1]}行中`;
  return `第${runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join('、')}行`;
}

/** The group as one line: "第3–210行（共208行）：身份证号被存为数字 …". */
export function groupLine(g: FindingGroup): string {
  return `${rowRanges(g.rows)}（共${g.rows.length}${g.names.length === g.rows.length ? '人' : '行'}）：${g.message}`;
}
