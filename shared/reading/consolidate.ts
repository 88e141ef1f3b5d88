// One file's inputs → one input per village, with at most one part of each kind. A workbook may list a
// part over several sheets or tables (the Party committee and the villagers' committee apart, or page
// by page): together they are the part. A sheet dedicated to a part (a 村民代表 sheet) is preferred to
// the same part given in passing by a sheet of both. Doing this per file keeps one submission per
// village and file, which is what the store keeps and judges again later.

import type { VillageInput, VillagePart, PartKind } from '../model.ts';
import { groupByVillage } from '../places.ts';
import { joinCountParts } from './population.ts';

/** Counts of one part from several tables that complement each other (a totals sheet, a women's list) joined into one. */
function joinCounts(counts: VillagePart[]): VillagePart[] {
  return counts.length < 2 ? counts : joinCountParts(counts);
}

function combine(kind: PartKind, parts: VillagePart[]): VillagePart[] {
  const rosters = parts.filter((p): p is Extract<VillagePart, { form: 'roster' }> => p.form === 'roster');
  const counts = joinCounts(parts.filter((p) => p.form === 'counts'));
  if (rosters.length === 0) return counts;
  const dedicated = rosters.filter((p) => p.dedicated);
  const pool = dedicated.length > 0 ? dedicated : rosters;
  if (pool.length === 1) return [...counts, pool[0]];
  const rows = pool.flatMap((p) => p.rows);
  const provisional = [...new Set(pool.flatMap((p) => p.provisional ?? []))];
  return [...counts, { kind, form: 'roster', rows, source: pool[0].source, dedicated: pool[0].dedicated, ...(provisional.length ? { provisional } : {}) } as VillagePart];
}

export function consolidateInputs(inputs: readonly VillageInput[]): VillageInput[] {
  const out: VillageInput[] = [];
  for (const list of groupByVillage(inputs)) {
    if (list.length === 1 && new Set(list[0].parts.map((p) => p.kind)).size === list[0].parts.length) {
      out.push(list[0]);
      continue;
    }
    const parts = list.flatMap((i) => i.parts);
    const ownVerdict = list.map((i) => i.ownVerdict).filter((v) => v !== null).at(-1) ?? null;
    out.push({
      township: list[0].township,
      village: list[0].village,
      parts: [...combine('committees', parts.filter((p) => p.kind === 'committees')), ...combine('representatives', parts.filter((p) => p.kind === 'representatives'))],
      ownVerdict,
    });
  }
  return out;
}
