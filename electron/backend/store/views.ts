// The village list in SQL: filters, sorting, paging and the total count run in SQLite, so that a county
// of 20,000 villages answers a page without building every row. The master list's loose matches
// (shared/master-list.ts, computed from placeRows) come in as JSON and are applied in the query.

import type Database from 'better-sqlite3';
import { prepare } from './statements.ts';
import type { Outcome, VillageStatus } from '../../../shared/model.ts';
import type { ListedPlace } from '../../../shared/master-list.ts';
import { pinyinInitials } from '../../../shared/pinyin-initials.ts';
import type { OutcomeCount, StatusCount } from '../../../shared/report/figures.ts';

export type VillageSort = 'township' | 'village' | 'status' | 'reportedAt' | 'part' | 'reason';

export interface VillageQuery {
  townshipIds?: number[];
  status?: VillageStatus | 'notReported' | 'offList';
  /** Only villages whose verdict rests on a provisional reading (待核对). */
  provisional?: boolean;
  part?: string;
  outcome?: Outcome;
  expected?: boolean;
  /** Normalised (shared/text.ts normalizePlaceName): matched inside the village's or township's key. */
  search?: string;
  /** Lower-case pinyin initials (shared/pinyin-initials.ts): matched inside the village name's initials. */
  initials?: string;
  /** Only these villages (one village's detail). */
  ids?: number[];
  sort?: VillageSort;
  /** With sort 'part': the rule part whose outcome orders the list (fail, unknown, pass). */
  sortPart?: string;
  desc?: boolean;
  offset?: number;
  limit?: number;
}

/** One row of a page: what the query knows; the verdict's detail is read for the page alone. */
export interface VillageListRecord {
  id: number;
  township_id: number;
  township: string;
  village: string;
  expected: number;
  verdict_id: number | null;
  status: VillageStatus | null;
  /** JSON array of why the reading is provisional (待核对); null when it is not. */
  provisional: string | null;
}

export interface ListJoins {
  /** A list entry's village id → the reported village it is folded into. */
  joins: ReadonlyMap<number, number>;
  /** A township only the list names → the reported township it joined. */
  townshipJoins: ReadonlyMap<number, { id: number }>;
}

/** `initials(text)` in SQL: the pinyin initials of a name (shared/pinyin-initials.ts), once per connection. */
const withInitials = new WeakSet<Database.Database>();
function registerInitials(db: Database.Database): void {
  if (withInitials.has(db)) return;
  db.function('initials', { deterministic: true }, (text: unknown) => pinyinInitials(String(text ?? '')));
  withInitials.add(db);
}


const CURRENT_PARTS = 'SELECT max(id) AS id FROM parts GROUP BY village_id, kind';

/** Changes whenever an import, an undo or a new master list changes the places, verdicts or the list. */
export function storeStamp(db: Database.Database): string {
  const r = prepare(
    db,
    `SELECT (SELECT max(id) FROM verdicts) AS a, (SELECT count(*) FROM verdicts) AS b, (SELECT max(id) FROM master_lists) AS c,
            (SELECT count(*) FROM expected_villages) AS d, (SELECT max(id) FROM villages) AS e, (SELECT count(*) FROM villages) AS f`,
  ).get() as Record<string, number | null>;
  return Object.values(r).join(',');
}

/** Every place with its two flags, in the order places were first seen (townships, then villages). */
export function placeFlags(db: Database.Database): ListedPlace[] {
  const rows = prepare(
    db,
    `SELECT v.id, v.township_id AS townshipId, t.name AS township, v.name AS village,
            EXISTS (SELECT 1 FROM expected_villages e WHERE e.village_id = v.id) AS expected,
            EXISTS (SELECT 1 FROM verdicts d WHERE d.village_id = v.id) AS reported
     FROM villages v JOIN townships t ON t.id = v.township_id ORDER BY t.id, v.id`,
  ).all() as Array<Omit<ListedPlace, 'expected' | 'reported'> & { expected: number; reported: number }>;
  return rows.filter((r) => r.expected || r.reported).map((r) => ({ ...r, expected: !!r.expected, reported: !!r.reported }));
}

const STATUS_RANK = `CASE r.status WHEN 'noncompliant' THEN 0 WHEN 'incomplete' THEN 1 WHEN 'compliant' THEN 2 ELSE 3 END`;
const OUTCOME_RANK = `CASE (SELECT outcome FROM verdict_parts p WHERE p.verdict_id = r.verdict_id AND p.part = @sortPart) WHEN 'fail' THEN 0 WHEN 'unknown' THEN 1 WHEN 'pass' THEN 2 ELSE 3 END`;
/** What the list's 原因 column says: the reasons of the parts that do not pass, in the verdict's order. */
const REASON = `(SELECT group_concat(reason, '；') FROM (SELECT reason FROM verdict_parts p WHERE p.verdict_id = r.verdict_id AND p.outcome <> 'pass' ORDER BY p.ord))`;
const REPORTED_AT = `(SELECT max(i.imported_at) FROM parts p JOIN imports i ON i.id = p.import_id WHERE p.village_id = r.id AND p.id IN (${CURRENT_PARTS}))`;

function orderBy(sort: VillageSort | undefined, desc: boolean): string {
  const dir = desc ? 'DESC' : 'ASC';
  const key = {
    township: `t.name ${dir}, t.id ${dir}`,
    village: `r.village ${dir}`,
    status: `${STATUS_RANK} ${dir}`,
    reportedAt: `${REPORTED_AT} IS NULL, ${REPORTED_AT} ${dir}`,
    part: `${OUTCOME_RANK} ${dir}`,
    // Not reported last either way; all parts passing ('') first when ascending.
    reason: `r.verdict_id IS NULL, coalesce(${REASON}, '') ${dir}`,
  };
  // Ties (and no sort): the order places were first seen, as the figures list them.
  return `${sort ? key[sort] + ', ' : ''}t.id ${sort ? dir : 'ASC'}, r.id ${sort ? dir : 'ASC'}`;
}

/** The master list's folds as the query's parameters. */
function joinParams(joins: ListJoins): Record<string, unknown> {
  return {
    fold: JSON.stringify(Object.fromEntries(joins.joins)),
    tmap: JSON.stringify(Object.fromEntries([...joins.townshipJoins].map(([from, to]) => [from, to.id]))),
  };
}

/**
 * `r`: every village once, list entries folded into the reported village they name, with its township
 * (a township only the list names joined to the reported one), whether it is on the list, and its current
 * verdict. `orig_tid` is the township it was stored under, for the order places were first seen.
 */
function placesWith(): string {
  return `
    WITH fold(from_id, to_id) AS MATERIALIZED (SELECT CAST(key AS INTEGER), value FROM json_each(@fold)),
         tmap(from_tid, to_tid) AS MATERIALIZED (SELECT CAST(key AS INTEGER), value FROM json_each(@tmap)),
         ex(village_id) AS MATERIALIZED (
           SELECT village_id FROM expected_villages WHERE village_id NOT IN (SELECT from_id FROM fold)
           UNION SELECT to_id FROM fold),
         r AS (
           SELECT v.id, coalesce((SELECT to_tid FROM tmap WHERE from_tid = v.township_id), v.township_id) AS township_id, v.township_id AS orig_tid,
                  v.name AS village, v.key AS vkey, v.id IN (SELECT village_id FROM ex) AS expected, d.id AS verdict_id, d.status, d.provisional
           FROM villages v LEFT JOIN verdicts d ON d.village_id = v.id AND d.id = (SELECT max(id) FROM verdicts WHERE village_id = v.id)
           WHERE v.id NOT IN (SELECT from_id FROM fold)
         )`;
}

/**
 * What the figures (shared/report/figures.ts) are computed from, counted in SQLite over the current
 * verdicts: villages by township, list membership and status (null: not reported), with the first place
 * of each group in the order places were first seen; and the reported villages' outcomes by township and
 * rule part. Plus the rule parts in the order the villages give them (by village, then the verdict's order).
 */
export function figureCounts(
  db: Database.Database,
  joins: ListJoins,
): { statuses: Array<StatusCount & { first: number }>; outcomes: OutcomeCount[]; partOrder: Array<{ id: string; label: string }> } {
  const params = joinParams(joins);
  const statuses = prepare(
    db,
    `${placesWith()}
     SELECT r.township_id AS townshipId, t.name AS township, r.expected AS expected, r.status AS status, count(*) AS villages, min(r.orig_tid) AS first
     FROM r JOIN townships t ON t.id = r.township_id WHERE r.verdict_id IS NOT NULL OR r.expected
     GROUP BY r.township_id, r.expected, r.status`,
  ).all(params) as Array<Omit<StatusCount, 'expected'> & { expected: number; first: number }>;
  const outcomes = prepare(
    db,
    `${placesWith()}
     SELECT r.township_id AS townshipId, p.part AS part, p.outcome AS outcome, count(*) AS villages
     FROM r JOIN verdict_parts p ON p.verdict_id = r.verdict_id GROUP BY r.township_id, p.part, p.outcome`,
  ).all(params) as OutcomeCount[];
  // The first (village, ord) of each part from the compact index, then that one row's label.
  const partOrder = prepare(
    db,
    `WITH firsts AS (
       SELECT p.part, min(d.village_id * 100000 + p.ord) AS k
       FROM verdicts d JOIN verdict_parts p INDEXED BY verdict_parts_outcome ON p.verdict_id = d.id
       WHERE d.id IN (SELECT max(id) FROM verdicts GROUP BY village_id) GROUP BY p.part)
     SELECT f.part AS id, f.k AS k,
            (SELECT label FROM verdict_parts l WHERE l.verdict_id = (SELECT max(id) FROM verdicts WHERE village_id = f.k / 100000) AND l.ord = f.k % 100000) AS label
     FROM firsts f ORDER BY f.k`,
  ).all() as Array<{ id: string; label: string; k: number }>;
  return {
    statuses: statuses.map((r) => ({ ...r, expected: !!r.expected })),
    outcomes,
    partOrder: partOrder.map(({ id, label }) => ({ id, label })),
  };
}

/** One page of the village list and the number of villages that pass the filters. */
export function queryVillages(db: Database.Database, joins: ListJoins, query: VillageQuery): { total: number; rows: VillageListRecord[] } {
  const where: string[] = ['(r.verdict_id IS NOT NULL OR r.expected)'];
  const params: Record<string, unknown> = joinParams(joins);
  if (query.townshipIds) {
    where.push('r.township_id IN (SELECT value FROM json_each(@townshipIds))');
    params.townshipIds = JSON.stringify(query.townshipIds);
  }
  if (query.ids) {
    where.push('r.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(query.ids);
  }
  if (query.status === 'notReported') where.push('r.expected AND r.verdict_id IS NULL');
  else if (query.status === 'offList') where.push('NOT r.expected AND r.verdict_id IS NOT NULL');
  else if (query.status) {
    where.push('r.status = @status');
    params.status = query.status;
  }
  if (query.part !== undefined || query.outcome !== undefined) {
    const conds = ['p.verdict_id = r.verdict_id'];
    if (query.part !== undefined) conds.push('p.part = @part');
    if (query.outcome !== undefined) conds.push('p.outcome = @outcome');
    where.push(`EXISTS (SELECT 1 FROM verdict_parts p WHERE ${conds.join(' AND ')})`);
    Object.assign(params, query.part !== undefined ? { part: query.part } : {}, query.outcome !== undefined ? { outcome: query.outcome } : {});
  }
  if (query.provisional) where.push('r.provisional IS NOT NULL');
  if (query.expected !== undefined) where.push(query.expected ? 'r.expected' : 'NOT r.expected');
  if (query.search || query.initials) {
    const or: string[] = [];
    if (query.search) {
      or.push('instr(r.vkey, @search) > 0', 'instr(t.key, @search) > 0', 'instr(r.village, @search) > 0');
      params.search = query.search;
    }
    if (query.initials) {
      registerInitials(db);
      or.push('instr(initials(r.village), @initials) > 0');
      params.initials = query.initials;
    }
    where.push(`(${or.join(' OR ')})`);
  }
  if (query.sort === 'part') params.sortPart = query.sortPart ?? '';
  const from = `${placesWith()}
    SELECT %COLUMNS% FROM r JOIN townships t ON t.id = r.township_id
    WHERE ${where.join(' AND ')}`;
  // The total rides along with the page (one pass over the villages); a page past the end counts apart.
  const columns = 'r.id, r.township_id, t.name AS township, r.village, r.expected, r.verdict_id, r.status, r.provisional, count(*) OVER () AS total';
  const page = from.replace('%COLUMNS%', columns) + ` ORDER BY ${orderBy(query.sort, !!query.desc)} LIMIT @limit OFFSET @offset`;
  const found = prepare(db, page).all({ ...params, limit: query.limit ?? -1, offset: query.offset ?? 0 }) as Array<VillageListRecord & { total: number }>;
  const total = found.length ? found[0].total : (query.offset ?? 0) === 0 ? 0 : (prepare(db, from.replace('%COLUMNS%', 'count(*) AS n')).get(params) as { n: number }).n;
  const rows = found.map(({ total: _total, ...r }) => r);
  return { total, rows };
}

/** The current verdicts of some villages. */
export function verdictsOf<T>(db: Database.Database, villageIds: readonly number[]): T[] {
  return prepare(
    db,
    `SELECT d.* FROM (SELECT DISTINCT value FROM json_each(?)) j JOIN verdicts d ON d.village_id = j.value AND d.id = (SELECT max(id) FROM verdicts WHERE village_id = j.value) ORDER BY d.village_id`,
  ).all(JSON.stringify(villageIds)) as T[];
}

/** The parts of some verdicts, in their order. */
export function verdictPartsOf<T>(db: Database.Database, verdictIds: readonly number[]): T[] {
  return prepare(db, 'SELECT * FROM verdict_parts WHERE verdict_id IN (SELECT value FROM json_each(?)) ORDER BY verdict_id, ord').all(JSON.stringify(verdictIds)) as T[];
}

/** The current parts of some villages, without their rows, with when each was imported. */
export function partSummariesOf(
  db: Database.Database,
  villageIds: readonly number[],
): Array<{ village_id: number; kind: 'committees' | 'representatives'; form: 'roster' | 'counts'; file_name: string; import_id: number; imported_at: string }> {
  return prepare(
    db,
    `SELECT p.village_id, p.kind, p.form, f.name AS file_name, p.import_id, i.imported_at
     FROM parts p JOIN submissions s ON s.id = p.submission_id JOIN import_files f ON f.id = s.file_id JOIN imports i ON i.id = p.import_id
     WHERE p.village_id IN (SELECT value FROM json_each(?))
       AND p.id = (SELECT max(id) FROM parts c WHERE c.village_id = p.village_id AND c.kind = p.kind)`,
  ).all(JSON.stringify(villageIds)) as ReturnType<typeof partSummariesOf>;
}

/** How an import moved villages: counts by the status before it (null: first verdict), after it, and on the list or not. */
export function statusMoves(db: Database.Database, importId: number): Array<{ before: VillageStatus | null; after: VillageStatus; expected: number; villages: number }> {
  return prepare(
    db,
    `SELECT (SELECT b.status FROM verdicts b WHERE b.village_id = v.village_id AND b.id < v.id ORDER BY b.id DESC LIMIT 1) AS before, v.status AS after,
            v.village_id IN (SELECT village_id FROM expected_villages) AS expected, count(*) AS villages
     FROM verdicts v WHERE v.import_id = ? GROUP BY 1, 2, 3`,
  ).all(importId) as Array<{ before: VillageStatus | null; after: VillageStatus; expected: number; villages: number }>;
}

/** Villages whose current verdict rests on a provisional reading (待核对). */
export function provisionalCount(db: Database.Database): number {
  return (prepare(db, 'SELECT count(*) AS n FROM verdicts d WHERE d.provisional IS NOT NULL AND d.id = (SELECT max(id) FROM verdicts WHERE village_id = d.village_id)').get() as { n: number }).n;
}
