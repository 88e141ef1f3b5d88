// Imports into a real database file: the public fixtures give the same verdicts as `check`, a file is
// stored once, a village sent in parts is judged from its current parts together, a newer roster
// replaces the older one (kept in the history), undo restores what was current, a preview saves nothing.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import { runCheck } from '../../electron/backend/check.ts';
import { judgeAll } from '../../shared/check.ts';
import { defaultRuleSet, findRuleSet } from '../../shared/rules/builtin.ts';
import { verdictJson, findingJson } from '../../shared/summary.ts';
import type { ImportProgress } from '../../shared/api.ts';
import { FIXTURES, FIXTURE_FILES, removeDir, tempDir, validId, writeCsv, writeXlsx } from './helpers.ts';

let dir: string;
let backend: Backend;
const MARCH_2 = () => new Date(2026, 2, 2, 10, 0, 0);

beforeEach(() => {
  dir = tempDir();
  backend = Backend.open(path.join(dir, 'qw.sqlite'), { now: MARCH_2 });
});
afterEach(async () => {
  await backend.close();
  removeDir(dir);
});

const fixture = (name: string) => path.join(FIXTURES, name);
const sortJson = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();

describe('importing the public fixtures', () => {
  it('stores every village with the verdict `check` gives, and the expected outcomes', async () => {
    const progress: ImportProgress[] = [];
    const r = await backend.importFiles({ paths: FIXTURE_FILES.map(fixture) }, { onProgress: (p) => progress.push(p) });
    expect(r.importId).toBe(1);
    expect(r.files.every((f) => f.outcome === 'imported')).toBe(true);
    expect(r.villages.length).toBe(44);
    expect(r.villages.every((v) => v.change === 'new' && v.before === null)).toBe(true);

    // Progress: files hashed and read, rows stored, then done; never backwards.
    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['hashing', 'reading', 'judging', 'storing', 'done']);
    const reading = progress.filter((p) => p.phase === 'reading');
    expect(reading.at(-1)).toMatchObject({ filesDone: 7, filesTotal: 7 });
    // Sheets and rows are counted as files are read, not only at the end.
    expect(reading.at(-1)!.sheets).toBeGreaterThanOrEqual(7);
    expect(reading.map((p) => p.rows)).toEqual([...reading.map((p) => p.rows)].sort((a, b) => a - b));
    const done = progress.at(-1)!;
    expect(done.rows).toBe(r.persons);
    expect(done.sheets).toBeGreaterThanOrEqual(7);

    const check = await runCheck(FIXTURE_FILES.map(fixture), defaultRuleSet());
    const status = await backend.status();
    expect(status.villages.length).toBe(44);
    const byPlace = new Map(status.villages.map((v) => [`${v.township}|${v.village}`, v]));
    for (const v of check.villages) {
      const stored = byPlace.get(`${v.verdict.township}|${v.verdict.village}`);
      const { reportedAt, ...json } = stored!;
      expect(json).toEqual(verdictJson(v.verdict));
      expect(reportedAt).toBe(MARCH_2().toISOString());
    }
    // The same findings as the check, reading and judging alike.
    expect(sortJson(r.findings)).toEqual(sortJson(check.findings.map(findingJson)));
    expect(sortJson(status.findings)).toEqual(sortJson(check.findings.map(findingJson)));

    for (const name of FIXTURE_FILES) {
      const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected', `${name}.json`), 'utf8')) as {
        villages: Array<{ township: string; village: string; status: string; rules: Record<string, string>; counts: Record<string, number> }>;
      };
      for (const e of expected.villages) {
        const got = byPlace.get(`${e.township}|${e.village}`);
        expect(got, `${name} ${e.township}${e.village}`).toBeDefined();
        expect({ status: got!.status, rules: got!.rules, counts: got!.counts }, `${name} ${e.village}`).toEqual({ status: e.status, rules: e.rules, counts: e.counts });
      }
    }
  });

  it('reads back from the store exactly what was judged (rosters round-trip)', async () => {
    await backend.importFiles({ paths: FIXTURE_FILES.map(fixture) });
    const status = await backend.status();
    const { villages } = await backend.villages();
    for (const row of villages) {
      const input = backend.store.reader.currentInput(row.id)!;
      const again = judgeAll([input], defaultRuleSet()).villages[0].verdict;
      const stored = status.villages.find((v) => v.township === row.township && v.village === row.village)!;
      const { reportedAt: _r, ...json } = stored;
      expect(verdictJson(again)).toEqual(json);
    }
  });
});

describe('findings', () => {
  it('of a village are its own, current ones; all findings of an import stay on record', async () => {
    const r = await backend.importFiles({ paths: FIXTURE_FILES.map(fixture) });
    const all = await backend.findings();
    expect(all.total).toBe(r.findings.length);
    const { villages } = await backend.villages({ township: '东湖镇' });
    let seen = 0;
    for (const v of villages) {
      const detail = await backend.village(v.id);
      expect(detail.findings.every((f) => f.villageId === v.id && f.village === v.village)).toBe(true);
      expect(detail.findings.length).toBe((await backend.findings({ villageId: v.id })).total);
      seen += detail.findings.length;
    }
    expect(seen).toBeGreaterThan(0);
    expect((await backend.findings({ township: '东湖镇' })).total).toBeGreaterThanOrEqual(seen);
    expect((await backend.findings({ code: 'id-number-truncated', limit: 2 })).findings.length).toBe(2);
    expect((await backend.findings({ importId: 1 })).total).toBe(r.findings.length);
  });
});

describe('the same file twice', () => {
  it('is recognised by its content, whatever its name, and stored once', async () => {
    const first = await backend.importFiles({ paths: [fixture('云溪乡.xlsx')] });
    expect(first.importId).toBe(1);
    const copy = path.join(dir, '云溪乡（再次报送）.xlsx');
    fs.copyFileSync(fixture('云溪乡.xlsx'), copy);
    const again = await backend.importFiles({ paths: [copy] });
    expect(again.importId).toBeNull();
    expect(again.files[0]).toMatchObject({ outcome: 'duplicate', message: '已导入过（与 3 月 2 日导入的 云溪乡.xlsx 内容相同）', duplicateOf: { file: '云溪乡.xlsx', importId: 1 } });
    expect(again.files[0].report).toBeNull(); // not read again
    expect(again.message).toContain('跳过 1 个已导入过的文件');
    expect((await backend.imports()).length).toBe(1);
    expect(backend.store.reader.counts()).toMatchObject({ imports: 1, files: 1 });
  });

  it('in one batch is imported once', async () => {
    const copy = path.join(dir, '副本.xlsx');
    fs.copyFileSync(fixture('枫林镇.xlsx'), copy);
    const r = await backend.importFiles({ paths: [fixture('枫林镇.xlsx'), copy] });
    expect(r.files.map((f) => f.outcome)).toEqual(['imported', 'duplicate']);
    expect(r.files[1].message).toBe('与本次导入的 枫林镇.xlsx 内容相同，只导入一次');
    expect(backend.store.reader.counts()).toMatchObject({ imports: 1, files: 1, villages: 5 });
  });
});

// ---- a village sent in parts

const P = (seq: number, female: boolean) => validId(seq, female);

function committeesCsv(file: string): string {
  return writeCsv(path.join(dir, file), [
    ['乡镇', '村', '姓名', '性别', '职务', '身份证号'],
    ['青石镇', '青石村', '王建国', '男', '书记、主任', P(1, false)],
    ['青石镇', '青石村', '李强', '男', '副书记', P(2, false)],
    ['青石镇', '青石村', '张芳', '女', '委员、妇联主席', P(3, true)],
    ['青石镇', '青石村', '刘明', '男', '委员', P(4, false)],
  ]);
}

/** 9 representatives of 青石村, `women` of them women; one blank 是否村民代表 cell gives a reading finding. */
function representativesCsv(file: string, women: number, seqBase: number, blankCell = false): string {
  const rows: unknown[][] = [['乡镇', '村', '姓名', '性别', '是否村民代表']];
  const names = ['陈静', '杨丽', '赵敏', '周娜', '吴洋', '徐磊', '孙涛', '马超', '朱杰'];
  names.forEach((n, i) => rows.push(['青石镇', '青石村', `${n}${'甲乙'[seqBase % 2]}`, i < women ? '女' : '男', '是']));
  if (blankCell) rows.push(['青石镇', '青石村', '胡平', '男', '']);
  return writeCsv(path.join(dir, file), rows);
}

describe('a village sent in parts', () => {
  it('is judged from its current parts together; a part replaces only that part; undo walks back', async () => {
    // 1. The committees alone: the third part cannot be judged yet.
    const c = await backend.importFiles({ paths: [committeesCsv('青石镇两委.csv')] });
    expect(c.villages).toHaveLength(1);
    expect(c.villages[0]).toMatchObject({ village: '青石村', status: 'incomplete', change: 'new', rules: { womanInCommittees: 'pass', chairInCommittees: 'pass', womenRepresentativesThird: 'unknown' } });
    const id = c.villages[0].villageId!;

    // 2. The representatives, weeks later: the committees stay, the village is now compliant.
    const r1 = await backend.importFiles({ paths: [representativesCsv('青石镇代表.csv', 3, 0, true)] });
    expect(r1.villages[0]).toMatchObject({ villageId: id, status: 'compliant', before: 'incomplete', change: 'nowCompliant' });
    let detail = await backend.village({ id });
    expect(detail.currentParts.map((p) => [p.kind, p.source.file, p.importId])).toEqual([
      ['committees', '青石镇两委.csv', 1],
      ['representatives', '青石镇代表.csv', 2],
    ]);
    expect(detail.counts).toEqual({ committeeMembers: 4, committeeWomen: 1, representatives: 9, womenRepresentatives: 3 });
    expect(detail.persons.find((p) => p.name === '张芳')).toMatchObject({ gender: 'female', isChair: true, idNumber: expect.stringMatching(/^330122\*{8}\d{3}[\dX]$/) });
    expect((await backend.village({ id, revealIds: true })).persons.find((p) => p.name === '张芳')!.idNumber).toBe(P(3, true));
    expect((await backend.findings({ code: 'row-skipped' })).total).toBe(1); // the blank 是否村民代表 cell

    // 3. A corrected representatives list: it replaces the representatives only.
    const r2 = await backend.importFiles({ paths: [representativesCsv('青石镇代表（更正）.csv', 2, 1)] });
    expect(r2.villages[0]).toMatchObject({ villageId: id, status: 'noncompliant', before: 'compliant', change: 'noLongerCompliant' });
    detail = await backend.village({ id });
    expect(detail.currentParts.map((p) => [p.kind, p.importId])).toEqual([
      ['committees', 1],
      ['representatives', 3],
    ]);
    expect(detail.persons.filter((p) => p.isRepresentative).map((p) => p.name).every((n) => n.endsWith('乙'))).toBe(true);
    expect(detail.persons.some((p) => p.name === '张芳' && p.seats.length > 0)).toBe(true);
    expect(detail.history.map((h) => [h.importId, h.current, h.verdict?.status, h.submissions.map((s) => s.kinds.join('+'))])).toEqual([
      [3, true, 'noncompliant', ['representatives']],
      [2, false, 'compliant', ['representatives']],
      [1, false, 'incomplete', ['committees']],
    ]);
    // The reading finding of the replaced list is history now, not current.
    expect((await backend.findings({ code: 'row-skipped' })).total).toBe(0);
    expect((await backend.findings({ code: 'row-skipped', scope: 'all' })).total).toBe(1);

    const changes = await backend.changes();
    expect(changes.import?.id).toBe(3);
    expect(changes.previous?.id).toBe(2);
    expect(changes.counts).toMatchObject({ noLongerCompliant: 1 });
    expect(changes.villages[0].parts.map((p) => [p.id, p.before, p.after])).toEqual([['womenRepresentativesThird', 'pass', 'fail']]);
    expect(changes.villages[0].why[0]).toMatch(/^女性村民代表占三分之一以上：达标→不达标，女性村民代表2人\/共9人/);

    // 4. Undo the correction: the first representatives list is current again.
    const u1 = await backend.undoLastImport();
    expect(u1.undone.id).toBe(3);
    expect(u1.villages).toEqual([{ villageId: id, township: '青石镇', village: '青石村', undoneStatus: 'noncompliant', nowStatus: 'compliant' }]);
    detail = await backend.village({ id });
    expect(detail.status).toBe('compliant');
    expect(detail.currentParts.map((p) => p.importId)).toEqual([1, 2]);
    expect((await backend.changes()).import?.id).toBe(2);

    // 5. Undo the representatives: back to the committees alone.
    await backend.undoLastImport();
    expect((await backend.village({ id })).status).toBe('incomplete');
    expect((await backend.findings({ code: 'row-skipped', scope: 'all' })).total).toBe(0);

    // 6. An undone file may be imported again.
    const again = await backend.importFiles({ paths: [path.join(dir, '青石镇代表（更正）.csv')] });
    expect(again.files[0].outcome).toBe('imported');
    expect(again.villages[0]).toMatchObject({ status: 'noncompliant', before: 'incomplete' });
  });

  it('a newer full roster becomes current and the older one stays in the history', async () => {
    const roster = (file: string, chairPost: string, extra: string) =>
      writeCsv(path.join(dir, file), [
        ['乡镇', '村', '姓名', '性别', '职务', '是否村民代表'],
        ['青石镇', '溪头村', '王建国', '男', '书记', '否'],
        ['青石镇', '溪头村', '张芳', '女', chairPost, '否'],
        ['青石镇', '溪头村', extra, '男', '主任', '否'],
        ['青石镇', '溪头村', '陈静', '女', '', '是'],
        ['青石镇', '溪头村', '杨丽', '女', '', '是'],
        ['青石镇', '溪头村', '徐磊', '男', '', '是'],
      ]);
    const first = await backend.importFiles({ paths: [roster('溪头村第一次.csv', '妇联主席', '李强')] });
    expect(first.villages[0]).toMatchObject({ status: 'noncompliant', rules: { chairInCommittees: 'fail' } });
    const second = await backend.importFiles({ paths: [roster('溪头村第二次.csv', '委员、妇联主席', '刘明')] });
    expect(second.villages[0]).toMatchObject({ status: 'compliant', before: 'noncompliant', change: 'nowCompliant' });
    const id = second.villages[0].villageId!;
    const detail = await backend.village({ id });
    expect(detail.persons.map((p) => p.name).sort()).toEqual(['刘明', '张芳', '徐磊', '杨丽', '王建国', '陈静'].sort());
    expect(detail.history.map((h) => [h.importId, h.submissions.map((s) => `${s.file}:${s.kinds.join('+')}:${s.rows}`)])).toEqual([
      [2, ['溪头村第二次.csv:committees+representatives:6']],
      [1, ['溪头村第一次.csv:committees+representatives:6']],
    ]);
    expect(backend.store.reader.counts().persons).toBe(12); // both rosters kept
  });
});

describe('one file giving a part twice', () => {
  it('the current part is the one check judged from, whichever comes first in the file', async () => {
    // A 村民代表 sheet first, then a 两委 sheet that also marks representatives: two representatives parts.
    const file = writeXlsx(path.join(dir, '青石镇名单.xlsx'), [
      {
        name: '村民代表',
        rows: [['乡镇', '村', '姓名', '性别'], ...['陈静', '杨丽', '赵敏', '周杰', '吴洋', '徐磊', '孙涛', '马超', '朱杰'].map((n, i) => ['青石镇', '青石村', n, i < 2 ? '女' : '男'])],
      },
      {
        name: '两委班子',
        rows: [
          ['乡镇', '村', '姓名', '性别', '职务', '是否村民代表'],
          ['青石镇', '青石村', '王建国', '男', '书记、主任', '否'],
          ['青石镇', '青石村', '李强', '男', '副书记', '是'],
          ['青石镇', '青石村', '张芳', '女', '委员、妇联主席', '是'],
        ],
      },
    ]);
    const check = await runCheck([file], defaultRuleSet());
    const r = await backend.importFiles([file]);
    const { villageId, before: _b, change: _c, why: _w, ...stored } = r.villages[0];
    expect(stored).toEqual(verdictJson(check.villages[0].verdict));
    const detail = await backend.village(villageId!);
    const judgedFrom = check.villages[0].facts;
    expect(detail.currentParts.map((p) => [p.kind, p.source.sheet])).toEqual([
      ['committees', judgedFrom.committees!.source.sheet],
      ['representatives', judgedFrom.representatives!.source.sheet],
    ]);
    const again = judgeAll([backend.store.reader.currentInput(villageId!)!], defaultRuleSet()).villages[0].verdict;
    expect(verdictJson(again)).toEqual(stored);
  });
});

describe('preview and commit', () => {
  it('a preview saves nothing; committing it saves what was shown, once', async () => {
    await backend.importFiles({ paths: [fixture('云溪乡.xlsx')] });
    const preview = await backend.previewImport({ paths: [fixture('枫林镇.xlsx'), fixture('云溪乡.xlsx')] });
    expect(preview.previewId).toBeTruthy();
    expect(preview.importId).toBeNull();
    expect(preview.files.map((f) => f.outcome)).toEqual(['imported', 'duplicate']);
    expect(preview.files[0].report?.sheets.length).toBeGreaterThan(0);
    expect(preview.villages.map((v) => v.change)).toEqual(Array(5).fill('new'));
    expect(preview.villages.every((v) => v.villageId === null)).toBe(true);
    expect(backend.store.reader.counts()).toMatchObject({ imports: 1, villages: 4 });

    const committed = await backend.commitImport({ previewId: preview.previewId! });
    expect(committed.importId).toBe(2);
    expect(committed.villages.map((v) => ({ ...v, villageId: null }))).toEqual(preview.villages);
    expect(backend.store.reader.counts()).toMatchObject({ imports: 2, villages: 9 });
    const twice = await backend.handle('commitImport', { previewId: preview.previewId });
    expect(twice).toMatchObject({ ok: false, error: { code: 'preview-expired' } });
  });

  it('a commit checks again: a file imported since the preview is not stored twice', async () => {
    const preview = await backend.previewImport({ paths: [fixture('枫林镇.xlsx')] });
    await backend.importFiles({ paths: [fixture('枫林镇.xlsx')] });
    const committed = await backend.commitImport({ previewId: preview.previewId! });
    expect(committed.importId).toBeNull();
    expect(committed.files[0].outcome).toBe('duplicate');
    expect(backend.store.reader.counts()).toMatchObject({ imports: 1 });
  });

  it('applies a corrected column mapping from the preview', async () => {
    // The 备注 column really holds 是否村民代表; the reader cannot know.
    const file = writeCsv(path.join(dir, '青石镇.csv'), [
      ['乡镇', '村', '姓名', '性别', '职务', '备注'],
      ['青石镇', '青石村', '王建国', '男', '书记、主任', '否'],
      ['青石镇', '青石村', '张芳', '女', '委员、妇联主席', '是'],
      ['青石镇', '青石村', '陈静', '女', '', '是'],
    ]);
    const plain = await backend.previewImport({ paths: [file] });
    expect(plain.villages[0].rules.womenRepresentativesThird).toBe('unknown');
    const sheet = plain.files[0].report!.sheets[0];
    // The table's report is its layout: one column's meaning changed, sent back by the table's id.
    const layout = { ...sheet, columns: sheet.columns.map((c) => (c.column === 'F' ? { ...c, role: 'representative' as const } : c)) };
    const fixed = await backend.handle('importFiles', { paths: [file], overrides: { [file]: [layout] } });
    expect(fixed.ok).toBe(true);
    if (fixed.ok) expect(fixed.value.villages[0]).toMatchObject({ status: 'compliant', counts: { representatives: 2, womenRepresentatives: 2 } });
  });
});

describe('rule sets', () => {
  it('every verdict records its rule set; an import under another rule set judges the county again under it', async () => {
    await backend.importFiles({ paths: [fixture('云溪乡.xlsx')] });
    await backend.close();
    backend = Backend.open(path.join(dir, 'qw.sqlite'), { ruleSet: findRuleSet('法定')!, now: MARCH_2 });
    const r = await backend.importFiles({ paths: [fixture('枫林镇.xlsx')] });
    expect(r.ruleSet).toBe('法定');
    expect(r.villages.length).toBe(9); // 5 new, 4 judged again
    const status = await backend.status();
    expect(new Set(status.villages.map((v) => v.ruleSet))).toEqual(new Set(['法定']));
    const changes = await backend.changes();
    expect(changes.villages.filter((v) => v.why[0]?.startsWith('规则由“两进一有”改为“法定”')).length).toBe(4);
    await backend.undoLastImport();
    expect(new Set((await backend.status()).villages.map((v) => v.ruleSet))).toEqual(new Set(['两进一有']));
  });
});

describe('undo', () => {
  it('with nothing imported says so', async () => {
    expect(await backend.handle('undoLastImport', {})).toEqual({ ok: false, error: { code: 'nothing-to-undo', message: '没有可以撤销的导入' } });
  });

  it('removes villages only that import brought, and keeps the master list', async () => {
    await backend.importFiles({ paths: [fixture('云溪乡.xlsx')] });
    await backend.setExpectedVillages({ path: writeCsv(path.join(dir, '应报村.csv'), [['乡镇', '村'], ['云溪乡', '溪南村'], ['枫林镇', '坪上村']]) });
    await backend.importFiles({ paths: [fixture('枫林镇.xlsx')] });
    const u = await backend.undoLastImport();
    expect(u.villages.every((v) => v.nowStatus === null)).toBe(true);
    expect(u.villages.filter((v) => v.villageId !== null).map((v) => v.village)).toEqual(['坪上村']); // on the list: kept
    expect(u.message).toContain('5 个村恢复为未报送');
    expect((await backend.villages()).total).toBe(5);
    expect((await backend.villages({ status: 'notReported' })).villages.map((v) => v.village)).toEqual(['坪上村']);
    expect(backend.store.reader.townshipsAll().map((t) => t.name)).toEqual(['云溪乡', '枫林镇']);
    expect(backend.store.writer.db.pragma('foreign_key_check')).toEqual([]);
  });
});
