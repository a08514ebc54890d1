import { wrappedLineCount } from '../../../../shared/layout/card-metrics.ts';

/**
 * How text fits a box on a slide, by our own measure (an average glyph is about half
 * an em wide in the sans-serif faces decks use). Slides never cut text silently: it
 * shrinks down to a floor, and past that the caller gives it more room or another slide.
 */
export const POINTS_PER_INCH = 72;
const GLYPH_EM = 0.55;
let glyphEm = GLYPH_EM;

/**
 * Average glyph widths (in em) of faces company templates use; a face not listed is
 * taken as a little wider than Arial, so text sized for it errs on the side of room.
 */
const FACE_WIDTHS: Record<string, number> = {
  arial: 0.55, helvetica: 0.55, 'helvetica neue': 0.55, 'segoe ui': 0.55, 'trebuchet ms': 0.55, consolas: 0.55, 'liberation sans': 0.55,
  calibri: 0.5, 'times new roman': 0.5, cambria: 0.53, 'aptos': 0.53, roboto: 0.54, 'open sans': 0.57, tahoma: 0.56,
  georgia: 0.58, 'lucida sans': 0.58, verdana: 0.62, 'century gothic': 0.62, 'courier new': 0.62,
};

/**
 * The face the deck's text is measured for: ours (Arial) or a company template's body
 * font. Set once per deck before any slide is laid out; each export runs on a thread of
 * its own (export-worker.ts), so one deck's face never leaks into another's.
 */
export function measureForFace(face: string | null): void {
  glyphEm = face ? (FACE_WIDTHS[face.trim().toLowerCase()] ?? 0.58) : GLYPH_EM;
}
const LINE_HEIGHT = 1.2;
export const BOX_MARGIN_IN = 0.08;

export function linesAt(text: string, widthIn: number, fontPt: number): number {
  const charsPerLine = Math.max(4, Math.floor(((widthIn - 2 * BOX_MARGIN_IN) * POINTS_PER_INCH) / (fontPt * glyphEm)));
  return wrappedLineCount(text || ' ', charsPerLine);
}

export function heightFor(text: string, widthIn: number, fontPt: number): number {
  return (linesAt(text, widthIn, fontPt) * fontPt * LINE_HEIGHT) / POINTS_PER_INCH + 2 * BOX_MARGIN_IN;
}

/** The largest size from `maxPt` down to `minPt` at which the text fits the box, or null. */
export function fittingSize(text: string, widthIn: number, heightIn: number, maxPt: number, minPt: number): number | null {
  for (let size = maxPt; size >= minPt; size -= 0.5) if (heightFor(text, widthIn, size) <= heightIn + 1e-6) return size;
  return null;
}
