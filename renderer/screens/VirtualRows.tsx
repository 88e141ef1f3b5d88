// A virtualised list of fixed-height rows fetched page by page: only the rows in view are in the
// page, and only the pages in view are asked for. Smooth at tens of thousands of rows.

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

export interface PageSource<T> {
  /** Changes whenever the rows behind it change (filters, sort, stored data). */
  key: string;
  fetch(offset: number, limit: number): Promise<{ total: number; rows: T[] } | null>;
}

const PAGE = 200;

export function VirtualRows<T>({ source, rowHeight, height, render, onTotal, label }: { source: PageSource<T>; rowHeight: number; height: number | string; render: (row: T, index: number, top: number) => ReactNode; onTotal?: (n: number) => void; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, T[]>>(new Map());
  const [view, setView] = useState({ top: 0, height: 600 });
  const asked = useRef(new Set<number>());
  const generation = useRef(0);
  const src = useRef(source);
  src.current = source;

  const load = useCallback((page: number) => {
    if (asked.current.has(page)) return;
    asked.current.add(page);
    const gen = generation.current;
    void src.current.fetch(page * PAGE, PAGE).then((r) => {
      if (!r || gen !== generation.current) return;
      setTotal(r.total);
      setPages((m) => new Map(m).set(page, r.rows));
    });
  }, []);

  useEffect(() => {
    generation.current++;
    asked.current = new Set();
    setPages(new Map());
    setTotal(null);
    if (box.current) box.current.scrollTop = 0;
    load(0);
  }, [source.key, load]);

  useEffect(() => {
    if (total !== null) onTotal?.(total);
  }, [total, onTotal]);

  useEffect(() => {
    const el = box.current!;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      ro.disconnect();
    };
  }, []);

  const n = total ?? 0;
  const first = Math.max(0, Math.floor(view.top / rowHeight) - 10);
  const last = Math.min(n, Math.ceil((view.top + view.height) / rowHeight) + 10);
  useEffect(() => {
    for (let p = Math.floor(first / PAGE); p <= Math.floor(Math.max(first, last - 1) / PAGE); p++) if (p * PAGE < n) load(p);
  }, [first, last, n, load]);

  const items: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const row = pages.get(Math.floor(i / PAGE))?.[i % PAGE];
    items.push(
      row === undefined ? (
        <div key={i} className="qw-vrow" style={{ top: i * rowHeight, height: rowHeight }} aria-busy="true">
          <span>…</span>
        </div>
      ) : (
        render(row, i, i * rowHeight)
      ),
    );
  }
  return (
    <div ref={box} className="qw-vlist" style={{ height }} role="list" aria-label={label} data-testid="vlist">
      <div style={{ height: n * rowHeight, position: 'relative' }}>{items}</div>
    </div>
  );
}
