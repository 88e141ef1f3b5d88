// Township workbooks in 38 more layouts and wordings than the fixtures (tests/townships/cases, written by
// tests/townships/gen.mjs with each case's truth): every village exactly right, all files of a case read
// together. Each case's CASE.txt says in a line what its layout tries.

import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { itMatchesExpected, type ExpectedVillage } from '../helpers/expected.ts';

const root = path.join(__dirname, '..', 'townships', 'cases');
const cases = fs.readdirSync(root).sort();

describe.each(cases)('%s', (id) => {
  const dir = path.join(root, id);
  const files = fs.readdirSync(dir).filter((f) => !f.endsWith('.json') && !f.endsWith('.txt')).map((f) => path.join(dir, f));
  const expected: ExpectedVillage[] = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')).villages;
  itMatchesExpected(files, expected);
});
