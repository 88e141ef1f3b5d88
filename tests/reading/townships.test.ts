// Township workbooks in more layouts, wordings and rule cases than the fixtures (tests/townships/cases, see its
// README: each with its truth): every village exactly right, all files of a case read
// together. Each case's CASE.txt says in a line what its layout tries, and which files it reads.
// Cases listed in tests/townships/pending.txt are not read right yet: each must still differ (and says how).

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { itMatchesExpected, type ExpectedExtras, type ExpectedVillage } from '../helpers/expected.ts';
import { caseFiles, casesRoot, pendingCases, scoreCase } from '../helpers/township-case.ts';

const pending = pendingCases();
const cases = fs.readdirSync(casesRoot).sort();

describe.each(cases.filter((id) => !pending.has(id)))('%s', (id) => {
  const { villages, ...extras } = JSON.parse(fs.readFileSync(path.join(casesRoot, id, 'expected.json'), 'utf8')) as { villages: ExpectedVillage[] } & ExpectedExtras;
  itMatchesExpected(caseFiles(id), villages, extras);
});

describe('pending cases (tests/townships/pending.txt)', () => {
  it('lists only cases that exist (the list may be empty)', () => {
    for (const id of pending) expect(cases).toContain(id);
  });
  if (pending.size) it.each([...pending])('%s is still not read right (remove it from pending.txt once it is)', (id) => {
    const s = scoreCase(id);
    console.info(`pending ${id}: ${s.right}/${s.total} villages right${s.lines.length ? `\n  ${s.lines.join('\n  ')}` : ''}`);
    expect(s.right === s.total && s.spurious === 0).toBe(false);
  });
});
