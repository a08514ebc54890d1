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

/** The characters `\s` matches, except the newline, which ends a paragraph. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Lines a text takes when word-wrapped at `charsPerLine`; explicit newlines count. One
 * pass over the characters without splitting: the board measures every card this way.
 */
export function wrappedLineCount(text: string, charsPerLine: number): number {
  let lines = 1;
  let current = 0;
  let word = 0;
  const placeWord = () => {
    if (word === 0) return;
    if (current !== 0 && current + 1 + word <= charsPerLine) {
      current += 1 + word;
    } else {
      if (current !== 0) lines += 1;
      lines += Math.floor(Math.max(0, word - 1) / charsPerLine);
      current = word % charsPerLine || charsPerLine;
    }
    word = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      placeWord();
      lines += 1;
      current = 0;
    } else if (isSpace(code)) {
      placeWord();
    } else {
      word += 1;
    }
  }
  placeWord();
  return lines;
}

export function estimateCardHeight(text: string, cardWidth: number, metrics: BoardMetrics): number {
  const charsPerLine = Math.max(8, Math.floor((cardWidth - 2 * metrics.cardPaddingX) / (metrics.fontSize * metrics.averageCharWidth)));
  const lines = Math.min(wrappedLineCount(text, charsPerLine), 12);
  return Math.max(metrics.minCardHeight, Math.ceil(lines * metrics.fontSize * metrics.lineHeight + 2 * metrics.cardPaddingY));
}
