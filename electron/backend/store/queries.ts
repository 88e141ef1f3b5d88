// Queries that run on either connection: the reader for views, the writer inside an import.

import type Database from 'better-sqlite3';
import type { PartKind, PersonRow, SourceRef, VillagePart, VillageInput } from '../../../shared/model.ts';
import type { FileReport } from '../../../shared/reading/read.ts';
import { coverageOf, isFull, overlayCommittees } from '../../../shared/overlay.ts';
import { decodePersonRow, PERSON_ROW_COLUMNS, unbool, type PersonRowRecord } from './rows.ts';
import { listEntries, listInForce, listedPlacesAt, type Cut, type MasterListRecord } from './master-lists.ts';
import { placeFlags } from './views.ts';
import type { ListedPlace } from '../../../shared/master-list.ts';
import type { ExpectedRecord, FileRecord, FindingRecord, ImportRecord, PartRecord, PlaceRecord, SubmissionRecord, VerdictPartRecord, VerdictRecord } from './records.ts';

/** Current part ids: the latest part of each village and kind. */
export const CURRENT_PARTS = 'SELECT max(id) AS id FROM parts GROUP BY village_id, kind';
export const CURRENT_VERDICTS = 'SELECT max(id) AS id FROM verdicts GROUP BY village_id';

export class Statements {
  private cache = new Map<string, Database.Statement>();
  constructor(readonly db: Database.Database) {}
  get(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) this.cache.set(sql, (s = this.db.prepare(sql)));
    return s;
  }
}

/** Queries that run on either connection: the reader for views, the writer inside an import. */
export class StoreQueries {
  protected readonly q: Statements;
  constructor(readonly db: Database.Database) {
    this.q = new Statements(db);
  }

  villageIdByKey(key: string): number | null {
    const r = this.q.get('SELECT id FROM villages WHERE key = ?').get(key) as { id: number } | undefined;
    return r ? r.id : null;
  }

  place(villageId: number): PlaceRecord | null {
    return (
      (this.q
        .get('SELECT v.id AS village_id, v.name AS village, t.id AS township_id, t.name AS township FROM villages v JOIN townships t ON t.id = v.township_id WHERE v.id = ?')
        .get(villageId) as PlaceRecord | undefined) ?? null
    );
  }

  places(): PlaceRecord[] {
    return this.q
      .get('SELECT v.id AS village_id, v.name AS village, t.id AS township_id, t.name AS township FROM villages v JOIN townships t ON t.id = v.township_id ORDER BY t.id, v.id')
      .all() as PlaceRecord[];
  }

  townshipsAll(): Array<{ id: number; name: string }> {
    return this.q.get('SELECT id, name FROM townships ORDER BY id').all() as Array<{ id: number; name: string }>;
  }

  // ---- imports and files

  lastImport(): ImportRecord | null {
    return (this.q.get('SELECT id, imported_at, rule_set, persons, villages FROM imports ORDER BY id DESC LIMIT 1').get() as ImportRecord | undefined) ?? null;
  }

  importById(id: number): ImportRecord | null {
    return (this.q.get('SELECT id, imported_at, rule_set, persons, villages FROM imports WHERE id = ?').get(id) as ImportRecord | undefined) ?? null;
  }

  imports(): ImportRecord[] {
    return this.q.get('SELECT id, imported_at, rule_set, persons, villages FROM imports ORDER BY id DESC').all() as ImportRecord[];
  }

  previousImport(id: number): ImportRecord | null {
    return (this.q.get('SELECT id, imported_at, rule_set, persons, villages FROM imports WHERE id < ? ORDER BY id DESC LIMIT 1').get(id) as ImportRecord | undefined) ?? null;
  }

  filesOf(importId: number): FileRecord[] {
    return this.q.get('SELECT id, import_id, name, path, hash, size, ok, message FROM import_files WHERE import_id = ? ORDER BY id').all(importId) as FileRecord[];
  }

  fileReport(fileId: number): FileReport | null {
    const r = this.q.get('SELECT report_json FROM import_files WHERE id = ?').get(fileId) as { report_json: string } | undefined;
    return r ? (JSON.parse(r.report_json) as FileReport) : null;
  }

  /** A stored file with these bytes that gave villages: importing it again would change nothing. */
  fileByHash(hash: string): { name: string; imported_at: string; import_id: number } | null {
    return (
      (this.q
        .get(
          `SELECT f.name, i.imported_at, i.id AS import_id FROM import_files f JOIN imports i ON i.id = f.import_id
           WHERE f.hash = ? AND f.ok = 1 AND EXISTS (SELECT 1 FROM submissions s WHERE s.file_id = f.id) ORDER BY f.id LIMIT 1`,
        )
        .get(hash) as { name: string; imported_at: string; import_id: number } | undefined) ?? null
    );
  }

  // ---- current parts → VillageInput (the one way stored rosters go back to shared/check.ts)

  currentParts(villageId: number): PartRecord[] {
    return this.q
      .get(
        `SELECT p.*, f.name AS file_name, f.id AS file_id, i.imported_at,
                (SELECT count(*) FROM person_rows r WHERE r.roster_id = p.roster_id) AS rows
         FROM parts p JOIN submissions s ON s.id = p.submission_id JOIN import_files f ON f.id = s.file_id JOIN imports i ON i.id = p.import_id
         WHERE p.id IN (SELECT max(id) FROM parts WHERE village_id = ? GROUP BY kind) ORDER BY p.kind`,
      )
      .all(villageId) as PartRecord[];
  }

  private rosterRows(rosterId: number, file: string): PersonRow[] {
    const roster = this.q.get('SELECT sheet FROM rosters WHERE id = ?').get(rosterId) as { sheet: string };
    const rows = this.q
      .get(
        `SELECT ${PERSON_ROW_COLUMNS} FROM person_rows WHERE roster_id = ? ORDER BY id`,
      )
      .all(rosterId) as PersonRowRecord[];
    return rows.map((r) => decodePersonRow(r, file, roster.sheet));
  }

  /**
   * The village's current parts as one VillageInput, leaving out `exclude` kinds. Parts that shared a
   * roster when imported share one row array again (shared/persons.ts relies on row identity). The
   * township's own verdict is taken from the latest import that gave a current part, as check.ts
   * would have taken it from that import's inputs.
   */
  currentInput(villageId: number, exclude: ReadonlySet<PartKind> = new Set(), withOwnVerdict = true): VillageInput | null {
    const place = this.place(villageId);
    if (!place) return null;
    const parts = this.currentParts(villageId);
    const rosters = new Map<number, PersonRow[]>();
    const out: VillagePart[] = [];
    for (const p of parts) {
      if (exclude.has(p.kind)) continue;
      const source: SourceRef = { file: p.file_name, sheet: p.src_sheet, row: p.src_row };
      // A part read on a guess stays 待核对 when the village is judged again from the store.
      const provisional = p.provisional ? { provisional: JSON.parse(p.provisional) as string[] } : {};
      if (p.form === 'roster') {
        let rows = rosters.get(p.roster_id!);
        if (!rows) rosters.set(p.roster_id!, (rows = this.rosterRows(p.roster_id!, p.file_name)));
        if (p.kind === 'committees') rows = this.overlaidCommittees(p, rows);
        out.push({ kind: p.kind, form: 'roster', rows, source, ...provisional } as VillagePart);
      } else if (p.kind === 'committees') {
        out.push({ kind: 'committees', form: 'counts', counts: { members: p.members, women: p.women, chairSeated: unbool(p.chair_seated) }, source, ...provisional });
      } else {
        out.push({ kind: 'representatives', form: 'counts', counts: { total: p.total, women: p.women }, source, ...provisional });
      }
    }
    if (out.length === 0) return null;
    let ownVerdict: VillageInput['ownVerdict'] = null;
    if (withOwnVerdict && parts.length > 0) {
      const latest = Math.max(...parts.map((p) => p.import_id));
      const own = this.q
        .get(
          `SELECT s.own_verdict, s.own_sheet, s.own_row, f.name AS file_name FROM submissions s JOIN import_files f ON f.id = s.file_id
           WHERE s.village_id = ? AND s.import_id = ? AND s.own_verdict IS NOT NULL ORDER BY s.id DESC LIMIT 1`,
        )
        .get(villageId, latest) as { own_verdict: number; own_sheet: string; own_row: number | null; file_name: string } | undefined;
      if (own) ownVerdict = { compliant: own.own_verdict !== 0, source: { file: own.file_name, sheet: own.own_sheet, row: own.own_row } };
    }
    return { township: place.township, village: place.village, parts: out, ownVerdict };
  }

  /**
   * The committees as judged: the newest roster, over the older rosters of the village for what it does
   * not cover (a roster of the Party committee alone leaves the villagers' committee of an older one),
   * back to a roster that covers everything or a count table. As shared/check.ts combines one run's inputs.
   */
  private overlaidCommittees(newest: PartRecord, rows: PersonRow[]): PersonRow[] {
    let covered = coverageOf(rows);
    if (isFull(covered)) return rows;
    const older = this.q
      .get(
        `SELECT p.id, p.form, p.roster_id, f.name AS file_name FROM parts p JOIN submissions s ON s.id = p.submission_id JOIN import_files f ON f.id = s.file_id
         WHERE p.village_id = ? AND p.kind = 'committees' AND p.id < ? ORDER BY p.id DESC`,
      )
      .all(newest.village_id, newest.id) as Array<{ id: number; form: string; roster_id: number | null; file_name: string }>;
    const layers: PersonRow[][] = [rows];
    for (const o of older) {
      if (o.form !== 'roster') break;
      const r = this.rosterRows(o.roster_id!, o.file_name);
      layers.push(r);
      const c = coverageOf(r);
      covered = { party: covered.party || c.party, villagers: covered.villagers || c.villagers, chair: covered.chair || c.chair };
      if (isFull(covered)) break;
    }
    // Oldest first, each newer one laid over what came before.
    let out = layers[layers.length - 1];
    for (let i = layers.length - 2; i >= 0; i--) out = overlayCommittees(out, layers[i]);
    return out;
  }

  /** Village ids that hold a current part. */
  reportedVillageIds(): number[] {
    return (this.q.get('SELECT DISTINCT village_id FROM parts').all() as Array<{ village_id: number }>).map((r) => r.village_id);
  }

  /**
   * Villages other than `exclude` whose current rosters hold one of these (valid, normalised) ID numbers.
   * Used to find one person in two villages when only some villages are judged again.
   */
  villagesHoldingIds(ids: Iterable<string>, exclude: ReadonlySet<number>): Set<number> {
    const found = new Set<number>();
    const currentCache = new Map<string, number>();
    const byId = this.q.get('SELECT p.id, p.village_id, p.kind FROM person_rows r JOIN parts p ON p.roster_id = r.roster_id WHERE r.id_key = ?');
    const latest = this.q.get('SELECT max(id) AS id FROM parts WHERE village_id = ? AND kind = ?');
    for (const id of ids) {
      for (const hit of byId.all(id) as Array<{ id: number; village_id: number; kind: string }>) {
        if (exclude.has(hit.village_id) || found.has(hit.village_id)) continue;
        const key = `${hit.village_id}|${hit.kind}`;
        let cur = currentCache.get(key);
        if (cur === undefined) currentCache.set(key, (cur = (latest.get(hit.village_id, hit.kind) as { id: number }).id));
        if (cur === hit.id) found.add(hit.village_id);
      }
    }
    return found;
  }

  // ---- verdicts

  currentVerdicts(): VerdictRecord[] {
    return this.q.get(`SELECT v.* FROM verdicts v WHERE v.id IN (${CURRENT_VERDICTS}) ORDER BY v.village_id`).all() as VerdictRecord[];
  }

  currentVerdictParts(): VerdictPartRecord[] {
    return this.q.get(`SELECT * FROM verdict_parts WHERE verdict_id IN (${CURRENT_VERDICTS}) ORDER BY verdict_id, ord`).all() as VerdictPartRecord[];
  }

  verdictsOfImport(importId: number): VerdictRecord[] {
    return this.q.get('SELECT * FROM verdicts WHERE import_id = ? ORDER BY id').all(importId) as VerdictRecord[];
  }

  verdictBefore(villageId: number, verdictId: number): VerdictRecord | null {
    return (this.q.get('SELECT * FROM verdicts WHERE village_id = ? AND id < ? ORDER BY id DESC LIMIT 1').get(villageId, verdictId) as VerdictRecord | undefined) ?? null;
  }

  verdictsOfVillage(villageId: number): VerdictRecord[] {
    return this.q.get('SELECT * FROM verdicts WHERE village_id = ? ORDER BY id DESC').all(villageId) as VerdictRecord[];
  }

  verdictParts(verdictId: number): VerdictPartRecord[] {
    return this.q.get('SELECT * FROM verdict_parts WHERE verdict_id = ? ORDER BY ord').all(verdictId) as VerdictPartRecord[];
  }

  /** When each village's current roster came in: the latest import among its current parts. */
  reportedAt(): Map<number, string> {
    const rows = this.q
      .get(`SELECT p.village_id, max(i.imported_at) AS at FROM parts p JOIN imports i ON i.id = p.import_id WHERE p.id IN (${CURRENT_PARTS}) GROUP BY p.village_id`)
      .all() as Array<{ village_id: number; at: string }>;
    return new Map(rows.map((r) => [r.village_id, r.at]));
  }

  /** The current parts of every village, without their rows. */
  currentPartSummaries(): Array<{ village_id: number; kind: PartKind; form: 'roster' | 'counts'; file_name: string; import_id: number; imported_at: string }> {
    return this.q
      .get(
        `SELECT p.village_id, p.kind, p.form, f.name AS file_name, p.import_id, i.imported_at
         FROM parts p JOIN submissions s ON s.id = p.submission_id JOIN import_files f ON f.id = s.file_id JOIN imports i ON i.id = p.import_id
         WHERE p.id IN (${CURRENT_PARTS})`,
      )
      .all() as Array<{ village_id: number; kind: PartKind; form: 'roster' | 'counts'; file_name: string; import_id: number; imported_at: string }>;
  }

  /** What each import sent for a village: files and part kinds, newest first. */
  submissionsOfVillage(villageId: number): SubmissionRecord[] {
    return this.q
      .get(
        `SELECT s.id, s.import_id, i.imported_at, f.name AS file_name,
                (SELECT group_concat(kind) FROM parts p WHERE p.submission_id = s.id) AS kinds,
                (SELECT count(*) FROM person_rows r JOIN rosters ro ON ro.id = r.roster_id WHERE ro.submission_id = s.id) AS rows
         FROM submissions s JOIN imports i ON i.id = s.import_id JOIN import_files f ON f.id = s.file_id
         WHERE s.village_id = ? ORDER BY s.id DESC`,
      )
      .all(villageId) as SubmissionRecord[];
  }

  // ---- findings

  /**
   * Findings that still describe the current data: those of current verdicts, and reading findings of
   * files that still give a current part of the village they name (or of any village, for findings
   * naming none); a file that gave no village at all is shown while its import is the latest.
   */
  currentFindings(villageId?: number): FindingRecord[] {
    if (villageId !== undefined) return this.currentFindingsSql('AND f.village_id = ?').all(villageId) as FindingRecord[];
    return this.currentFindingsSql('').all() as FindingRecord[];
  }

  private currentFindingsSql(extra: string): Database.Statement {
    return this.q
      .get(
        `WITH cur AS (SELECT p.village_id, s.file_id FROM parts p JOIN submissions s ON s.id = p.submission_id WHERE p.id IN (${CURRENT_PARTS})),
              latest AS (SELECT max(id) AS id FROM imports)
         SELECT f.* FROM findings f WHERE (
              (f.verdict_id IS NOT NULL AND f.verdict_id IN (${CURRENT_VERDICTS}))
           OR (f.verdict_id IS NULL AND f.file_id IS NOT NULL AND (
                 (f.village_id IS NOT NULL AND EXISTS (SELECT 1 FROM cur WHERE cur.file_id = f.file_id AND cur.village_id = f.village_id))
              OR (f.village_id IS NULL AND (EXISTS (SELECT 1 FROM cur WHERE cur.file_id = f.file_id)
                     OR (f.import_id = (SELECT id FROM latest) AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.file_id = f.file_id)))))))
           ${extra}
         ORDER BY f.id`,
      );
  }

  /**
   * One page of the current findings and how many there are, filtered in SQL (village, severity, code):
   * a count for the overview does not read every finding.
   */
  currentFindingsPage(filter: { villageId?: number; severity?: string; code?: string }, offset: number, limit: number | undefined): { total: number; rows: FindingRecord[] } {
    const conds: string[] = [];
    const params: unknown[] = [];
    if (filter.villageId !== undefined) (conds.push('AND f.village_id = ?'), params.push(filter.villageId));
    if (filter.severity !== undefined) (conds.push('AND f.severity = ?'), params.push(filter.severity));
    if (filter.code !== undefined) (conds.push('AND f.code = ?'), params.push(filter.code));
    const sql = this.currentFindingsSql(conds.join(' ')).source;
    const total = (this.q.get(`SELECT count(*) AS n FROM (${sql})`).get(...params) as { n: number }).n;
    const rows = this.q.get(`${sql} LIMIT ? OFFSET ?`).all(...params, limit ?? -1, offset) as FindingRecord[];
    return { total, rows };
  }

  allFindings(): FindingRecord[] {
    return this.q.get('SELECT * FROM findings ORDER BY id').all() as FindingRecord[];
  }

  findingsOfImport(importId: number): FindingRecord[] {
    return this.q.get('SELECT * FROM findings WHERE import_id = ? ORDER BY id').all(importId) as FindingRecord[];
  }

  // ---- master list (store/master-lists.ts keeps every list loaded; AsOfQueries names its cut)

  /** The import this state stops at: null for the state now. */
  cut(): Cut {
    return null;
  }

  expected(): ExpectedRecord[] {
    return listEntries(this.db, this.masterList());
  }

  masterList(): MasterListRecord | null {
    return listInForce(this.db, this.cut());
  }

  /** Every place reported or on the list in force, with its two flags (for the master list's matching). */
  listedPlaces(): ListedPlace[] {
    const cut = this.cut();
    return cut ? listedPlacesAt(this.db, cut) : placeFlags(this.db);
  }

  counts(): { imports: number; files: number; villages: number; persons: number } {
    return this.q
      .get(
        `SELECT (SELECT count(*) FROM imports) AS imports, (SELECT count(*) FROM import_files) AS files,
                (SELECT count(DISTINCT village_id) FROM parts) AS villages, (SELECT count(*) FROM person_rows) AS persons`,
      )
      .get() as { imports: number; files: number; villages: number; persons: number };
  }
}

