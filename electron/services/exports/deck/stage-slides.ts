import type PptxGenJS from 'pptxgenjs';
import { byPosition } from '../../../../shared/model/ordering.ts';
import { cardsIn, lanesOf, recordsGroupedBy, stepsOf } from '../../../../shared/model/document.ts';
import type { Stage } from '../../../../shared/model/records.ts';
import { addTitledSlide, FONT, MARGIN, SLIDE_W, type DeckContext } from './deck-context.ts';
import { BADGE_COLOR, cardBadges, STAR_COLOR, stepDetails, stepEmotions, type CardBadges } from './card-details.ts';
import { GAP, LANE_LABEL_W, layoutChunk, stepGroups, TOP, type ChunkLayout, type LaneCards, type PlacedCard, type StepHead } from './stage-layout.ts';
import { isRightToLeft, languageOf } from './text-language.ts';

/** The badges of every card, worked out once per deck rather than once per stage. */
const badgeCache = new WeakMap<object, Map<string, CardBadges>>();
const badgesOf = (ctx: DeckContext) => {
  let badges = badgeCache.get(ctx.records);
  if (!badges) badgeCache.set(ctx.records, (badges = cardBadges(ctx.records)));
  return badges;
};

/**
 * One stage as native, editable shapes: steps as columns with their five W's and
 * channels, the personas' emotions, then every lane that has a card, with the badges
 * the board shows. A stage of more than four steps continues by steps, all lanes kept
 * together (see stage-layout.ts).
 */
export function addStageSlides(ctx: DeckContext, stage: Stage, stageIndex: number): number {
  const steps = stepsOf(ctx.records, stage.id);
  const lanes = lanesOf(ctx.records, stage.journeyId).filter((l) => l.laneType !== 'emotions');
  const badges = badgesOf(ctx);
  const emotions = recordsGroupedBy(ctx.records, 'emotion', 'stepId');
  const heads: StepHead[] = steps.map((step) => ({
    step,
    name: `${step.momentOfTruth ? '★ ' : ''}${step.name || 'Untitled step'}`,
    details: stepDetails(step),
    emotions: stepEmotions(ctx.records, emotions.get(step.id) ?? []).map((e) => e.text),
  }));
  const laneCards: LaneCards[] = lanes.map((lane) => ({
    lane,
    cells: steps.map((step) =>
      cardsIn(ctx.records, step.id, lane.id).map((card) => {
        const b = badges.get(card.id);
        return { card, text: card.text, star: b?.momentOfTruth ?? false, badges: (b?.badges ?? []).join(' · ') };
      }),
    ),
  }));
  const groups = stepGroups(steps.map((_, i) => i));
  groups.forEach((indexes, g) => {
    const layout = layoutChunk(indexes.map((i) => heads[i]!), laneCards, indexes);
    const title = groups.length > 1 ? `${stage.name} (${g + 1}/${groups.length})` : stage.name;
    drawChunk(ctx, stage, stageIndex, title, layout);
  });
  return groups.length;
}

function drawChunk(ctx: DeckContext, stage: Stage, stageIndex: number, title: string, layout: ChunkLayout): void {
  const { theme } = ctx;
  const slide = addTitledSlide(ctx, title, stageSubtitle(ctx, stage));
  const notes: string[] = [];
  slide.addShape(ctx.pptx.ShapeType.rect, { x: MARGIN, y: TOP - 0.12, w: SLIDE_W - 2 * MARGIN, h: 0.06, fill: { color: theme.stages[stageIndex % theme.stages.length]! }, line: { type: 'none' }, objectName: 'stage colour' });
  const x0 = MARGIN + LANE_LABEL_W;
  let y = TOP;
  if (layout.steps.length === 0) {
    slide.addText('No steps in this stage yet.', { x: x0, y, w: 6, h: 0.4, fontFace: FONT, fontSize: 12, color: theme.muted });
    return;
  }
  layout.steps.forEach((head, i) => {
    const runs: PptxGenJS.TextProps[] = [{ text: head.name, options: { bold: true, fontSize: Math.min(13, layout.fontPt + 1), color: theme.text, breakLine: !!head.details } }];
    if (head.details) runs.push({ text: head.details, options: { fontSize: layout.detailPt, color: theme.muted } });
    slide.addText(runs, { x: x0 + i * layout.colW, y, w: layout.colW, h: layout.headerH, fontFace: FONT, valign: 'top', margin: 4, objectName: `step: ${head.step.name}`.slice(0, 80), lang: languageOf(head.name) });
    const noteParts = [head.step.name, head.details, ...head.emotions].filter(Boolean);
    if (noteParts.length > 1) notes.push(noteParts.join('\n'));
  });
  y += layout.headerH + GAP;
  if (layout.emotionH) {
    // Red for a low, green for a high score, light enough to read on a dark slide.
    const mood = isDark(theme.background) ? { bad: 'FF8A80', good: '81C784' } : { bad: 'B3261E', good: '1B6E20' };
    laneLabel(ctx, slide, 'Emotions', y, layout.emotionH);
    layout.steps.forEach((head, i) => {
      if (!head.emotions.length) return;
      const rows = stepEmotions(ctx.records, recordsGroupedBy(ctx.records, 'emotion', 'stepId').get(head.step.id) ?? []);
      slide.addText(
        rows.map((e, k) => ({ text: e.text, options: { color: e.score < 0 ? mood.bad : e.score > 0 ? mood.good : theme.text, breakLine: k < rows.length - 1 } })),
        { x: x0 + i * layout.colW + GAP, y, w: layout.colW - 2 * GAP, h: layout.emotionH, fontFace: FONT, fontSize: layout.detailPt, valign: 'top', margin: 4, objectName: `emotions: ${head.step.name}`.slice(0, 80) },
      );
    });
    y += layout.emotionH + GAP;
  }
  for (const row of layout.rows) {
    laneLabel(ctx, slide, row.lane.name, y, row.height);
    row.cells.forEach((cell, i) => {
      for (const placed of cell.cards) {
        drawCard(ctx, slide, placed, row.lane.laneType, x0 + i * layout.colW + GAP + placed.dx, y + placed.dy, placed.w, layout.fontPt);
        if (placed.shortened) notes.push(placed.shortened);
      }
    });
    y += row.height + GAP;
  }
  if (layout.leftOut.length) notes.push(`Not on the slide for lack of room (${layout.leftOut.length}):`, ...layout.leftOut.map((c) => `• ${c.text}`));
  if (notes.length) slide.addNotes(notes.join('\n\n'));
}

const isDark = (hex: string) => /^[0-9A-F]{6}$/i.test(hex) && [0, 2, 4].reduce((sum, i) => sum + parseInt(hex.slice(i, i + 2), 16), 0) < 3 * 100;

function laneLabel(ctx: DeckContext, slide: PptxGenJS.Slide, name: string, y: number, h: number): void {
  slide.addText(name, { x: MARGIN, y, w: LANE_LABEL_W - GAP, h, fontFace: FONT, fontSize: 10, bold: true, color: ctx.theme.text, fill: { color: ctx.theme.laneHeader }, valign: 'middle', margin: 4, objectName: `lane: ${name}`.slice(0, 80) });
}

function drawCard(ctx: DeckContext, slide: PptxGenJS.Slide, placed: PlacedCard, laneType: keyof DeckContext['theme']['cards'], x: number, y: number, w: number, fontPt: number): void {
  const lang = languageOf(placed.text);
  const rtl = isRightToLeft(placed.text);
  const runs: PptxGenJS.TextProps[] = [];
  if (placed.star) runs.push({ text: '★ ', options: { color: STAR_COLOR, bold: true } });
  runs.push({ text: placed.text, options: { breakLine: !!placed.badges, lang, rtlMode: rtl } });
  if (placed.badges) runs.push({ text: placed.badges, options: { bold: true, color: BADGE_COLOR, lang: 'en-US' } });
  const border = badgesOf(ctx).get(placed.card.id)?.border;
  slide.addText(runs, {
    shape: ctx.pptx.ShapeType.roundRect,
    rectRadius: 0.06,
    x,
    y,
    w,
    h: placed.height,
    fill: { color: ctx.theme.cards[laneType] },
    line: border ? { color: border, width: 2.25 } : { color: ctx.theme.cardBorder, width: 0.75 },
    fontFace: FONT,
    fontSize: fontPt,
    color: ctx.theme.cardText,
    valign: 'top',
    margin: 4,
    lang,
    objectName: `card: ${placed.card.text.replace(/\s+/g, ' ')}`.slice(0, 80),
  });
}

function stageSubtitle(ctx: DeckContext, stage: Stage): string {
  const kpis = byPosition(recordsGroupedBy(ctx.records, 'kpi', 'stageId').get(stage.id) ?? []);
  const owner = stage.owner ? `Owner: ${stage.owner}` : 'Owner: not named yet';
  const measures = kpis.map((k) => `${k.name} ${k.currentValue ?? '–'} → ${k.targetValue ?? '–'}${k.unit ? ` ${k.unit}` : ''}`);
  const journey = ctx.records[stage.journeyId];
  return [journey?.type === 'journey' ? journey.name : '', owner, ...(measures.length ? [`KPIs: ${measures.join(' · ')}`] : [])].filter(Boolean).join('   ·   ');
}
