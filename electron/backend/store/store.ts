// The store: two connections to one file. The writer is used only inside `write()` (one transaction at a
// time, queued); the query-only reader lets the window browse the last committed state while a long
// import is being written. Queries live in queries.ts, writes in writer.ts, record types in records.ts.

import type Database from 'better-sqlite3';
import { openDatabase, openReader, type OpenOptions, type OpenedDb } from './open.ts';
import { mapDbError } from './errors.ts';
import { StoreQueries } from './queries.ts';
import { StoreWriter } from './writer.ts';

export * from './records.ts';
export { StoreQueries } from './queries.ts';
export { StoreWriter } from './writer.ts';

export class Store {
  readonly path: string;
  readonly writer: StoreWriter;
  readonly reader: StoreQueries;
  readonly opened: Omit<OpenedDb, 'db'>;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(opened: OpenedDb, reader: Database.Database) {
    this.path = opened.path;
    this.writer = new StoreWriter(opened.db);
    this.reader = new StoreQueries(reader);
    this.opened = { path: opened.path, created: opened.created, migratedFrom: opened.migratedFrom, backupPath: opened.backupPath };
  }

  static open(file: string, options: OpenOptions = {}): Store {
    const opened = openDatabase(file, options);
    let reader: Database.Database;
    try {
      reader = openReader(opened.path, options.busyTimeoutMs ?? 5000);
    } catch (err) {
      opened.db.close();
      throw err;
    }
    return new Store(opened, reader);
  }

  /**
   * Runs `fn` in one write transaction (BEGIN IMMEDIATE … COMMIT), after any write already running.
   * `fn` may await: the transaction stays open and the writer is used by nobody else meanwhile. Any
   * error rolls everything back.
   */
  write<T>(fn: (w: StoreWriter) => Promise<T> | T): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.closed) throw new Error('数据库已关闭');
      const db = this.writer.db;
      try {
        db.exec('BEGIN IMMEDIATE');
      } catch (err) {
        throw mapDbError(err, this.path);
      }
      try {
        const value = await fn(this.writer);
        db.exec('COMMIT');
        return value;
      } catch (err) {
        if (db.inTransaction) {
          try {
            db.exec('ROLLBACK');
          } catch {
            /* the connection rolls back by itself when it cannot */
          }
        }
        throw mapDbError(err, this.path);
      }
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /** Runs a read on the reader, mapping SQLite errors to StoreErrors. */
  read<T>(fn: (r: StoreQueries) => T): T {
    if (this.closed) throw new Error('数据库已关闭');
    try {
      return fn(this.reader);
    } catch (err) {
      throw mapDbError(err, this.path);
    }
  }

  /** An async read on the reader (it may yield; what it reads is the last committed state at each query). */
  async readAsync<T>(fn: (r: StoreQueries) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('数据库已关闭');
    try {
      return await fn(this.reader);
    } catch (err) {
      throw mapDbError(err, this.path);
    }
  }

  /** Waits for a running write, then closes both connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    this.reader.db.close();
    this.writer.db.close();
  }
}
