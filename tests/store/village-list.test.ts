// The village list as the window pages it: filters, sorting and paging run in SQL. Every answer is
// checked against the whole list filtered and sorted here by hand, and against hand-counted numbers.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import type { VillageRow } from '../../shared/api.ts';
import { FIXTURES, removeDir, tempDir, writeCsv } from './helpers.ts';

let dir: string;
let backend: Backend;
let all: VillageRow[];
beforeAll(async () => {
  dir = tempDir();
  backend = Backend.open(path.join(dir, 'qw.sqlite'), { now: (() => { let t = Date.parse('2026-03-01T08:00:00Z'); return () => new Date((t += 60_000)); })() });
  await backend.importFiles({ paths: [path.join(FIXTURES, '青山镇-换届名单.xlsx')] });
  await backend.importFiles({ paths: [path.join(FIXTURES, '云溪乡.xlsx')] });
  // Bare names (青山 / 上塘), a village not reported (新屋村), 北岭镇 石塘村 left off the list.
  await backend.setExpectedVillages({
    path: writeCsv(path.join(dir, '应报村名单.csv'), [
      ['乡镇', '村'],
      ['青山', '上塘'],
      ['青山镇', '下洋村'],
      ['青山镇', '竹坞村'],
      ['青山镇', '茶山村'],
      ['青山镇', '溪口村'],
      ['青山镇', '新屋村'],
      ['北岭镇', '岭头村'],
      ['北岭镇', '后山村'],
      ['云溪乡', '溪南村'],
      ['云溪乡', '桐坑村'],
      ['云溪乡', '梅坞村'],
      ['云溪乡', '杨家村'],
    ]),
  });
  all = (await backend.villages()).villages;
});
afterAll(async () => {
  await backend.close();
  removeDir(dir);
});

const names = (rows: VillageRow[]) => rows.map((r) => `${r.township} ${r.village}`);

describe('the village list in SQL', () => {
  it('the whole list: each village once, the bare list names folded into the reported villages', () => {
    // 青山镇 5 reported + 新屋村; 北岭镇 3 reported; 云溪乡 4.
    expect(all).toHaveLength(13);
    expect(new Set(all.map((r) => r.id)).size).toBe(13);
    expect(names(all)).not.toContain('青山 上塘');
    expect(all.find((r) => r.village === '上塘村')).toMatchObject({ township: '青山镇', expected: true, reported: true });
    expect(all.filter((r) => r.expected && !r.reported).map((r) => r.village)).toEqual(['新屋村']);
    expect(all.filter((r) => r.reported && !r.expected).map((r) => r.village)).toEqual(['石塘村']);
  });

  it('filters: several townships, status (offList, notReported), a failing part, search', async () => {
    const v = (f: Parameters<Backend['villages']>[0]) => backend.villages(f);
    expect((await v({ townships: ['青山镇', '云溪乡'] })).total).toBe(10);
    expect((await v({ townships: ['青山镇人民政府'] })).total).toBe(6);
    const ids = [...new Set(all.map((r) => r.townshipId))];
    expect((await v({ townshipIds: ids.slice(0, 2) })).total).toBe(all.filter((r) => ids.slice(0, 2).includes(r.townshipId)).length);
    expect(names((await v({ status: 'offList' })).villages)).toEqual(['北岭镇 石塘村']);
    expect(names((await v({ status: 'notReported' })).villages)).toEqual(['青山镇 新屋村']);
    const failing = await v({ part: 'womenRepresentativesThird', outcome: 'fail' });
    expect(failing.villages.map((r) => r.id)).toEqual(all.filter((r) => r.rules.womenRepresentativesThird === 'fail').map((r) => r.id));
    expect(failing.total).toBeGreaterThan(0);
    expect(names((await v({ search: '坑' })).villages)).toEqual(['云溪乡 桐坑村']);
    expect((await v({ search: '云溪' })).total).toBe(4);
  });

  it('sorts by any column, both ways, the same as sorting the whole list', async () => {
    const byVillage = [...all].sort((a, b) => (a.village < b.village ? -1 : a.village > b.village ? 1 : 0));
    expect((await backend.villages({ sort: 'village' })).villages.map((r) => r.village)).toEqual(byVillage.map((r) => r.village));
    expect((await backend.villages({ sort: 'village', desc: true })).villages.map((r) => r.village)).toEqual(byVillage.reverse().map((r) => r.village));
    const rank = { noncompliant: 0, incomplete: 1, compliant: 2 } as const;
    const status = (await backend.villages({ sort: 'status' })).villages.map((r) => (r.status ? rank[r.status] : 3));
    expect(status).toEqual([...status].sort((a, b) => a - b));
    expect(status[status.length - 1]).toBe(3); // not reported last
    // 云溪乡 was imported after 青山镇: newest first.
    const recent = (await backend.villages({ sort: 'reportedAt', desc: true })).villages;
    expect(recent.slice(0, 4).map((r) => r.township)).toEqual(['云溪乡', '云溪乡', '云溪乡', '云溪乡']);
    expect(recent[recent.length - 1].reportedAt).toBeNull();
    const chair = (await backend.villages({ sort: 'part', sortPart: 'chairInCommittees' })).villages;
    const o = { fail: 0, unknown: 1, pass: 2 } as const;
    const seq = chair.map((r) => (r.rules.chairInCommittees ? o[r.rules.chairInCommittees] : 3));
    expect(seq).toEqual([...seq].sort((a, b) => a - b));
    const townships = (await backend.villages({ sort: 'township' })).villages.map((r) => r.township);
    expect(townships).toEqual([...townships].sort());
  });

  it('pages: the pages put together are the whole sorted list, and total counts the filtered list', async () => {
    const whole = (await backend.villages({ sort: 'village' })).villages.map((r) => r.id);
    const paged: number[] = [];
    for (let offset = 0; offset < whole.length; offset += 5) {
      const page = await backend.villages({ sort: 'village', offset, limit: 5 });
      expect(page.total).toBe(13);
      paged.push(...page.villages.map((r) => r.id));
    }
    expect(paged).toEqual(whole);
    const late = await backend.villages({ townships: ['青山镇'], offset: 4, limit: 5 });
    expect(late.total).toBe(6);
    expect(late.villages).toHaveLength(2);
    expect((await backend.villages({ offset: 100, limit: 5 })).total).toBe(13);
  });

  it('village(id) is the row of the list, with its detail', async () => {
    const row = all.find((r) => r.village === '上塘村')!;
    const detail = await backend.village({ id: row.id });
    const { verdictParts, persons, currentParts, history, findings, ...asRow } = detail;
    expect(asRow).toEqual(row);
    expect(verdictParts.length).toBe(3);
    expect(persons.length).toBeGreaterThan(0);
    expect(currentParts.length).toBeGreaterThan(0);
    expect(history.length).toBe(1);
    expect(Array.isArray(findings)).toBe(true);
    const missing = await backend.handle('village', { id: 999_999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
