// The command line's one way to open the database for a command: a store that cannot be opened is a
// Chinese line on stderr and exit code 2; the backend is closed whatever the command returns or throws.

import { Backend, defaultDbPath } from './backend/service.ts';
import { StoreError } from './backend/store/errors.ts';
import type { OpenOptions } from './backend/store/open.ts';

export type Out = (s: string) => void;

/** Opens the database at `db` (the default place when absent), runs `command` on it, and closes it. */
export async function withBackend(db: string | undefined, err: Out, command: (backend: Backend) => Promise<number>, options: OpenOptions = {}): Promise<number> {
  let backend: Backend;
  try {
    backend = Backend.open(db ?? defaultDbPath(), options);
  } catch (e) {
    if (e instanceof StoreError) {
      err(e.message);
      return 2;
    }
    throw e;
  }
  try {
    return await command(backend);
  } finally {
    await backend.close();
  }
}
