// One person in two villages across imports: a village imported now is checked against the villages already
// stored (imports/judge.ts crossWithOthers), and the finding names the other village.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import { workbookBytes } from '../helpers/workbooks.ts';
import { removeDir, tempDir, validId } from './helpers.ts';

let dir: string;
beforeAll(() => {
  dir = tempDir('qw-cross-');
});
afterAll(() => removeDir(dir));

function roster(file: string, village: string, ids: string[]): string {
  const rows: unknown[][] = [['村名', '姓名', '性别', '职务', '身份证号', '是否村民代表']];
  rows.push([village, '王建国', '男', '书记、主任', ids[0], '否']);
  rows.push([village, '张芳', '女', '委员、妇联主席', ids[1], '是']);
  rows.push([village, '陈静', '女', '', ids[2], '是']);
  const p = path.join(dir, file);
  fs.writeFileSync(p, workbookBytes([{ name: '名单', rows }]));
  return p;
}

it('finds an ID number of the village imported now in a village stored before, and names it', async () => {
  const shared = validId(7, true);
  const first = roster('青石镇青石村.xlsx', '青石村', [validId(1, false), shared, validId(3, true)]);
  const second = roster('青石镇白石村.xlsx', '白石村', [validId(4, false), validId(5, true), shared]);
  const b = Backend.open(path.join(dir, 'qw.sqlite'));
  try {
    await b.importFiles({ paths: [first] });
    const report = await b.importFiles({ paths: [second] });
    expect(report.importId).not.toBeNull();
    const found = (await b.findings({ code: 'id-in-two-villages' })).findings;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ village: '白石村' });
    expect(found[0].message).toContain('青石村');
    expect(found[0].message).not.toContain(shared); // masked
  } finally {
    await b.close();
  }
});
