// A CSV of about 90 MB whose last line is one huge line (issue 7): a township roster of a few hundred
// rows, then either one field of ~30 million characters or ~13 million short fields. The reader keeps
// what a sheet can hold (Excel's 32,767 characters a cell, 16,384 columns a row) and says so.

import fs from 'node:fs';
import { generateRosterCsvRows } from './roster-csv.ts';

export type HugeLine = 'one-field' | 'many-fields';

/** Writes the CSV (UTF-8) and returns its size in bytes. */
export function writeHugeLineCsv(file: string, kind: HugeLine, targetBytes = 90 * 1024 * 1024): number {
  const head = generateRosterCsvRows(300);
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, head);
    let written = Buffer.byteLength(head);
    const line = kind === 'one-field' ? '青山镇,上塘村,' : '';
    fs.writeSync(fd, line);
    written += Buffer.byteLength(line);
    // Written in pieces of 1 MiB: the generator itself stays small.
    const piece = kind === 'one-field' ? '名'.repeat(349_525) : '王五,'.repeat(149_796);
    const pieceBytes = Buffer.byteLength(piece);
    while (written + pieceBytes < targetBytes) {
      fs.writeSync(fd, piece);
      written += pieceBytes;
    }
    fs.writeSync(fd, kind === 'one-field' ? ',女,委员,是\n' : '王五\n');
    return fs.fstatSync(fd).size;
  } finally {
    fs.closeSync(fd);
  }
}
