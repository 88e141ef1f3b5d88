// The report commands of `quota-watch`: report (Excel, Word, CSV, per-township workbooks, the training
// list) and template (the blank form for townships). Each goes through Backend.handle('exportReport').

import path from 'node:path';
import { parseArgs } from 'node:util';
import { withBackend } from './cli-backend.ts';
import type { ExportRequest } from '../shared/api/exports.ts';
import { argsError } from './args.ts';
import { exportBytes } from './backend/exports/index.ts';
import { writeSafely } from './backend/exports/write-file.ts';
import { ApiFailure } from './backend/context.ts';

type Out = (s: string) => void;

export const REPORT_USAGE = `  quota-watch report --out 文件.xlsx|.docx|.csv [--by-township 文件夹] [--as-of 导入编号|日期] [--full-ids] [--force] [--db 数据库文件]
  quota-watch report --training --out 文件.xlsx [--as-of 导入编号|日期] [--full-ids] [--force] [--db 数据库文件]
  quota-watch template --out 文件.xlsx [--force]`;

export const REPORT_HELP = `  report      导出上报材料：.xlsx 汇总表（汇总、不达标村、数据不全村、未报送村、村庄明细、数据问题），
              .docx 情况报告，.csv 村庄明细；--by-township 每个乡镇一个工作簿；--training 女性两委成员培训名单
  --as-of     按某次导入后（导入编号）或某日（如 2026-12-01）当时的数据出报告
  --full-ids  导出完整身份证号（默认只显示前6位和后4位）；--force 覆盖已有文件
  --county、--org  县（区）名称和填报单位（不给时用“设置”中的报告署名；从未设置时为“本县”“县妇联”）
  template    生成乡镇填报模板（下拉选项、身份证号文本列、隐藏的版本标记），填好后可直接导入，无需识别版式`;

const OPTIONS = {
  out: { type: 'string' },
  'by-township': { type: 'string' },
  'as-of': { type: 'string' },
  'full-ids': { type: 'boolean' },
  force: { type: 'boolean' },
  db: { type: 'string' },
  training: { type: 'boolean' },
  county: { type: 'string' },
  org: { type: 'string' },
} as const;

export async function runReportCommand(command: 'report' | 'template', argv: string[], out: Out, err: Out): Promise<number> {
  let a;
  try {
    a = parseArgs({ args: argv, allowPositionals: false, options: OPTIONS });
  } catch (e) {
    err(`${argsError(e)}\n用法：\n${REPORT_USAGE}`);
    return 2;
  }
  const v = a.values;
  if (command === 'template') {
    if (!v.out) {
      err(`请用 --out 给出模板文件名（.xlsx）\n用法：\n${REPORT_USAGE}`);
      return 2;
    }
    const target = path.resolve(v.out);
    if (path.extname(target).toLowerCase() !== '.xlsx') {
      err(`填报模板应保存为 .xlsx 文件：${v.out}`);
      return 2;
    }
    try {
      writeSafely(target, await exportBytes('template', null), v.force === true);
    } catch (e) {
      if (e instanceof ApiFailure) {
        err(e.message);
        return 2;
      }
      throw e;
    }
    out(`已生成填报模板：${target}`);
    return 0;
  }
  if (!v.out && !v['by-township']) {
    err(`请用 --out 给出导出文件（.xlsx、.docx 或 .csv），或用 --by-township 给出文件夹\n用法：\n${REPORT_USAGE}`);
    return 2;
  }
  const requests: ExportRequest[] = [];
  const common = {
    asOf: v['as-of'],
    fullIds: v['full-ids'] === true || undefined,
    force: v.force === true || undefined,
    county: v.county,
    organisation: v.org,
  };
  if (v.out) {
    const target = path.resolve(v.out);
    const ext = path.extname(target).toLowerCase();
    const kind = v.training ? 'training' : ext === '.xlsx' ? 'xlsx' : ext === '.docx' ? 'docx' : ext === '.csv' ? 'csv' : null;
    if (!kind || (v.training && ext !== '.xlsx')) {
      err(v.training ? `培训名单应保存为 .xlsx 文件：${v.out}` : `不支持的导出格式“${ext || '无扩展名'}”：请用 .xlsx、.docx 或 .csv`);
      return 2;
    }
    requests.push({ kind, target, ...common });
  }
  if (v['by-township']) requests.push({ kind: 'townships', target: path.resolve(v['by-township']), ...common });
  return withBackend(v.db, err, async (backend) => {
    for (const req of requests) {
      const r = await backend.handle('exportReport', req);
      if (!r.ok) {
        err(r.error.message);
        return 2;
      }
      out(r.value.message);
      for (const f of r.value.files) out(`  ${f}`);
    }
    return 0;
  });
}
