import type PptxGenJS from 'pptxgenjs';
import { byPosition } from '../../../../shared/model/ordering.ts';
import { lanesOf, recordsGroupedBy, recordsOfType, stagesOf, stepsOf } from '../../../../shared/model/document.ts';
import { yearlyCost } from '../../../../shared/model/pain-point-cost.ts';
import { LANE_TYPE_LABELS, type Card, type Journey, type Lane, type Stage } from '../../../../shared/model/records.ts';
import { addTitledSlide, FONT, MARGIN, SLIDE_H, SLIDE_W, type DeckContext } from './deck-context.ts';
import { shortName, STAR_COLOR, TOLLGATE_BORDER } from './card-details.ts';
import { linesAt } from './text-fit.ts';
import { languageOf } from './text-language.ts';

const CONTENT_W = SLIDE_W - 2 * MARGIN;
const BODY_Y = 1.4;
const BODY_H = SLIDE_H - BODY_Y - 0.45;
const LABEL_W = 1.5;
const FONT_PT = 10;
const MAX_STAGES_PER_SLIDE = 4;
const LINE_H = (FONT_PT * 1.25) / 72;

/**
 * The journey at a glance, readable from the back of the room: a native table of stages
 * by lanes, each cell its card count and its two weightiest cards (moments of truth, then
 * pain points by cost, then board order), at 10 pt. A 7-stage map is two slides of 4 + 3
 * stages rather than one picture at 6 px. The picture of the whole map follows, with the
 * legend, for orientation only.
 */
export function addOverviewSlides(ctx: DeckContext, journey: Journey, png: Buffer | undefined): number {
  const stages = stagesOf(ctx.records, journey.id);
  const subtitle = journey.state === 'current' ? 'The journey as it is today' : 'The journey as it should be';
  const slices = Math.max(1, Math.ceil(stages.length / MAX_STAGES_PER_SLIDE));
  const size = Math.max(1, Math.ceil(stages.length / slices));
  let slides = 0;
  for (let i = 0; i < Math.max(1, stages.length); i += size) {
    const part = stages.slice(i, i + size);
    const title = slices > 1 ? `${journey.name}: overview (${i / size + 1}/${slices})` : `${journey.name}: overview`;
    addGrid(ctx, addTitledSlide(ctx, title, subtitle), journey, part, i);
    slides++;
  }
  if (png) {
    addPicture(ctx, journey, png);
    slides++;
  }
  return slides;
}

function addGrid(ctx: DeckContext, slide: PptxGenJS.Slide, journey: Journey, stages: Stage[], firstIndex: number): void {
  if (stages.length === 0) {
    slide.addText('No stages yet.', { x: MARGIN, y: BODY_Y, w: CONTENT_W, h: 0.5, fontFace: FONT, fontSize: 14, color: ctx.theme.muted });
    return;
  }
  const colW = (CONTENT_W - LABEL_W) / stages.length;
  const cardsByStep = recordsGroupedBy(ctx.records, 'card', 'stepId');
  const weight = cardWeights(ctx);
  const lanes = lanesOf(ctx.records, journey.id).filter((l) => l.laneType !== 'emotions');
  const stageCards = stages.map((s) => stepsOf(ctx.records, s.id).flatMap((step) => cardsByStep.get(step.id) ?? []));
  const head = (text: string, color?: string): PptxGenJS.TableCell => ({ text, options: { bold: true, fill: { color: color ?? ctx.theme.laneHeader }, color: color ? 'FFFFFF' : ctx.theme.text } });
  const rows: PptxGenJS.TableRow[] = [
    [head(''), ...stages.map((s, i) => head(`${s.name} · ${stepsOf(ctx.records, s.id).length} steps`, ctx.theme.stages[(firstIndex + i) % ctx.theme.stages.length]))],
    [head('Owner'), ...stages.map((s) => ({ text: s.owner || 'not named yet', options: { color: s.owner ? ctx.theme.text : ctx.theme.muted } }))],
  ];
  // The most each cell can say and still fit the slide at 10 pt: two cards of up to two
  // lines each, else two of one line, else one; the stage slides carry every word.
  let body: { rows: PptxGenJS.TableRow[]; lines: number[] } | null = null;
  for (const [items, linesPerItem] of [[2, 2], [2, 1], [1, 1]] as const) {
    body = laneRows(ctx, lanes, stageCards, weight, head, items, linesPerItem, colW);
    const emotions = emotionSummary(ctx, stages);
    if (emotions) {
      body.rows.push([head('Emotion (average)'), ...emotions.map((text) => ({ text }))]);
      body.lines.push(Math.max(1, ...emotions.map((t) => linesAt(t, colW, FONT_PT))));
    }
    if ([1, 1, ...body.lines].reduce((sum, n) => sum + n * LINE_H + 0.1, 0) <= BODY_H) break;
  }
  rows.push(...body!.rows);
  const rowLines = [1, 1, ...body!.lines];
  slide.addTable(rows, {
    x: MARGIN,
    y: BODY_Y,
    w: CONTENT_W,
    colW: [LABEL_W, ...stages.map(() => colW)],
    rowH: rowLines.map((n) => n * LINE_H + 0.1),
    fontFace: FONT,
    fontSize: FONT_PT,
    color: ctx.theme.text,
    valign: 'top',
    margin: 0.05,
    border: { type: 'solid', pt: 0.5, color: ctx.theme.grid },
    objectName: 'overview: stages by lanes',
  });
}

/** A row per lane that has cards: its weightiest cards, each shortened to `maxLines`, and how many more. */
function laneRows(
  ctx: DeckContext,
  lanes: Lane[],
  stageCards: Card[][],
  weight: (card: Card) => number,
  head: (text: string) => PptxGenJS.TableCell,
  items: number,
  maxLines: number,
  colW: number,
): { rows: PptxGenJS.TableRow[]; lines: number[] } {
  const rows: PptxGenJS.TableRow[] = [];
  const lines: number[] = [];
  for (const lane of lanes) {
    const cells = stageCards.map((cards) => cards.filter((c) => c.laneId === lane.id));
    if (cells.every((c) => c.length === 0)) continue;
    let rowLines = 1;
    const row: PptxGenJS.TableRow = [head(lane.name)];
    for (const cards of cells) {
      const top = [...cards].sort((a, b) => weight(b) - weight(a)).slice(0, items);
      const more = cards.length - top.length;
      const runs: PptxGenJS.TextProps[] = top.map((card, k) => ({
        text: `${card.momentOfTruth ? '★ ' : '• '}${shorten(card.text, colW, maxLines)}`,
        options: { color: card.momentOfTruth ? STAR_COLOR : ctx.theme.text, breakLine: k < top.length - 1 || more > 0, lang: languageOf(card.text) },
      }));
      if (more > 0) runs.push({ text: `+${more} more`, options: { color: ctx.theme.muted, italic: true } });
      if (runs.length === 0) runs.push({ text: '—', options: { color: ctx.theme.muted } });
      const cellLines = top.reduce((n, c) => n + linesAt(`• ${shorten(c.text, colW, maxLines)}`, colW, FONT_PT), 0) + (more > 0 ? 1 : 0);
      rowLines = Math.max(rowLines, cellLines);
      row.push({ text: runs });
    }
    rows.push(row);
    lines.push(rowLines);
  }
  return { rows, lines };
}

/** A card's weight for the overview: a moment of truth first, then what a pain costs a year. */
function cardWeights(ctx: DeckContext): (card: Card) => number {
  const cost = new Map<string, number>();
  for (const pain of recordsOfType(ctx.records, 'pain-point')) cost.set(pain.cardId, (yearlyCost(pain) ?? 0) + pain.severity);
  return (card) => (card.momentOfTruth ? 1e15 : 0) + (cost.get(card.id) ?? 0);
}

function emotionSummary(ctx: DeckContext, stages: Stage[]): string[] | null {
  const emotions = recordsGroupedBy(ctx.records, 'emotion', 'stepId');
  const personas = byPosition(recordsOfType(ctx.records, 'persona'));
  const cells = stages.map((stage) => {
    const scores = stepsOf(ctx.records, stage.id).flatMap((s) => emotions.get(s.id) ?? []);
    return personas
      .map((p) => {
        const mine = scores.filter((e) => e.personaId === p.id).map((e) => e.score);
        if (!mine.length) return '';
        const avg = mine.reduce((a, b) => a + b, 0) / mine.length;
        return `${shortName(p.name)} ${avg > 0 ? '+' : ''}${avg.toFixed(1)}`;
      })
      .filter(Boolean)
      .join('\n');
  });
  return cells.some(Boolean) ? cells.map((c) => c || '—') : null;
}

/** The card's words up to `maxLines` lines of the cell, cut at a word, with "…" when cut. */
function shorten(text: string, width: number, maxLines: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (linesAt(`• ${flat}`, width, FONT_PT) <= maxLines) return flat;
  const words = flat.split(' ');
  while (words.length > 1 && linesAt(`• ${words.join(' ')}…`, width, FONT_PT) > maxLines) words.pop();
  let cut = words.join(' ');
  while (cut.length > 1 && linesAt(`• ${cut}…`, width, FONT_PT) > maxLines) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** The whole map as a picture, for orientation, with the legend of what colours and marks mean. */
function addPicture(ctx: DeckContext, journey: Journey, png: Buffer): void {
  const slide = addTitledSlide(ctx, `${journey.name}: the whole map`, 'For orientation; the stage slides that follow carry every card, editable');
  const legendH = 0.75;
  const areaH = BODY_H - legendH - 0.1;
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const scale = Math.min(CONTENT_W / width, areaH / height);
  const w = width * scale;
  const h = height * scale;
  slide.addImage({ data: `image/png;base64,${png.toString('base64')}`, x: MARGIN + (CONTENT_W - w) / 2, y: BODY_Y + (areaH - h) / 2, w, h, objectName: `map picture: ${journey.name}` });
  const lanes = lanesOf(ctx.records, journey.id).filter((l) => l.laneType !== 'emotions');
  const types = [...new Set(lanes.map((l) => l.laneType))];
  const y = BODY_Y + areaH + 0.1;
  const chipW = Math.min(1.6, CONTENT_W / Math.max(1, types.length));
  types.forEach((type, i) => {
    slide.addText(LANE_TYPE_LABELS[type], { x: MARGIN + i * chipW, y, w: chipW - 0.06, h: 0.3, fontFace: FONT, fontSize: 10, color: ctx.theme.cardText, fill: { color: ctx.theme.cards[type] }, line: { color: ctx.theme.cardBorder, width: 0.5 }, align: 'center', valign: 'middle', fit: 'shrink', objectName: `legend: ${type}` });
  });
  slide.addText(
    [
      { text: '★ moment of truth   ', options: { color: STAR_COLOR, bold: true } },
      { text: 'S1–S5 severity · cost a year if not fixed   ', options: { color: ctx.theme.text } },
      { text: '■ tollgate passes  ', options: { color: TOLLGATE_BORDER.passes } },
      { text: '■ friction  ', options: { color: TOLLGATE_BORDER.friction } },
      { text: '■ blocks', options: { color: TOLLGATE_BORDER.blocks } },
    ],
    { x: MARGIN, y: y + 0.36, w: CONTENT_W, h: 0.3, fontFace: FONT, fontSize: 11, objectName: 'legend: marks' },
  );
}
