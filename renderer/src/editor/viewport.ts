import type { BoardLayout } from '../../../shared/layout/board-layout.ts';
import type { Viewport } from './editor-state.ts';

// Low enough for a 10,000-card map to fit on screen: far out, cards are drawn as blocks.
export const MIN_SCALE = 0.02;
export const MAX_SCALE = 4;

const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** Zooms keeping the board point under `anchor` (screen coordinates) where it is. */
export function zoomAround(viewport: Viewport, factor: number, anchor: { x: number; y: number }): Viewport {
  const scale = clampScale(viewport.scale * factor);
  const boardX = (anchor.x - viewport.x) / viewport.scale;
  const boardY = (anchor.y - viewport.y) / viewport.scale;
  return { scale, x: anchor.x - boardX * scale, y: anchor.y - boardY * scale };
}

/** The whole map in view with a margin, never magnified past 1.5× (a near-empty map). */
export function fitViewport(layout: BoardLayout, size: { width: number; height: number }, margin = 24): Viewport {
  if (size.width <= 0 || size.height <= 0) return { x: 0, y: 0, scale: 1 };
  const scale = clampScale(Math.min((size.width - 2 * margin) / layout.width, (size.height - 2 * margin) / layout.height, 1.5));
  return { scale, x: (size.width - layout.width * scale) / 2, y: margin };
}

/** A board rectangle centred on screen, as large as fits with a margin, up to `maxScale`. */
export function fitRect(rect: { x: number; y: number; width: number; height: number }, size: { width: number; height: number }, maxScale = 2, margin = 32): Viewport {
  if (size.width <= 0 || size.height <= 0) return { x: 0, y: 0, scale: 1 };
  const scale = clampScale(Math.min((size.width - 2 * margin) / rect.width, (size.height - 2 * margin) / rect.height, maxScale));
  return {
    scale,
    x: (size.width - rect.width * scale) / 2 - rect.x * scale,
    y: (size.height - rect.height * scale) / 2 - rect.y * scale,
  };
}
