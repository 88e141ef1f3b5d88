// The direct .xlsx reader against SheetJS over folders of real workbooks (CI: Apache POI's corpus).
// Every workbook the direct reader takes must read exactly as SheetJS reads it, cell by cell; the
// ones it declines go to SheetJS anyway, except the damaged ones, which are refused (listed). Prints how many it took, why it declined the others, and
// exits 1 on any difference.
//   node --import tsx tests/corpus/direct-vs-sheetjs.ts FOLDER_OR_FILE...

import fs from 'node:fs';
import path from 'node:path';
import { compareReaders } from '../helpers/compare-readers.ts';

function filesUnder(p: string): string[] {
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs.readdirSync(p).flatMap((f) => filesUnder(path.join(p, f)));
}

const started = performance.now();
const files = process.argv.slice(2).flatMap(filesUnder);
let zips = 0;
let taken = 0;
let cells = 0;
const declined = new Map<string, number>();
const differences: string[] = [];
// Refused as damaged (a part that fails its CRC, a sheet cut short …): SheetJS would have read them as far as it could.
const damagedFiles: string[] = [];
for (const file of files) {
  const bytes = new Uint8Array(fs.readFileSync(file));
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) continue; // not a zip: never the direct reader's
  zips++;
  const c = compareReaders(bytes);
  if (!c.taken) {
    if (c.damaged) damagedFiles.push(path.basename(file));
    const why = `${c.damaged ? 'damaged: ' : ''}${c.declined.replace(/\d+/g, 'N').slice(0, 60)}`;
    declined.set(why, (declined.get(why) ?? 0) + 1);
    continue;
  }
  taken++;
  cells += c.cells;
  if (c.difference) differences.push(`${file}: ${c.difference}`);
}
console.log(`direct reader vs SheetJS: ${files.length} files, ${zips} zip containers, ${taken} read directly (${cells.toLocaleString('en')} cells compared), ${differences.length} differences, ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`declined: ${[...declined].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join('; ')}`);
if (damagedFiles.length) console.log(`refused as damaged (${damagedFiles.length}): ${damagedFiles.join(', ')}`);
for (const d of differences) console.log(`DIFFERENCE ${d}`);
process.exit(differences.length > 0 ? 1 : 0);
