// The store as it stood right after an earlier import: the same queries as StoreQueries, with "current"
// meaning the latest part, verdict and import up to that import. Imports only add rows (undo deletes a
// whole import), so the state after import N is exactly what has import_id <= N. The views of
// monitoring/views.ts run unchanged over it, so a report as of an import says what status said then.
//
// The master list is the one in force then (store/master-lists.ts keeps every list loaded).

import type { PartKind } from '../../../shared/model.ts';
import { StoreQueries, type FindingRecord, type ImportRecord, type PartRecord, type VerdictPartRecord, type VerdictRecord } from './store.ts';

const PARTS_UPTO = 'SELECT max(id) AS id FROM parts WHERE import_id <= @cut GROUP BY village_id, kind';
const VERDICTS_UPTO = 'SELECT max(id) AS id FROM verdicts WHERE import_id <= @cut GROUP BY village_id';

export class AsOfQueries extends StoreQueries {
  constructor(
    db: StoreQueries['db'],
    /** The last import the state includes. */
    readonly importId: number,
    /** The cut is the latest import and the state now is meant: the master list in force now, even one loaded after it. */
    private readonly now = false,
  ) {
    super(db);
  }

  override cut(): { id: number; imported_at: string } | null {
    if (this.now) return null;
    const r = this.q.get('SELECT id, imported_at FROM imports WHERE id = ?').get(this.importId) as { id: number; imported_at: string } | undefined;
    if (!r) throw new AsOfError(`找不到编号为 ${this.importId} 的导入记录（可能已撤销）`);
    return r;
  }

  /** The rule set the import at the cut was judged under, as stored with it. */
  ruleSetJson(): string | null {
    const r = this.q.get('SELECT rule_set_json FROM imports WHERE id = ?').get(this.importId) as { rule_set_json: string } | undefined;
    return r ? r.rule_set_json : null;
  }

  override lastImport(): ImportRecord | null {
    return (this.q.get('SELECT id, imported_at, rule_set, persons, villages FROM imports WHERE id <= ? ORDER BY id DESC LIMIT 1').get(this.importId) as ImportRecord | undefined) ?? null;
  }

  override imports(): ImportRecord[] {
    return this.q.get('SELECT id, imported_at, rule_set, persons, villages FROM imports WHERE id <= ? ORDER BY id DESC').all(this.importId) as ImportRecord[];
  }

  override currentParts(villageId: number): PartRecord[] {
    return this.q
      .get(
        `SELECT p.*, f.name AS file_name, f.id AS file_id, i.imported_at,
                (SELECT count(*) FROM person_rows r WHERE r.roster_id = p.roster_id) AS rows
         FROM parts p JOIN submissions s ON s.id = p.submission_id JOIN import_files f ON f.id = s.file_id JOIN imports i ON i.id = p.import_id
         WHERE p.id IN (SELECT max(id) FROM parts WHERE village_id = @v AND import_id <= @cut GROUP BY kind) ORDER BY p.kind`,
      )
      .all({ v: villageId, cut: this.importId }) as PartRecord[];
  }

  override reportedVillageIds(): number[] {
    return (this.q.get('SELECT DISTINCT village_id FROM parts WHERE import_id <= ?').all(this.importId) as Array<{ village_id: number }>).map((r) => r.village_id);
  }

  override currentVerdicts(): VerdictRecord[] {
    return this.q.get(`SELECT v.* FROM verdicts v WHERE v.id IN (${VERDICTS_UPTO}) ORDER BY v.village_id`).all({ cut: this.importId }) as VerdictRecord[];
  }

  override currentVerdictParts(): VerdictPartRecord[] {
    return this.q.get(`SELECT * FROM verdict_parts WHERE verdict_id IN (${VERDICTS_UPTO}) ORDER BY verdict_id, ord`).all({ cut: this.importId }) as VerdictPartRecord[];
  }

  override reportedAt(): Map<number, string> {
    const rows = this.q
      .get(`SELECT p.village_id, max(i.imported_at) AS at FROM parts p JOIN imports i ON i.id = p.import_id WHERE p.id IN (${PARTS_UPTO}) GROUP BY p.village_id`)
      .all({ cut: this.importId }) as Array<{ village_id: number; at: string }>;
    return new Map(rows.map((r) => [r.village_id, r.at]));
  }

  override currentPartSummaries(): Array<{ village_id: number; kind: PartKind; form: 'roster' | 'counts'; file_name: string; import_id: number; imported_at: string }> {
    return this.q
      .get(
        `SELECT p.village_id, p.kind, p.form, f.name AS file_name, p.import_id, i.imported_at
         FROM parts p JOIN submissions s ON s.id = p.submission_id JOIN import_files f ON f.id = s.file_id JOIN imports i ON i.id = p.import_id
         WHERE p.id IN (${PARTS_UPTO})`,
      )
      .all({ cut: this.importId }) as Array<{ village_id: number; kind: PartKind; form: 'roster' | 'counts'; file_name: string; import_id: number; imported_at: string }>;
  }

  /** The findings that described the data then (the same selection as StoreQueries.currentFindings). */
  override currentFindings(villageId?: number): FindingRecord[] {
    const sql = `WITH cur AS (SELECT p.village_id, s.file_id FROM parts p JOIN submissions s ON s.id = p.submission_id WHERE p.id IN (${PARTS_UPTO}))
         SELECT f.* FROM findings f WHERE f.import_id <= @cut AND (
              (f.verdict_id IS NOT NULL AND f.verdict_id IN (${VERDICTS_UPTO}))
           OR (f.verdict_id IS NULL AND f.file_id IS NOT NULL AND (
                 (f.village_id IS NOT NULL AND EXISTS (SELECT 1 FROM cur WHERE cur.file_id = f.file_id AND cur.village_id = f.village_id))
              OR (f.village_id IS NULL AND (EXISTS (SELECT 1 FROM cur WHERE cur.file_id = f.file_id)
                     OR (f.import_id = @cut AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.file_id = f.file_id)))))))
           ${villageId !== undefined ? 'AND f.village_id = @v' : ''}
         ORDER BY f.id`;
    const params = villageId !== undefined ? { cut: this.importId, v: villageId } : { cut: this.importId };
    return this.q.get(sql).all(params) as FindingRecord[];
  }
}

/** Thrown for an --as-of that names no import; the message is for people. */
export class AsOfError extends Error {}

/**
 * The import an `--as-of` names: an import's number, or a date (YYYY-MM-DD, or YYYY年M月D日) meaning the
 * last import made on or before that day (local time).
 */
export function resolveAsOf(q: StoreQueries, asOf: string | number): ImportRecord {
  const all = q.imports();
  const text = String(asOf).trim();
  if (/^\d+$/u.test(text)) {
    const found = all.find((i) => i.id === Number(text));
    if (!found) throw new AsOfError(`找不到编号为 ${text} 的导入记录（现有：${all.map((i) => i.id).reverse().join('、') || '无'}）`);
    return found;
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(text);
  if (!m) throw new AsOfError(`“${text}”不是导入编号，也不是日期（如 2026-12-01）`);
  const endOfDay = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999);
  if (endOfDay.getMonth() !== Number(m[2]) - 1) throw new AsOfError(`日期“${text}”不存在`);
  const found = all.find((i) => new Date(i.imported_at).getTime() <= endOfDay.getTime());
  if (!found) throw new AsOfError(`${m[1]}年${Number(m[2])}月${Number(m[3])}日及以前没有导入记录`);
  return found;
}
