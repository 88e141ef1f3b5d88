// The count table: one row a village, with counts instead of persons (两委成员数 / 其中女性, 妇联主席是否进两委,
// 村民代表数 / 其中女性), or the two committees counted each on its own, and a township's own 是否达标.

import { normalizePlaceName, parseCount } from '../../text.ts';
import { TOTAL } from '../../vocabulary/index.ts';
import { chairSeatedCell, verdictCell } from '../cells.ts';
import { mappingTraits, PERSON_ROLES, roleWeight, type ColumnRole } from '../columns.ts';
import type { Family } from '../table.ts';
import { walk } from '../walker.ts';

/**
 * The two committees from a table that counts each on its own: distinct members are both sides less the
 * members on both (交叉任职); the women are certain when one side has none (or nobody sits on both),
 * else only at least the larger side's are.
 */
export function committeesFromSides(
  party: number | null,
  partyWomen: number | null,
  villagers: number | null,
  villagersWomen: number | null,
  cross: number | null,
): { members: number | null; women: number | null; womenAtLeast: boolean } {
  const members = party !== null && villagers !== null && cross !== null && cross <= Math.min(party, villagers) ? party + villagers - cross : null;
  if (partyWomen === null || villagersWomen === null) return { members, women: null, womenAtLeast: false };
  if (partyWomen === 0 || villagersWomen === 0 || cross === 0) return { members, women: partyWomen + villagersWomen, womenAtLeast: false };
  return { members, women: Math.max(partyWomen, villagersWomen), womenAtLeast: true };
}

const SIDE_ROLES: readonly ColumnRole[] = ['partyMembers', 'partyWomen', 'villagersMembers', 'villagersWomen'];

export const countTable: Family = {
  id: 'count-table',
  label: '统计表（一行一个村）',
  layout: 'counts',
  // Two counts and a village column; a roster that carries two counts beside its persons stays a roster.
  // Columns of persons say nothing of a count table's quality as a header (a 妇联主席 姓名 column in one).
  score(m) {
    const t = mappingTraits(m);
    if (!t.village || t.counts < 2 || (t.counts === 2 && t.name && t.personal)) return null;
    return roleWeight(m, (role) => !PERSON_ROLES.has(role));
  },
  read(table) {
    const w = walk(table);
    const { report, findings, ctx, view } = w;
    const bySide = SIDE_ROLES.some((role) => w.has(role));
    const hasCommitteeCounts = w.has('committeeMembers') || w.has('committeeWomen') || w.has('chairSeated') || bySide;
    const hasRepCounts = w.has('repTotal') || w.has('repWomen');
    report.parts = [...(hasCommitteeCounts ? (['committees'] as const) : []), ...(hasRepCounts ? (['representatives'] as const) : [])];
    for (let r = table.dataStart; r < table.end; r++) {
      if (w.consumeNonData(r, w.rowDistinct(r))) continue;
      const rawVillage = w.cell(r, 'village');
      if (!rawVillage) {
        w.skip(r, '村名为空');
        continue;
      }
      if (TOTAL.test(normalizePlaceName(rawVillage))) {
        w.skip(r, '合计/小计行，不是一个村');
        continue;
      }
      const { township, village } = w.placeOf(r);
      if (!township) {
        w.skip(r, '无法确定所属乡镇');
        continue;
      }
      const num = (role: ColumnRole) => (w.has(role) ? parseCount(w.cell(r, role)) : null);
      // On a table on its side each item is a sheet row: a finding names the row, and the cell, of the item it is about.
      const where = (role: ColumnRole) => ({ file: ctx.file, sheet: view.name, row: w.source(r, role).row, township, village: village! });
      const at = (role: ColumnRole) => (w.cellOf(r, role) ? `（${w.cellOf(r, role)}）` : '');
      let members = num('committeeMembers');
      let women = num('committeeWomen');
      if (bySide) {
        const sides = committeesFromSides(num('partyMembers'), num('partyWomen'), num('villagersMembers'), num('villagersWomen'), num('crossHolders'));
        members ??= sides.members;
        if (women === null) {
          women = sides.women;
          if (sides.womenAtLeast) {
            findings.push({
              severity: 'info',
              code: 'row-note',
              ...where('partyWomen'),
              message: `党组织和村（居）委会都有女性委员，交叉任职者中有几位女性不详：两委女性成员数至少${sides.women}人，按${sides.women}人计${at('partyWomen')}`,
            });
          }
        }
      }
      const chairSeated = w.has('chairSeated') ? chairSeatedCell(w.cell(r, 'chairSeated')) : null;
      const total = num('repTotal');
      const repWomen = num('repWomen');
      if ([members, women, chairSeated, total, repWomen].every((v) => v === null)) {
        w.skip(r, '没有可读的人数');
        continue;
      }
      report.dataRows++;
      const g = w.groupOf(township, village!, r);
      if (members !== null && women !== null && women > members) {
        findings.push({ severity: 'error', code: 'count-inconsistent', ...where('committeeWomen'), message: `两委女性成员数（${women}${at('committeeWomen')}）大于成员总数（${members}${at('committeeMembers')}）` });
      }
      if (total !== null && repWomen !== null && repWomen > total) {
        findings.push({ severity: 'error', code: 'count-inconsistent', ...where('repWomen'), message: `女性村民代表数（${repWomen}${at('repWomen')}）大于村民代表总数（${total}${at('repTotal')}）` });
      }
      const committeeRole = (['committeeMembers', 'committeeWomen', 'chairSeated', ...SIDE_ROLES] as const).find((role) => w.has(role));
      if (hasCommitteeCounts) g.input.parts.push({ kind: 'committees', form: 'counts', counts: { members, women, chairSeated }, source: w.source(r, committeeRole) });
      if (hasRepCounts) g.input.parts.push({ kind: 'representatives', form: 'counts', counts: { total, women: repWomen }, source: w.source(r, w.has('repTotal') ? 'repTotal' : 'repWomen') });
      if (w.has('ownVerdict')) {
        const own = verdictCell(w.cell(r, 'ownVerdict'));
        if (own !== null) g.input.ownVerdict = { compliant: own, source: w.source(r, 'ownVerdict') };
      }
    }
    report.villages = w.villagesReport((g) => (g.input.parts.length ? 1 : 0));
    report.note = '统计表：一行一个村，按表中人数核算';
    return w.done([...w.groups.values()].map((g) => g.input));
  },
};
