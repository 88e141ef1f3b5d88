// Every master list (应报村名单) the county loaded, with when it was loaded (migration 6), so that a report
// as of an earlier import uses the list that was in force then. `expected_villages` stays the list in force
// now (the views page the village list over it in SQL); `master_list_villages` keeps each list's entries by
// name and key, never by a village id an undo may have removed.

import type Database from 'better-sqlite3';
import { prepare } from './statements.ts';
import type { SourceRef } from '../../../shared/model.ts';
import { townshipKey } from '../../../shared/places.ts';
import { villageIdentity } from '../../../shared/check.ts';
import type { ExpectedRecord, ImportRecord } from './records.ts';
import type { ListedPlace } from '../../../shared/master-list.ts';

export interface MasterListRecord {
  id: number;
  file_name: string;
  hash: string;
  set_at: string;
  villages: number;
}

/** The import a state stops at (an as-of report's cut); null: the state now. */
export type Cut = Pick<ImportRecord, 'id' | 'imported_at'> | null;


const LIST_COLUMNS = 'id, file_name, hash, set_at, villages';

/**
 * The list in force at a cut: the last one loaded before that import was made (by the import that was the
 * latest when it was loaded, or by the clock, so an import number an undo freed and a later import took
 * again is placed right). A list whose entries an older version did not keep (loaded before migration 6
 * and replaced since) is not known: the oldest list kept stands for it.
 */
export function listInForce(db: Database.Database, cut: Cut): MasterListRecord | null {
  if (!cut) return (prepare(db, `SELECT ${LIST_COLUMNS} FROM master_lists ORDER BY id DESC LIMIT 1`).get() as MasterListRecord | undefined) ?? null;
  const before = prepare(
    db,
    `SELECT ${LIST_COLUMNS}, EXISTS (SELECT 1 FROM master_list_villages e WHERE e.list_id = m.id) AS kept FROM master_lists m
     WHERE m.after_import IS NULL OR m.after_import < @id OR m.set_at < @at ORDER BY m.id DESC LIMIT 1`,
  ).get({ id: cut.id, at: cut.imported_at }) as (MasterListRecord & { kept: number }) | undefined;
  if (!before) return null;
  const { kept, ...list } = before;
  if (kept) return list;
  return (prepare(db, `SELECT ${LIST_COLUMNS} FROM master_lists m WHERE EXISTS (SELECT 1 FROM master_list_villages e WHERE e.list_id = m.id) ORDER BY m.id LIMIT 1`).get() as
    | MasterListRecord
    | undefined) ?? null;
}

interface EntryRow {
  ord: number;
  township_text: string;
  village_text: string;
  sheet: string | null;
  row: number | null;
  village_id: number | null;
  village: string | null;
  township_id: number | null;
  township: string | null;
}

/**
 * A list's villages as places: the village its names identify, under the names the store knows it by.
 * A village an undo removed since keeps the list's own names and a stand-in id below zero.
 */
export function listEntries(db: Database.Database, list: MasterListRecord | null): ExpectedRecord[] {
  if (!list) return [];
  const rows = prepare(
    db,
    `SELECT e.ord, e.township_text, e.village_text, e.sheet, e.row, v.id AS village_id, v.name AS village,
            coalesce(v.township_id, t.id) AS township_id, coalesce(tv.name, t.name) AS township
     FROM master_list_villages e LEFT JOIN villages v ON v.key = e.village_key LEFT JOIN townships tv ON tv.id = v.township_id
          LEFT JOIN townships t ON t.key = e.township_key
     WHERE e.list_id = ? ORDER BY e.ord`,
  ).all(list.id) as EntryRow[];
  const standIn = new Map<string, number>();
  const idFor = (key: string) => {
    if (!standIn.has(key)) standIn.set(key, -(standIn.size + 1));
    return standIn.get(key)!;
  };
  const seen = new Set<number>();
  const entries: ExpectedRecord[] = [];
  for (const r of rows) {
    const entry = {
    village_id: r.village_id ?? idFor(`v|${villageIdentity(r.township_text, r.village_text)}`),
    township_id: r.township_id ?? idFor(`t|${townshipKey(r.township_text)}`),
    township: r.township ?? r.township_text,
    village: r.village ?? r.village_text,
    sheet: r.sheet,
    row: r.row,
    file_name: list.file_name,
    };
    // Two names on the list for one village (港口 and 港口村) are one entry, as expected_villages keeps them.
    if (seen.has(entry.village_id)) continue;
    seen.add(entry.village_id);
    entries.push(entry);
  }
  return entries;
}

/**
 * Every place reported by the cut or on the list in force then, with its two flags: what the master list's
 * matching (shared/master-list.ts) needs, as store/views.ts placeFlags gives it for the state now.
 */
export function listedPlacesAt(db: Database.Database, cut: NonNullable<Cut>): ListedPlace[] {
  const reported = prepare(
    db,
    `SELECT v.id, v.township_id AS townshipId, t.name AS township, v.name AS village
     FROM villages v JOIN townships t ON t.id = v.township_id
     WHERE EXISTS (SELECT 1 FROM verdicts d WHERE d.village_id = v.id AND d.import_id <= ?) ORDER BY t.id, v.id`,
  ).all(cut.id) as Array<Omit<ListedPlace, 'expected' | 'reported'>>;
  const places = new Map<number, ListedPlace>(reported.map((r) => [r.id, { ...r, expected: false, reported: true }]));
  for (const e of listEntries(db, listInForce(db, cut))) {
    const known = places.get(e.village_id);
    if (known) known.expected = true;
    else places.set(e.village_id, { id: e.village_id, townshipId: e.township_id, township: e.township, village: e.village, expected: true, reported: false });
  }
  // As placeFlags orders them: townships, then villages, in the order first seen (stand-ins last).
  const rank = (id: number) => (id < 0 ? Number.MAX_SAFE_INTEGER + id : id);
  return [...places.values()].sort((a, b) => rank(a.townshipId) - rank(b.townshipId) || rank(a.id) - rank(b.id));
}

/**
 * Loads a list: kept with its entries and the import it follows; it becomes the list in force
 * (`expected_villages`), replacing the one before.
 */
export function setMasterList(
  db: Database.Database,
  fileName: string,
  hash: string,
  setAt: string,
  villages: ReadonlyArray<{ villageId: number; township: string; village: string; source: SourceRef }>,
): number {
  prepare(db, 'DELETE FROM expected_villages').run();
  const listId = Number(
    prepare(db, 'INSERT INTO master_lists (file_name, hash, set_at, villages, after_import) VALUES (?, ?, ?, ?, (SELECT max(id) FROM imports))').run(fileName, hash, setAt, villages.length)
      .lastInsertRowid,
  );
  const current = prepare(db, 'INSERT OR IGNORE INTO expected_villages (village_id, list_id, township_text, village_text, sheet, row) VALUES (?, ?, ?, ?, ?, ?)');
  const kept = prepare(
    db,
    'INSERT INTO master_list_villages (list_id, ord, village_key, township_key, township_text, village_text, sheet, row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  villages.forEach((v, i) => {
    current.run(v.villageId, listId, v.township, v.village, v.source.sheet, v.source.row);
    kept.run(listId, i, villageIdentity(v.township, v.village), townshipKey(v.township), v.township, v.village, v.source.sheet, v.source.row);
  });
  return listId;
}
