import { createStore } from 'zustand/vanilla';
import type { CardBox } from '../../../shared/layout/board-layout.ts';
import type { Viewport } from '../editor/editor-state.ts';

/** Half a screen of margin each side, so a short pan finds its cards already drawn. */
const MARGIN = 0.5;

/** The part of the board drawn for a view: the screen plus the margin, in board units. */
export function viewRegion(viewport: Viewport, size: { width: number; height: number }, margin = MARGIN) {
  const width = size.width / viewport.scale;
  const height = size.height / viewport.scale;
  return {
    x: -viewport.x / viewport.scale - width * margin,
    y: -viewport.y / viewport.scale - height * margin,
    width: width * (1 + 2 * margin),
    height: height * (1 + 2 * margin),
  };
}

type Region = { x: number; y: number; width: number; height: number };

export function regionContains(outer: Region, inner: Region): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** The cards whose box meets the part of the board on screen (with a margin). */
export function cardsInView(cards: readonly CardBox[], viewport: Viewport, size: { width: number; height: number }): CardBox[] {
  if (size.width <= 0 || size.height <= 0) return [];
  const { x: left, y: top, width, height } = viewRegion(viewport, size);
  return cards.filter((c) => c.x + c.width >= left && c.x <= left + width && c.y + c.height >= top && c.y <= top + height);
}

/**
 * Off while a picture of the whole map is taken: every card must be in the scene, and
 * (`wholeText`) as tall as its whole text, not cut at the board's line limit.
 */
export const culling = createStore<{ off: boolean; wholeText: boolean }>(() => ({ off: false, wholeText: false }));
