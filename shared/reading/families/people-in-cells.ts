// People written inside cells: one row a village, its members as text ("张建国（男，书记）、李秀英（女，委员）",
// one a line "王建军 男 书记、主任"), the chair by name, the representatives as a sentence ("共45名（女15名）")
// or as counts. The members become roster rows (a column naming a body places bare posts on it), the
// representatives counts.

import type { PersonRow, VillagePart } from '../../model.ts';
import { normalizeName, parseCount } from '../../text.ts';
import { bodyOfPostHeader, postInBody } from '../bodies.ts';
import { columnsOf, roleWeight } from '../columns.ts';
import { parseCellPeople, parseCountSentence } from '../people-in-cells.ts';
import { parsePost } from '../../seats.ts';
import type { Family } from '../table.ts';
import { walk } from '../walker.ts';

export const peopleInCells: Family = {
  id: 'people-in-cells',
  label: '汇总表（一行一村，人员写在单元格内）',
  layout: 'roster',
  score(m) {
    const roles = new Set(m.roles.values());
    return roles.has('village') && roles.has('memberCells') && !roles.has('name') ? roleWeight(m) + 2 : null;
  },
  read(table) {
    const w = walk(table);
    const { report, mapping } = w;
    const memberColumns = columnsOf(mapping, 'memberCells').map((c) => ({ c, body: bodyOfPostHeader((mapping.headers.get(c) ?? '').replace(/班子|成员|人员|名单|姓名|性别|职务/gu, '')) }));
    const hasReps = w.has('repSentence') || w.has('repTotal') || w.has('repWomen');
    report.parts = hasReps ? ['committees', 'representatives'] : ['committees'];
    for (let r = table.dataStart; r < table.end; r++) {
      if (w.consumeNonData(r, w.rowDistinct(r))) continue;
      const { township, village } = w.placeOf(r);
      if (!township || !village || !w.cell(r, 'village')) {
        w.skip(r, '无法确定所属村');
        continue;
      }
      const source = w.source(r);
      const rows: PersonRow[] = [];
      for (const { c, body } of memberColumns) {
        for (const p of parseCellPeople(w.rowText(r, c)) ?? []) {
          const parsed = p.post ? (body ? postInBody(p.post, body) : parsePost(p.post)) : parsePost('');
          rows.push({ source, name: normalizeName(p.name), displayName: p.name, declaredGender: p.gender, idNumber: null, idFromNumber: false, postText: p.post, seats: parsed.seats, isChair: parsed.isChair, otherPosts: parsed.otherPosts, seatUnknown: parsed.unrecognised.length > 0 || (!p.post && !body), representative: null });
        }
      }
      // The chair by name: the member of that name, or a person of her own without a seat.
      const chair = w.has('chairName') ? parseCellPeople(w.cell(r, 'chairName'))?.[0] : undefined;
      if (chair) {
        const name = normalizeName(chair.name);
        const same = rows.filter((x) => x.name === name);
        if (same.length) same.forEach((x) => (x.isChair = true));
        else rows.push({ source, name, displayName: chair.name, declaredGender: chair.gender, idNumber: null, idFromNumber: false, postText: '妇联主席', seats: [], isChair: true, otherPosts: [], seatUnknown: false, representative: null });
      }
      const sentence = w.has('repSentence') ? parseCountSentence(w.cell(r, 'repSentence')) : null;
      const total = sentence?.total ?? (w.has('repTotal') ? parseCount(w.cell(r, 'repTotal')) : null);
      const women = sentence?.women ?? (w.has('repWomen') ? parseCount(w.cell(r, 'repWomen')) : null);
      const parts: VillagePart[] = [];
      if (rows.length) parts.push({ kind: 'committees', form: 'roster', rows, source });
      if (total !== null || women !== null) parts.push({ kind: 'representatives', form: 'counts', counts: { total, women }, source });
      if (!parts.length) {
        w.skip(r, '单元格中没有可读的人员或人数');
        continue;
      }
      report.dataRows++;
      const g = w.groupOf(township, village, r);
      g.rows.push(...rows);
      g.input.parts.push(...parts);
    }
    report.villages = w.villagesReport((g) => g.rows.length);
    report.note = '汇总表：一行一个村，两委成员写在单元格内（姓名、性别、职务），村民代表按人数';
    return w.done([...w.groups.values()].map((g) => g.input));
  },
};
