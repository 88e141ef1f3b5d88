// A table's types: where it sits on its sheet, what its columns mean, how a family reads it and what the
// reading reports. Low in the reader's imports (vocabulary ← table ← walker ← families ← detect ← sheet), so
// families and detect never import back from the code that calls them.

import type { Finding, PartKind, SourceRef, VillageInput } from '../model.ts';
import type { ColumnRole } from '../vocabulary/headers.ts';
import type { ColumnMapping } from './columns.ts';
import type { Grid } from './grid.ts';
import type { Orientation, RememberedLayout, TableLayout } from './corrections.ts';

export type { ColumnMapping, ColumnRole };

/** What a table was read as: a family's layout, or none (nothing readable), or a hidden sheet. */
export type SheetLayout = 'roster' | 'counts' | 'village-list' | 'none' | 'hidden';

export interface SkippedRow {
  row: number; // 1-based sheet row
  reason: string;
  /** A table on its side skips a sheet column: its cells as Excel names them ("B2:B6"). */
  cells?: string;
}

/** A family's score for the table, as --explain shows it. */
export interface FamilyScore {
  family: string;
  label: string;
  score: number;
}

/** A column of a table as its report lists it (see corrections.ts for the coordinates). */
export interface ColumnReport {
  /** 0-based sheet column (sheet row when the table is on its side). */
  index: number;
  /** As Excel shows it: "C" (or "第3行"). */
  column: string;
  header: string;
  /** The meaning taken, null for a column not used. */
  role: ColumnRole | null;
  label: string;
  byValue: boolean;
  /** The first few values under the header, ID numbers masked. */
  samples: string[];
}

export interface SheetReport {
  /** The table's stable id: the file's hash, the sheet and the range it was found in. */
  id?: string;
  file: string;
  sheet: string;
  layout: SheetLayout;
  /** Why the layout was chosen, or why nothing was read, in Chinese. */
  note: string;
  orientation?: Orientation;
  /** The family that read the table. */
  family?: string;
  headerRows: number[]; // 1-based sheet rows
  /** Every column of the table, from its first: the mapped ones and the others. */
  columns: ColumnReport[];
  /** The header's normalised words in order: what a remembered layout is found by. */
  signature?: string;
  /** A village or township a person set for the table. */
  place?: TableLayout['place'];
  /** Why the reading is provisional (待核对): empty or absent when it is not. */
  provisional?: string[];
  /** Confirmed by a person: by a layout given with the run, or by a layout remembered from an earlier file. */
  confirmed?: { by: 'layout' } | { by: 'remembered'; id: number; file: string };
  parts: PartKind[];
  township: { name: string | null; from: 'column' | 'section' | 'title' | 'sheet' | 'file' | 'layout' | null };
  /** `cells`: on a table on its side a village is a sheet column, named as Excel names its cells ("C2:C6"). */
  villages: Array<{ township: string; village: string; firstRow: number; lastRow: number; rows: number; cells?: string }>;
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
  /** For a table further down a sheet: the township its sheet's title named. */
  parentTownship?: string | null;
  /** The file's hash: with the sheet and range, a table's id. */
  fileHash?: string;
  /** Corrections by table id, confirmed by a person. */
  layouts?: ReadonlyMap<string, TableLayout>;
  /** Layouts confirmed before, found by their header's signature. */
  remembered?: readonly RememberedLayout[];
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
  id: string;
  orientation: Orientation;
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
  place?: TableLayout['place'];
  confirmed: SheetReport['confirmed'] | null;
  /** Why its reading is provisional; empty when a family knows it well or a person confirmed it. */
  provisional: string[];
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

/**
 * A workbook family: a whole workbook of a kind known by a mark of its own (the county's template), read
 * before any sheet is looked at. `read` gives null when the workbook is not of its kind.
 */
export interface WorkbookFamily {
  id: string;
  label: string;
  read(grids: readonly Grid[], file: string, format: string | null): import('./result.ts').FileRead | null;
}
