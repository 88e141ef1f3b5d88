// A workbook that lists the Party committee and the villagers' committee on separate sheets is one
// committees part: stored as one, and judged the same when the store judges it again later.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import { removeDir, tempDir, writeCsv, writeXlsx } from './helpers.ts';

let dir: string;
let backend: Backend;
beforeAll(() => {
  dir = tempDir('qw-multisheet-');
  backend = Backend.open(path.join(dir, 'db.sqlite'));
});
afterAll(async () => {
  await backend.close();
  removeDir(dir);
});

describe('one part over two sheets', () => {
  it('is stored whole and judged again from the store the same way', async () => {
    const book = writeXlsx(path.join(dir, '甲镇两委.xlsx'), [
      { name: '村党组织', rows: [['村名', '姓名', '性别', '职务'], ['一村', '张三', '男', '书记'], ['一村', '王芳', '女', '委员']] },
      { name: '村委会', rows: [['村名', '姓名', '性别', '职务'], ['一村', '李四', '男', '主任'], ['一村', '赵五', '男', '委员、妇联主席']] },
    ]);
    await backend.importFiles({ paths: [book] });
    let v = (await backend.status()).villages.find((x) => x.village === '一村')!;
    expect(v.rules.womanInCommittees).toBe('pass');
    expect(v.counts.committeeMembers).toBe(4);

    // The representatives come later: the village is judged again from its stored committees part.
    const reps = writeCsv(path.join(dir, '一村代表.csv'), [['乡镇', '村', '姓名', '性别', '是否村民代表'], ['甲镇', '一村', '甲', '女', '是'], ['甲镇', '一村', '乙', '男', '是']]);
    await backend.importFiles({ paths: [reps] });
    v = (await backend.status()).villages.find((x) => x.village === '一村')!;
    expect(v.status).toBe('compliant');
    expect(v.counts).toEqual({ committeeMembers: 4, committeeWomen: 1, representatives: 2, womenRepresentatives: 1 });
  });

  it('a committee member whose post is not known stays "maybe a seat" when judged again from the store', async () => {
    const book = writeXlsx(path.join(dir, '乙镇两委.xlsx'), [
      { name: '两委班子', rows: [['村名', '姓名', '性别', '职务'], ['二村', '张三', '男', '书记、主任'], ['二村', '李芳', '女', ''], ['二村', '王五', '男', '委员、妇联主席']] },
    ]);
    await backend.importFiles({ paths: [book] });
    const reps = writeCsv(path.join(dir, '二村代表.csv'), [['乡镇', '村', '姓名', '性别', '是否村民代表'], ['乙镇', '二村', '甲', '女', '是'], ['乙镇', '二村', '乙', '男', '是']]);
    await backend.importFiles({ paths: [reps] });
    const v = (await backend.status()).villages.find((x) => x.village === '二村')!;
    expect(v.rules.womanInCommittees).toBe('unknown');
    expect(v.reasons.womanInCommittees).toContain('李芳');
  });

  it('the Party committee and the villagers’ committee sent in separate imports make the 两委 together, and stay so', async () => {
    const party = writeXlsx(path.join(dir, '丙山镇村党组织.xlsx'), [
      { name: '村党组织', rows: [['村名', '姓名', '性别', '职务'], ['三村', '张三', '男', '书记'], ['三村', '王芳', '女', '委员、妇联主席']] },
    ]);
    await backend.importFiles({ paths: [party] });
    let v = (await backend.status()).villages.find((x) => x.village === '三村')!;
    expect(v.counts.committeeMembers).toBe(2);

    // Weeks later the villagers' committee: it replaces nothing of the Party committee.
    const villagers = writeXlsx(path.join(dir, '丙山镇村委会.xlsx'), [
      { name: '村委会', rows: [['村名', '姓名', '性别', '职务'], ['三村', '李四', '男', '主任'], ['三村', '赵五', '男', '委员']] },
    ]);
    await backend.importFiles({ paths: [villagers] });
    v = (await backend.status()).villages.find((x) => x.village === '三村')!;
    expect(v.counts.committeeMembers).toBe(4);
    expect(v.rules.womanInCommittees).toBe('pass');
    expect(v.rules.chairInCommittees).toBe('pass');

    // Then the representatives: the village is judged again from the store, both committees still there.
    const reps = writeCsv(path.join(dir, '三村代表.csv'), [['乡镇', '村', '姓名', '性别', '是否村民代表'], ['丙山镇', '三村', '甲', '女', '是'], ['丙山镇', '三村', '乙', '男', '是']]);
    await backend.importFiles({ paths: [reps] });
    v = (await backend.status()).villages.find((x) => x.village === '三村')!;
    expect(v.status).toBe('compliant');
    expect(v.counts).toEqual({ committeeMembers: 4, committeeWomen: 1, representatives: 2, womenRepresentatives: 1 });

    // A new Party committee replaces the old one only: 王芳 is gone, the villagers' committee stays.
    const party2 = writeXlsx(path.join(dir, '丙山镇村党组织补选.xlsx'), [
      { name: '村党组织', rows: [['村名', '姓名', '性别', '职务'], ['三村', '张三', '男', '书记'], ['三村', '钱六', '男', '委员']] },
    ]);
    await backend.importFiles({ paths: [party2] });
    v = (await backend.status()).villages.find((x) => x.village === '三村')!;
    expect(v.counts.committeeMembers).toBe(4);
    expect(v.rules.womanInCommittees).toBe('fail');
    // Her chair mark went with the old Party roster, and the new one names no chair.
    expect(v.rules.chairInCommittees).not.toBe('pass');
  });

  it('a later file naming the township and village without their last word (青山, 上塘) joins the stored ones', async () => {
    const committees = writeXlsx(path.join(dir, '丁山镇两委.xlsx'), [
      { name: '两委班子', rows: [['村名', '姓名', '性别', '职务'], ['上塘村', '张三', '男', '书记、主任'], ['上塘村', '王芳', '女', '委员、妇联主席']] },
    ]);
    await backend.importFiles({ paths: [committees] });
    const reps = writeCsv(path.join(dir, '代表名单.csv'), [['乡镇', '村', '姓名', '性别', '是否村民代表'], ['丁山', '上塘', '甲', '女', '是'], ['丁山', '上塘', '乙', '男', '是']]);
    const report = await backend.importFiles({ paths: [reps] });
    expect(report.findings.filter((f) => f.code === 'place-joined').map((f) => f.message)).toEqual(['乡镇“丁山”与“丁山镇”按同一个乡镇计', '村“上塘”与“上塘村”按同一个村计']);
    const v = (await backend.status()).villages.filter((x) => x.village.startsWith('上塘'));
    expect(v.map((x) => `${x.township}|${x.village}|${x.status}`)).toEqual(['丁山镇|上塘村|compliant']);
  });
});
