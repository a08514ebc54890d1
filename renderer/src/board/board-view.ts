import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type Konva from 'konva';
import type { Editor } from '../editor/editor.ts';
import type { Viewport } from '../editor/editor-state.ts';
import { regionContains, viewRegion } from './culling.ts';
import { MotionTiles, type TileSource } from './motion-tiles.ts';

/** Set while a view is set that the board reaches by jumping; see `jumpTo`. */
let jumping = false;

/**
 * Sets a view the board goes to at once, drawn sharp, never by moving: where a workshop
 * opens, a projector page. A small step is otherwise taken for motion — the opening
 * view, a little off the empty board's, was shown as tiles and made readable only when
 * the motion "rested" 150 ms later, most of the time a 10-card workshop took to open.
 */
export function jumpTo(editor: Editor, viewport: Viewport) {
  jumping = true;
  try {
    editor.setViewport(viewport);
  } finally {
    jumping = false;
  }
}

/** How long the view must rest before the board is drawn sharp again. */
const SETTLE_MS = 150;
/** Layers that hold the map itself (not the focus ring): these go into the snapshot. */
export const CONTENT_LAYER = 'board-content';
/** The content layer with the grid, headers and curves: every node, nothing culled. */
export const BACKGROUND_LAYER = 'board-background';

/**
 * The board's view, the way canvas editors move it: a pan or zoom sets the Konva
 * stage's transform directly, without React, and while the view moves the map is
 * bitmap tiles at the screen's full resolution, drawn a few per frame (`MotionTiles`),
 * so a frame costs a few image draws whatever the size of the workshop and however far
 * the view goes. When the view rests, React renders the cards for where it came to rest
 * in slices that yield to frames (a transition), and the live layers replace the tiles.
 *
 * Returns the settled view (the one cards are culled against and overlays follow) and
 * `settleNow`, for a press that lands mid-motion: it must hit the real cards.
 */
export function useBoardView(editor: Editor, stage: RefObject<Konva.Stage | null>, overlay: RefObject<Konva.Layer | null>, size: { width: number; height: number }, still: boolean, source: RefObject<TileSource | null>) {
  const [settled, setSettled] = useState(editor.state.viewport);
  const motion = useRef<MotionTiles | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** A sharp redraw still being spread over frames (see `endMotion`). */
  const ending = useRef<Ending | null>(null);
  /** The next settle must be whole at once: a press must hit the real cards. */
  const urgent = useRef(false);
  const live = useRef({ size, still });
  live.current = { size, still };

  useEffect(() => {
    const settle = (viewport: Viewport) => {
      clearTimeout(timer.current);
      setSettled(viewport);
    };
    const unsubscribe = editor.store.subscribe((state, previous) => {
      const viewport = state.viewport;
      if (viewport === previous.viewport) return;
      const node = stage.current;
      // The same view set again (opening fits, then the board asks for the same fit) is
      // no motion: starting one would copy the screen for nothing.
      if (node && viewport.x === node.x() && viewport.y === node.y() && viewport.scale === node.scaleX()) return;
      const { size, still } = live.current;
      // A pan or zoom is motion; a jump (fit, a stage, a search hit) is drawn sharp at
      // once, with no bitmap of where the view was.
      const moving = node && !still && !jumping && size.width > 0 && source.current && !isJump(node, viewport, size, motion.current !== null);
      if (!moving) {
        // React draws the cards for the new view and Konva paints them with it.
        if (node) applyView(node, viewport);
        return settle(viewport);
      }
      if (!motion.current && overlay.current) {
        // Moving again while the last rest is still being drawn sharp: its tiles are on
        // screen, so they carry on. Finishing the redraw first made that frame draw
        // every map layer at once (130 ms at 10,000 cards).
        const resumed = ending.current?.resume() ?? null;
        ending.current = null;
        motion.current = resumed ?? startMotion(node, overlay.current, size, source.current!);
      }
      applyView(node, viewport);
      motion.current?.show(viewport);
      node.batchDraw();
      clearTimeout(timer.current);
      // Not urgent: the tiles stay on screen while React renders the new cards in slices.
      timer.current = setTimeout(() => startTransition(() => setSettled(editor.state.viewport)), SETTLE_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer.current);
    };
  }, [editor, stage, overlay, source]);

  // Editing text and taking a picture of the map need the real, sharp board at once.
  useEffect(() => {
    if (still && motion.current) {
      urgent.current = true;
      setSettled(editor.state.viewport);
    }
  }, [editor, still]);

  // The tiles go once React has drawn the cards for the settled view, so there is no
  // frame with stale or missing cards in between.
  useLayoutEffect(() => {
    if (!motion.current) return;
    ending.current = endMotion(motion.current, stage.current, urgent.current);
    urgent.current = false;
    motion.current = null;
  }, [settled, stage]);

  const settleNow = useCallback(() => {
    ending.current?.finish();
    if (!motion.current) return;
    clearTimeout(timer.current);
    urgent.current = true;
    flushSync(() => setSettled(editor.state.viewport));
    // Konva finds what was pressed on each layer's hit canvas, drawn with the scene.
    stage.current?.draw();
  }, [editor, stage]);

  return { settled, settleNow };
}

/**
 * A jump is a view the board does not reach by moving: before a motion, one outside
 * the screen and half a screen around it; during one, a step of more than a screen or
 * a zoom of more than half as much again in one go.
 */
function isJump(stage: Konva.Stage, next: Viewport, size: { width: number; height: number }, inMotion: boolean) {
  const now = viewOf(stage);
  if (!inMotion) return !regionContains(viewRegion(now, size), viewRegion(next, size, 0));
  const zoom = next.scale / now.scale;
  return zoom > 1.5 || zoom < 1 / 1.5 || Math.abs(next.x - now.x) > size.width || Math.abs(next.y - now.y) > size.height;
}

/**
 * The stage's transform is set here and nowhere else: were it a React prop, a render
 * that lands mid-motion would pull the board back to where it was.
 */
export function applyView(stage: Konva.Stage, viewport: Viewport) {
  stage.position({ x: viewport.x, y: viewport.y });
  stage.scale({ x: viewport.scale, y: viewport.scale });
}

const viewOf = (stage: Konva.Stage): Viewport => ({ x: stage.x(), y: stage.y(), scale: stage.scaleX() });

function contentLayers(stage: Konva.Stage): Konva.Layer[] {
  return stage.getLayers().filter((layer) => layer.hasName(CONTENT_LAYER) && layer.isVisible());
}

/** Hides the map's layers behind tiles, starting from a copy of the screen as drawn. */
function startMotion(stage: Konva.Stage, overlay: Konva.Layer, size: { width: number; height: number }, source: TileSource): MotionTiles {
  const layers = contentLayers(stage);
  const tiles = new MotionTiles(stage, overlay, size, source, layers);
  // Hidden, and not cleared either: Konva clears a layer's canvas on every draw before it
  // looks at whether the layer is shown, so each frame of the motion wiped two screens
  // of device pixels (and their hit canvases) for nothing — and the tiles show those
  // canvases as they are until tiles of their own cover the screen.
  for (const content of layers) {
    content.visible(false);
    content.clearBeforeDraw(false);
  }
  return tiles;
}

/** A sharp redraw in progress: finished at once (a press), or given up for a new motion. */
interface Ending {
  finish(): void;
  /** Stops the redraw and hands back the tiles still on screen, or null once they are gone. */
  resume(): MotionTiles | null;
}

/**
 * The sharp redraw, one layer a frame: each map layer is drawn while the tiles (on the
 * overlay, above it) still cover it, and the tiles go with the last, so no frame draws
 * the whole board at once. `now` draws it all straight away.
 */
function endMotion(motion: MotionTiles, stage: Konva.Stage | null, now: boolean): Ending | null {
  if (!stage) {
    motion.destroy();
    return null;
  }
  const all = stage.getLayers().filter((layer) => layer.hasName(CONTENT_LAYER));
  const layers = [...all];
  for (const layer of layers) layer.clearBeforeDraw(true);
  motion.dropBase();
  let frame = 0;
  let done = false;
  const step = (whole: boolean) => {
    cancelAnimationFrame(frame);
    do {
      const layer = layers.shift();
      if (!layer) {
        done = true;
        motion.destroy();
        stage.batchDraw();
        return;
      }
      layer.visible(true);
      layer.draw();
    } while (whole);
    frame = requestAnimationFrame(() => step(false));
  };
  step(now);
  return {
    finish: () => {
      if (!done) step(true);
    },
    resume: () => {
      if (done) return null;
      cancelAnimationFrame(frame);
      for (const layer of all) {
        layer.visible(false);
        layer.clearBeforeDraw(false);
      }
      return motion;
    },
  };
}
