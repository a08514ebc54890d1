import { wrappedLineCount } from '../../../../shared/layout/card-metrics.ts';

/**
 * How text fits a box on a slide, by our own measure (an average glyph is about half
 * an em wide in the sans-serif faces decks use). Slides never cut text silently: it
 * shrinks down to a floor, and past that the caller gives it more room or another slide.
 */
export const POINTS_PER_INCH = 72;
const GLYPH_EM = 0.55;
const LINE_HEIGHT = 1.2;
export const BOX_MARGIN_IN = 0.08;

export function linesAt(text: string, widthIn: number, fontPt: number): number {
  const charsPerLine = Math.max(4, Math.floor(((widthIn - 2 * BOX_MARGIN_IN) * POINTS_PER_INCH) / (fontPt * GLYPH_EM)));
  return wrappedLineCount(widened(text || ' '), charsPerLine);
}

// CJK ideographs, kana, Hangul and emoji are about a full em wide, twice an average
// Latin glyph: counted twice, so a Japanese card is not measured at half its length.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\u{1f300}-\u{1faff}]/gu;
const widened = (text: string) => (/[\u1100-\uffff]|[\u{1f300}-\u{1faff}]/u.test(text) ? text.replace(WIDE, '$&$&') : text);

export function heightFor(text: string, widthIn: number, fontPt: number): number {
  return (linesAt(text, widthIn, fontPt) * fontPt * LINE_HEIGHT) / POINTS_PER_INCH + 2 * BOX_MARGIN_IN;
}

/** The largest size from `maxPt` down to `minPt` at which the text fits the box, or null. */
export function fittingSize(text: string, widthIn: number, heightIn: number, maxPt: number, minPt: number): number | null {
  for (let size = maxPt; size >= minPt; size -= 0.5) if (heightFor(text, widthIn, size) <= heightIn + 1e-6) return size;
  return null;
}
