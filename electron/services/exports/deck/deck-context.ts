import type PptxGenJS from 'pptxgenjs';
import type { RecordMap } from '../../../../shared/model/document.ts';
import type { DeckTheme } from './deck-theme.ts';

export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;
export const MARGIN = 0.4;
export const MASTER = 'JOURNEYBOARD';
export const FONT = 'Arial';

/** What every slide builder needs: the presentation, the records, the colours. */
export interface DeckContext {
  pptx: PptxGenJS;
  records: RecordMap;
  theme: DeckTheme;
  workshopName: string;
}

export function addTitledSlide(ctx: DeckContext, title: string, subtitle?: string): PptxGenJS.Slide {
  const slide = ctx.pptx.addSlide({ masterName: MASTER });
  slide.addText(title, { x: MARGIN, y: 0.3, w: SLIDE_W - 2 * MARGIN, h: 0.6, fontFace: FONT, fontSize: 26, bold: true, color: ctx.theme.text, fit: 'shrink' });
  if (subtitle) slide.addText(subtitle, { x: MARGIN, y: 0.88, w: SLIDE_W - 2 * MARGIN, h: 0.38, fontFace: FONT, fontSize: 13, color: ctx.theme.muted, fit: 'shrink' });
  return slide;
}
