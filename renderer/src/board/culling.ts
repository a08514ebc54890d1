import { createStore } from 'zustand/vanilla';
import type { CardBox } from '../../../shared/layout/board-layout.ts';
import type { Viewport } from '../editor/editor-state.ts';

/** Half a screen of margin each side, so a short pan finds its cards already drawn. */
const MARGIN = 0.5;

/** The cards whose box meets the part of the board on screen (with a margin). */
export function cardsInView(cards: readonly CardBox[], viewport: Viewport, size: { width: number; height: number }): CardBox[] {
  if (size.width <= 0 || size.height <= 0) return [];
  const width = size.width / viewport.scale;
  const height = size.height / viewport.scale;
  const left = -viewport.x / viewport.scale - width * MARGIN;
  const top = -viewport.y / viewport.scale - height * MARGIN;
  const right = left + width * (1 + 2 * MARGIN);
  const bottom = top + height * (1 + 2 * MARGIN);
  return cards.filter((c) => c.x + c.width >= left && c.x <= right && c.y + c.height >= top && c.y <= bottom);
}

/** Off while a picture of the whole map is taken: every card must be in the scene. */
export const culling = createStore<{ off: boolean }>(() => ({ off: false }));
