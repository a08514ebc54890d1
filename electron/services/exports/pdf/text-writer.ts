import type { PDFDocument, PDFPage, PDFRef } from 'pdf-lib';
import { rgb, type RGB } from 'pdf-lib';
import type { FontSet, Style } from './font-set.ts';
import { directionOf, openIsolate, visualRuns, type Direction } from './text-runs.ts';

export const PAGE: [number, number] = [841.89, 595.28]; // A4 landscape, points
const MARGIN = 48;
const INK = rgb(0.1, 0.14, 0.19);

/** Where a heading landed, for the PDF's bookmarks. */
export interface Anchor {
  page: PDFRef;
  y: number;
}

/**
 * Flowing text on PDF pages: headings, paragraphs and bullets, wrapped by measuring
 * the embedded fonts, continued on a new page when one is full. The text stays text
 * (selectable, searchable), not a picture of text. Each line is drawn as runs in the
 * font that has their characters and in bidirectional order (see text-runs.ts).
 */
export class TextWriter {
  private page: PDFPage | undefined;
  private y = 0;
  private readonly doc: PDFDocument;
  private readonly fonts: FontSet;

  constructor(doc: PDFDocument, fonts: FontSet) {
    this.doc = doc;
    this.fonts = fonts;
  }

  newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  /** Where the next line will go: a heading's place, for a bookmark. */
  anchor(): Anchor {
    if (!this.page) this.newPage();
    return { page: this.page!.ref, y: this.y };
  }

  heading(text: string, size = 20): Anchor {
    if (!this.page || this.y < MARGIN + size * 3) this.newPage();
    this.y -= 6;
    const at = { page: this.page!.ref, y: this.y + 6 };
    this.lines(text, 'bold', size, 0);
    this.y -= 4;
    return at;
  }

  paragraph(text: string, size = 11, indent = 0, style: Style = 'regular'): void {
    this.lines(text, style, size, indent);
  }

  bullet(text: string, size = 11): void {
    this.lines(`•  ${text}`, 'regular', size, 8);
  }

  space(points: number): void {
    this.y -= points;
  }

  /** One line of text at a place of the caller's choosing (titles over pictures, page numbers). */
  drawLine(page: PDFPage, text: string, x: number, y: number, size: number, style: Style = 'regular', align: 'left' | 'right' = 'left', direction: Direction = directionOf(text), color: RGB = INK): void {
    const runs = visualRuns(text, this.fonts, style, direction);
    let left = align === 'right' ? x - runs.reduce((w, r) => w + r.face.pdf.widthOfTextAtSize(r.text, size), 0) : x;
    runs.forEach((run, i) => {
      page.drawText(run.text, { x: left, y, size, font: run.face.pdf, color });
      this.fonts.markUsed(run.face);
      // Laying a run out again to measure it costs as much as drawing it: only when another follows.
      if (i < runs.length - 1) left += run.face.pdf.widthOfTextAtSize(run.text, size);
    });
  }

  /** A text wrapped to a width with the fonts it is drawn in (a card on the map). */
  wrapped(text: string, style: Style, size: number, width: number): string[] {
    const measure = (word: string) => widthOf(this.fonts, style, size, word);
    return text.split('\n').flatMap((paragraph) => wrap(paragraph, measure, width));
  }

  private lines(text: string, style: Style, size: number, indent: number): void {
    const width = PAGE[0] - 2 * MARGIN - indent;
    const measure = (word: string) => widthOf(this.fonts, style, size, word);
    for (const paragraph of text.split('\n')) {
      // Every line of a paragraph shares its direction, and a card wrapped over two
      // lines stays isolated on the second.
      const direction = directionOf(paragraph);
      let open = '';
      for (const wrapped of wrap(paragraph, measure, width)) {
        const line = open + wrapped;
        open = openIsolate(line);
        if (!this.page || this.y - size * 1.3 < MARGIN) this.newPage();
        this.y -= size * 1.3;
        this.drawLine(this.page!, line, MARGIN + indent, this.y, size, style, 'left', direction);
      }
    }
  }
}

/**
 * Widths of single words, measured once per font and size. Laying text out through
 * the font is what a PDF export spends its time on, and measuring each growing line
 * again for every word made a paragraph cost its words × the words on a line.
 */
const wordWidths = new WeakMap<FontSet, Map<string, Map<string, number>>>();

function widthOf(fonts: FontSet, style: Style, size: number, word: string): number {
  let bySize = wordWidths.get(fonts);
  if (!bySize) wordWidths.set(fonts, (bySize = new Map()));
  let words = bySize.get(`${style} ${size}`);
  if (!words) bySize.set(`${style} ${size}`, (words = new Map()));
  let width = words.get(word);
  if (width === undefined) words.set(word, (width = measureRuns(fonts, style, size, word)));
  return width;
}

/** A word may need two fonts (an emoji after a letter): its width is its runs' widths. */
function measureRuns(fonts: FontSet, style: Style, size: number, text: string): number {
  return visualRuns(text, fonts, style).reduce((w, run) => w + run.face.pdf.widthOfTextAtSize(run.text, size), 0);
}

function wrap(text: string, measure: (word: string) => number, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [''];
  const space = measure(' ');
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of words) {
    // A line is as wide as its words and spaces (no glyph is substituted across a
    // space), so widths are added up instead of measuring each growing line again.
    const candidateWidth = line ? lineWidth + space + measure(word) : measure(word);
    if (candidateWidth <= width) {
      line = line ? `${line} ${word}` : word;
      lineWidth = candidateWidth;
      continue;
    }
    if (line) lines.push(line);
    // A word wider than the line (a URL, or Japanese, which has no spaces) is broken
    // where it must be — between characters, never inside a surrogate pair.
    let rest = [...word];
    while (rest.length > 1 && measure(rest.join('')) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut).join('')) > width) cut--;
      lines.push(rest.slice(0, cut).join(''));
      rest = rest.slice(cut);
    }
    line = rest.join('');
    lineWidth = measure(line);
  }
  lines.push(line);
  return lines;
}
