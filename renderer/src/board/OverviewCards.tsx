import { memo } from 'react';
import { Shape } from 'react-konva';
import type Konva from 'konva';
import { cellKey, hitTestCell, type BoardLayout, type CardBox } from '../../../shared/layout/board-layout.ts';
import type { BoardMetrics } from '../../../shared/layout/card-metrics.ts';
import { fitViewport } from '../editor/viewport.ts';

/** Below this many screen pixels text cannot be read, so cards are drawn as blocks. */
const READABLE_FONT_PX = 5;

/** Whether the board at this scale is an overview: the map's shape, not its words. */
export function isOverview(scale: number, metrics: BoardMetrics): boolean {
  return scale * metrics.fontSize < READABLE_FONT_PX;
}

/**
 * Where a workshop opens: the whole map when its cards can be read that way; a map too
 * big for that opens at its start (the first stages, lane names in view) at 100%, so
 * the room sees words at once, and F shows the whole map as blocks.
 */
export function openingViewport(layout: BoardLayout, size: { width: number; height: number }) {
  const fitted = fitViewport(layout, size);
  return isOverview(fitted.scale, layout.metrics) ? { x: 0, y: 0, scale: 1 } : fitted;
}

/** The card under a board point, for pressing cards that are drawn as blocks. */
export function cardAt(layout: BoardLayout, x: number, y: number): CardBox | undefined {
  const cell = hitTestCell(layout, x, y);
  const boxes = cell ? layout.cardsByCell.get(cellKey(cell.stepId, cell.laneId)) : undefined;
  return boxes?.find((box) => x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height);
}

interface Props {
  cards: readonly CardBox[];
  colorOf(card: CardBox): string;
}

/**
 * Far out, every card is a block in its lane's colour, all drawn by one shape: no node
 * per card, so a 10,000-card map in view costs a few thousand rectangle fills.
 */
export const OverviewCards = memo(function OverviewCards({ cards, colorOf }: Props) {
  const draw = (context: Konva.Context) => {
    const byColor = new Map<string, CardBox[]>();
    for (const box of cards) {
      const color = colorOf(box);
      const list = byColor.get(color);
      if (list) list.push(box);
      else byColor.set(color, [box]);
    }
    for (const [color, boxes] of byColor) {
      context.setAttr('fillStyle', color);
      for (const box of boxes) context.fillRect(box.x, box.y, box.width, box.height);
    }
  };
  return <Shape sceneFunc={draw} listening={false} perfectDrawEnabled={false} />;
});
