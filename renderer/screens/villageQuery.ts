// The village list's filters as the address holds them, and as the `villages` operation takes them.

import type { VillageFilter, VillageRow } from '../../shared/api.ts';

export type SortKey = 'township' | 'village' | 'status' | 'reportedAt' | 'part' | 'reason';
const SORT_KEYS: SortKey[] = ['township', 'village', 'status', 'reportedAt', 'part', 'reason'];

export interface VillageFilters {
  townships: string[];
  status: string;
  part: string;
  q: string;
  sort: SortKey | '';
  desc: boolean;
}

export function filtersFrom(params: URLSearchParams): VillageFilters {
  const sort = params.get('sort') ?? '';
  return {
    townships: params.getAll('township'),
    status: params.get('status') ?? '',
    part: params.get('part') ?? '',
    q: params.get('q') ?? '',
    sort: (SORT_KEYS as string[]).includes(sort) ? (sort as SortKey) : '',
    desc: params.get('desc') === '1',
  };
}

export function filtersToParams(f: VillageFilters): Record<string, string | string[]> {
  return { township: f.townships, status: f.status, part: f.part, q: f.q, sort: f.sort, desc: f.desc ? '1' : '' };
}

/**
 * The request for one page; `part` means villages failing that part; sorting by 三项 sorts by that part (or
 * the first); a search of Latin letters also matches pinyin initials ("qs" → 青山村, in the backend).
 */
export function villageRequest(f: VillageFilters, offset: number, limit: number, firstPart?: string): VillageFilter {
  const req: VillageFilter = { offset, limit };
  if (f.townships.length) req.townships = f.townships;
  if (f.sort) {
    req.sort = f.sort;
    if (f.sort === 'part') req.sortPart = f.part || firstPart;
    if (f.desc) req.desc = true;
  }
  if (f.status === 'compliant' || f.status === 'noncompliant' || f.status === 'incomplete' || f.status === 'notReported' || f.status === 'offList') req.status = f.status;
  // 待核对 is a filter of its own: the verdict rests on a reading made on a guess.
  if (f.status === 'provisional') req.provisional = true;
  if (f.part) {
    req.part = f.part;
    req.outcome = 'fail';
  }
  if (f.q.trim()) req.search = f.q.trim();
  return req;
}

/** Why a village is as it is, in one line: the reasons of the parts that do not pass. */
export function whyLine(row: Pick<VillageRow, 'rules' | 'reasons' | 'reported'>): string {
  if (!row.reported) return '尚未报送';
  const out = Object.entries(row.rules)
    .filter(([, o]) => o !== 'pass')
    .map(([id]) => row.reasons[id])
    .filter(Boolean);
  return out.length ? out.join('；') : '三项均达标';
}
