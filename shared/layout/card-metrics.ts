/**
 * Sizes chosen for a projector: card text 16 px at zoom 1 (larger still once zoomed
 * to fit a stage), headers bolder, generous gaps so cards read as separate notes.
 */
export interface BoardMetrics {
  laneHeaderWidth: number;
  stageHeaderHeight: number;
  stepHeaderHeight: number;
  columnWidth: number;
  cellPadding: number;
  cardGap: number;
  cardPaddingX: number;
  cardPaddingY: number;
  fontSize: number;
  lineHeight: number;
  minCardHeight: number;
  minRowHeight: number;
  /** The emotions lane holds a curve, not cards: a fixed height tall enough to read -3..+3. */
  emotionRowHeight: number;
  /** Room under a pain point's text for its severity and yearly cost. */
  badgeHeight: number;
  /** Average glyph width as a share of the font size, for estimating wraps without a canvas. */
  averageCharWidth: number;
}

export const BOARD_METRICS: BoardMetrics = {
  laneHeaderWidth: 200,
  stageHeaderHeight: 48,
  stepHeaderHeight: 44,
  columnWidth: 240,
  cellPadding: 10,
  cardGap: 8,
  /** Konva pads text equally on all sides, so the two paddings are kept equal. */
  cardPaddingX: 12,
  cardPaddingY: 12,
  fontSize: 16,
  lineHeight: 1.3,
  minCardHeight: 48,
  minRowHeight: 76,
  emotionRowHeight: 190,
  badgeHeight: 18,
  averageCharWidth: 0.62,
};

/** Lines a text takes when word-wrapped at `charsPerLine`; explicit newlines count. */
export function wrappedLineCount(text: string, charsPerLine: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let current = 0;
    let paragraphLines = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = word.length;
      if (current === 0) {
        paragraphLines += Math.floor(Math.max(0, length - 1) / charsPerLine);
        current = length % charsPerLine || charsPerLine;
      } else if (current + 1 + length <= charsPerLine) {
        current += 1 + length;
      } else {
        paragraphLines += 1 + Math.floor(Math.max(0, length - 1) / charsPerLine);
        current = length % charsPerLine || charsPerLine;
      }
    }
    lines += paragraphLines;
  }
  return Math.max(1, lines);
}

export function estimateCardHeight(text: string, cardWidth: number, metrics: BoardMetrics): number {
  const charsPerLine = Math.max(8, Math.floor((cardWidth - 2 * metrics.cardPaddingX) / (metrics.fontSize * metrics.averageCharWidth)));
  const lines = Math.min(wrappedLineCount(text, charsPerLine), 12);
  return Math.max(metrics.minCardHeight, Math.ceil(lines * metrics.fontSize * metrics.lineHeight + 2 * metrics.cardPaddingY));
}
