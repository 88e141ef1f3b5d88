// The village list: a township and village on each row, no persons and no counts (a master list, or the
// villages a township reports). Gives the villages, never a verdict.

import { mappingTraits, roleWeight } from '../columns.ts';
import type { Family, SheetRead } from '../table.ts';
import { walk } from '../walker.ts';

export const villageList: Family = {
  id: 'village-list',
  label: '村名清单',
  layout: 'village-list',
  score(m) {
    const t = mappingTraits(m);
    return t.village && !t.name && t.counts === 0 ? roleWeight(m) : null;
  },
  read(table) {
    const w = walk(table);
    const list: SheetRead['villageList'] = [];
    for (let r = table.dataStart; r < table.end; r++) {
      if (w.consumeNonData(r, w.rowDistinct(r))) continue;
      const { township, village } = w.placeOf(r);
      if (!w.cell(r, 'village')) {
        w.skip(r, '村名为空');
        continue;
      }
      if (!village || !township) {
        w.skip(r, township ? '村名为空' : '无法确定所属乡镇');
        continue;
      }
      w.report.dataRows++;
      w.groupOf(township, village, r);
      list.push({ township, village, source: w.source(r) });
    }
    w.report.villages = w.villagesReport(() => 1);
    w.report.note = '村名清单（只有乡镇和村，没有人员或人数）';
    return w.done([], list);
  },
};
