// CSV of every village (the 村庄明细 table): UTF-8 with a BOM so that Excel opens the Chinese correctly,
// CRLF line ends, and cells that a spreadsheet could run as a formula neutralised.

import type { ReportModel } from '../../../shared/report/model.ts';
import { villagesTable } from '../../../shared/report/tables.ts';
import { csvField } from '../../../shared/report/text.ts';

export function reportCsv(m: ReportModel): Uint8Array {
  const t = villagesTable(m);
  const lines = [t.columns.map((c) => csvField(c.header)).join(','), ...t.rows.map((r) => r.map(csvField).join(','))];
  return new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n');
}
