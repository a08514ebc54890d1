import { memo } from 'react';
import { Group, Rect, Star, Text } from 'react-konva';
import type Konva from 'konva';
import type { CardBox } from '../../../shared/layout/board-layout.ts';
import { BOARD_METRICS } from '../../../shared/layout/card-metrics.ts';
import { BOARD_COLORS } from './colors.ts';

interface CardNodeProps {
  box: CardBox;
  color: string;
  momentOfTruth: boolean;
  stripe: string | undefined;
  badge: string | undefined;
  hidden: boolean;
  onSelect(cardId: string): void;
  onEdit(cardId: string): void;
  onDragEnd(cardId: string, event: Konva.KonvaEventObject<DragEvent>): void;
}

/** One card; memoised on its box so a change re-renders only the cards it touched. */
export const CardNode = memo(function CardNode({ box, color, momentOfTruth, stripe, badge, hidden, onSelect, onEdit, onDragEnd }: CardNodeProps) {
  const { card } = box;
  const m = BOARD_METRICS;
  return (
    <Group
      id={card.id}
      x={box.x}
      y={box.y}
      draggable
      visible={!hidden}
      onMouseDown={(e) => {
        e.cancelBubble = true;
        onSelect(card.id);
      }}
      onDblClick={() => onEdit(card.id)}
      onDragStart={(e) => e.target.moveToTop()}
      onDragEnd={(e) => onDragEnd(card.id, e)}
    >
      <Rect
        width={box.width}
        height={box.height}
        fill={color}
        cornerRadius={6}
        stroke="rgba(0,0,0,0.08)"
        strokeWidth={1}
        shadowColor="rgba(0,0,0,0.18)"
        shadowBlur={3}
        shadowOffsetY={1}
        perfectDrawEnabled={false}
      />
      {stripe && <Rect width={6} height={box.height} fill={stripe} cornerRadius={[6, 0, 0, 6]} listening={false} />}
      {momentOfTruth && <Star x={box.width - 14} y={14} numPoints={5} innerRadius={5} outerRadius={11} fill="#f4b400" stroke="#b37f00" strokeWidth={1} listening={false} />}
      {badge && (
        <Text x={m.cardPaddingX} y={box.height - 22} text={badge} fontSize={12} fontStyle="bold" fontFamily="system-ui, 'DejaVu Sans', sans-serif" fill="#8a1c1c" listening={false} />
      )}
      <Text
        text={card.text}
        width={momentOfTruth ? box.width - 18 : box.width}
        height={badge ? box.height - 18 : box.height}
        padding={m.cardPaddingY}
        fontSize={m.fontSize}
        lineHeight={m.lineHeight}
        fontFamily="system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
        fill={BOARD_COLORS.text}
        wrap="word"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
    </Group>
  );
});
