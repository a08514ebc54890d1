import { byPosition } from '../../../../shared/model/ordering.ts';
import { cardsIn, lanesOf, recordsGroupedBy, stepsOf } from '../../../../shared/model/document.ts';
import type { Card, Lane, Stage, Step } from '../../../../shared/model/records.ts';
import { addTitledSlide, FONT, MARGIN, SLIDE_H, SLIDE_W, type DeckContext } from './deck-context.ts';
import { fittingSize, heightFor } from './text-fit.ts';

const TOP = 1.4;
const BOTTOM = SLIDE_H - 0.45;
const LANE_LABEL_W = 1.7;
const STEP_HEADER_H = 0.45;
const GAP = 0.06;
const CARD_MIN_H = 0.42;
const CARD_FONT = 11;
const CARD_MIN_FONT = 8;
const MAX_STEPS_PER_SLIDE = 6;
const MAX_COLUMN_W = 3.2;

interface PlacedCard {
  card: Card;
  text: string;
  height: number;
  fontSize: number;
  /** Set when the text is longer than a whole slide holds; it goes into the notes. */
  fullText?: string;
}

/** The tallest a card can be: a whole slide below the step headers. */
const MAX_CARD_H = BOTTOM - (TOP + STEP_HEADER_H) - 4 * GAP;

/**
 * One stage as native, editable shapes: steps as columns, lanes as rows, cards as
 * rounded rectangles, with the stage owner and KPIs. A stage too wide (more than six
 * steps) or too tall for one slide continues on the next, never cut off.
 */
export function addStageSlides(ctx: DeckContext, stage: Stage, stageIndex: number): number {
  const steps = stepsOf(ctx.records, stage.id);
  const lanes = lanesOf(ctx.records, stage.journeyId).filter((l) => l.laneType !== 'emotions');
  const groups: Step[][] = [];
  for (let i = 0; i < Math.max(1, steps.length); i += MAX_STEPS_PER_SLIDE) groups.push(steps.slice(i, i + MAX_STEPS_PER_SLIDE));
  let slides = 0;
  for (const group of groups) slides += addStepGroup(ctx, stage, stageIndex, group, lanes, slides);
  return slides;
}

function addStepGroup(ctx: DeckContext, stage: Stage, stageIndex: number, steps: Step[], lanes: Lane[], slidesSoFar: number): number {
  // A stage of one or two steps keeps card-sized columns rather than slide-wide cards.
  const colW = Math.min(MAX_COLUMN_W, (SLIDE_W - 2 * MARGIN - LANE_LABEL_W) / Math.max(1, steps.length));
  const cardW = colW - 2 * GAP;
  // Per lane, per step: the cards still to place, each measured for its box.
  const queues = lanes.map((lane) => ({
    lane,
    cells: steps.map((step) =>
      cardsIn(ctx.records, step.id, lane.id).map((card) => measure(card, cardW)),
    ),
  }));
  const lanesWithCards = queues.filter((q) => q.cells.some((c) => c.length > 0));
  const rows = lanesWithCards.length > 0 ? lanesWithCards : queues.slice(0, 3);
  let slides = 0;
  while (slides === 0 || rows.some((r) => r.cells.some((c) => c.length > 0))) {
    const left = remaining(rows);
    const notes: string[] = [];
    const continued = slidesSoFar + slides > 0;
    const slide = addTitledSlide(ctx, continued ? `${stage.name} (continued)` : stage.name, stageSubtitle(ctx, stage));
    slide.addShape(ctx.pptx.ShapeType.rect, { x: MARGIN, y: TOP - 0.12, w: SLIDE_W - 2 * MARGIN, h: 0.06, fill: { color: ctx.theme.stages[stageIndex % ctx.theme.stages.length]! }, line: { type: 'none' } });
    steps.forEach((step, i) => {
      slide.addText(step.name || 'Untitled step', { x: MARGIN + LANE_LABEL_W + i * colW, y: TOP, w: colW, h: STEP_HEADER_H, fontFace: FONT, fontSize: 12, bold: true, color: ctx.theme.text, fit: 'shrink', valign: 'middle' });
    });
    let y = TOP + STEP_HEADER_H + GAP;
    for (const row of rows) {
      if (row.cells.every((c) => c.length === 0) && slides > 0) continue;
      const available = BOTTOM - y;
      const full = Math.max(CARD_MIN_H, ...row.cells.map(stackHeight)) + 2 * GAP;
      const rowH = full <= available ? full : available;
      if (rowH < CARD_MIN_H + 2 * GAP) break;
      slide.addText(row.lane.name, { x: MARGIN, y, w: LANE_LABEL_W - GAP, h: rowH, fontFace: FONT, fontSize: 11, bold: true, color: ctx.theme.text, fill: { color: ctx.theme.laneHeader }, valign: 'middle', fit: 'shrink' });
      row.cells.forEach((cell, i) => {
        let cy = y + GAP;
        while (cell.length > 0 && cy + cell[0]!.height <= y + rowH - GAP + 1e-6) {
          const placed = cell.shift()!;
          if (placed.fullText) notes.push(placed.fullText);
          slide.addText(placed.text, {
            shape: ctx.pptx.ShapeType.roundRect,
            rectRadius: 0.08,
            x: MARGIN + LANE_LABEL_W + i * colW + GAP,
            y: cy,
            w: cardW,
            h: placed.height,
            fill: { color: ctx.theme.cards[row.lane.laneType] },
            line: { color: ctx.theme.cardBorder, width: 0.75 },
            fontFace: FONT,
            fontSize: placed.fontSize,
            color: ctx.theme.cardText,
            valign: 'top',
            margin: 4,
          });
          cy += placed.height + GAP;
        }
      });
      y += rowH + GAP;
      if (rowH < full) break;
    }
    if (notes.length) slide.addNotes(notes.join('\n\n'));
    slides++;
    if (left > 0 && remaining(rows) === left) break; // nothing fitted: never loop forever
  }
  return slides;
}

const remaining = (rows: { cells: PlacedCard[][] }[]) => rows.reduce((n, r) => n + r.cells.reduce((m, c) => m + c.length, 0), 0);

function measure(card: Card, width: number): PlacedCard {
  const natural = Math.max(CARD_MIN_H, heightFor(card.text, width, CARD_FONT));
  const capped = Math.min(natural, 1.6);
  const fontSize = fittingSize(card.text, width, capped, CARD_FONT, CARD_MIN_FONT);
  if (fontSize !== null) return { card, text: card.text, height: capped, fontSize };
  // Too long even at the smallest size: it gets the height it needs, up to a slide.
  const needed = heightFor(card.text, width, CARD_MIN_FONT);
  if (needed <= MAX_CARD_H) return { card, text: card.text, height: needed, fontSize: CARD_MIN_FONT };
  // Longer than a slide: say so on the card, and keep every word in the notes.
  const marker = ' … (full text in the speaker notes)';
  let end = card.text.length;
  while (end > 0 && heightFor(card.text.slice(0, end) + marker, width, CARD_MIN_FONT) > MAX_CARD_H) end = Math.floor(end * 0.9);
  return { card, text: card.text.slice(0, end) + marker, height: MAX_CARD_H, fontSize: CARD_MIN_FONT, fullText: card.text };
}

const stackHeight = (cell: PlacedCard[]) => cell.reduce((sum, c) => sum + c.height + GAP, 0);

function stageSubtitle(ctx: DeckContext, stage: Stage): string {
  const kpis = byPosition(recordsGroupedBy(ctx.records, 'kpi', 'stageId').get(stage.id) ?? []);
  const owner = stage.owner ? `Owner: ${stage.owner}` : 'Owner: not named yet';
  const measures = kpis.map((k) => `${k.name} ${k.currentValue ?? '–'} → ${k.targetValue ?? '–'}${k.unit ? ` ${k.unit}` : ''}`);
  return [owner, ...(measures.length ? [`KPIs: ${measures.join(' · ')}`] : [])].join('   ·   ');
}
