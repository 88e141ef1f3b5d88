// The village list's filters as the address holds them, and as the `villages` operation takes them.

import type { VillageFilter, VillageRow } from '../../shared/api.ts';

export interface VillageFilters {
  townships: string[];
  status: string;
  part: string;
  q: string;
}

export function filtersFrom(params: URLSearchParams): VillageFilters {
  return { townships: params.getAll('township'), status: params.get('status') ?? '', part: params.get('part') ?? '', q: params.get('q') ?? '' };
}

export function filtersToParams(f: VillageFilters): Record<string, string | string[]> {
  return { township: f.townships, status: f.status, part: f.part, q: f.q };
}

/** The request for one page; `part` means villages failing that part. */
export function villageRequest(f: VillageFilters, offset: number, limit: number): VillageFilter {
  const req: VillageFilter = { offset, limit };
  if (f.townships.length === 1) req.township = f.townships[0];
  if (f.status === 'compliant' || f.status === 'noncompliant' || f.status === 'incomplete' || f.status === 'notReported') req.status = f.status;
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
