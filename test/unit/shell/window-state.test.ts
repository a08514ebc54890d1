import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window-options.ts';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  parseWindowState,
  restoreWindowBounds,
  windowStateOf,
  type Rect,
  type WindowState,
} from '../../../electron/main/window-state.ts';
import {
  debounce,
  keepWindowState,
  readWindowState,
  SAVE_DELAY_MS,
  WINDOW_STATE_EVENTS,
  windowStateFile,
  writeWindowState,
} from '../../../electron/main/window-state-file.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

// Work areas: a laptop (primary, menu bar on top) and an external monitor to its right.
const laptop: Rect = { x: 0, y: 25, width: 1512, height: 920 };
const monitor: Rect = { x: 1512, y: 0, width: 2560, height: 1415 };
const saved = (state: Partial<WindowState>): WindowState => ({ width: 1200, height: 800, maximized: false, fullScreen: false, ...state });

describe('restoreWindowBounds', () => {
  it('puts the window back where it was when that is on a display', () => {
    expect(restoreWindowBounds(saved({ x: 1800, y: 100 }), [laptop, monitor])).toEqual({
      bounds: { x: 1800, y: 100, width: 1200, height: 800 },
      maximized: false,
      fullScreen: false,
    });
  });

  it('centres the first window on the primary display', () => {
    const { bounds } = restoreWindowBounds(undefined, [{ x: 0, y: 0, width: 1920, height: 1040 }]);
    expect(bounds).toEqual({ x: 240, y: 70, ...DEFAULT_WINDOW_SIZE });
  });

  it('centres on the primary display a window saved on a monitor that is gone', () => {
    const { bounds } = restoreWindowBounds(saved({ x: 2000, y: 200 }), [laptop]);
    expect(bounds).toEqual({ x: 156, y: 85, width: 1200, height: 800 });
  });

  it('centres a window saved without a position', () => {
    expect(restoreWindowBounds(saved({}), [laptop]).bounds).toEqual({ x: 156, y: 85, width: 1200, height: 800 });
  });

  it('moves a window that is partly off its display fully onto it', () => {
    // Hanging off the right and bottom edges of the monitor.
    expect(restoreWindowBounds(saved({ x: 3500, y: 1000 }), [laptop, monitor]).bounds).toEqual({ x: 4072 - 1200, y: 1415 - 800, width: 1200, height: 800 });
    // Above the menu bar and left of the laptop.
    expect(restoreWindowBounds(saved({ x: -300, y: 0 }), [laptop, monitor]).bounds).toEqual({ x: 0, y: 25, width: 1200, height: 800 });
  });

  it('keeps it on the display that shows most of it', () => {
    // Straddling the two, mostly on the monitor.
    const { bounds } = restoreWindowBounds(saved({ x: 1300, y: 50 }), [laptop, monitor]);
    expect(bounds).toEqual({ x: 1512, y: 50, width: 1200, height: 800 });
  });

  it('shrinks a window larger than its display, to the display', () => {
    const { bounds } = restoreWindowBounds(saved({ x: 1600, y: 0, width: 3000, height: 2000 }), [laptop, monitor]);
    expect(bounds).toEqual({ x: 1512, y: 0, width: 2560, height: 1415 });
  });

  it(`never below the minimum size, ${MIN_WINDOW_SIZE.width}×${MIN_WINDOW_SIZE.height}`, () => {
    expect(restoreWindowBounds(saved({ x: 10, y: 30, width: 300, height: 200 }), [laptop]).bounds).toEqual({ x: 10, y: 30, width: 960, height: 600 });
    // A display smaller than the minimum: the minimum wins, the top-left corner stays on the display.
    const small: Rect = { x: 0, y: 0, width: 800, height: 560 };
    expect(restoreWindowBounds(saved({ x: 100, y: 100 }), [small]).bounds).toEqual({ x: 0, y: 0, width: 960, height: 600 });
    expect(restoreWindowBounds(undefined, [small]).bounds).toEqual({ x: 0, y: 0, width: 960, height: 600 });
  });

  it('keeps the maximized and full-screen flags, with the normal bounds beneath them', () => {
    expect(restoreWindowBounds(saved({ x: 1800, y: 100, maximized: true }), [laptop, monitor])).toMatchObject({ maximized: true, fullScreen: false, bounds: { x: 1800 } });
    expect(restoreWindowBounds(saved({ x: 9000, y: 9000, fullScreen: true }), [laptop])).toMatchObject({ maximized: false, fullScreen: true });
  });

  it('rounds fractional positions and sizes (scaled displays report them)', () => {
    expect(restoreWindowBounds(saved({ x: 100.4, y: 60.6, width: 1000.5, height: 700.2 }), [laptop]).bounds).toEqual({ x: 100, y: 61, width: 1001, height: 700 });
  });

  it('still gives a size when Electron reports no usable display', () => {
    expect(restoreWindowBounds(saved({ x: 5, y: 5 }), []).bounds).toMatchObject({ width: 1200, height: 800 });
    expect(restoreWindowBounds(undefined, [{ x: 0, y: 0, width: 0, height: 0 }]).bounds).toMatchObject(DEFAULT_WINDOW_SIZE);
  });

  it('creates the window with the restored bounds and the minimum size', () => {
    const options = mainWindowOptions('p', { x: 5, y: 6, width: 1000, height: 700 });
    expect(options).toMatchObject({ x: 5, y: 6, width: 1000, height: 700, minWidth: 960, minHeight: 600 });
    expect(mainWindowOptions('p')).toMatchObject({ ...DEFAULT_WINDOW_SIZE, minWidth: 960, minHeight: 600 });
  });
});

describe('window-state.json', () => {
  it('saves the normal bounds of a maximized window, so un-maximizing next time has a size', () => {
    expect(windowStateOf({ normalBounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true, fullScreen: false })).toEqual(saved({ x: 1, y: 2, width: 1000, height: 700, maximized: true }));
  });

  it('reads back what it wrote', () => {
    const file = windowStateFile(tempFolder('journeyboard-window-state-'));
    const state = saved({ x: -1200, y: 40, fullScreen: true });
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(readdirSync(join(file, '..'))).toEqual(['window-state.json']); // no temporary file left
  });

  it('gives undefined (then defaults) when there is no file', () => {
    expect(readWindowState(join(tempFolder('journeyboard-window-state-'), 'window-state.json'))).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['cut off mid-write', '{"x": 10, "y": 20, "wid'],
    ['not an object', '[1200, 800]'],
    ['null', 'null'],
    ['a size missing', '{"x": 10, "y": 20, "width": 1200}'],
    ['a size as text', '{"width": "1200", "height": 800}'],
    ['a zero size', '{"width": 0, "height": 800}'],
    ['a negative size', '{"width": -5, "height": 800}'],
    ['an absurd size', '{"width": 1e9, "height": 800}'],
  ])('tolerates a damaged file (%s): defaults', (_case, text) => {
    expect(parseWindowState(text)).toBeUndefined();
    const file = windowStateFile(tempFolder('journeyboard-window-state-'));
    writeFileSync(file, text);
    expect(readWindowState(file)).toBeUndefined();
    expect(restoreWindowBounds(readWindowState(file), [laptop]).bounds).toMatchObject(DEFAULT_WINDOW_SIZE);
  });

  it('keeps the size when only the position is damaged, and reads odd flags as false', () => {
    expect(parseWindowState('{"x": "left", "y": 20, "width": 1200, "height": 800, "maximized": "yes"}')).toEqual(saved({}));
    expect(parseWindowState('{"x": 10, "width": 1200, "height": 800, "fullScreen": true}')).toEqual(saved({ fullScreen: true }));
  });

  it('does not fail when the folder cannot be written, it only logs', () => {
    const folder = tempFolder('journeyboard-window-state-');
    const blocked = join(folder, 'a-file');
    writeFileSync(blocked, '');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => writeWindowState(join(blocked, 'window-state.json'), saved({}))).not.toThrow();
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});

/** A stand-in for a BrowserWindow: events and the state getters keepWindowState reads. */
class FakeWindow extends EventEmitter {
  bounds: Rect = { x: 10, y: 20, width: 1000, height: 700 };
  maximized = false;
  fullScreen = false;
  destroyed = false;
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  isFullScreen = () => this.fullScreen;
  isDestroyed = () => this.destroyed;
}

describe('saving on close, resize and move', () => {
  let file: string;
  beforeEach(() => {
    vi.useFakeTimers();
    const folder = join(tempFolder('journeyboard-window-state-'), 'userData');
    mkdirSync(folder);
    file = windowStateFile(folder);
  });
  afterEach(() => vi.useRealTimers());

  it('writes once the window has settled, not on every move', () => {
    const window = new FakeWindow();
    keepWindowState(window, file);
    for (let x = 0; x < 50; x++) {
      window.bounds = { ...window.bounds, x };
      window.emit('move');
      vi.advanceTimersByTime(SAVE_DELAY_MS / 10);
    }
    expect(existsSync(file)).toBe(false);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(readWindowState(file)).toEqual(saved({ x: 49, y: 20, width: 1000, height: 700 }));
  });

  it.each(WINDOW_STATE_EVENTS)('saves after %s', (event) => {
    const window = new FakeWindow();
    keepWindowState(window, file);
    window.maximized = event === 'maximize';
    window.fullScreen = event === 'enter-full-screen';
    window.emit(event);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(readWindowState(file)).toEqual(saved({ x: 10, y: 20, width: 1000, height: 700, maximized: window.maximized, fullScreen: window.fullScreen }));
  });

  it('saves at once on close, the pending move included, and nothing after', () => {
    const window = new FakeWindow();
    keepWindowState(window, file);
    window.bounds = { ...window.bounds, x: 300 };
    window.emit('move');
    window.emit('close');
    expect(readWindowState(file)).toMatchObject({ x: 300 });
    writeFileSync(file, 'sentinel');
    window.destroyed = true;
    window.emit('closed');
    vi.advanceTimersByTime(SAVE_DELAY_MS * 2);
    expect(readFileSync(file, 'utf8')).toBe('sentinel');
  });

  it('debounce: flush runs only what waits, cancel drops it', () => {
    const run = vi.fn();
    const saver = debounce(run, 100);
    saver.flush();
    expect(run).not.toHaveBeenCalled();
    saver.schedule();
    saver.flush();
    expect(run).toHaveBeenCalledOnce();
    saver.schedule();
    saver.cancel();
    vi.advanceTimersByTime(200);
    expect(run).toHaveBeenCalledOnce();
  });
});
