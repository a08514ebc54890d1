import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type Konva from 'konva';
import type { Viewport } from '../editor/editor-state.ts';
import { viewRegion } from './culling.ts';

const SETTLE_MS = 150;

/**
 * While the view pans or zooms, the cards layer is drawn from one bitmap and the set
 * of cards stays what it was when the motion began, so a frame costs a bitmap draw,
 * not React and Konva work per card; when the motion stops the layer is drawn sharp
 * again for where the view came to rest. Returns the viewport to cull against.
 */
export function useMotionCache(layer: RefObject<Konva.Layer | null>, viewport: Viewport, size: { width: number; height: number }, disabled: boolean): Viewport {
  const frozen = useRef<Viewport | null>(null);
  const last = useRef(viewport);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [, settle] = useState(0);

  // The view at the start of a motion is kept for as long as the motion lasts.
  if (last.current !== viewport) {
    if (!frozen.current && !disabled) frozen.current = last.current;
    last.current = viewport;
  }

  useLayoutEffect(() => {
    const node = layer.current;
    if (!node) return;
    if (disabled || !frozen.current) {
      if (node.isCached()) node.clearCache();
      frozen.current = null;
      return;
    }
    if (!node.isCached()) {
      const region = viewRegion(frozen.current, size);
      const ratio = frozen.current.scale * (window.devicePixelRatio || 1);
      node.cache({ ...region, pixelRatio: Math.min(ratio, 2) });
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      frozen.current = null;
      layer.current?.clearCache();
      settle((n) => n + 1);
    }, SETTLE_MS);
  }, [layer, viewport, size, disabled]);

  useLayoutEffect(() => () => clearTimeout(timer.current), []);
  return disabled ? viewport : (frozen.current ?? viewport);
}
