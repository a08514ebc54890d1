/**
 * Where the window was, so the next start puts it back: size, position, maximized and
 * full screen. Displays change between starts (a projector unplugged, a laptop undocked),
 * so what was saved is fitted onto a display that exists now. Pure; the file is
 * window-state-file.ts and the wiring is index.ts.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The normal (not maximized, not full-screen) bounds; no position means "centre it". */
  x?: number | undefined;
  y?: number | undefined;
  width: number;
  height: number;
  maximized: boolean;
  fullScreen: boolean;
}

export interface RestoredWindow {
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

/** Below this the board's toolbar and panels no longer fit; BrowserWindow's minimum too. */
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;
/** The first start: room for the board and a side panel on a common laptop. */
export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;

/** Used only if Electron reports no display at all, so the window still gets a size. */
const NO_DISPLAY: Rect = { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };

/**
 * The bounds to create the window with. `displays` are the work areas (screen minus task
 * bar, Dock, menu bar), the primary display first.
 *
 * - nothing saved, or saved without a position: centred on the primary display;
 * - saved on a display that is gone (no overlap with any display now): centred on the primary;
 * - partly off its display: moved in until all of it is on that display;
 * - larger than its display: shrunk to it, but never below MIN_WINDOW_SIZE;
 * - the maximized and full-screen flags are kept as they were.
 */
export function restoreWindowBounds(saved: WindowState | undefined, displays: readonly Rect[]): RestoredWindow {
  const usable = displays.filter((d) => d.width > 0 && d.height > 0);
  const primary = usable[0] ?? NO_DISPLAY;
  const flags = { maximized: saved?.maximized ?? false, fullScreen: saved?.fullScreen ?? false };
  const wanted = saved ? { width: saved.width, height: saved.height } : DEFAULT_WINDOW_SIZE;

  const placed = saved && saved.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y, ...wanted } : undefined;
  const home = placed ? displayShowing(placed, usable) : undefined;
  const display = home ?? primary;
  const width = fit(wanted.width, MIN_WINDOW_SIZE.width, display.width);
  const height = fit(wanted.height, MIN_WINDOW_SIZE.height, display.height);

  if (!placed || !home) {
    return { bounds: { x: centre(display.x, display.width, width), y: centre(display.y, display.height, height), width, height }, ...flags };
  }
  return {
    bounds: {
      x: clamp(Math.round(placed.x), display.x, display.x + display.width - width),
      y: clamp(Math.round(placed.y), display.y, display.y + display.height - height),
      width,
      height,
    },
    ...flags,
  };
}

/** What to save from a window: its normal bounds even while maximized, so un-maximizing next time has a size. */
export function windowStateOf(window: { normalBounds: Rect; maximized: boolean; fullScreen: boolean }): WindowState {
  const { x, y, width, height } = window.normalBounds;
  return { x, y, width, height, maximized: window.maximized, fullScreen: window.fullScreen };
}

/**
 * Reads window-state.json's text. Anything unexpected (not JSON, a field missing or of the
 * wrong type, a size that is not a positive number) gives undefined: the window then starts
 * with the defaults instead of failing to start.
 */
export function parseWindowState(text: string): WindowState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const { width, height } = record;
  if (!isSize(width) || !isSize(height)) return undefined;
  // A position is both coordinates or neither (then the window is centred).
  const positioned = isCoordinate(record.x) && isCoordinate(record.y);
  return {
    ...(positioned ? { x: record.x as number, y: record.y as number } : {}),
    width,
    height,
    maximized: record.maximized === true,
    fullScreen: record.fullScreen === true,
  };
}

// Generous limits: no real display is 100,000 pixels, and beyond them the file is damaged.
const LIMIT = 100_000;
const isSize = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0 && v < LIMIT;
const isCoordinate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < LIMIT;

/** The display showing most of `rect`; none when no part of it is on any display. */
function displayShowing(rect: Rect, displays: readonly Rect[]): Rect | undefined {
  let best: Rect | undefined;
  let bestArea = 0;
  for (const display of displays) {
    const area = overlap(rect.x, rect.width, display.x, display.width) * overlap(rect.y, rect.height, display.y, display.height);
    if (area > bestArea) {
      best = display;
      bestArea = area;
    }
  }
  return best;
}

function overlap(start: number, length: number, otherStart: number, otherLength: number): number {
  return Math.max(0, Math.min(start + length, otherStart + otherLength) - Math.max(start, otherStart));
}

/** As large as wanted and the display allows, but not below the minimum the layout needs. */
function fit(wanted: number, minimum: number, available: number): number {
  return Math.round(Math.max(minimum, Math.min(wanted, available)));
}

/** Within [low, high]; when the window is wider than the display, its top-left corner stays on it. */
function clamp(value: number, low: number, high: number): number {
  return high < low ? low : Math.min(Math.max(value, low), high);
}

function centre(start: number, available: number, size: number): number {
  return size >= available ? start : Math.round(start + (available - size) / 2);
}
