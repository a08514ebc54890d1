import { BOARD_METRICS, type BoardMetrics } from '../../../shared/layout/card-metrics.ts';
import type { Theme } from '../../../shared/theme/palettes.ts';
export { PALETTES, type BoardPalette } from '../../../shared/theme/palettes.ts';

/**
 * The canvas font. Canvas parses the font on every text draw, and resolving system-ui
 * doubled the cost of drawing 2,000 cards; named families resolve at once.
 */
export const BOARD_FONT = "Arial, 'Helvetica Neue', Helvetica, 'DejaVu Sans', sans-serif";

/** Larger type for the projector: read from the back of the room. */
export const PROJECTOR_METRICS: BoardMetrics = {
  ...BOARD_METRICS,
  laneHeaderWidth: 230,
  stageHeaderHeight: 56,
  stepHeaderHeight: 50,
  columnWidth: 280,
  fontSize: 20,
  lineHeight: 1.25,
  minCardHeight: 56,
  // Every row the projector saves is a lane more on the page: a row is as tall as one
  // card of one line needs, the emotions lane as its seven score lines need.
  minRowHeight: 76,
  emotionRowHeight: 164,
  badgeHeight: 22,
};

export const METRICS: Record<Theme, BoardMetrics> = { light: BOARD_METRICS, dark: BOARD_METRICS, projector: PROJECTOR_METRICS };
