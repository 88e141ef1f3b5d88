// The window's size and place, remembered between runs: read and written as a small JSON file, and
// fitted to the screens of today (a laptop unplugged from its second screen must not open off-screen).

import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
/** Below this the layout is not designed to hold (UI.md: 1366×768 must work, minus the taskbar). */
export const MIN_SIZE = { width: 1024, height: 640 };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

/** The saved state, or null when there is none or it is not one (a damaged file is simply ignored). */
export function loadWindowState(file: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const r = raw as { bounds?: Partial<Rect>; maximized?: unknown } | null;
  const b = r?.bounds;
  if (!b || !isInt(b.x) || !isInt(b.y) || !isInt(b.width) || !isInt(b.height) || b.width <= 0 || b.height <= 0) return null;
  return { bounds: { x: b.x, y: b.y, width: b.width, height: b.height }, maximized: r!.maximized === true };
}

/** Writes the state atomically (a crash mid-write leaves the previous file). */
export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where the window opens: the saved bounds when they still sit on a screen (shrunk to it if the screen
 * got smaller), else the default size centred on the primary screen. `workAreas[0]` is the primary one.
 */
export function fitWindow(saved: WindowState | null, workAreas: readonly Rect[]): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  const primary = workAreas[0];
  const centred = (area: Rect | undefined, width: number, height: number) => {
    if (!area) return { width, height };
    const w = Math.min(width, area.width);
    const h = Math.min(height, area.height);
    return { x: area.x + Math.round((area.width - w) / 2), y: area.y + Math.round((area.height - h) / 2), width: w, height: h };
  };
  if (!saved) return { bounds: centred(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height), maximized: false };
  // The screen holding most of the window; its title bar (top 40 px) must be reachable too.
  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const titleBar = { ...saved.bounds, height: Math.min(40, saved.bounds.height) };
    const o = overlap(saved.bounds, area);
    if (o > bestArea && overlap(titleBar, area) > 0) {
      best = area;
      bestArea = o;
    }
  }
  if (!best) return { bounds: centred(primary, saved.bounds.width, saved.bounds.height), maximized: saved.maximized };
  const width = Math.min(Math.max(saved.bounds.width, MIN_SIZE.width), best.width);
  const height = Math.min(Math.max(saved.bounds.height, MIN_SIZE.height), best.height);
  const x = Math.min(Math.max(saved.bounds.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(saved.bounds.y, best.y), best.y + best.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}
