// Which compiled better-sqlite3 addon the database connections load. The CLI, the tests and a packaged
// app use the package's own build (electron-builder rebuilds it for Electron when packing). The Electron
// window in development (`npm start`) runs a different ABI than Node, so it loads a copy built for
// Electron that scripts/start-electron.mjs keeps apart, leaving the Node build of the CLI and tests alone.

let addon: string | undefined;

/** Set once by the main process before the first connection; undefined = the package's own build. */
export function useSqliteAddon(file: string | undefined): void {
  addon = file;
}

/** The option every `new Database(…)` of the backend passes along. */
export function sqliteAddon(): { nativeBinding?: string } {
  return addon ? { nativeBinding: addon } : {};
}
