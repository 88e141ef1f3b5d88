// Writes: only through Store.write(), inside its transaction.

import type { Finding, PersonRow, SourceRef, VillageInput, VillagePart } from '../../../shared/model.ts';
import type { RuleSet } from '../../../shared/rules/ruleset.ts';
import { checkIdNumber } from '../../../shared/idcard.ts';
import { townshipKey } from '../../../shared/places.ts';
import { villageIdentity } from '../../../shared/check.ts';
import { bool, RowTexts } from './rows.ts';
import { StoreQueries } from './queries.ts';
import { setMasterList } from './master-lists.ts';
import type { FileToStore, StoreProgress, VerdictToStore } from './records.ts';

const FROM_NUMBER = Object.freeze({ fromNumber: true });
const NOT_FROM_NUMBER = Object.freeze({ fromNumber: false });

/** From this many rows an import is a bulk one, written with a larger page cache (KiB, negative as SQLite takes it). */
const BULK_ROWS = 50_000;
const BULK_CACHE_KIB = -32768;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Rows written between two yields to the event loop: the transaction stays open, the caller does not freeze. */
const ROWS_PER_SLICE = 5000;

/** Writes: only through Store.write(), inside its transaction. */
export class StoreWriter extends StoreQueries {
  /** The village's id, created with these names the first time it is seen. */
  ensureVillage(township: string, village: string): number {
    const key = villageIdentity(township, village);
    const found = this.villageIdByKey(key);
    if (found !== null) return found;
    const tKey = townshipKey(township);
    const row = this.q.get('SELECT id FROM townships WHERE key = ?').get(tKey) as { id: number } | undefined;
    const tId = row ? row.id : Number(this.q.get('INSERT INTO townships (key, name) VALUES (?, ?)').run(tKey, township).lastInsertRowid);
    return Number(this.q.get('INSERT INTO villages (township_id, key, name) VALUES (?, ?, ?)').run(tId, key, village).lastInsertRowid);
  }

  insertImport(importedAt: string, ruleSet: RuleSet): number {
    return Number(this.q.get('INSERT INTO imports (imported_at, rule_set, rule_set_json) VALUES (?, ?, ?)').run(importedAt, ruleSet.name, JSON.stringify(ruleSet)).lastInsertRowid);
  }

  setImportCounts(importId: number, persons: number, villages: number): void {
    this.q.get('UPDATE imports SET persons = ?, villages = ? WHERE id = ?').run(persons, villages, importId);
  }

  /**
   * Writes the files of one import, their submissions, parts and rows. Yields to the event loop every
   * few thousand rows; the caller holds the transaction open across the yields.
   *
   * `chosen`: the parts the verdict was made from (shared/check.ts combineInputs picks one per village
   * and kind, not always the last one read). They are written after all other parts of the import, so
   * that "the current part is the one with the highest id" names exactly the parts that were judged.
   */
  async insertFiles(
    importId: number,
    files: readonly FileToStore[],
    villageIdOf: (input: VillageInput) => number,
    chosen: ReadonlySet<VillagePart> | null,
    onProgress?: (p: StoreProgress) => void,
  ): Promise<{ persons: number; fileIds: number[] }> {
    let rowsTotal = 0;
    for (const f of files) for (const input of f.inputs) for (const rows of new Set(input.parts.map((p) => (p.form === 'roster' ? p.rows : null)))) rowsTotal += rows?.length ?? 0;

    // A bulk import inserts into the id_key index in random order: with SQLite's default 2 MiB page cache
    // its pages are spilled and read back again and again. A larger cache for this transaction only; it
    // changes no durability (the transaction still lands whole or not at all).
    const cacheBefore = this.db.pragma('cache_size', { simple: true }) as number;
    if (rowsTotal >= BULK_ROWS) this.db.pragma(`cache_size = ${BULK_CACHE_KIB}`);
    try {
      return await this.insertRows(importId, files, villageIdOf, chosen, rowsTotal, onProgress);
    } finally {
      if (rowsTotal >= BULK_ROWS) this.db.pragma(`cache_size = ${cacheBefore}`);
    }
  }

  private async insertRows(
    importId: number,
    files: readonly FileToStore[],
    villageIdOf: (input: VillageInput) => number,
    chosen: ReadonlySet<VillagePart> | null,
    rowsTotal: number,
    onProgress?: (p: StoreProgress) => void,
  ): Promise<{ persons: number; fileIds: number[] }> {
    const texts = new RowTexts();
    const insFile = this.q.get('INSERT INTO import_files (import_id, name, path, hash, size, ok, message, report_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insSub = this.q.get(
      'INSERT INTO submissions (import_id, file_id, village_id, township_text, village_text, own_verdict, own_sheet, own_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insRoster = this.q.get('INSERT INTO rosters (submission_id, sheet) VALUES (?, ?)');
    const insPart = this.q.get(
      `INSERT INTO parts (submission_id, import_id, village_id, kind, form, roster_id, members, women, chair_seated, total, src_sheet, src_row, provisional)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insRow = this.q.get(
      `INSERT INTO person_rows (roster_id, row, name, display_name, declared_gender, id_number, id_from_number, id_key, post_text, seats, is_chair, other_posts, representative, education, birth_date, stated_age)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let persons = 0;
    let sinceYield = 0;
    const fileIds: number[] = [];
    const deferred: Array<{ subId: number; villageId: number; part: VillagePart; rosterId: number | null }> = [];
    const writePart = (subId: number, villageId: number, part: VillagePart, rosterId: number | null) => {
      const c = part.form === 'counts' ? part.counts : null;
      insPart.run(
        subId,
        importId,
        villageId,
        part.kind,
        part.form,
        rosterId,
        c && 'members' in c ? c.members : null,
        c ? c.women : null,
        c && 'chairSeated' in c ? bool(c.chairSeated) : null,
        c && 'total' in c ? c.total : null,
        part.source.sheet,
        part.source.row,
        part.provisional?.length ? JSON.stringify(part.provisional) : null,
      );
    };
    for (const f of files) {
      const fileId = Number(insFile.run(importId, f.name, f.path, f.hash, f.size, f.ok ? 1 : 0, f.message, JSON.stringify(f.report)).lastInsertRowid);
      fileIds.push(fileId);
      for (const input of f.inputs) {
        const villageId = villageIdOf(input);
        const own = input.ownVerdict;
        const subId = Number(insSub.run(importId, fileId, villageId, input.township, input.village, own ? (own.compliant ? 1 : 0) : null, own?.source.sheet ?? null, own?.source.row ?? null).lastInsertRowid);
        const rosterIds = new Map<PersonRow[], number>();
        for (const part of input.parts) {
          let rosterId: number | null = null;
          if (part.form === 'roster') {
            const known = rosterIds.get(part.rows);
            if (known !== undefined) rosterId = known;
            else {
              rosterId = Number(insRoster.run(subId, part.source.sheet).lastInsertRowid);
              rosterIds.set(part.rows, rosterId);
              for (const row of part.rows) {
                const check = row.idNumber ? checkIdNumber(row.idNumber, row.idFromNumber ? FROM_NUMBER : NOT_FROM_NUMBER) : null;
                insRow.run(
                  rosterId,
                  row.source.row,
                  row.name,
                  row.displayName,
                  row.declaredGender,
                  row.idNumber,
                  row.idFromNumber ? 1 : 0,
                  check?.valid ? check.normalized : null,
                  row.postText,
                  texts.seats(row.seats, row.seatUnknown),
                  row.isChair ? 1 : 0,
                  texts.posts(row.otherPosts),
                  bool(row.representative),
                  row.education ?? null,
                  row.birthDate ?? null,
                  row.statedAge ?? null,
                );
                persons++;
                if (++sinceYield >= ROWS_PER_SLICE) {
                  sinceYield = 0;
                  onProgress?.({ rows: persons, rowsTotal, file: f.name });
                  await yieldToEventLoop();
                }
              }
            }
          }
          if (chosen?.has(part)) deferred.push({ subId, villageId, part, rosterId });
          else writePart(subId, villageId, part, rosterId);
        }
      }
      onProgress?.({ rows: persons, rowsTotal, file: f.name });
    }
    for (const d of deferred) writePart(d.subId, d.villageId, d.part, d.rosterId);
    return { persons, fileIds };
  }

  insertFinding(importId: number, fileId: number | null, verdictId: number | null, villageId: number | null, f: Finding): void {
    this.q
      .get('INSERT INTO findings (import_id, file_id, verdict_id, village_id, severity, code, file, sheet, row, township, village, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(importId, fileId, verdictId, villageId, f.severity, f.code, f.file, f.sheet, f.row, f.township ?? null, f.village ?? null, f.message);
  }

  insertVerdict(importId: number, v: VerdictToStore): number {
    const { verdict } = v;
    const id = Number(
      this.q
        .get(
          `INSERT INTO verdicts (import_id, village_id, township_text, village_text, rule_set, status, committee_members, committee_women, representatives, women_representatives, provisional)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          importId,
          v.villageId,
          verdict.township,
          verdict.village,
          verdict.ruleSet,
          verdict.status,
          verdict.counts.committeeMembers,
          verdict.counts.committeeWomen,
          verdict.counts.representatives,
          verdict.counts.womenRepresentatives,
          verdict.provisional?.length ? JSON.stringify(verdict.provisional) : null,
        ).lastInsertRowid,
    );
    const insPart = this.q.get('INSERT INTO verdict_parts (verdict_id, ord, part, label, outcome, reason) VALUES (?, ?, ?, ?, ?, ?)');
    verdict.parts.forEach((p, i) => insPart.run(id, i, p.id, p.label, p.outcome, p.reason));
    for (const f of v.findings) this.insertFinding(importId, null, id, v.villageId, f);
    return id;
  }

  /** Deletes an import and everything it brought; what was current before it is current again. */
  deleteImport(importId: number): void {
    this.q.get('DELETE FROM imports WHERE id = ?').run(importId);
    // Places that nothing refers to any more were brought by this import alone.
    this.q
      .get(
        `DELETE FROM villages WHERE NOT EXISTS (SELECT 1 FROM submissions s WHERE s.village_id = villages.id)
           AND NOT EXISTS (SELECT 1 FROM expected_villages e WHERE e.village_id = villages.id)
           AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.village_id = villages.id)
           AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.village_id = villages.id)`,
      )
      .run();
    this.q.get('DELETE FROM townships WHERE NOT EXISTS (SELECT 1 FROM villages v WHERE v.township_id = townships.id)').run();
  }

  /** Loads a master list: it replaces the one in force, and every list stays kept (store/master-lists.ts). */
  setExpected(fileName: string, hash: string, setAt: string, villages: ReadonlyArray<{ villageId: number; township: string; village: string; source: SourceRef }>): number {
    return setMasterList(this.db, fileName, hash, setAt, villages);
  }
}

