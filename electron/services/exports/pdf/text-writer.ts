import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';

export const PAGE: [number, number] = [841.89, 595.28]; // A4 landscape, points
const MARGIN = 48;

/**
 * Flowing text on PDF pages: headings, paragraphs and bullets, wrapped by measuring
 * the embedded font, continued on a new page when one is full. The text stays text
 * (selectable, searchable), not a picture of text.
 */
export class TextWriter {
  private page: PDFPage | undefined;
  private y = 0;
  private readonly doc: PDFDocument;
  private readonly regular: PDFFont;
  private readonly bold: PDFFont;

  constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.doc = doc;
    this.regular = regular;
    this.bold = bold;
  }

  newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  heading(text: string, size = 20): void {
    if (!this.page || this.y < MARGIN + size * 3) this.newPage();
    this.y -= 6;
    this.lines(text, this.bold, size, 0);
    this.y -= 4;
  }

  paragraph(text: string, size = 11, indent = 0): void {
    this.lines(text, this.regular, size, indent);
  }

  bullet(text: string, size = 11): void {
    this.lines(`•  ${text}`, this.regular, size, 8);
  }

  space(points: number): void {
    this.y -= points;
  }

  private lines(text: string, font: PDFFont, size: number, indent: number): void {
    const width = PAGE[0] - 2 * MARGIN - indent;
    for (const paragraph of text.split('\n')) {
      for (const line of wrap(paragraph, font, size, width)) {
        if (!this.page || this.y - size * 1.3 < MARGIN) this.newPage();
        this.y -= size * 1.3;
        this.page!.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: rgb(0.1, 0.14, 0.19) });
      }
    }
  }
}

/**
 * Widths of single words, measured once per font and size. Laying text out through
 * the font is what a PDF export spends its time on, and measuring each growing line
 * again for every word made a paragraph cost its words × the words on a line.
 */
const wordWidths = new WeakMap<PDFFont, Map<number, Map<string, number>>>();

function widthOf(font: PDFFont, size: number, word: string): number {
  let bySize = wordWidths.get(font);
  if (!bySize) wordWidths.set(font, (bySize = new Map()));
  let words = bySize.get(size);
  if (!words) bySize.set(size, (words = new Map()));
  let width = words.get(word);
  if (width === undefined) words.set(word, (width = font.widthOfTextAtSize(word, size)));
  return width;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [''];
  const space = widthOf(font, size, ' ');
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of words) {
    // pdf-lib adds up glyph advances, and no glyph is substituted across a space, so a
    // line is as wide as its words and spaces. Only a near tie is measured whole, where
    // rounding in the sum could decide the break differently.
    const candidateWidth = line ? lineWidth + space + widthOf(font, size, word) : widthOf(font, size, word);
    const candidate = line ? `${line} ${word}` : word;
    const fits = Math.abs(candidateWidth - width) < 0.01 ? font.widthOfTextAtSize(candidate, size) <= width : candidateWidth <= width;
    if (fits) {
      line = candidate;
      lineWidth = candidateWidth;
      continue;
    }
    if (line) lines.push(line);
    // A single word wider than the line (a URL, say) is broken where it must be.
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
    lineWidth = widthOf(font, size, rest);
  }
  lines.push(line);
  return lines;
}
