// How an export reaches the user's disk, by door: in the desktop window, the system's save dialog
// (shell chooseSavePath) and then exportReport with that target, or printToPdf for the PDF; in a
// browser, exportReport without a target and a download of the file (GET /download/<id>), or the
// print route opened in a new tab for the PDF.

import { exportBaseName, type ExportKind, type ReportModel } from '../../shared/api/exports.ts';
import type { DesktopBridge } from '../../electron/bridge.ts';
import type { SaveKind } from '../../electron/shell-contract.ts';
import type { Door } from '../api/client.ts';
import { href } from '../app/route.ts';

/** What the 导出 screen offers: the backend's export kinds and the PDF, printed from the report page. */
export type Choice = ExportKind | 'pdf';

export const CHOICES: Array<{ key: Choice; label: string; note: string }> = [
  { key: 'xlsx', label: '县级Excel报表', note: '汇总、各乡镇、不达标村、数据不全、未报送等工作表' },
  { key: 'townships', label: '各乡镇分表', note: '每个乡镇（街道）一个工作簿' },
  { key: 'docx', label: 'Word情况报告', note: '公文格式的情况报告，可直接修改' },
  { key: 'pdf', label: 'PDF', note: '总体情况与不达标村名单，A4 版面' },
  { key: 'csv', label: 'CSV', note: '每村一行的明细，供其他软件使用' },
  { key: 'training', label: '女性两委成员培训名单', note: '各村女性两委成员的名单' },
  { key: 'template', label: '空白模板', note: '发给乡镇（街道）填报的空白表格' },
];

const SAVE_KIND: Record<Choice, SaveKind> = { xlsx: 'xlsx', townships: 'xlsx', docx: 'docx', pdf: 'pdf', csv: 'csv', training: 'xlsx', template: 'xlsx' };

export interface ExportOptions {
  choice: Choice;
  asOf?: number | string;
  fullIds: boolean;
}

/** The print route of the report page, with the as-of choice in the address. */
export function printRoute(o: ExportOptions, autoPrint = false): string {
  return href('/print/report', {
    asOf: o.asOf === undefined ? undefined : String(o.asOf),
    fullIds: o.fullIds ? '1' : undefined,
    print: autoPrint ? '1' : undefined,
  }).slice(1);
}

export function suggestedName(choice: Choice, model: ReportModel | null): string {
  return `${exportBaseName(choice, model ? model.date : null)}.${SAVE_KIND[choice]}`;
}

/** The outcome of one export, in words for the user; null when the user cancelled a dialog. */
export type Outcome = { ok: true; message: string } | { ok: false; message: string } | null;

function desktop(): DesktopBridge | null {
  const b = window.quotaWatch as Partial<DesktopBridge> | undefined;
  return b && typeof b.shell === 'function' ? (b as DesktopBridge) : null;
}

async function saveInWindow(bridge: DesktopBridge, door: Door, o: ExportOptions, model: ReportModel | null): Promise<Outcome> {
  const name = suggestedName(o.choice, model);
  if (o.choice === 'pdf') {
    const r = await bridge.shell('printToPdf', { route: printRoute(o), suggestedName: name });
    if (!r.ok) return { ok: false, message: r.error.message };
    return r.value.path ? { ok: true, message: `已导出 PDF：${r.value.path}` } : null;
  }
  const chosen = await bridge.shell('chooseSavePath', { suggestedName: name, kind: SAVE_KIND[o.choice] });
  if (!chosen.ok) return { ok: false, message: chosen.error.message };
  if (!chosen.value.path) return null;
  // 各乡镇分表: the workbooks go into a folder named as the file the user chose, without its extension.
  const target = o.choice === 'townships' ? chosen.value.path.replace(/\.xlsx$/i, '') : chosen.value.path;
  const r = await door.call('exportReport', { kind: o.choice, target, asOf: o.asOf, fullIds: o.fullIds, force: true });
  return r.ok ? { ok: true, message: `${r.value.message}：${r.value.files.length === 1 ? r.value.files[0] : target}` } : { ok: false, message: r.error.message };
}

async function downloadInBrowser(door: Door, o: ExportOptions): Promise<Outcome> {
  if (o.choice === 'pdf') {
    // The same page the window prints, in a new tab of this browser (it shares this tab's token), printed there.
    const tab = window.open(`${location.pathname}#${printRoute(o, true)}`, '_blank');
    return tab ? { ok: true, message: '已在新标签页打开报告，请在打印对话框中选择“另存为 PDF”' } : { ok: false, message: '浏览器阻止了新标签页，请允许本页面打开弹出窗口后重试' };
  }
  const r = await door.call('exportReport', { kind: o.choice, asOf: o.asOf, fullIds: o.fullIds });
  if (!r.ok) return { ok: false, message: r.error.message };
  if (!r.value.downloadId || !door.download) return { ok: false, message: '这个窗口不能下载文件' };
  for (const file of r.value.files) {
    const name = file.split(/[\\/]/).pop()!;
    await door.download(r.value.downloadId, r.value.files.length > 1 ? name : null, name);
  }
  return { ok: true, message: `${r.value.message}，已开始下载` };
}

export async function runExport(door: Door, o: ExportOptions, model: ReportModel | null): Promise<Outcome> {
  try {
    const bridge = desktop();
    return bridge ? await saveInWindow(bridge, door, o, model) : await downloadInBrowser(door, o);
  } catch (err) {
    return { ok: false, message: (err as Error).message || '导出失败，请重试' };
  }
}
