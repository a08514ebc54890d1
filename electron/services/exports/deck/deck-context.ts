import type PptxGenJS from 'pptxgenjs';
import type { RecordMap } from '../../../../shared/model/document.ts';
import type { DeckTheme } from './deck-theme.ts';

export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;
export const MARGIN = 0.4;
/** The layout every content slide is built on; its title is a real placeholder. */
export const MASTER = 'JOURNEYBOARD';
/** The opening slide's layout; a company template maps it to its own title layout. */
export const TITLE_MASTER = 'JOURNEYBOARD_TITLE';
export const FONT = 'Arial';

/** What every slide builder needs: the presentation, the records, the colours. */
export interface DeckContext {
  pptx: PptxGenJS;
  records: RecordMap;
  theme: DeckTheme;
  workshopName: string;
}

/**
 * The layouts the slides are built on. The titles are real title placeholders, so they
 * show in PowerPoint's outline and restyle with a corporate master (deck-template.ts
 * swaps these layouts for the company's own).
 */
export function defineMasters(pptx: PptxGenJS, theme: DeckTheme, footer: string): void {
  const chrome: PptxGenJS.SlideMasterProps['objects'] = [
    { rect: { x: 0, y: SLIDE_H - 0.32, w: SLIDE_W, h: 0.02, fill: { color: theme.accent } } },
    { text: { text: footer, options: { x: 0.4, y: SLIDE_H - 0.3, w: 8, h: 0.28, fontFace: FONT, fontSize: 9, color: theme.muted } } },
  ];
  const title = (y: number, h: number, fontSize: number) => ({
    placeholder: { options: { name: 'title', type: 'title' as const, x: MARGIN, y, w: SLIDE_W - 2 * MARGIN, h, fontFace: FONT, fontSize, bold: true, color: theme.text, fit: 'shrink' as const, valign: 'middle' as const, align: 'left' as const }, text: '' },
  });
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: theme.background },
    objects: [title(0.3, 0.6, 26), ...chrome!],
    slideNumber: { x: SLIDE_W - 0.9, y: SLIDE_H - 0.3, w: 0.6, h: 0.28, fontFace: FONT, fontSize: 9, color: theme.muted },
  });
  pptx.defineSlideMaster({ title: TITLE_MASTER, background: { color: theme.background }, objects: [title(2.2, 1.2, 40), ...chrome!] });
}

export function addTitledSlide(ctx: DeckContext, title: string, subtitle?: string): PptxGenJS.Slide {
  const slide = ctx.pptx.addSlide({ masterName: MASTER });
  slide.addText(title, { placeholder: 'title' });
  if (subtitle) slide.addText(subtitle, { x: MARGIN, y: 0.88, w: SLIDE_W - 2 * MARGIN, h: 0.38, fontFace: FONT, fontSize: 13, color: ctx.theme.muted, fit: 'shrink', objectName: 'subtitle' });
  return slide;
}

interface SlideInternals {
  _slideObjects: { options?: { placeholder?: string }; text?: string | { text?: string }[] }[];
}

/**
 * A table that runs over (autoPage) continues on slides pptxgenjs makes itself, with an
 * empty title: each gets the title of the slide it continues, so no slide is untitled
 * in the outline. Run once, after every slide is added.
 */
export function titleContinuedSlides(pptx: PptxGenJS): void {
  let last = '';
  for (const slide of (pptx as unknown as { slides: (PptxGenJS.Slide & SlideInternals)[] }).slides) {
    const title = slide._slideObjects.find((o) => o.options?.placeholder === 'title');
    if (title) last = typeof title.text === 'string' ? title.text : (title.text ?? []).map((r) => r.text ?? '').join('');
    else if (last) slide.addText(`${last.replace(/ \(continued\)$/, '')} (continued)`, { placeholder: 'title' });
  }
}
