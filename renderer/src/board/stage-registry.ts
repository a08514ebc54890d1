import type Konva from 'konva';

/** The board's Konva stage, for reading what was actually drawn (tests, exports). */
export const boardStage: { current: Konva.Stage | null } = { current: null };
