// The layouts area of the contract: a person's reading of a table (the same JSON `check --explain --json`
// prints for each table and `--layout` takes back), and the layouts the app remembers. Pure (no node:*).

import { z } from 'zod';
import { ROLE_LABELS, type ColumnRole } from '../reading/columns.ts';
import type { TableLayout } from '../reading/corrections.ts';

// The roles a person may give a column: every role the reader knows.
const ROLES = Object.keys(ROLE_LABELS) as [ColumnRole, ...ColumnRole[]];
const placeName = z.string().max(100).nullable().optional();

/**
 * One table's layout in the coordinates of corrections.ts (1-based sheet rows, 0-based column indices).
 * Not strict: a table's whole report is a layout, its other fields are left aside.
 */
export const tableLayoutSchema = z.object({
  id: z.string().min(1).max(1000),
  orientation: z.enum(['rows', 'columns']).optional(),
  family: z.string().max(100).optional(),
  headerRows: z.array(z.number().int().min(1).max(1_048_576)).min(1).max(20).optional(),
  columns: z.array(z.object({ index: z.number().int().min(0).max(1_048_575), role: z.enum(ROLES).nullable() })).max(20_000).optional(),
  place: z.object({ township: placeName, village: placeName }).optional(),
}) satisfies z.ZodType<TableLayout>;

/** The layouts of one file, or of a whole run: a list of tables, or the JSON of `check --json` (its files' sheets). */
export const layoutFileSchema = z.union([
  z.array(tableLayoutSchema),
  z.object({ tables: z.array(tableLayoutSchema) }).transform((x) => x.tables),
  z.object({ files: z.array(z.object({ sheets: z.array(z.unknown()) })) }).transform((x) =>
    x.files.flatMap((f) => f.sheets).flatMap((s) => {
      const t = tableLayoutSchema.safeParse(s);
      // A sheet nothing was found on has no layout to give back.
      return t.success && (t.data.columns?.length ?? 0) > 0 ? [t.data] : [];
    }),
  ),
]);
