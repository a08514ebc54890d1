import type Konva from 'konva';

/** The board's Konva stage, for reading what was actually drawn (tests, exports). */
export const boardStage: { current: Konva.Stage | null } = { current: null };

/** Draws the board sharp now if it is mid-motion (benchmarks time this frame alone). */
export const boardSettle: { current: (() => void) | null } = { current: null };
