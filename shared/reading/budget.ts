// How much memory SheetJS takes to read a file, estimated from its size before it is read: where the
// estimate passes the budget the file is refused at once with a clear message, instead of running the
// process out of memory (or into the worker's heap limit) after many seconds.
//
// The factors are the peak memory SheetJS 0.20 used over the bytes it was given, measured on rosters of
// 60,000 rows saved by SheetJS in each format (`npm run bench -- --only formats` prints them again),
// rounded up: .xls 37x the file, HTML 27x, Excel 2003 XML 34x, .ods 7.4x its unzipped parts, a .xlsx
// it reads (not the direct reader's plain ones) 6.6x its unzipped parts.

/** The containers SheetJS reads for us, as workbook.ts recognises them. */
export type SheetJsKind = 'xls' | 'xlsx' | 'xlsb' | 'ods' | 'html' | 'xml';

/** Bytes of memory a byte of input takes in SheetJS. */
export const SHEETJS_FACTOR: Record<SheetJsKind, number> = {
  xls: 40,
  html: 30,
  xml: 36,
  ods: 8,
  xlsx: 7,
  xlsb: 10,
};

/** SheetJS's estimated peak for `inputBytes` (the file, or for a zip the sum of its unzipped parts). */
export function sheetJsEstimate(kind: SheetJsKind, inputBytes: number): number {
  return inputBytes * SHEETJS_FACTOR[kind];
}

const KIND_NAMES: Record<SheetJsKind, string> = {
  xls: 'Excel 97-2003 工作簿（.xls）',
  html: '网页表格（HTML）',
  xml: 'Excel 2003 XML 表格',
  ods: 'OpenDocument 表格（.ods）',
  xlsx: 'Excel 工作簿（.xlsx）',
  xlsb: 'Excel 二进制工作簿（.xlsb）',
};

const mb = (bytes: number) => Math.ceil(bytes / 1048576);

/** The refusal, in Chinese: the format, the memory it would take, the budget, and what to do. */
export function overBudgetMessage(kind: SheetJsKind, estimate: number, budget: number): string {
  return (
    `文件过大：这种格式（${KIND_NAMES[kind]}）读取时约需 ${mb(estimate)} MB 内存，超过上限 ${mb(budget)} MB，未读取。` +
    '请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）或 CSV 后再导入，或拆分成几个较小的文件'
  );
}
