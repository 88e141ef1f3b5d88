// The layouts area of the contract: a person's reading of a table (the same JSON `check --explain --json`
// prints for each table and `--layout` takes back), and the layouts the app remembers. Pure (no node:*).

import { z } from 'zod';
import { ROLE_LABELS, type ColumnRole } from '../reading/columns.ts';
import type { TableLayout } from '../reading/corrections.ts';
import type { ContractArea } from './common.ts';

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

/** A confirmed table to remember: its report as a preview gave it (file, sheet, header rows, columns …). */
const rememberTableSchema = z.object({
  file: z.string().min(1).max(1000),
  sheet: z.string().max(300),
  orientation: z.enum(['rows', 'columns']).optional(),
  family: z.string().max(100).optional(),
  headerRows: z.array(z.number().int().min(1).max(1_048_576)).min(1).max(20),
  columns: z.array(z.object({ header: z.string().max(1000), role: z.enum(ROLES).nullable() })).min(1).max(20_000),
  place: z.object({ township: placeName, village: placeName }).optional(),
});

/** A remembered layout as the window and `quota-watch layouts` show it. */
export interface LayoutInfo {
  id: number;
  /** The header's words in order, as remembered. */
  signature: string;
  file: string;
  sheet: string;
  savedAt: string;
  /** The columns' meanings, in words ("姓名→姓名；备注→是否村民代表 …"). */
  columns: Array<{ header: string; role: ColumnRole | null; label: string }>;
}

export interface LayoutsReplies {
  layouts: { layouts: LayoutInfo[] };
  rememberLayout: { id: number };
  forgetLayout: { forgotten: boolean };
}

export const layoutsArea = {
  schemas: {
    layouts: z.strictObject({}),
    rememberLayout: z.strictObject({ table: rememberTableSchema }),
    forgetLayout: z.strictObject({ layoutId: z.number().int().positive() }),
  },
  labels: {
    layouts: '记住的读法',
    rememberLayout: '记住读法',
    forgetLayout: '忘记读法',
  },
  hints: {
    table: '应为预览中一张表的读法（文件、工作表、表头行、各列表头和含义）',
    layoutId: '应为记住的读法的编号（正整数）',
  },
} satisfies ContractArea<Record<string, z.ZodType>>;
