// The command line's side of layouts: reading a layout file for `check --layout`, and the `layouts`
// command over the store's remembered layouts (list, forget).

import fs from 'node:fs';
import { layoutFileSchema } from '../shared/api/layouts.ts';
import type { TableLayout } from '../shared/reading/corrections.ts';

export class LayoutFileError extends Error {}

/** The tables' layouts a file gives: the JSON `check --explain --json` printed (edited), or a list of tables. */
export function readLayoutFile(file: string): TableLayout[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new LayoutFileError(`读法文件“${file}”无法打开`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch {
    throw new LayoutFileError(`读法文件“${file}”不是有效的 JSON`);
  }
  const parsed = layoutFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LayoutFileError(`读法文件“${file}”的格式不对（${issue.path.join('.') || '整体'}）：应为 check --explain --json 输出的 JSON，或各表读法的列表`);
  }
  if (parsed.data.length === 0) throw new LayoutFileError(`读法文件“${file}”中没有任何表的读法`);
  return parsed.data;
}
