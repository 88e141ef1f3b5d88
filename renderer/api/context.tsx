// The door, shared with every screen, and a hook that runs one operation and keeps its reply.
// `revision` goes up after anything that changes stored data (an import, an undo, a master list),
// so that every screen showing stored data asks again.

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiError, ApiOp, ApiReplies, ApiRequests, ApiResult } from '../../shared/api.ts';
import type { Door } from './client.ts';

interface ApiContextValue {
  door: Door;
  revision: number;
  changed(): void;
  /** One request in flight per operation and arguments: screens asking the same share the answer. */
  shared<Op extends ApiOp>(op: Op, args: ApiRequests[Op]): Promise<ApiResult<ApiReplies[Op]>>;
}

const ApiContext = createContext<ApiContextValue | null>(null);

export function ApiProvider({ door, children }: { door: Door; children: ReactNode }) {
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);
  const inFlight = useRef(new Map<string, Promise<ApiResult<unknown>>>());
  const shared = useCallback(
    <Op extends ApiOp>(op: Op, args: ApiRequests[Op]): Promise<ApiResult<ApiReplies[Op]>> => {
      const key = `${revision}:${op}:${JSON.stringify(args)}`;
      let p = inFlight.current.get(key) as Promise<ApiResult<ApiReplies[Op]>> | undefined;
      if (!p) {
        p = door.call(op, args);
        inFlight.current.set(key, p);
        void p.finally(() => inFlight.current.delete(key));
      }
      return p;
    },
    [door, revision],
  );
  const value = useMemo(() => ({ door, revision, changed, shared }), [door, revision, changed, shared]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiContextValue {
  const v = useContext(ApiContext);
  if (!v) throw new Error('useApi outside ApiProvider');
  return v;
}

export interface OpState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/** Runs `op` with `args` (compared by their JSON) and again whenever stored data changes. */
export function useOp<Op extends ApiOp>(op: Op, args: ApiRequests[Op] | null): OpState<ApiReplies[Op]> {
  const { shared, revision } = useApi();
  const [state, setState] = useState<{ data: ApiReplies[Op] | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const key = args === null ? null : JSON.stringify(args);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void shared(op, JSON.parse(key) as ApiRequests[Op]).then((r) => {
      if (!live) return;
      setState(r.ok ? { data: r.value, error: null, loading: false } : { data: null, error: r.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [shared, op, key, revision, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
