// The Electron window in development loads better-sqlite3 built for Electron (scripts/start-electron.mjs
// keeps it apart from the Node build). Every connection the backend opens must take that addon: the
// database and its reader, and the ones backup and restore open. Shown here with the Node build named
// explicitly (it works) and with a file that is no addon (every one of them fails).

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import { useSqliteAddon } from '../../electron/backend/store/sqlite-addon.ts';
import { removeDir, tempDir } from '../store/helpers.ts';

const require = createRequire(import.meta.url);
const NODE_ADDON = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

let dir: string;
beforeEach(() => (dir = tempDir('qw-addon-')));
afterEach(() => {
  useSqliteAddon(undefined);
  removeDir(dir);
});

describe('the better-sqlite3 addon the backend loads', () => {
  it('a named addon is used by the database, its reader, backup and restore', async () => {
    useSqliteAddon(NODE_ADDON);
    const b = Backend.open(path.join(dir, 'a.sqlite'));
    const target = path.join(dir, 'b.sqlite');
    expect((await b.handle('backupDatabase', { path: target })).ok).toBe(true);
    expect((await b.handle('inspectBackup', { path: target })).ok).toBe(true);

    const notAnAddon = path.join(dir, 'fake.node');
    fs.writeFileSync(notAnAddon, 'not a shared library');
    useSqliteAddon(notAnAddon);
    // New connections fail: a backup (it opens the copy), a restore check, and opening another database.
    const backup = await b.handle('backupDatabase', { path: path.join(dir, 'c.sqlite') });
    expect(backup.ok).toBe(false);
    expect(fs.existsSync(path.join(dir, 'c.sqlite'))).toBe(false);
    expect((await b.handle('inspectBackup', { path: target })).ok).toBe(false);
    expect(() => Backend.open(path.join(dir, 'd.sqlite'))).toThrow();
    useSqliteAddon(undefined);
    await b.close();
  });
});
