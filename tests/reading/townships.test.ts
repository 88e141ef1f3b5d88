// Township workbooks in 130 more layouts, wordings and rule cases than the fixtures (tests/townships/cases, see its
// README: each with its truth): every village exactly right, all files of a case read
// together. Each case's CASE.txt says in a line what its layout tries, and which files it reads.

import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { itMatchesExpected, type ExpectedExtras, type ExpectedVillage } from '../helpers/expected.ts';

const root = path.join(__dirname, '..', 'townships', 'cases');
const cases = fs.readdirSync(root).sort();

describe.each(cases)('%s', (id) => {
  const dir = path.join(root, id);
  // CASE.txt: the layout in a line, then "files: a, b" — the workbooks read together.
  const listed = /^files: (.+)$/mu.exec(fs.readFileSync(path.join(dir, 'CASE.txt'), 'utf8'));
  const files = listed![1].split(',').map((f) => path.join(dir, f.trim()));
  const { villages, ...extras } = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as { villages: ExpectedVillage[] } & ExpectedExtras;
  itMatchesExpected(files, villages, extras);
});
