// Prepared statements kept per connection: the store's modules of plain functions (views, master lists)
// prepare each SQL text once per database connection.

import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement for this SQL on this connection, prepared the first time it is asked for. */
export function prepare(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}
