import { describe, expect, it } from 'vitest';
import { cardsInView } from '../../../renderer/src/board/culling.ts';
import type { CardBox } from '../../../shared/layout/board-layout.ts';

const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 }) as CardBox;

describe('drawing only what is on screen', () => {
  const cards = [box(0, 0), box(900, 0), box(3000, 0), box(0, 2000), box(-500, 0)];

  it('keeps cards on screen and within half a screen of it, and drops the rest', () => {
    const seen = cardsInView(cards, { x: 0, y: 0, scale: 1 }, { width: 1000, height: 800 });
    expect(seen).toEqual([box(0, 0), box(900, 0), box(-500, 0)]);
  });

  it('follows the pan and the zoom', () => {
    expect(cardsInView(cards, { x: -2800, y: 0, scale: 1 }, { width: 1000, height: 800 })).toContain(cards[2]);
    expect(cardsInView(cards, { x: 0, y: 0, scale: 0.25 }, { width: 1000, height: 800 })).toHaveLength(5);
  });
});
