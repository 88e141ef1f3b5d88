// 待核对 kept in the store (migrations 7 and 8): a verdict on a provisional reading keeps its reasons, and every
// view from the database says so (list tag and filter, detail, the overview's count, status --json).
// Also the list's pinyin-initials search and its sort by 原因.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import { Store } from '../../electron/backend/store/store.ts';
import { defaultRuleSet } from '../../shared/rules/builtin.ts';
import { pinyinInitials } from '../../shared/pinyin-initials.ts';
import { whyLine } from '../../renderer/screens/villageQuery.ts';
import { FIXTURES, removeDir, tempDir } from './helpers.ts';
import { makeId, workbookBytes } from '../helpers/workbooks.ts';

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

it('keeps 待核对 when a village is judged again from a stored part read on a guess (migration 8)', async () => {
  const own = tempDir();
  try {
    // A roster whose 得票数 column the reader does not know: both parts of 青石村 provisional.
    const roster = path.join(own, '青石镇名单.xlsx');
    fs.writeFileSync(
      roster,
      workbookBytes([
        {
          name: '名单',
          rows: [
            ['村名', '姓名', '性别', '职务', '身份证号', '是否村民代表', '得票数'],
            ['青石村', '王建国', '男', '书记、主任', makeId(1, false), '否', 320],
            ['青石村', '张芳', '女', '委员、妇联主席', makeId(2, true), '是', 301],
            ['青石村', '陈静', '女', '', makeId(3, true), '是', 280],
          ],
        },
      ]),
    );
    // Later the township sends the representatives alone, as a plain count table nobody doubts.
    const counts = path.join(own, '青石镇代表统计.xlsx');
    fs.writeFileSync(counts, workbookBytes([{ name: '统计', rows: [['乡镇', '村名', '村民代表数', '其中女性'], ['青石镇', '青石村', 30, 12]] }]));
    const b = Backend.open(path.join(own, 'qw.sqlite'));
    try {
      await b.importFiles({ paths: [roster] });
      const first = (await b.villages()).villages.find((v) => v.village === '青石村')!;
      expect(first.provisional?.length).toBeGreaterThan(0);
      await b.importFiles({ paths: [counts] });
      const again = (await b.villages()).villages.find((v) => v.village === '青石村')!;
      // The verdict is new (the representatives now come from the count table) …
      expect((await b.village({ id: again.id })).history.length).toBe(2);
      // … and still rests on the committees read on a guess.
      expect(again.provisional).toEqual(first.provisional);
    } finally {
      await b.close();
    }
  } finally {
    removeDir(own);
  }
});
