import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseWindowState, windowStateOf, type Rect, type WindowState } from './window-state.ts';

/**
 * window-state.json in the user's data folder, and the window events that update it. The
 * window's place is a convenience: nothing here may stop the app starting or closing, so
 * every failure is logged and ignored.
 */

export const WINDOW_STATE_FILE = 'window-state.json';

/** Moving or resizing fires dozens of events a second; the file is written once things settle. */
export const SAVE_DELAY_MS = 500;

export function windowStateFile(userDataFolder: string): string {
  return join(userDataFolder, WINDOW_STATE_FILE);
}

/** The saved state, or undefined when there is none or it cannot be read (then: defaults). */
export function readWindowState(file: string): WindowState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // first start, or the folder is unreadable
  }
  return parseWindowState(text);
}

/** Written beside and renamed over, so a crash mid-write leaves the old file, not half a new one. */
export function writeWindowState(file: string, state: WindowState): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // the folder itself is unusable; nothing was left in it
    }
    console.error('[journeyboard] could not save the window position', error);
  }
}

export interface Debounced {
  /** Run after the delay, restarting the delay if already waiting. */
  schedule(): void;
  /** Run now if something was waiting. */
  flush(): void;
  cancel(): void;
}

export function debounce(run: () => void, delayMs: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    schedule() {
      cancel();
      timer = setTimeout(() => {
        timer = undefined;
        run();
      }, delayMs);
    },
    flush() {
      if (timer === undefined) return;
      cancel();
      run();
    },
    cancel,
  };
}

/** The part of a BrowserWindow this needs, so tests can drive it with an EventEmitter. */
export interface TrackedWindow {
  on(event: WindowStateEvent | 'close' | 'closed', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  isDestroyed(): boolean;
}

/** Every event after which the window's place or state may differ. */
export const WINDOW_STATE_EVENTS = ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const;
export type WindowStateEvent = (typeof WINDOW_STATE_EVENTS)[number];

/**
 * Saves the window's state when it settles after a change, and once more as it closes
 * (the last move may still be waiting; after 'closed' the bounds can no longer be read).
 */
export function keepWindowState(window: TrackedWindow, file: string, delayMs = SAVE_DELAY_MS): Debounced {
  const save = () => {
    if (window.isDestroyed()) return;
    writeWindowState(file, windowStateOf({ normalBounds: window.getNormalBounds(), maximized: window.isMaximized(), fullScreen: window.isFullScreen() }));
  };
  const saver = debounce(save, delayMs);
  for (const event of WINDOW_STATE_EVENTS) window.on(event, () => saver.schedule());
  window.on('close', () => {
    saver.cancel();
    save();
  });
  window.on('closed', () => saver.cancel());
  return saver;
}
