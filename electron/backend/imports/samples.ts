// The sample township workbooks (seeds/) a first start offers: "用示例数据试一试". Only their paths: the
// window previews and imports them like any other files, so nothing is stored before 确认导入.

import fs from 'node:fs';
import path from 'node:path';
import { ApiFailure, type BackendContext } from '../context.ts';

/** seeds/ of the source tree, from electron/backend/imports/. */
const SOURCE_SEEDS = path.resolve(import.meta.dirname, '../../../seeds');

export async function sampleFiles(ctx: BackendContext): Promise<{ paths: string[] }> {
  const dir = ctx.options.samplesDir ?? SOURCE_SEEDS;
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    throw new ApiFailure('not-found', `找不到示例数据（${dir}），请改为导入乡镇报送的表格`);
  }
  const paths = names
    .filter((n) => !n.startsWith('.') && /\.(xlsx|xls|et|ods|csv)$/i.test(n))
    .sort((a, b) => a.localeCompare(b, 'zh'))
    .map((n) => path.join(dir, n));
  if (paths.length === 0) throw new ApiFailure('not-found', `示例数据文件夹（${dir}）中没有表格，请改为导入乡镇报送的表格`);
  return { paths };
}
