// A report as of an earlier import equals what `status` said right after that import, by the import's
// number or by a date; the current report is unchanged by asking.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import type { ReportModel, Status } from '../../shared/api.ts';
import { FIXTURES, removeDir, tallyStatus, tempDir, writeXlsx } from './helpers.ts';

let dir: string;
let backend: Backend;
let clock = new Date(2026, 10, 20, 9, 0);
const statuses: Status[] = [];

async function report(args: Record<string, unknown>): Promise<ReportModel> {
  const r = await backend.handle('report', args);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function sameFigures(m: ReportModel, s: Status): void {
  const tally = tallyStatus(s);
  // Townships on the master list that have reported nothing yet are in the report with zeros.
  const judged = (f: { compliant: number; noncompliant: number; incomplete: number }) => f.compliant + f.noncompliant + f.incomplete;
  expect(new Set(m.townships.filter((t) => judged(t) > 0).map((t) => t.township))).toEqual(new Set([...tally.keys()].filter((k) => k !== '全县')));
  for (const line of [...m.townships.filter((t) => judged(t) > 0), m.total]) {
    const t = tally.get(line.township)!;
    expect([judged(line), line.compliant, line.noncompliant, line.incomplete]).toEqual([t.reported, t.compliant, t.noncompliant, t.incomplete]);
    for (const p of m.ruleSet.parts) expect(line.parts[p.id].pass).toBe(t.parts[p.id]);
  }
  expect(m.villages.map((v) => `${v.township}|${v.village}|${v.status}`).sort()).toEqual(s.villages.map((v) => `${v.township}|${v.village}|${v.status}`).sort());
  // Findings about the master list too: made against the list in force then, as status made them.
  const said = (fs: Array<{ code: string; message: string }>) => fs.map((f) => `${f.code}|${f.message}`).sort();
  expect(said(m.findings)).toEqual(said(s.findings));
  expect(m.notReported.map((v) => `${v.township}|${v.village}`).sort()).toEqual((s.notReported ?? []).map((v) => `${v.township}|${v.village}`).sort());
}

beforeAll(async () => {
  dir = tempDir('qw-asof-');
  backend = Backend.open(path.join(dir, 'qw.sqlite'), { now: () => clock });
  await backend.setExpectedVillages({
    path: writeXlsx(path.join(dir, '应报.xlsx'), [{ name: '名单', rows: [['乡镇', '村'], ['青山镇', '港口村'], ['云溪乡', '溪南村'], ['枫林镇', '马家村'], ['东湖镇', '未报村']] }]),
  });
  // Week 1: two townships. Week 2: a third, and a township's corrected roster of the first.
  await backend.importFiles({ paths: [path.join(FIXTURES, '青山镇-换届名单.xlsx'), path.join(FIXTURES, '云溪乡.xlsx')] });
  statuses.push(await backend.status());
  // The county replaces its master list between the two weeks: the first week's report keeps the first.
  clock = new Date(2026, 10, 24, 9, 0);
  await backend.setExpectedVillages({
    path: writeXlsx(path.join(dir, '应报（修订）.xlsx'), [
      { name: '名单', rows: [['乡镇', '村'], ['青山镇', '港口村'], ['云溪乡', '溪南村'], ['枫林镇', '马家村'], ['枫林镇', '坪上'], ['石门街道', '新建社区']] },
    ]),
  });
  clock = new Date(2026, 10, 27, 9, 0);
  await backend.importFiles({ paths: [path.join(FIXTURES, '枫林镇.xlsx')] });
  statuses.push(await backend.status());
  clock = new Date(2026, 11, 4, 9, 0);
  await backend.importFiles({ paths: [path.join(FIXTURES, '东湖镇名单.xls')] });
  statuses.push(await backend.status());
});

afterAll(async () => {
  await backend.close();
  removeDir(dir);
});

describe('a report as of an earlier import', () => {
  it('by the import number, equals status right after that import', async () => {
    for (let i = 0; i < statuses.length; i++) {
      const m = await report({ asOf: i + 1 });
      sameFigures(m, statuses[i]);
      expect(m.basedOn?.id).toBe(i + 1);
      expect(m.imports.map((x) => x.id)).toEqual(Array.from({ length: i + 1 }, (_, k) => i + 1 - k));
    }
    expect(statuses[0].villages.length).toBeLessThan(statuses[2].villages.length);
  });

  it('uses the master list in force then: a list loaded later does not change an earlier report', async () => {
    const names = (m: ReportModel) => m.notReported.map((v) => `${v.township}|${v.village}`).sort();
    const first = await report({ asOf: 1 });
    const second = await report({ asOf: 2 });
    expect(names(first)).toContain('东湖镇|未报村');
    expect(names(second)).not.toContain('东湖镇|未报村');
    expect(names(second)).toContain('石门街道|新建社区');
    expect(first.masterList?.file).toBe('应报.xlsx');
    expect(second.masterList?.file).toBe('应报（修订）.xlsx');
    // Undoing the last import and importing again under the freed number: the later list stays in force.
    const undo = await backend.handle('undoLastImport', {});
    expect(undo.ok).toBe(true);
    await backend.importFiles({ paths: [path.join(FIXTURES, '东湖镇名单.xls')] });
    expect((await report({ asOf: 3 })).masterList?.file).toBe('应报（修订）.xlsx');
  });

  it('by a date: the last import made on or before that day; dated as that import', async () => {
    const m = await report({ asOf: '2026-11-28' });
    sameFigures(m, statuses[1]);
    expect(m.date).toBe('2026-11-27');
    expect(m.dateText).toBe('2026年11月27日');
    expect((await report({ asOf: '2026年11月20日' })).basedOn?.id).toBe(1);
  });

  it('the current report equals the current status, and a wrong as-of gets a Chinese message', async () => {
    sameFigures(await report({}), statuses[2]);
    for (const [asOf, text] of [[9, '找不到编号为 9 的导入记录'], ['2026-11-01', '2026年11月1日及以前没有导入记录'], ['上周', '不是导入编号，也不是日期'], ['2026-02-30', '不存在']] as const) {
      const r = await backend.handle('report', { asOf });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toContain(text);
    }
  });
});
