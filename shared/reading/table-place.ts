// A table's rows as text (distinct texts, title rows), its place (titles, the village and township its sheet
// names) and its report (every column with samples): what detect, the walker and the families share.

import { normalizePlaceName } from '../text.ts';
import { maskIdNumber } from '../idcard.ts';
import {
  cleanTownship,
  looksLikeTownship,
  looksLikeVillage,
  townshipFromText,
  villageFromSheetName,
  villageFromTitles,
} from '../places.ts';
import type { Grid } from './grid.ts';
import { columnOf, ROLE_LABELS, type ColumnMapping } from './columns.ts';
import type { ColumnReport, SheetContext, SheetLayout, SheetReport, Table, TableView } from './table.ts';
import { columnName, headerSignature, indexOfColumn, lineOfRow, type Orientation } from './corrections.ts';

// ---- helpers on rows -------------------------------------------------------------------------------

/** The different texts of a row, in column order. */
export function distinctOf(colCount: number, text: (c: number) => string): string[] {
  const out: string[] = [];
  for (let c = 0; c < colCount; c++) {
    const t = text(c);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

export function distinctTexts(grid: Grid, r: number): string[] {
  return distinctOf(grid.width(r), (c) => grid.text(r, c));
}

/** A row whose only content is one text (often merged across the row): a title, a section label or a note. */
export function isSingleTextRow(grid: Grid, r: number): boolean {
  return distinctTexts(grid, r).length === 1;
}

/** A cell quoted in a reason: short, and an ID number in it masked. */
export function shown(text: string): string {
  return text.slice(0, 20).replace(/\d{6}[\dXx*]{4,}/gu, (id) => maskIdNumber(id));
}

// ---- the table's place and its report --------------------------------------------------------------

export interface TablePlace {
  titles: string[];
  titleText: string;
  /** The village the sheet's name or titles name, when one village is the whole table. */
  sheetVillage: string | null;
  township: SheetReport['township'];
}

/** Titles above the header, and the village and township the sheet names (title, sheet name, table above, file). */
export function placeOfTable(view: TableView, headerRows: number[], ctx: SheetContext, set?: Table['place']): TablePlace {
  const titles: string[] = [];
  for (let r = 0; r < headerRows[0]; r++) titles.push(...distinctTexts(view, r));
  // A sheet named like a village ("桐坑村") first, then a village its titles name, then a bare sheet name ("桐坑").
  // A sheet named like a village with what it lists ("清溪村代表", "桐坑村两委") last of all.
  const sheetVillage = set?.village || ((looksLikeVillage(view.name) ? normalizePlaceName(view.name) : null) ?? villageFromTitles(titles) ?? villageFromSheetName(view.name) ?? villageFromTitles([view.name]));
  let township: SheetReport['township'] = { name: null, from: null };
  if (set?.township) return { titles, titleText: titles.join(' '), sheetVillage, township: { name: set.township, from: 'layout' } };
  const fromTitle = titles.map(townshipFromText).find((t) => t);
  const fromSheet = looksLikeTownship(view.name) ? cleanTownship(view.name) : townshipFromText(view.name);
  if (fromTitle) township = { name: fromTitle, from: 'title' };
  else if (fromSheet) township = { name: fromSheet, from: 'sheet' };
  else if (ctx.parentTownship) township = { name: ctx.parentTownship, from: 'title' };
  else if (ctx.fileTownship) township = { name: ctx.fileTownship, from: 'file' };
  return { titles, titleText: titles.join(' '), sheetVillage, township };
}

export function emptyReport(grid: Grid, ctx: SheetContext, layout: SheetLayout, note: string): SheetReport {
  return {
    file: ctx.file,
    sheet: grid.name,
    layout,
    note,
    headerRows: [],
    columns: [],
    parts: [],
    township: { name: null, from: null },
    villages: [],
    skipped: [],
    skippedCount: 0,
    dataRows: 0,
  };
}

const SAMPLES = 3;

/** The first few values of a column under the header, ID numbers masked. */
function samplesOf(view: TableView, c: number, from: number): string[] {
  const out: string[] = [];
  for (let r = from; r < view.rowCount && r < from + 200 && out.length < SAMPLES; r++) {
    const t = c < view.width(r) ? view.text(r, c) : '';
    if (t) out.push(shown(t));
  }
  return out;
}

/** Every column of a table from its first to the last with a header or a meaning, as the report lists them. */
export function columnsReport(view: TableView, headerRows: number[], mapping: ColumnMapping, orientation: Orientation): ColumnReport[] {
  let last = -1;
  for (const c of mapping.headers.keys()) last = Math.max(last, c);
  for (const c of mapping.roles.keys()) last = Math.max(last, c);
  const from = headerRows[headerRows.length - 1] + 1;
  const out: ColumnReport[] = [];
  for (let c = 0; c <= last; c++) {
    const index = indexOfColumn(view, c, orientation, headerRows[0]);
    const role = mapping.roles.get(c) ?? null;
    out.push({
      index,
      column: columnName(index, orientation),
      header: mapping.headers.get(c) ?? '',
      role,
      label: role ? ROLE_LABELS[role] : '未使用',
      byValue: mapping.byValue.has(c),
      samples: samplesOf(view, c, from),
    });
  }
  return out;
}

/** The report of a table with a header: its id, header rows and columns in sheet coordinates, its township. */
export function tableReport(view: TableView, ctx: SheetContext, headerRows: number[], mapping: ColumnMapping, layout: SheetLayout, place: TablePlace, orientation: Orientation = 'rows'): SheetReport {
  const columns = columnsReport(view, headerRows, mapping, orientation);
  const report: SheetReport = {
    ...emptyReport(view, ctx, layout, ''),
    orientation,
    headerRows: headerRows.map((r) => lineOfRow(view, r, orientation) + 1),
    columns,
    signature: headerSignature(columns.map((c) => c.header)),
    township: place.township,
  };
  if (columnOf(mapping, 'township') !== undefined) report.township = { name: null, from: 'column' };
  return report;
}
