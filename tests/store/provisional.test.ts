// 待核对 kept in the store (migration 6): a verdict on a provisional reading keeps its reasons, and every
// view from the database says so (list tag and filter, detail, the overview's count, status --json).
// Also the list's pinyin-initials search and its sort by 原因.

import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import { Store } from '../../electron/backend/store/store.ts';
import { defaultRuleSet } from '../../shared/rules/builtin.ts';
import { pinyinInitials } from '../../shared/pinyin-initials.ts';
import { whyLine } from '../../renderer/screens/villageQuery.ts';
import { FIXTURES, removeDir, tempDir } from './helpers.ts';

let dir: string;
let db: string;
let backend: Backend;
const REASON = '表头“栏目一”按推测读作姓名';

beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir, 'qw.sqlite');
  backend = Backend.open(db);
  await backend.importFiles({ paths: [path.join(FIXTURES, '青山镇-换届名单.xlsx')] });
  await backend.close();
  // A later verdict of one village on a provisional reading, written as an import writes it.
  const store = Store.open(db);
  await store.write((w) => {
    const [v] = w.currentVerdicts();
    const parts = w.verdictParts(v.id).map((p) => ({ id: p.part, label: p.label, outcome: p.outcome, reason: p.reason }));
    const importId = w.insertImport('2026-03-02T08:00:00Z', defaultRuleSet());
    w.insertVerdict(importId, {
      villageId: v.village_id,
      verdict: { township: v.township_text, village: v.village_text, ruleSet: v.rule_set, status: v.status, parts, counts: { committeeMembers: null, committeeWomen: null, representatives: null, womenRepresentatives: null }, provisional: [REASON] },
      findings: [],
    });
  });
  await store.close();
  backend = Backend.open(db);
});
afterAll(async () => {
  await backend.close();
  removeDir(dir);
});

it('keeps a provisional verdict’s reasons and shows them in the list, the detail, the overview and status', async () => {
  const flagged = await backend.villages({ provisional: true });
  expect(flagged.total).toBe(1);
  expect(flagged.villages[0].provisional).toEqual([REASON]);
  const all = await backend.villages();
  expect(all.villages.filter((v) => v.provisional)).toHaveLength(1);
  const detail = await backend.village({ id: flagged.villages[0].id });
  expect(detail.provisional).toEqual([REASON]);
  expect((await backend.countySummary()).provisional).toBe(1);
  const status = await backend.status();
  const s = status.villages.filter((v) => v.provisional);
  expect(s).toHaveLength(1);
  expect(s[0].provisionalReasons).toEqual([REASON]);
});

it('finds villages by the pinyin initials of their name', async () => {
  const all = (await backend.villages()).villages;
  for (const v of all) {
    const code = pinyinInitials(v.village);
    const found = await backend.villages({ search: code });
    expect(found.villages.map((x) => x.id)).toContain(v.id);
    for (const x of found.villages) expect(pinyinInitials(x.village).includes(code) || x.village.includes(code)).toBe(true);
  }
  expect((await backend.villages({ search: 'zzzzzz' })).total).toBe(0);
});

it('sorts by 原因: the reasons of the parts that do not pass, both ways', async () => {
  const all = (await backend.villages()).villages;
  const key = (v: (typeof all)[number]) => (v.reported ? Object.entries(v.rules).filter(([, o]) => o !== 'pass').map(([id]) => v.reasons[id]).join('；') : null);
  const asc = (await backend.villages({ sort: 'reason' })).villages;
  const keys = asc.map(key);
  expect(keys).toEqual([...keys].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0)));
  expect(asc.map(whyLine).length).toBe(all.length);
  const desc = (await backend.villages({ sort: 'reason', desc: true })).villages.map(key).filter((k) => k !== null);
  expect(desc).toEqual([...desc].sort().reverse());
});
