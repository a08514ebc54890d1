import { memo } from 'react';
import { Circle, Group, Rect, Star, Text } from 'react-konva';
import type Konva from 'konva';
import type { CardBox } from '../../../shared/layout/board-layout.ts';
import type { BoardMetrics } from '../../../shared/layout/card-metrics.ts';
import { BOARD_FONT } from './themes.ts';
import { liftForDrag, putBackAfterDrag } from './drag-layer.ts';

interface CardNodeProps {
  box: CardBox;
  /** The card's text as the board shows it: real names from the interview keys read as codes. */
  text: string;
  color: string;
  textColor: string;
  borderColor: string;
  metrics: BoardMetrics;
  momentOfTruth: boolean;
  stripe: string | undefined;
  badge: string | undefined;
  /** Dots this card has in the revealed vote, or whether it is in the open vote (-1). */
  dots: number | undefined;
  hidden: boolean;
  onSelect(cardId: string, additive: boolean): void;
  onEdit(cardId: string): void;
  onDragEnd(cardId: string, event: Konva.KonvaEventObject<DragEvent>): void;
}

/** One card; memoised on its box so a change re-renders only the cards it touched. */
export const CardNode = memo(function CardNode({ box, text, color, textColor, borderColor, metrics, momentOfTruth, stripe, badge, dots, hidden, onSelect, onEdit, onDragEnd }: CardNodeProps) {
  const { card } = box;
  const m = metrics;
  const badgeFont = Math.round(m.fontSize * 0.75);
  return (
    <Group
      id={card.id}
      x={box.x}
      y={box.y}
      draggable
      visible={!hidden}
      onMouseDown={(e) => {
        e.cancelBubble = true;
        onSelect(card.id, e.evt.shiftKey);
      }}
      onDblClick={() => onEdit(card.id)}
      onDragStart={(e) => liftForDrag(e.target)}
      onDragEnd={(e) => {
        putBackAfterDrag(e.target);
        onDragEnd(card.id, e);
      }}
    >
      <Rect
        width={box.width}
        height={box.height}
        fill={color}
        cornerRadius={6}
        stroke={borderColor}
        strokeWidth={1}
        perfectDrawEnabled={false}
      />
      {stripe && <Rect width={6} height={box.height} fill={stripe} cornerRadius={[6, 0, 0, 6]} listening={false} />}
      {/* The card's text is its first Text: what a test reads as the card's type size. */}
      <Text
        text={text}
        width={momentOfTruth ? box.width - 18 : box.width}
        height={badge ? box.height - m.badgeHeight : box.height}
        padding={m.cardPaddingY}
        fontSize={m.fontSize}
        lineHeight={m.lineHeight}
        fontFamily={BOARD_FONT}
        fill={textColor}
        wrap="word"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
      {badge && (
        // Severity and yearly cost grow with the card text: on the projector they are
        // what the room decides on.
        <Text x={m.cardPaddingX} y={box.height - badgeFont - 10} text={badge} fontSize={badgeFont} fontStyle="bold" fontFamily={BOARD_FONT} fill="#8a1c1c" listening={false} />
      )}
      {momentOfTruth && <Star x={box.width - 14} y={14} numPoints={5} innerRadius={5} outerRadius={11} fill="#f4b400" stroke="#b37f00" strokeWidth={1} listening={false} />}
      {dots === -1 && <Rect x={-3} y={-3} width={box.width + 6} height={box.height + 6} stroke="#7b2cbf" strokeWidth={2} dash={[6, 4]} cornerRadius={8} listening={false} />}
      {dots !== undefined && dots >= 0 && (
        <Group x={-10} y={-10} name="vote-count" listening={false}>
          <Circle radius={15} fill="#1f2937" stroke="#ffffff" strokeWidth={2} />
          <Text text={String(dots)} width={30} x={-15} y={-9} align="center" fontSize={17} fontStyle="bold" fill="#ffffff" />
        </Group>
      )}
    </Group>
  );
});
