// The settings table (migration 3): one JSON value per key. Read on the reader or the writer, written in
// the store's one write queue.

import type Database from 'better-sqlite3';

export function readSetting<T>(db: Database.Database, key: string): T | null {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get();
  if (!table) return null; // a file opened below migration 3 (tests build such files)
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return null; // a value this program cannot read counts as not set
  }
}

export function writeSetting(db: Database.Database, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
