// The backend, once: every operation of shared/api.ts, answered by the area handlers of the one dispatch
// table (handlers.ts) over the store, the reader pool and shared/. The window (IPC), the loopback HTTP
// server and the CLI all call this; `handle(op, args)` is the entry for transports: it validates the
// request and never throws. The methods below are the same operations for callers in this process.

import { validateRequest, type ApiError, type ApiOp, type ApiReplies, type ApiRequests, type ApiResult, type ImportRequest } from '../../shared/api.ts';
import { defaultRuleSet } from '../../shared/rules/builtin.ts';
import type { FileRead } from '../../shared/reading/read.ts';
import type { RuleSet } from '../../shared/rules/ruleset.ts';
import { ApiFailure, type BackendContext, type BackendOptions, type CallOptions } from './context.ts';
import { HANDLERS } from './handlers.ts';
import { importReads } from './imports/index.ts';
import { PreviewCache } from './imports/previews.ts';
import { storedRuleSet } from './settings/rule-set.ts';
import { Store } from './store/store.ts';
import { StoreError } from './store/errors.ts';
import { defaultDbPath } from './store/paths.ts';

export { defaultDbPath } from './store/paths.ts';

/** What the window says of a fault of the program: no exception text, what to do instead. */
export const INTERNAL_MESSAGE = '处理时发生内部错误，已保存的数据未受影响。请重试；如果仍然出错，请联系技术支持（错误详情已记入日志）。';

function logToStderr(line: string): void {
  process.stderr.write(`quota-watch 内部错误 ${line}\n`);
}
export { ApiFailure, type BackendOptions, type CallOptions } from './context.ts';

export class Backend {
  readonly dbPath: string;
  private current: Store;
  private readonly ctx: BackendContext;

  private constructor(store: Store, options: BackendOptions) {
    this.current = store;
    this.dbPath = store.path;
    const inForce = (s: Store): RuleSet => options.ruleSet ?? s.read((q) => storedRuleSet(q.db)) ?? defaultRuleSet();
    let ruleSet = inForce(store);
    const self = this;
    this.ctx = {
      get store() {
        return self.current;
      },
      get ruleSet() {
        return ruleSet;
      },
      ruleSetOverridden: options.ruleSet !== undefined,
      options,
      previews: new PreviewCache(options),
      now: () => (options.now ?? (() => new Date()))(),
      setRuleSet: (r) => void (ruleSet = r),
      replaceStore: async (swap, rollback) => {
        self.ctx.previews.clear();
        await self.current.close();
        try {
          swap();
        } catch (err) {
          self.current = Store.open(self.dbPath, options);
          throw err;
        }
        try {
          self.current = Store.open(self.dbPath, options);
        } catch (err) {
          rollback();
          self.current = Store.open(self.dbPath, options);
          throw err;
        }
        ruleSet = inForce(self.current);
      },
    };
  }

  /** The store of the moment (a restore replaces it). */
  get store(): Store {
    return this.current;
  }

  /** Opens (creating, migrating) the database; throws a StoreError with a Chinese message when it cannot. */
  static open(dbPath: string = defaultDbPath(), options: BackendOptions = {}): Backend {
    return new Backend(Store.open(dbPath, options), options);
  }

  /** What opening did: created a new file, migrated (from which version, backup where). */
  get openInfo() {
    return this.store.opened;
  }

  async close(): Promise<void> {
    this.ctx.previews.clear();
    await this.current.close();
  }

  // ================================================================ transports' entry

  /** Validates and runs one operation; every failure becomes `{ ok: false, error }` with a Chinese message. */
  async handle<Op extends ApiOp>(op: Op, args: unknown, call: CallOptions = {}): Promise<ApiResult<ApiReplies[Op]>> {
    const v = validateRequest(op, args);
    if (!v.ok) return { ok: false, error: { code: 'bad-request', message: v.error } };
    try {
      const value = await this.run(op, v.value, call);
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: Backend.errorOf(err, (detail) => (this.ctx.options.log ?? logToStderr)(`[${this.ctx.now().toISOString()}] ${op}: ${detail}`)) };
    }
  }

  /**
   * The error a transport shows. Ours carry a Chinese message for the user; anything else is a fault of
   * the program: its detail (message and stack) goes to `log`, never to the window, which gets a sentence.
   */
  static errorOf(err: unknown, log: (detail: string) => void = logToStderr): ApiError {
    if (err instanceof ApiFailure) return { code: err.code, message: err.message };
    if (err instanceof StoreError) return { code: err.code, message: err.message };
    log(err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err));
    return { code: 'internal', message: INTERNAL_MESSAGE };
  }

  /** One operation, its request already valid: the dispatch table's handler. */
  run<Op extends ApiOp>(op: Op, args: ApiRequests[Op], call: CallOptions = {}): Promise<ApiReplies[Op]> {
    const handler = HANDLERS[op] as (ctx: BackendContext, a: ApiRequests[Op], c: CallOptions) => Promise<ApiReplies[Op]>;
    return handler(this.ctx, args, call);
  }

  // ================================================================ the operations, for callers in this process

  previewImport(req: ImportRequest | string[], call: CallOptions = {}) {
    return this.run('previewImport', Array.isArray(req) ? { paths: req } : req, call);
  }
  commitImport(req: { previewId: string }, call: CallOptions = {}) {
    return this.run('commitImport', req, call);
  }
  importFiles(req: ImportRequest | string[], call: CallOptions = {}) {
    return this.run('importFiles', Array.isArray(req) ? { paths: req } : req, call);
  }
  /**
   * Saves files already read (FileRead from shared/reading), for benchmarks and callers that read
   * themselves. `hash` identifies the content; pass the sha256 of the bytes.
   */
  importReads(files: ReadonlyArray<{ path: string; hash: string; size: number; read: FileRead }>, call: CallOptions = {}) {
    return importReads(this.ctx, files, call);
  }
  undoLastImport() {
    return this.run('undoLastImport', {});
  }
  imports() {
    return this.run('imports', {});
  }
  countySummary() {
    return this.run('countySummary', {});
  }
  townships() {
    return this.run('townships', {});
  }
  villages(filter: ApiRequests['villages'] = {}) {
    return this.run('villages', filter);
  }
  village(request: ApiRequests['village'] | number) {
    return this.run('village', typeof request === 'number' ? { id: request } : request);
  }
  findings(filter: ApiRequests['findings'] = {}) {
    return this.run('findings', filter);
  }
  changes(req: ApiRequests['changes'] = {}) {
    return this.run('changes', req);
  }
  setExpectedVillages(request: ApiRequests['setExpectedVillages'] | string) {
    return this.run('setExpectedVillages', typeof request === 'string' ? { path: request } : request);
  }
  status() {
    return this.run('status', {});
  }
}
