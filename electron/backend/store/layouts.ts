// The layouts table (migration 4): layouts a person confirmed, keyed by the table's header signature.
// Read on the reader or the writer, written in the store's one write queue.

import type Database from 'better-sqlite3';
import type { RememberedLayout } from '../../../shared/reading/corrections.ts';

export interface StoredLayout extends RememberedLayout {
  sheet: string;
  savedAt: string;
}

interface Row {
  id: number;
  signature: string;
  layout: string;
  file: string;
  sheet: string;
  saved_at: string;
}

function hasTable(db: Database.Database): boolean {
  // A file opened below migration 4 (tests build such files) has none remembered.
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'layouts'").get();
}

/** Every remembered layout, the latest first; one whose JSON this program cannot read is left out. */
export function listLayouts(db: Database.Database): StoredLayout[] {
  if (!hasTable(db)) return [];
  const rows = db.prepare('SELECT id, signature, layout, file, sheet, saved_at FROM layouts ORDER BY id DESC').all() as Row[];
  return rows.flatMap((r) => {
    try {
      return [{ id: r.id, signature: r.signature, layout: JSON.parse(r.layout) as RememberedLayout['layout'], file: r.file, sheet: r.sheet, savedAt: r.saved_at }];
    } catch {
      return [];
    }
  });
}

/** Remembers a confirmed layout; a later one with the same signature replaces it. Returns its id. */
export function saveLayout(db: Database.Database, l: Omit<StoredLayout, 'id'>): number {
  const row = db
    .prepare(
      `INSERT INTO layouts (signature, layout, file, sheet, saved_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(signature) DO UPDATE SET layout = excluded.layout, file = excluded.file, sheet = excluded.sheet, saved_at = excluded.saved_at
       RETURNING id`,
    )
    .get(l.signature, JSON.stringify(l.layout), l.file, l.sheet, l.savedAt) as { id: number };
  return row.id;
}

/** Forgets a remembered layout; false when there is none of that id. */
export function forgetLayout(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM layouts WHERE id = ?').run(id).changes > 0;
}
