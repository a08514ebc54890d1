import type { BoardLayout } from '../../../shared/layout/board-layout.ts';
import type { Viewport } from '../editor/editor-state.ts';

/** Card text on the projector is never smaller than this many screen pixels. */
export const PROJECTOR_MIN_TEXT_PX = 24;
/** Screen pixels kept clear round a projector page. */
export const PROJECTOR_MARGIN = 16;
/** Screen pixels under a page for the line naming its empty lanes. */
export const EMPTY_LANES_LINE_PX = 40;

/**
 * A projector page, lane names included, as large as fits on the screen (and the line
 * naming its empty lanes under it); never so small that card text drops below legible
 * type. Pages are planned to fit at that size (room/projector-pages.ts), so nothing is
 * below the fold; a layout that still does not fit scrolls with the up and down arrows.
 */
export function projectorViewport(layout: BoardLayout, size: { width: number; height: number }, margin = PROJECTOR_MARGIN): Viewport {
  const reserve = layout.metrics.slice?.emptyLaneIds.length ? EMPTY_LANES_LINE_PX : 0;
  const fit = Math.min((size.width - 2 * margin) / layout.width, (size.height - 2 * margin - reserve) / layout.height);
  const scale = Math.min(3, Math.max(fit, PROJECTOR_MIN_TEXT_PX / layout.metrics.fontSize));
  const x = Math.max(margin, (size.width - layout.width * scale) / 2);
  return { scale, x, y: margin };
}

/** Up and down in projector mode: a third of a screen, within the stage. */
export function scrollProjector(viewport: Viewport, layout: BoardLayout, height: number, direction: 1 | -1): Viewport {
  const contentHeight = layout.height * viewport.scale;
  const minY = Math.min(16, height - contentHeight - 16);
  const y = Math.max(minY, Math.min(16, viewport.y - direction * height * 0.33));
  return { ...viewport, y };
}
