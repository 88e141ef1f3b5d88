// Printing a report page to PDF: the renderer's print route (/print/…) is laid out in a hidden window,
// and printed once the page says it is ready. The page signals it on its root element:
//   document.documentElement.dataset.printReady = 'ready'          (laid out, charts drawn)
//   document.documentElement.dataset.printReady = 'error:<中文说明>'  (it could not build the report)
// The Electron calls are passed in, so this runs and is tested without Electron.

import fs from 'node:fs';
import type { PrintToPDFOptions } from 'electron';
import { isPrintRoute, ShellFailure } from './shell-contract.ts';

/** Expression evaluated in the page to read its signal. */
export const READY_PROBE = "document.documentElement.dataset.printReady || ''";

export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  landscape: false,
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  // Inches; the print page's @page rule wins where it sets its own (preferCSSPageSize).
  margins: { top: 0.6, bottom: 0.6, left: 0.6, right: 0.6 },
  generateDocumentOutline: true,
  generateTaggedPDF: true,
};

export interface PrintPage {
  /** Evaluates READY_PROBE in the page. */
  probe(): Promise<string>;
  print(options: PrintToPDFOptions): Promise<Uint8Array>;
  close(): void;
}

export interface PrintDeps {
  /** Opens the hidden window on the app page at `#<route>` and resolves once it has loaded. */
  open(route: string): Promise<PrintPage>;
  timeoutMs?: number;
  intervalMs?: number;
}

/** Lays out `route`, waits for the page's signal, prints, and writes the PDF to `target` atomically. */
export async function printRouteToPdf(route: string, target: string, deps: PrintDeps): Promise<{ path: string; bytes: number }> {
  if (!isPrintRoute(route)) throw new ShellFailure(`无法导出 PDF：“${route.slice(0, 60)}”不是报告的打印页`);
  const page = await deps.open(route);
  try {
    const deadline = Date.now() + (deps.timeoutMs ?? 60_000);
    for (;;) {
      const state = await page.probe();
      if (state === 'ready') break;
      if (state.startsWith('error:')) throw new ShellFailure(`无法导出 PDF：${state.slice(6).slice(0, 200) || '报告页面出错'}`);
      if (Date.now() > deadline) throw new ShellFailure('无法导出 PDF：报告页面在规定时间内没有准备好，请稍后重试');
      await new Promise((r) => setTimeout(r, deps.intervalMs ?? 100));
    }
    const pdf = await page.print(PDF_OPTIONS);
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, pdf);
      fs.renameSync(tmp, target);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      const code = (err as NodeJS.ErrnoException).code;
      throw new ShellFailure(`无法保存 PDF 到 ${target}：${code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'EBUSY' ? '文件正被其他程序打开，请关闭后重试' : '写入失败'}`);
    }
    return { path: target, bytes: pdf.byteLength };
  } finally {
    page.close();
  }
}
