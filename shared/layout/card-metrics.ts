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
  /**
   * The lines a card grows to before its text ends in "…": on the board a long card
   * must not push its lane off the screen; a picture of the map shows every line.
   */
  maxCardLines: number;
  /**
   * Part of one stage, as a projector page shows it. It travels with the metrics because
   * the editor lays the board out (and memoises that) on the metrics it is drawn at: a
   * page is one more thing the board is drawn at.
   */
  slice?: BoardSlice;
}

/** What one projector page holds of its stage; see shared/layout/projector-pages.ts. */
export interface BoardSlice {
  stepIds: readonly string[];
  /** The lanes drawn, in order: those with something on this page. */
  laneIds: readonly string[];
  /** The lanes with nothing on this page, named under it instead of drawn empty. */
  emptyLaneIds: readonly string[];
  /** When a cell holds more cards than a page, the ones on this page; null: all of them. */
  cardIds: ReadonlySet<string> | null;
  /** This page among its stage's pages: "Evaluate 1/2". */
  index: number;
  count: number;
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
  maxCardLines: 12,
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
      // Kana, CJK ideographs, Hangul and full-width forms are a full em wide, about two
      // average Latin glyphs: counted once, a Japanese card got half the height it needs
      // and the board and the PNG cut it with "…". (Emoji are two UTF-16 units already.)
      word += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xff60) ? 2 : 1;
    }
  }
  placeWord();
  return lines;
}

export function estimateCardHeight(text: string, cardWidth: number, metrics: BoardMetrics): number {
  const charsPerLine = Math.max(8, Math.floor((cardWidth - 2 * metrics.cardPaddingX) / (metrics.fontSize * metrics.averageCharWidth)));
  const lines = Math.min(wrappedLineCount(text, charsPerLine), metrics.maxCardLines);
  return Math.max(metrics.minCardHeight, Math.ceil(lines * metrics.fontSize * metrics.lineHeight + 2 * metrics.cardPaddingY));
}

/** The emotions lane's persona legend: under the lane's name, left of the -3..+3 scale. */
export const LEGEND_TOP = 40;
export const legendFontSize = (metrics: BoardMetrics) => metrics.fontSize - 3;
export const legendLineHeight = (metrics: BoardMetrics) => Math.ceil(legendFontSize(metrics) * 1.2);
export const legendTextWidth = (metrics: BoardMetrics) => metrics.laneHeaderWidth - 80;

/** Lines a persona's name takes in the legend: names wrap, so the legend shows them whole. */
export function legendLines(name: string, metrics: BoardMetrics): number {
  const charsPerLine = Math.max(6, Math.floor(legendTextWidth(metrics) / (legendFontSize(metrics) * metrics.averageCharWidth)));
  return Math.min(3, wrappedLineCount(name, charsPerLine));
}

/** The height the legend needs for these names, so the emotions lane can grow to hold it. */
export function legendHeight(names: readonly string[], metrics: BoardMetrics): number {
  return LEGEND_TOP + names.reduce((sum, name) => sum + legendLines(name, metrics) * legendLineHeight(metrics) + 4, 0) + 8;
}
