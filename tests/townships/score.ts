// Scores the reader on township cases: how many villages are exactly right (status, three parts and counts), and
// what differs, case by case. Not a test: it prints numbers, also for the cases in pending.txt.
//   node --import tsx tests/townships/score.ts [PREFIX…]      e.g. K  (default: every case)
import fs from 'node:fs';
import { casesRoot, pendingCases, scoreCase } from '../helpers/township-case.ts';

const prefixes = process.argv.slice(2);
const ids = fs.readdirSync(casesRoot).filter((id) => !prefixes.length || prefixes.some((p) => id.startsWith(p))).sort();
const pending = pendingCases();
let right = 0;
let total = 0;
let spurious = 0;
let whole = 0;
for (const id of ids) {
  const s = scoreCase(id);
  right += s.right;
  total += s.total;
  spurious += s.spurious;
  if (s.right === s.total && !s.spurious) whole++;
  console.log(`${id} ${s.right}/${s.total}${s.spurious ? ` (+${s.spurious} spurious)` : ''}${pending.has(id) ? ' [pending]' : ''}`);
  for (const l of s.lines) console.log(`  ${l}`);
}
console.log(`\nvillages exactly right: ${right}/${total}, spurious ${spurious}; cases wholly right: ${whole}/${ids.length}`);
