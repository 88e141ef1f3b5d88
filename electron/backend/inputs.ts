// Command-line and dropped paths → the spreadsheet files to read. Folders are walked; Office's
// lock files (~$…) and hidden files are left out.

import fs from 'node:fs';
import path from 'node:path';

export const SPREADSHEET_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xlsb', '.xls', '.xlt', '.et', '.ett', '.ods', '.csv', '.tsv']);

export interface InputProblem {
  path: string;
  message: string; // Chinese
}

export interface ExpandedInputs {
  files: string[];
  problems: InputProblem[];
}

function isSpreadsheet(name: string): boolean {
  return SPREADSHEET_EXTENSIONS.has(path.extname(name).toLowerCase()) && !name.startsWith('~$') && !name.startsWith('.');
}

function walk(dir: string, out: string[], depth: number): void {
  if (depth > 20) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith('.')) walk(full, out, depth + 1);
    else if (e.isFile() && isSpreadsheet(e.name)) out.push(full);
  }
}

/** Files named directly are taken whatever their extension (the reader recognises content, not names). */
export function expandInputs(paths: readonly string[]): ExpandedInputs {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      problems.push({ path: p, message: '路径不存在（没有这个文件或文件夹）' });
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      walk(p, found, 0);
      if (found.length === 0) problems.push({ path: p, message: '文件夹中没有电子表格文件（.xlsx、.xls、.et、.ods、.csv）' });
      files.push(...found);
    } else if (st.isFile()) {
      files.push(p);
    } else {
      problems.push({ path: p, message: '不是普通文件，无法读取' });
    }
  }
  return { files: [...new Set(files)], problems };
}
