// The calls of each window that are still running in the main process, each with the AbortController its
// cancel (CANCEL_OP on the one IPC channel) aborts. Plain module: no electron import, tested in Node.
// A window can only reach its own calls: they are kept per sender.

import { z } from 'zod';

const cancelSchema = z.strictObject({ callId: z.string().min(1).max(64) });

/** The call id of a cancel request, or null when the request is malformed. */
export function cancelTarget(args: unknown): string | null {
  const r = cancelSchema.safeParse(args);
  return r.success ? r.data.callId : null;
}

export class RunningCalls<Owner extends object> {
  private readonly byOwner = new WeakMap<Owner, Map<string, AbortController>>();

  /** Registers a call; the signal aborts when `cancel(owner, id)` is asked. End it with `end`. */
  start(owner: Owner, id: string): AbortSignal {
    let calls = this.byOwner.get(owner);
    if (!calls) this.byOwner.set(owner, (calls = new Map()));
    const controller = new AbortController();
    calls.set(id, controller);
    return controller.signal;
  }

  end(owner: Owner, id: string): void {
    this.byOwner.get(owner)?.delete(id);
  }

  /** Aborts the call; false when no such call of this owner is running (done already, or never was). */
  cancel(owner: Owner, id: string): boolean {
    const controller = this.byOwner.get(owner)?.get(id);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  isRunning(owner: Owner, id: string): boolean {
    return this.byOwner.get(owner)?.has(id) ?? false;
  }

  /** How many calls of this owner are running. */
  count(owner: Owner): number {
    return this.byOwner.get(owner)?.size ?? 0;
  }
}
