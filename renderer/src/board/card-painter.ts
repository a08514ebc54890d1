import type { CardBox } from '../../../shared/layout/board-layout.ts';
import type { BoardMetrics } from '../../../shared/layout/card-metrics.ts';
import type { CardDecoration } from './decorations.ts';
import { BOARD_FONT } from './themes.ts';

export interface CardLook {
  metrics: BoardMetrics;
  color(box: CardBox): string;
  text(box: CardBox): string;
  decoration(box: CardBox): CardDecoration | undefined;
  textColor: string;
  borderColor: string;
}

/** Paints cards straight onto a 2D context, in board units (the caller sets the transform). */
export type CardPainter = (context: CanvasRenderingContext2D, cards: readonly CardBox[], overview: boolean) => void;

/**
 * Cards drawn for the moving board's tiles without a Konva node or React component per
 * card: the tiles of a long pan reach cards that were never mounted, and a node per card
 * is most of what drawing costs. It draws what `CardNode` draws (box, stripe, wrapped
 * text with an ellipsis, badge) but not the moment-of-truth star or vote dots: the
 * settled board shows those a moment later.
 */
export function cardPainter(look: CardLook): CardPainter {
  // Wrapping measures every word; a card's lines are kept for its text and width, so a
  // tile drawn again (or a long pan coming back) measures nothing.
  const wrapped = new Map<string, string[]>();
  const m = look.metrics;
  const lineHeight = m.fontSize * m.lineHeight;
  const font = `${m.fontSize}px ${BOARD_FONT}`;
  const badgeFont = Math.round(m.fontSize * 0.75);
  return (context, cards, overview) => {
    if (overview) {
      for (const box of cards) {
        context.fillStyle = look.color(box);
        context.fillRect(box.x, box.y, box.width, box.height);
      }
      return;
    }
    context.lineWidth = 1;
    context.strokeStyle = look.borderColor;
    for (const box of cards) {
      context.beginPath();
      context.roundRect(box.x, box.y, box.width, box.height, 6);
      context.fillStyle = look.color(box);
      context.fill();
      context.stroke();
    }
    context.font = font;
    context.textBaseline = 'middle';
    for (const box of cards) {
      const decoration = look.decoration(box);
      if (decoration?.stripe) {
        context.fillStyle = decoration.stripe;
        context.beginPath();
        context.roundRect(box.x, box.y, 6, box.height, [6, 0, 0, 6]);
        context.fill();
      }
      const text = look.text(box);
      const width = box.width - 2 * m.cardPaddingY;
      const key = `${width}|${text}`;
      let lines = wrapped.get(key);
      if (!lines) wrapped.set(key, (lines = wrap(context, text, width)));
      const room = box.height - (decoration?.badge ? m.badgeHeight : 0) - 2 * m.cardPaddingY;
      const fits = Math.max(1, Math.floor(room / lineHeight));
      context.fillStyle = look.textColor;
      for (let i = 0; i < Math.min(fits, lines.length); i++) {
        const line = i === fits - 1 && lines.length > fits ? `${lines[i]!.replace(/\s*\S{0,3}$/, '')}…` : lines[i]!;
        context.fillText(line, box.x + m.cardPaddingY, box.y + m.cardPaddingY + lineHeight * (i + 0.5));
      }
      if (decoration?.badge) {
        context.font = `bold ${badgeFont}px ${BOARD_FONT}`;
        context.fillStyle = '#8a1c1c';
        context.fillText(decoration.badge, box.x + m.cardPaddingX, box.y + box.height - 10 - badgeFont / 2);
        context.font = font;
      }
    }
  };
}

/** Greedy word wrap, as Konva's `wrap: 'word'` does; an over-long word is cut by letters. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (context.measureText(next).width <= width || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}
