// A table's types: where it sits on its sheet, what its columns mean, how a family reads it and what the
// reading reports. Low in the reader's imports (vocabulary ← table ← walker ← families ← detect ← sheet), so
// families and detect never import back from the code that calls them.

import type { Finding, PartKind, SourceRef, VillageInput } from '../model.ts';
import type { ColumnRole } from '../vocabulary/headers.ts';
import type { ColumnMapping } from './columns.ts';
import type { Grid } from './grid.ts';

export type { ColumnMapping, ColumnRole };

/** What a table was read as: a family's layout, or none (nothing readable), or a hidden sheet. */
export type SheetLayout = 'roster' | 'counts' | 'village-list' | 'none' | 'hidden';

export interface SkippedRow {
  row: number; // 1-based sheet row
  reason: string;
}

/** A family's score for the table, as --explain shows it. */
export interface FamilyScore {
  family: string;
  label: string;
  score: number;
}

export interface SheetReport {
  file: string;
  sheet: string;
  layout: SheetLayout;
  /** Why the layout was chosen, or why nothing was read, in Chinese. */
  note: string;
  headerRows: number[]; // 1-based sheet rows
  columns: Array<{ column: string; header: string; role: ColumnRole; label: string; byValue: boolean }>;
  parts: PartKind[];
  township: { name: string | null; from: 'column' | 'section' | 'title' | 'sheet' | 'file' | null };
  villages: Array<{ township: string; village: string; firstRow: number; lastRow: number; rows: number }>;
  skipped: SkippedRow[];
  skippedCount: number;
  dataRows: number;
  /** How the table was recognised: every family that could read it, best first (the first read it). */
  detection?: { family: string; scores: FamilyScore[] };
}

/** What reading one table (or a whole sheet) gives. */
export interface SheetRead {
  /** One report per table: a sheet may hold several tables, each under its own header. */
  reports: SheetReport[];
  inputs: VillageInput[];
  findings: Finding[];
  villageList: Array<{ township: string; village: string; source: SourceRef }>;
}

export interface SheetContext {
  file: string;
  /** Township named in the file name, the last resort. */
  fileTownship: string | null;
  /** True when the file name names no township and `fileTownship` is only the name standing in. */
  fileTownshipGuessed?: boolean;
  /** Override of the detected mapping (column index → role), when a person corrected it. */
  mapping?: Map<number, ColumnRole>;
  /** Override of the header rows (0-based). */
  headerRows?: number[];
  /** For a table further down a sheet: the township its sheet's title named. */
  parentTownship?: string | null;
}

/** A 0-based cell of the real sheet. */
export interface SheetCell {
  row: number;
  col: number;
}

/**
 * A table's cells in its own coordinates (row 0 its first row, whatever slice or orientation of the sheet
 * it is), and the coordinate mapper back to the real sheet cell, so findings and --explain name that cell.
 */
export interface TableView extends Grid {
  origin(r: number, c: number): SheetCell;
}

/** A table found on a sheet and settled by detect: its header, what its columns mean, its rows, its family. */
export interface Table {
  view: TableView;
  ctx: SheetContext;
  /** Header rows in the view's coordinates (0-based). */
  headerRows: number[];
  mapping: ColumnMapping;
  /** First data row and the row after the last (view coordinates): a second table below ends this one. */
  dataStart: number;
  end: number;
  family: Family;
  scores: FamilyScore[];
}

/** What a family reads one table into: its report, the villages' inputs, findings and a plain village list. */
export interface TableRead {
  report: SheetReport;
  inputs: VillageInput[];
  findings: Finding[];
  villageList: SheetRead['villageList'];
}

/**
 * A layout family. `score` says how well a table whose columns mean `mapping` fits the family (null: it
 * cannot read it); the best-scoring family reads the table. `read` walks the table (see walker.ts).
 */
export interface Family {
  id: string;
  /** What the family reads, in Chinese, for --explain. */
  label: string;
  layout: Exclude<SheetLayout, 'none' | 'hidden'>;
  score(mapping: ColumnMapping): number | null;
  read(table: Table): TableRead;
}
