// What every area of the backend shares: the context its handlers run in (the store, the rule set, the
// options, the clock), the failure a handler throws for a request it refuses, and small file helpers.
// No electron import: plain Node runs and tests all of electron/backend/.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ApiErrorCode, ApiOp, ApiReplies, ApiRequests, ImportProgress } from '../../shared/api.ts';
import type { RuleSet } from '../../shared/rules/ruleset.ts';
import type { PoolOptions } from './read-pool.ts';
import type { OpenOptions } from './store/open.ts';
import type { Store } from './store/store.ts';
import type { PreviewCache } from './imports/previews.ts';

/** A request the backend refuses, with a Chinese message (not found, nothing to undo …). */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
  }
}

export interface BackendOptions extends OpenOptions {
  /** The rule set imports are judged under; the built-in "两进一有" by default. */
  ruleSet?: RuleSet;
  /** Worker pool settings for reading files (concurrency, time and memory bounds). */
  pool?: Omit<PoolOptions, 'onProgress' | 'readOptions'>;
  /** The clock, for tests. */
  now?: () => Date;
  /** How many previews are kept for commitImport, and for how long. */
  maxPreviews?: number;
  previewTtlMs?: number;
  /** Where the detail of an unexpected error goes (the window only gets a plain sentence); stderr by default. */
  log?: (line: string) => void;
}

export interface CallOptions {
  onProgress?: (p: ImportProgress) => void;
}

/** What a handler runs with: one per Backend. */
export interface BackendContext {
  /** The store of the moment: a restore replaces it (read it on each use, do not keep it). */
  readonly store: Store;
  /** The rule set in force: the caller's (CLI --rules), else the stored setting, else "两进一有". */
  readonly ruleSet: RuleSet;
  /** True when the caller gave the rule set, so the stored setting is not what this run uses. */
  readonly ruleSetOverridden: boolean;
  readonly options: BackendOptions;
  readonly previews: PreviewCache;
  now(): Date;
  /** The settings area: the rule set in force from now on. */
  setRuleSet(ruleSet: RuleSet): void;
  /**
   * The settings area's restore: closes the store, runs `swap` on the closed file and opens it again.
   * When `swap` throws, the file as it was is opened again; when the swapped file cannot be opened,
   * `rollback` puts the old one back first. Either way the error is rethrown.
   */
  replaceStore(swap: () => void, rollback: () => void): Promise<void>;
}

/** One operation's handler: a validated request in, its reply out (or an ApiFailure thrown). */
export type Handler<Op extends ApiOp> = (ctx: BackendContext, args: ApiRequests[Op], call: CallOptions) => Promise<ApiReplies[Op]>;

/** An area's handlers, one per operation of its part of the contract. */
export type AreaHandlers<Ops extends ApiOp> = { [K in Ops]: Handler<K> };

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Villages combined and judged between two yields to the event loop. */
export const VILLAGES_PER_SLICE = 100;

export function monthDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getMonth() + 1} 月 ${d.getDate()} 日`;
}

export async function hashFile(file: string): Promise<{ hash: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    h.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { hash: h.digest('hex'), size };
}

export function fsProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return '找不到该文件';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限';
  if (code === 'EISDIR') return '这是文件夹，不是文件';
  return `读取时出错：${String((err as Error)?.message ?? err).slice(0, 100)}`;
}
