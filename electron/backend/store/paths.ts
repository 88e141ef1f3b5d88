// Where the database lives by default: Electron's userData folder for an app named "quota-watch",
// computed the way Electron does, so the CLI and the window share one file without Electron loaded.

import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'quota-watch';
export const DB_FILE_NAME = 'quota-watch.sqlite';

/** Electron's `app.getPath('appData')` for this platform. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  if (platform === 'win32') return env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
}

/** The database path the CLI and the app use unless `--db PATH` says otherwise. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return join(appDataDir(env, platform, home), APP_DIR_NAME, DB_FILE_NAME);
}
