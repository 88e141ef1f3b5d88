// Monitoring over the store: the master list (应报村) and 未报送, what changed since the previous
// import, and the figures per township and for the county, checked against figures worked out by hand
// from the fixtures' ground truth (tests/fixtures/expected/*.json).

import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import type { Figures } from '../../shared/api.ts';
import { FIXTURES, FIXTURE_FILES, removeDir, tempDir, writeCsv, writeXlsx } from './helpers.ts';

let dir: string;
let backend: Backend;
beforeEach(() => {
  dir = tempDir();
  backend = Backend.open(path.join(dir, 'qw.sqlite'));
});
afterEach(async () => {
  await backend.close();
  removeDir(dir);
});

const fixture = (name: string) => path.join(FIXTURES, name);
const P = (pass: number, fail: number, unknown: number) => ({ pass, fail, unknown, passRate: pass + fail + unknown ? pass / (pass + fail + unknown) : null });

function figures(f: Figures) {
  const { township: _t, ...rest } = f;
  return rest;
}

/**
 * The master list: 青山镇 with one village not reported (新屋村); 北岭镇 without 石塘村 (reported, not on
 * the list) and with 高岭村 (not reported); 云溪乡 whole; 新安乡, which has reported nothing.
 */
function masterList(): string {
  return writeXlsx(path.join(dir, '应报村名单.xlsx'), [
    {
      name: '应报村',
      rows: [
        ['县2026年村级换届应报村名单'],
        ['乡镇', '村'],
        ['青山镇', '上塘村'],
        ['青山镇', '下洋村'],
        ['青山镇', '竹坞村'],
        ['青山镇', '茶山村'],
        ['青山镇', '溪口村'],
        ['青山镇', '新屋村'],
        ['北岭镇', '岭头村'],
        ['北岭镇', '后山村'],
        ['北岭镇', '高岭村'],
        ['云溪乡', '溪南村'],
        ['云溪乡', '桐坑村'],
        ['云溪乡', '梅坞村'],
        ['云溪乡', '杨家村'],
        ['新安乡', '新安村'],
        ['新安乡', '东坑村'],
      ],
    },
  ]);
}

describe('the master list and 未报送', () => {
  it('tells which villages have not reported, per township and for the county, with hand-computed figures', async () => {
    await backend.importFiles({ paths: [fixture('青山镇-换届名单.xlsx')] });
    const set = await backend.setExpectedVillages({ path: masterList() });
    expect(set).toMatchObject({ file: '应报村名单.xlsx', villages: 15, townships: 4, from: 'list', notReported: 8 });
    expect(set.message).toBe('应报村名单已设为 应报村名单.xlsx：4 个乡镇、15 个村，其中 8 个村尚未报送');

    const changes1 = await backend.changes();
    expect(changes1.import?.id).toBe(1);
    const r = await backend.importFiles({ paths: [fixture('云溪乡.xlsx')] });
    expect(r.villages.length).toBe(4);

    const status = await backend.status();
    expect(status.expectedListSet).toBe(true);
    expect(status.notReported).toEqual([
      { township: '青山镇', village: '新屋村' },
      { township: '北岭镇', village: '高岭村' },
      { township: '新安乡', village: '新安村' },
      { township: '新安乡', village: '东坑村' },
    ]);
    expect(status.villages.length).toBe(12);

    const summary = await backend.countySummary();
    expect(summary.masterList).toMatchObject({ file: '应报村名单.xlsx', villages: 15 });
    expect(summary.parts.map((p) => p.id)).toEqual(['womanInCommittees', 'chairInCommittees', 'womenRepresentativesThird']);
    expect(summary.townships.map((t) => t.township)).toEqual(['青山镇', '北岭镇', '云溪乡', '新安乡']);
    const byName = Object.fromEntries(summary.townships.map((t) => [t.township, figures(t)]));
    // Worked out by hand from the expected verdicts of 青山镇-换届名单.xlsx and 云溪乡.xlsx.
    expect(byName['青山镇']).toMatchObject({
      expected: 6, reported: 5, notReported: 1, offList: 0, compliant: 2, noncompliant: 2, incomplete: 1,
      parts: { womanInCommittees: P(5, 0, 0), chairInCommittees: P(4, 1, 0), womenRepresentativesThird: P(3, 1, 1) },
    });
    expect(byName['北岭镇']).toMatchObject({
      expected: 3, reported: 2, notReported: 1, offList: 1, compliant: 2, noncompliant: 1, incomplete: 0,
      parts: { womanInCommittees: P(2, 1, 0), chairInCommittees: P(2, 0, 1), womenRepresentativesThird: P(3, 0, 0) },
    });
    expect(byName['云溪乡']).toMatchObject({
      expected: 4, reported: 4, notReported: 0, offList: 0, compliant: 2, noncompliant: 1, incomplete: 1,
      parts: { womanInCommittees: P(3, 1, 0), chairInCommittees: P(3, 1, 0), womenRepresentativesThird: P(3, 0, 1) },
    });
    expect(byName['新安乡']).toMatchObject({
      expected: 2, reported: 0, notReported: 2, offList: 0, compliant: 0, noncompliant: 0, incomplete: 0,
      parts: { womanInCommittees: P(0, 0, 0), chairInCommittees: P(0, 0, 0), womenRepresentativesThird: P(0, 0, 0) },
    });
    expect(summary.county).toEqual({
      township: '全县',
      expected: 15, reported: 11, notReported: 4, offList: 1, compliant: 6, noncompliant: 4, incomplete: 2,
      parts: { womanInCommittees: P(10, 2, 0), chairInCommittees: P(9, 2, 1), womenRepresentativesThird: P(9, 1, 2) },
    });
    expect(summary.county.parts.womanInCommittees.passRate).toBeCloseTo(10 / 12);
    expect(await backend.townships()).toEqual(summary.townships);

    // The village list and its filters.
    const all = await backend.villages();
    expect(all.total).toBe(16); // 12 reported + 4 not reported
    expect((await backend.villages({ status: 'notReported' })).villages.map((v) => `${v.township}${v.village}`)).toEqual(['青山镇新屋村', '北岭镇高岭村', '新安乡新安村', '新安乡东坑村']);
    const notExpected = await backend.villages({ expected: false });
    expect(notExpected.villages.map((v) => v.village)).toEqual(['石塘村']);
    expect((await backend.villages({ township: '北岭镇人民政府' })).total).toBe(4);
    expect((await backend.villages({ status: 'noncompliant' })).villages.map((v) => v.village)).toEqual(['竹坞村', '溪口村', '后山村', '杨家村']);
    expect((await backend.villages({ part: 'chairInCommittees', outcome: 'unknown' })).villages.map((v) => v.village)).toEqual(['后山村']); // 未列出妇联主席
    expect((await backend.villages({ search: '坑' })).villages.map((v) => v.village)).toEqual(['桐坑村', '东坑村']);
    const page = await backend.villages({ offset: 2, limit: 3 });
    expect(page.total).toBe(16);
    expect(page.villages.map((v) => v.id)).toEqual(all.villages.slice(2, 5).map((v) => v.id));
    const notYet = all.villages.find((v) => v.village === '新屋村')!;
    expect(notYet).toMatchObject({ expected: true, reported: false, status: null, reportedAt: null, parts: { committees: null, representatives: null } });
    const detail = await backend.village({ id: notYet.id });
    expect(detail).toMatchObject({ persons: [], currentParts: [], history: [], verdictParts: [] });

    // What the second import changed: four villages on the list reported for the first time.
    const changes = await backend.changes();
    expect(changes.import?.id).toBe(2);
    expect(changes.previous?.id).toBe(1);
    expect(changes.counts).toEqual({ new: 4, nowCompliant: 0, noLongerCompliant: 0, statusChanged: 0, unchanged: 0 });
    expect(changes.newlyReportedExpected).toBe(4);
    const yang = changes.villages.find((v) => v.village === '杨家村')!;
    expect(yang.change).toBe('new');
    expect(yang.why.length).toBe(2); // the two parts that fail, with their reasons
    expect(yang.why[0]).toMatch(/^至少一名女性进村“两委”班子：/);
    expect((await backend.changes({ importId: 1 })).villages.length).toBe(8);
  });

  it('a new list replaces the old one; a roster may serve as a list; a file without villages is refused', async () => {
    await backend.importFiles({ paths: [fixture('云溪乡.xlsx')] });
    await backend.setExpectedVillages({ path: masterList() });
    const second = await backend.setExpectedVillages({ path: writeCsv(path.join(dir, '名单.csv'), [['乡镇', '村'], ['云溪乡', '溪南村'], ['云溪乡', '石桥村']]) });
    expect(second).toMatchObject({ villages: 2, townships: 1, notReported: 1, from: 'list' });
    expect((await backend.status()).notReported).toEqual([{ township: '云溪乡', village: '石桥村' }]);

    const roster = await backend.setExpectedVillages({ path: fixture('枫林镇.xlsx') });
    expect(roster).toMatchObject({ villages: 5, from: 'roster', notReported: 5 });
    expect(roster.message).toContain('按名单中出现的村计');

    const empty = writeCsv(path.join(dir, '空.csv'), [['说明'], ['本表无内容']]);
    const refused = await backend.handle('setExpectedVillages', { path: empty });
    expect(refused).toMatchObject({ ok: false, error: { code: 'no-village-list' } });
    expect(!refused.ok && refused.error.message).toContain('空.csv');
    expect((await backend.countySummary()).masterList?.file).toBe('枫林镇.xlsx');
  });

  it('without a list, the figures do not pretend to know what is expected', async () => {
    await backend.importFiles({ paths: [fixture('云溪乡.xlsx')] });
    const summary = await backend.countySummary();
    expect(summary.masterList).toBeNull();
    expect(summary.county).toMatchObject({ expected: null, notReported: null, offList: null, reported: 4 });
    const status = await backend.status();
    expect(status.notReported).toBeNull();
    expect(status.offList).toBeNull();
    expect(status.totals.county).toMatchObject({ expected: null, notReported: null, offList: null, reported: 4 });
  });
});

describe('the county figures over all public fixtures', () => {
  it('match the figures worked out by hand from the expected verdicts', async () => {
    await backend.importFiles({ paths: FIXTURE_FILES.map(fixture) });
    const summary = await backend.countySummary();
    // Township: [villages, compliant, noncompliant, incomplete, womanInCommittees p/f/u, chairInCommittees p/f/u, womenRepresentativesThird p/f/u]
    const HAND: Record<string, number[]> = {
      东湖镇: [5, 2, 1, 2, 4, 0, 1, 4, 0, 1, 3, 1, 1],
      云溪乡: [4, 2, 1, 1, 3, 1, 0, 3, 1, 0, 3, 0, 1],
      枫林镇: [5, 2, 3, 0, 4, 1, 0, 3, 1, 1, 4, 1, 0],
      柳岸乡: [6, 3, 2, 1, 4, 1, 1, 4, 1, 1, 5, 1, 0],
      白沙镇: [6, 3, 2, 1, 6, 0, 0, 4, 1, 1, 5, 1, 0],
      石门街道: [10, 5, 4, 1, 9, 1, 0, 7, 2, 1, 8, 2, 0],
      青山镇: [5, 2, 2, 1, 5, 0, 0, 4, 1, 0, 3, 1, 1],
      北岭镇: [3, 2, 1, 0, 2, 1, 0, 2, 0, 1, 3, 0, 0],
    };
    expect(summary.townships.map((t) => t.township).sort()).toEqual(Object.keys(HAND).sort());
    for (const t of summary.townships) {
      const h = HAND[t.township];
      expect(figures(t), t.township).toEqual({
        townshipId: t.townshipId,
        expected: null, reported: h[0], notReported: null, offList: null, compliant: h[1], noncompliant: h[2], incomplete: h[3],
        parts: { womanInCommittees: P(h[4], h[5], h[6]), chairInCommittees: P(h[7], h[8], h[9]), womenRepresentativesThird: P(h[10], h[11], h[12]) },
      });
    }
    expect(summary.county).toMatchObject({
      reported: 44, compliant: 21, noncompliant: 16, incomplete: 7,
      parts: { womanInCommittees: P(37, 5, 2), chairInCommittees: P(31, 7, 6), womenRepresentativesThird: P(34, 7, 3) },
    });
    expect(summary.lastImport).toMatchObject({ id: 1, villages: 44, ruleSet: '两进一有' });
  });
});
