import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import Konva from 'konva';
import type { Editor } from '../editor/editor.ts';
import type { Viewport } from '../editor/editor-state.ts';
import { regionContains, viewRegion } from './culling.ts';

/** How long the view must rest before the board is drawn sharp again. */
const SETTLE_MS = 150;
/** Layers that hold the map itself (not the focus ring): these go into the snapshot. */
export const CONTENT_LAYER = 'board-content';

interface Motion {
  image: Konva.Image;
  /** The part of the board the snapshot holds, in board units. */
  region: { x: number; y: number; width: number; height: number };
}

/**
 * The board's view, the way canvas editors move it: a pan or zoom sets the Konva
 * stage's transform directly, without React, and while the view moves the map is one
 * bitmap of what was drawn when the motion began (the screen plus a margin), so a frame
 * costs one image draw whatever the size of the workshop. When the view rests, or
 * leaves the part the bitmap holds, React renders the cards for where it came to rest
 * and the board is drawn sharp.
 *
 * Returns the settled view (the one cards are culled against and overlays follow) and
 * `settleNow`, for a press that lands mid-motion: it must hit the real cards.
 */
export function useBoardView(editor: Editor, stage: RefObject<Konva.Stage | null>, overlay: RefObject<Konva.Layer | null>, size: { width: number; height: number }, still: boolean) {
  const [settled, setSettled] = useState(editor.state.viewport);
  const motion = useRef<Motion | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
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
      const { size, still } = live.current;
      // A pan or zoom within the bitmap's reach is motion; a jump (fit, a stage, a
      // search hit) is drawn sharp at once, with no bitmap of where the view was.
      const reach = motion.current?.region ?? (node && viewRegion(viewOf(node), size));
      const moving = node && !still && size.width > 0 && reach && regionContains(reach, viewRegion(viewport, size, 0));
      if (!moving) {
        // React draws the cards for the new view and Konva paints them with it.
        if (node) applyView(node, viewport);
        return settle(viewport);
      }
      motion.current ??= startMotion(node, overlay.current, size);
      applyView(node, viewport);
      node.batchDraw();
      clearTimeout(timer.current);
      timer.current = setTimeout(() => settle(editor.state.viewport), SETTLE_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer.current);
    };
  }, [editor, stage, overlay]);

  // Editing text and taking a picture of the map need the real, sharp board at once.
  useEffect(() => {
    if (still && motion.current) setSettled(editor.state.viewport);
  }, [editor, still]);

  // The snapshot goes once React has drawn the cards for the settled view, so there is
  // no frame with stale or missing cards in between.
  useLayoutEffect(() => {
    if (!motion.current) return;
    endMotion(motion.current, stage.current);
    motion.current = null;
  }, [settled, stage]);

  const settleNow = useCallback(() => {
    if (!motion.current) return;
    clearTimeout(timer.current);
    flushSync(() => setSettled(editor.state.viewport));
    // Konva finds what was pressed on each layer's hit canvas, drawn with the scene.
    stage.current?.draw();
  }, [editor, stage]);

  return { settled, settleNow };
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

/**
 * Draws the map's layers into one bitmap covering the screen and its margin, and shows
 * it instead, under the focus ring on the overlay layer.
 */
function startMotion(stage: Konva.Stage, overlay: Konva.Layer | null, size: { width: number; height: number }): Motion | null {
  if (!overlay) return null;
  const view = viewOf(stage);
  const region = viewRegion(view, size);
  const screen = { x: region.x * view.scale + view.x, y: region.y * view.scale + view.y, width: region.width * view.scale, height: region.height * view.scale };
  // One CSS pixel per screen pixel keeps the bitmap small; it is on screen for a moment.
  const pixelRatio = Math.min(window.devicePixelRatio || 1, 1.5);
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(screen.width * pixelRatio);
  canvas.height = Math.ceil(screen.height * pixelRatio);
  const context = canvas.getContext('2d');
  const layers = contentLayers(stage);
  if (!context) return null;
  for (const content of layers) {
    const drawn = content.toCanvas({ ...screen, pixelRatio });
    context.drawImage(drawn, 0, 0, canvas.width, canvas.height);
    Konva.Util.releaseCanvas(drawn);
  }
  const image = new Konva.Image({ image: canvas, ...region, listening: false });
  overlay.add(image);
  image.moveToBottom();
  for (const content of layers) content.visible(false);
  return { image, region };
}

function endMotion(motion: Motion | null, stage: Konva.Stage | null) {
  if (!motion) return;
  const canvas = motion.image.image();
  motion.image.destroy();
  if (canvas instanceof HTMLCanvasElement) Konva.Util.releaseCanvas(canvas);
  if (!stage) return;
  for (const content of stage.getLayers()) if (content.hasName(CONTENT_LAYER)) content.visible(true);
  stage.batchDraw();
}
