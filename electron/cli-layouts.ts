// The command line's side of layouts: reading a layout file for `check --layout`, and the `layouts`
// command over the store's remembered layouts (list, forget).

import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { withBackend, type Out } from './cli-backend.ts';
import { argsError } from './args.ts';
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


/** `quota-watch layouts [--db] [--json] [--forget ID]`: the layouts the store remembers. */
export async function runLayoutsCommand(argv: string[], out: Out, err: Out, usage: string): Promise<number> {
  let a;
  try {
    a = parseArgs({ args: argv, allowPositionals: false, options: { db: { type: 'string' }, json: { type: 'boolean' }, forget: { type: 'string' } } });
  } catch (e) {
    err(`${argsError(e)}\n${usage}`);
    return 2;
  }
  const forget = a.values.forget;
  if (forget !== undefined && !/^[1-9]\d{0,9}$/u.test(forget)) {
    err(`--forget 后应为记住的读法的编号（正整数），现为“${forget}”`);
    return 2;
  }
  return withBackend(a.values.db, err, async (backend) => {
    if (forget !== undefined) {
      const r = await backend.handle('forgetLayout', { layoutId: Number(forget) });
      if (!r.ok) return err(r.error.message), 2;
      if (!r.value.forgotten) return err(`没有编号为 ${forget} 的记住的读法`), 1;
      out(`已忘记读法 #${forget}`);
      return 0;
    }
    const r = await backend.handle('layouts', {});
    if (!r.ok) return err(r.error.message), 2;
    if (a.values.json) {
      out(JSON.stringify(r.value, null, 1));
      return 0;
    }
    if (r.value.layouts.length === 0) out('还没有记住的读法（用 import --layout 确认一张表的读法后，会记住它）');
    for (const l of r.value.layouts) {
      out(`#${l.id}　来自“${l.file}”工作表“${l.sheet}”，${l.savedAt.slice(0, 10)}`);
      out(`    ${l.columns.map((c) => `${c.header || '（无表头）'}→${c.label}`).join('，')}`);
    }
    return 0;
  });
}
