import PptxGenJS from 'pptxgenjs';
import { journeysOf, stagesOf, workshopOf, type RecordMap } from '../../../../shared/model/document.ts';
import type { Theme } from '../../../../shared/theme/palettes.ts';
import { ExportCancelled, nextTurn } from '../pacing.ts';
import { deckTheme } from './deck-theme.ts';
import { defineMasters, titleContinuedSlides, type DeckContext } from './deck-context.ts';
import { addStageSlides } from './stage-slides.ts';
import { addOverviewSlides } from './overview-slides.ts';
import { addActionPlanSlides, addExecutiveSummarySlide, addGapSlides, addMatrixSlides, addYearOverYearSlides } from './decision-slides.ts';
import type { YearOverYear } from '../../../../shared/decisions/year-over-year.ts';
import { applyTemplate, templateBodyFace } from './deck-template.ts';
import { measureForFace } from './text-fit.ts';
import {
  addEmotionSlide,
  addListSlides,
  addPersonaSlides,
  addTitleSlide,
  addTollgateSlide,
  momentsOfTruth,
  needleMovers,
  parkingLot,
  voteResults,
} from './report-slides.ts';

export interface DeckOptions {
  theme: Theme;
  /** A picture of each journey's whole map, made by the renderer (PNG). */
  overviews: ReadonlyMap<string, Buffer>;
  date?: Date;
  /**
   * A company template (.pptx or .potx): its master, layouts, colours and fonts replace
   * ours when the deck is written (deckBytes); text then takes the theme's colours.
   */
  template?: Uint8Array;
  /** This year against last year's file, when the export was asked to compare (see export-worker.ts). */
  yearOverYear?: YearOverYear;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

// The service knows the error from here; both builders share it through pacing.ts.
export { ExportCancelled };

/**
 * The deck a consultant can edit: title, per journey an overview picture, its stages as
 * native shapes, the emotion chart and the tollgate table; then personas, moments of
 * truth, needle movers, votes and the parking lot when there are any. It yields between
 * slides, so progress is reported and a cancel takes effect at once.
 */
export async function buildDeck(records: RecordMap, options: DeckOptions): Promise<{ pptx: PptxGenJS; slides: number }> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  const workshop = workshopOf(records);
  pptx.title = workshop?.name ?? 'Journey map';
  pptx.company = 'Journeyboard';
  const theme = deckTheme(options.theme, { template: !!options.template });
  // Text is measured for the face it will be shown in: a template's body font may be wider.
  measureForFace(options.template ? await templateBodyFace(options.template) : null);
  defineMasters(pptx, theme, workshop?.name ?? '');
  const ctx: DeckContext = { pptx, records, theme, workshopName: workshop?.name ?? '' };

  const journeys = journeysOf(records);
  const steps: (() => number | boolean | void)[] = [];
  if (workshop) steps.push(() => addTitleSlide(ctx, workshop, options.date ?? new Date()));
  // Executives read the summary first; the gap and the plan follow the needle movers.
  steps.push(() => addExecutiveSummarySlide(ctx, options.date ?? new Date()));
  for (const journey of journeys) {
    steps.push(() => addOverviewSlides(ctx, journey, options.overviews.get(journey.id)));
    stagesOf(records, journey.id).forEach((stage, i) => steps.push(() => addStageSlides(ctx, stage, i)));
    steps.push(() => addEmotionSlide(ctx, journey));
    steps.push(() => addTollgateSlide(ctx, journey));
  }
  steps.push(() => addPersonaSlides(ctx));
  steps.push(() => addListSlides(ctx, 'Moments of truth', 'The touchpoints that decide whether the relationship goes on', momentsOfTruth(ctx)));
  steps.push(() => addListSlides(ctx, 'Needle movers', 'Pain points by what they cost a year if nobody fixes them', needleMovers(ctx)));
  steps.push(() => addMatrixSlides(ctx), () => addGapSlides(ctx), () => addActionPlanSlides(ctx), () => addYearOverYearSlides(ctx, options.yearOverYear));
  for (const vote of voteResults(ctx)) steps.push(() => addListSlides(ctx, vote.title, 'What the room put first', vote.lines));
  steps.push(() => addListSlides(ctx, 'Parking lot', 'Raised in the workshop, out of scope for today', parkingLot(ctx)));

  for (const [i, step] of steps.entries()) {
    if (options.signal?.aborted) throw new ExportCancelled();
    step();
    options.onProgress?.(i + 1, steps.length);
    await nextTurn();
  }
  titleContinuedSlides(pptx);
  return { pptx, slides: (pptx as unknown as { slides: unknown[] }).slides.length };
}

export async function deckBytes(pptx: PptxGenJS, template?: Uint8Array): Promise<Buffer> {
  const bytes = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Uint8Array;
  // JSZip hands back a Buffer already: copying tens of megabytes again would be one
  // more long stretch on the thread that answers requests.
  const deck = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return template ? applyTemplate(deck, template) : deck;
}
