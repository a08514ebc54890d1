import { describe, expect, it } from 'vitest';
import { cardsInView, regionContains, viewRegion } from '../../../renderer/src/board/culling.ts';
import { isOverview } from '../../../renderer/src/board/OverviewCards.tsx';
import { BOARD_METRICS } from '../../../shared/layout/card-metrics.ts';
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

describe('moving the view on a bitmap', () => {
  const size = { width: 1000, height: 800 };
  const start = viewRegion({ x: 0, y: 0, scale: 1 }, size);

  it('is motion while the screen stays inside the bitmap of the screen and its margin', () => {
    expect(regionContains(start, viewRegion({ x: -400, y: 300, scale: 1 }, size, 0))).toBe(true);
    expect(regionContains(start, viewRegion({ x: 0, y: 0, scale: 1.8 }, size, 0))).toBe(true);
  });

  it('is a jump once the screen would show what the bitmap does not hold', () => {
    expect(regionContains(start, viewRegion({ x: -600, y: 0, scale: 1 }, size, 0))).toBe(false);
    expect(regionContains(start, viewRegion({ x: 0, y: 0, scale: 0.4 }, size, 0))).toBe(false);
  });
});

describe('the overview', () => {
  it('draws blocks where 16 px text would be under 5 px on screen, and words where it can be read', () => {
    expect(isOverview(0.25, BOARD_METRICS)).toBe(true);
    expect(isOverview(0.35, BOARD_METRICS)).toBe(false);
  });
});
