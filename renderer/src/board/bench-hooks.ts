import { flushSync } from 'react-dom';
import Konva from 'konva';
import type { Editor } from '../editor/editor.ts';
import type { Viewport } from '../editor/editor-state.ts';
import type { JourneyboardApi } from '../../../shared/api/contract.ts';
import { boardSettle, boardStage } from './stage-registry.ts';
import { BOARD_FONT } from './themes.ts';
import { tileStats } from './motion-tiles.ts';

/** Below this many screen pixels a card's text is not readable (as the overview decides). */
const READABLE_PX = 5;

/**
 * Chromium records canvas calls and paints them later; reading a pixel back from every
 * canvas on screen makes the painting part of the time, not just the recording.
 */
function readBack() {
  for (const canvas of document.querySelectorAll('canvas')) if (canvas.style.display !== 'none') canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/**
 * Drives one viewport per animation frame, as a wheel or trackpad does, and returns the
 * intervals between frames: what the eye sees, painting and compositing included, not
 * only script time. It keeps counting `tailMs` after the last move, so the sharp redraw
 * when the view rests shows up as a frame of its own.
 */
export async function rafMotion(apply: (v: Viewport) => void, viewports: Viewport[], tailMs: number) {
  const stamps: number[] = [];
  let last = await nextFrame();
  for (const viewport of viewports) {
    apply(viewport);
    const now = await nextFrame();
    stamps.push(now - last);
    last = now;
  }
  const moving = stamps;
  const tail: number[] = [];
  const end = last + tailMs;
  while (last < end) {
    const now = await nextFrame();
    tail.push(now - last);
    last = now;
  }
  return { moving, tail };
}

/** True when some card's text is drawn on screen at a readable size. */
function readableCardOnScreen(): boolean {
  const stage = boardStage.current;
  if (!stage) return false;
  const width = stage.width();
  const height = stage.height();
  for (const group of stage.find('Group')) {
    if (!group.id().startsWith('card:') || !group.isVisible()) continue;
    const text = (group as Konva.Group).findOne('Text') as Konva.Text | undefined;
    if (!text || text.fontSize() * text.getAbsoluteScale().y < READABLE_PX) continue;
    const box = group.getClientRect();
    if (box.x < width && box.y < height && box.x + box.width > 0 && box.y + box.height > 0) return true;
  }
  return false;
}

export function benchHooks(editor: Editor, api: JourneyboardApi) {
  return {
    /** Benchmarks: draws each viewport at once and returns ms per frame, painting included. */
    frames: (viewports: Viewport[]) =>
      viewports.map((viewport) => {
        const start = performance.now();
        flushSync(() => editor.setViewport(viewport));
        boardStage.current?.draw();
        readBack();
        return performance.now() - start;
      }),
    /** Benchmarks: the sharp redraw after a motion, timed alone (ms, painting included). */
    settleFrame: () => {
      const start = performance.now();
      boardSettle.current?.();
      boardStage.current?.draw();
      readBack();
      return performance.now() - start;
    },
    /** Benchmarks: the most memory the moving board's tiles held since last asked (MB). */
    motionMemory: () => {
      const mb = tileStats.peakBytes / 1024 / 1024;
      tileStats.peakBytes = 0;
      return mb;
    },
    /** Benchmarks: one viewport per animation frame; see `rafMotion`. */
    rafFrames: (viewports: Viewport[], tailMs: number) => rafMotion((v) => editor.setViewport(v), viewports, tailMs),
    /** Benchmarks: opens a workshop and resolves when its board has been painted. */
    openAndPaint: async (path: string) => {
      const start = performance.now();
      await editor.openWorkshop(path);
      for (let i = 0; i < 100 && !boardStage.current?.findOne('Text'); i++) await nextFrame();
      await nextFrame();
      return performance.now() - start;
    },
    /**
     * Benchmarks: opens a workshop and times (a) the first painted frame with a card's
     * text readable on screen at the view the workshop opens at, and (b) the first key
     * press handled: an arrow key sent the moment the open resolves is answered once the
     * page is free to handle input.
     */
    openToReadable: async (path: string) => {
      const start = performance.now();
      let interactive = 0;
      const board = () => document.querySelector('[data-testid="board"]');
      // Sent again each task until handled: the screen's key listener arrives with it.
      const press = () => {
        const before = editor.state.focus;
        board()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
        if (editor.state.focus !== before) interactive = performance.now() - start;
        else if (performance.now() - start < 10_000) setTimeout(press);
      };
      const opening = editor.openWorkshop(path).then(() => setTimeout(press));
      await opening;
      for (let i = 0; i < 300 && !readableCardOnScreen(); i++) await nextFrame();
      readBack();
      const readable = readableCardOnScreen() ? performance.now() - start : NaN;
      for (let i = 0; i < 100 && interactive === 0; i++) await nextFrame();
      return { readable, interactive: interactive || NaN, scale: editor.state.viewport.scale };
    },
    /**
     * The floor of opening, for the open benchmark: this page fetches the same records
     * from the same service and draws one Konva stage with every card's text at 100%
     * (nothing culled), with no app screen around it.
     */
    bareOpen: async (path: string) => {
      const start = performance.now();
      const opened = await api['workshop-open']({ path, readOnly: true });
      if (!opened.ok) throw new Error(opened.error.message);
      const host = document.createElement('div');
      host.style.cssText = 'position:fixed;inset:0;z-index:99';
      document.body.append(host);
      const stage = new Konva.Stage({ container: host, width: window.innerWidth, height: window.innerHeight });
      const layer = new Konva.Layer({ listening: false });
      let x = 0;
      for (const record of opened.value.records) {
        if (record.type !== 'card') continue;
        layer.add(new Konva.Text({ x: (x % 6) * 260, y: Math.floor(x / 6) * 120, width: 240, text: record.text, fontSize: 16, fontFamily: BOARD_FONT, padding: 12, wrap: 'word' }));
        x++;
      }
      stage.add(layer);
      stage.draw();
      readBack();
      await nextFrame();
      const elapsed = performance.now() - start;
      stage.destroy();
      host.remove();
      return elapsed;
    },
  };
}
