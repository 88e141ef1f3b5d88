// Compares the direct .xlsx reader with SheetJS on one file: both must give the same sheets, cell by
// cell (the text and whether it held a number), and the same notes — or the direct reader declines.

import { readWorkbook, DEFAULT_LIMITS, type WorkbookRead } from '../../shared/reading/workbook.ts';
import { readXlsxDirect } from '../../shared/reading/xlsx-direct.ts';
import { surveyZip } from '../../shared/reading/zip.ts';

export type Comparison = { taken: false; declined: string; damaged: boolean } | { taken: true; difference: string | null; cells: number };

/** Whether the direct reader took the file, and if so the first difference from SheetJS (null: none). */
export function compareReaders(bytes: Uint8Array, limits = DEFAULT_LIMITS): Comparison {
  const zip = surveyZip(bytes);
  if (!zip.readable) return { taken: false, declined: 'not a readable zip', damaged: false };
  const direct = readXlsxDirect(bytes, zip.entries, limits.maxSheets, limits.maxRowsPerSheet);
  if (!direct.ok) return { taken: false, declined: direct.declined, damaged: direct.damaged };
  return { taken: true, ...difference(readWorkbook(bytes, limits, 'auto'), readWorkbook(bytes, limits, 'sheetjs')) };
}

function difference(a: WorkbookRead, b: WorkbookRead): { difference: string | null; cells: number } {
  let cells = 0;
  const diff = (what: string) => ({ difference: what, cells });
  if (a.ok !== b.ok) return diff(`direct ok=${a.ok}, SheetJS ok=${b.ok}${b.ok ? '' : ` (${b.message})`}`);
  if (!a.ok || !b.ok) return { difference: null, cells };
  if (a.format !== b.format) return diff(`format ${a.format} / ${b.format}`);
  if (JSON.stringify(a.notes) !== JSON.stringify(b.notes)) return diff(`notes ${JSON.stringify(a.notes)} / ${JSON.stringify(b.notes)}`);
  if (a.grids.length !== b.grids.length) return diff(`sheets ${a.grids.map((g) => g.name)} / ${b.grids.map((g) => g.name)}`);
  for (let i = 0; i < a.grids.length; i++) {
    const g = a.grids[i];
    const h = b.grids[i];
    const where = `sheet ${i} “${h.name}”`;
    if (g.name !== h.name || g.hidden !== h.hidden) return diff(`${where}: name/hidden ${g.name}/${g.hidden} vs ${h.name}/${h.hidden}`);
    if (g.rowCount !== h.rowCount || g.colCount !== h.colCount) return diff(`${where}: size ${g.rowCount}x${g.colCount} vs ${h.rowCount}x${h.colCount}`);
    for (let r = 0; r < g.rowCount; r++) {
      if (g.width(r) !== h.width(r)) return diff(`${where} row ${r + 1}: width ${g.width(r)} vs ${h.width(r)}`);
      for (let c = 0; c < g.width(r); c++) {
        cells++;
        if (g.text(r, c) !== h.text(r, c) || g.isNumber(r, c) !== h.isNumber(r, c)) {
          return diff(`${where} row ${r + 1} col ${c + 1}: ${JSON.stringify(g.text(r, c))}${g.isNumber(r, c) ? '#' : ''} vs ${JSON.stringify(h.text(r, c))}${h.isNumber(r, c) ? '#' : ''}`);
        }
      }
    }
  }
  return { difference: null, cells };
}
