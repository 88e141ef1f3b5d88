// What reading one file gives, and the result for a file that could not be read: apart from the reader
// itself, so that a caller that only receives results (the main thread) never loads SheetJS.

import type { Finding, SourceRef, VillageInput } from '../model.ts';
import type { FileProblem } from './workbook.ts';
import type { SheetReport } from './table.ts';

export interface FileReport {
  file: string;
  format: string | null;
  encoding?: string;
  ok: boolean;
  problem: FileProblem | null;
  message: string; // Chinese: what was read, or why nothing could be
  notes: string[];
  sheets: SheetReport[];
}

export interface FileRead {
  report: FileReport;
  inputs: VillageInput[];
  findings: Finding[];
  villageList: Array<{ township: string; village: string; source: SourceRef }>;
}

/** The last path segment, whatever the separator. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** The result for a file that could not be read at all. */
export function failedRead(fileName: string, problem: FileProblem, message: string): FileRead {
  const file = baseName(fileName);
  return {
    report: { file, format: null, ok: false, problem, message, notes: [], sheets: [] },
    inputs: [],
    findings: [{ severity: 'error', code: problem === 'encrypted' ? 'encrypted-file' : 'unreadable-file', file, sheet: null, row: null, message }],
    villageList: [],
  };
}

