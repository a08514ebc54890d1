import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type Konva from 'konva';
import type { CardBox } from '../../../shared/layout/board-layout.ts';
import { BOARD_METRICS } from '../../../shared/layout/card-metrics.ts';
import { BOARD_COLORS } from './colors.ts';

interface CardNodeProps {
  box: CardBox;
  color: string;
  hidden: boolean;
  onSelect(cardId: string): void;
  onEdit(cardId: string): void;
  onDragEnd(cardId: string, event: Konva.KonvaEventObject<DragEvent>): void;
}

/** One card; memoised on its box so a change re-renders only the cards it touched. */
export const CardNode = memo(function CardNode({ box, color, hidden, onSelect, onEdit, onDragEnd }: CardNodeProps) {
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
      <Text
        text={card.text}
        width={box.width}
        height={box.height}
        padding={m.cardPaddingX}
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
