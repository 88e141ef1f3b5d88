// 女性两委成员培训名单 (xlsx): every woman on the committees with her township, village, seats, age and
// education, and blank columns for the township to fill (联系电话, 培训时间). The list training starts from.

import type { ReportModel } from '../../../shared/report/model.ts';
import { AGE_BANDS } from '../../../shared/report/model.ts';
import { ageBand } from '../../../shared/report/people.ts';
import { addTableSheet, newWorkbook, workbookBytes, type Cell } from './xlsx-kit.ts';

const AGE_FROM = { id: '身份证号', birthDate: '出生年月', statedAge: '填报年龄' } as const;

export async function trainingWorkbook(m: ReportModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  const rows: Cell[][] = m.women.map((w, i) => [
    i + 1,
    w.township,
    w.village,
    w.name,
    w.seats.join('、') + (w.isChair ? '、村妇联主席' : ''),
    w.idNumber,
    w.age,
    w.age === null ? '不详' : AGE_BANDS[ageBand(w.age)],
    w.ageFrom ? AGE_FROM[w.ageFrom] : '',
    w.education ?? '不详',
    null,
    null,
    null,
  ]);
  const unnamed = m.womenUnnamed.map((u) => `${u.township}${u.village}（${u.women}名）`).join('、');
  addTableSheet(wb, {
    name: '培训名单',
    title: `${m.county}村“两委”女性成员培训名单`,
    subtitle: `截至${m.dateText}　共${m.women.length}名　填报单位：${m.organisation}`,
    columns: [
      { header: '序号' },
      { header: '乡镇（街道）' },
      { header: '村（社区）' },
      { header: '姓名' },
      { header: '职务', maxWidth: 36 },
      { header: '身份证号' },
      { header: '年龄' },
      { header: '年龄段' },
      { header: '年龄依据' },
      { header: '学历' },
      { header: '联系电话' },
      { header: '培训时间' },
      { header: '备注' },
    ],
    rows,
    note:
      '年龄按身份证号中的出生日期计算，无身份证号的按出生年月或填报的年龄；无从得知的写“不详”，学历同。联系电话、培训时间由乡镇（街道）填写。' +
      (unnamed ? `以下村以统计表报送，只有人数，未列出姓名：${unnamed}。` : ''),
  });
  return workbookBytes(wb);
}
