import { PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDict, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { Anchor } from './text-writer.ts';

/** A bookmark: a heading's title and place, with the headings under it. */
export interface Bookmark {
  title: string;
  at: Anchor;
  children: Bookmark[];
}

/**
 * The PDF's outline (the bookmarks pane): a consultant jumps to a journey or a stage
 * instead of scrolling 40 pages. pdf-lib has no API for it, so the dictionaries are
 * written as the PDF specification (12.3.3) lays them out: each item points at its
 * parent and siblings, and a destination [page /XYZ left top zoom].
 */
export function writeOutline(doc: PDFDocument, bookmarks: readonly Bookmark[]): void {
  if (bookmarks.length === 0) return;
  const context = doc.context;
  const root = context.obj({ Type: 'Outlines' }) as PDFDict;
  const rootRef = context.register(root);
  const count = addItems(doc, rootRef, root, bookmarks);
  root.set(PDFName.of('Count'), PDFNumber.of(count));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  // Open with the bookmarks showing: they are how a long report is read.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Writes the items under a parent; returns how many items lie beneath it, all levels. */
function addItems(doc: PDFDocument, parentRef: PDFRef, parent: PDFDict, items: readonly Bookmark[]): number {
  const context = doc.context;
  const refs = items.map(() => context.nextRef());
  let total = 0;
  items.forEach((item, i) => {
    const dict = context.obj({}) as PDFDict;
    // A text string in UTF-16: titles are card and stage names, in any script.
    dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
    dict.set(PDFName.of('Parent'), parentRef);
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
    dict.set(PDFName.of('Dest'), context.obj([item.at.page, PDFName.of('XYZ'), PDFNull, PDFNumber.of(item.at.y + 20), PDFNull]));
    if (item.children.length) {
      const beneath = addItems(doc, refs[i]!, dict, item.children);
      // Positive: open, so a journey's stages show at once.
      dict.set(PDFName.of('Count'), PDFNumber.of(beneath));
      total += beneath;
    }
    context.assign(refs[i]!, dict);
    total += 1;
  });
  parent.set(PDFName.of('First'), refs[0]!);
  parent.set(PDFName.of('Last'), refs.at(-1)!);
  return total;
}

/**
 * Document metadata a reader and a screen reader use: the title shown in the window
 * instead of the file name, and the language (the report's labels are English; card
 * text in other languages is still extracted as Unicode through the fonts' maps).
 */
export function setDocumentInfo(doc: PDFDocument, title: string): void {
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setLanguage('en');
  doc.setProducer('Journeyboard');
  doc.setCreator('Journeyboard');
}
