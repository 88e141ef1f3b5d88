// How much memory reading a file takes, estimated from its size before it is read: where the estimate
// passes the budget the file is refused at once with a clear message, instead of running the process
// out of memory (or into the worker's heap limit) after many seconds.
//
// The factors are the peak memory a reader used over the bytes it was given, rounded up. SheetJS 0.20,
// measured on rosters of 60,000 rows it saved in each format: .xls 37x the file, HTML 27x, Excel 2003
// XML 34x, .ods 7.4x its unzipped parts, a .xlsx it reads (not the direct reader's plain ones) 6.6x its
// unzipped parts. Ours, on the bench's 1,000,000-person roster (93 MB, 290 MB unzipped): the direct
// .xlsx reader 1.8x the unzipped parts besides the file's own bytes (the cells compact, the rows built,
// packed); CSV (own parser) the bytes, their text (up to two bytes a character) and the cells.

/** The readers, by the container workbook.ts recognises. */
export type ReaderKind = 'xls' | 'xlsx' | 'xlsb' | 'ods' | 'html' | 'xml' | 'xlsxDirect' | 'csv';

/** Bytes of memory a byte of input takes. */
export const READER_FACTOR: Record<ReaderKind, number> = {
  xls: 40,
  html: 30,
  xml: 36,
  ods: 8,
  xlsx: 7,
  xlsb: 10,
  xlsxDirect: 2,
  csv: 4,
};

/**
 * The estimated peak of reading `inputBytes` (the file, or for a zip the sum of its unzipped parts) with
 * `kind`, plus `ownBytes` (the file's bytes, when they are not what is measured).
 */
export function readEstimate(kind: ReaderKind, inputBytes: number, ownBytes = 0): number {
  return inputBytes * READER_FACTOR[kind] + ownBytes;
}

const KIND_NAMES: Record<ReaderKind, string> = {
  xlsxDirect: 'Excel 工作簿（.xlsx）',
  csv: 'CSV 文本',
  xls: 'Excel 97-2003 工作簿（.xls）',
  html: '网页表格（HTML）',
  xml: 'Excel 2003 XML 表格',
  ods: 'OpenDocument 表格（.ods）',
  xlsx: 'Excel 工作簿（.xlsx）',
  xlsb: 'Excel 二进制工作簿（.xlsb）',
};

const mb = (bytes: number) => Math.ceil(bytes / 1048576);

/** The refusal, in Chinese: the format, the memory it would take, the budget, and what to do. */
export function overBudgetMessage(kind: ReaderKind, estimate: number, budget: number): string {
  return (
    `文件过大：这种格式（${KIND_NAMES[kind]}）读取时约需 ${mb(estimate)} MB 内存，超过上限 ${mb(budget)} MB，未读取。` +
    '请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）或 CSV 后再导入，或拆分成几个较小的文件'
  );
}
