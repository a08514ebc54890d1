import { byPosition } from '../../../../shared/model/ordering.ts';
import { journeysOf, recordsGroupedBy, recordsOfType, stagesOf, stepsOf } from '../../../../shared/model/document.ts';
import { formatMoney, rankPainPointsByCost } from '../../../../shared/model/pain-point-cost.ts';
import { rankVote, voteState } from '../../../../shared/model/dot-votes.ts';
import { TOLLGATE_STATUS_LABELS, type Journey, type Tollgate, type WorkshopRecord } from '../../../../shared/model/records.ts';
import { addTitledSlide, FONT, MARGIN, SLIDE_H, SLIDE_W, TITLE_MASTER, type DeckContext } from './deck-context.ts';
import { fittingSize } from './text-fit.ts';
import { placedCards } from '../../../../shared/decisions/journey-walk.ts';

const CONTENT_W = SLIDE_W - 2 * MARGIN;
const BODY_Y = 1.45;
const BODY_H = SLIDE_H - BODY_Y - 0.5;

export function addTitleSlide(ctx: DeckContext, workshop: WorkshopRecord, date: Date): void {
  const slide = ctx.pptx.addSlide({ masterName: TITLE_MASTER });
  slide.addText(workshop.name, { placeholder: 'title' });
  const facts = [
    date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
    workshop.facilitator ? `Facilitated by ${workshop.facilitator}` : '',
    workshop.sample ? `Sample: ${workshop.sample}` : '',
  ].filter(Boolean);
  slide.addText(facts.join('\n'), { x: MARGIN, y: 3.5, w: CONTENT_W, h: 1.6, fontFace: FONT, fontSize: 18, color: ctx.theme.muted, valign: 'top', fit: 'shrink', objectName: 'facts' });
}

/** The persona's emotion across the steps, as a native line chart: one series per persona. */
export function addEmotionSlide(ctx: DeckContext, journey: Journey): boolean {
  const steps = stagesOf(ctx.records, journey.id).flatMap((stage) => stepsOf(ctx.records, stage.id));
  const emotions = recordsGroupedBy(ctx.records, 'emotion', 'stepId');
  const personas = byPosition(recordsOfType(ctx.records, 'persona'));
  const series = personas
    .map((persona) => ({
      name: persona.name,
      color: persona.color.slice(1).toUpperCase(),
      labels: steps.map((s) => s.name),
      values: steps.map((s) => emotions.get(s.id)?.find((e) => e.personaId === persona.id)?.score ?? null),
    }))
    .filter((s) => s.values.filter((v) => v !== null).length >= 2);
  if (series.length === 0 || steps.length < 2) return false;
  const slide = addTitledSlide(ctx, `How it feels: ${journey.name}`, 'Emotion at each step, from −3 (furious) to +3 (delighted)');
  // A step nobody scored stays blank (the line spans it), never a made-up neutral 0.
  slide.addChart(ctx.pptx.ChartType.line, series.map(({ color: _color, ...s }) => s), {
    displayBlanksAs: 'span',
    x: MARGIN,
    y: BODY_Y,
    w: CONTENT_W,
    h: BODY_H,
    chartColors: series.map((s) => s.color),
    lineSize: 3,
    lineDataSymbolSize: 8,
    // The score on each point: the stage slides carry the evokers beside the same numbers.
    showValue: true,
    dataLabelFontSize: 9,
    dataLabelPosition: 't',
    valAxisMinVal: -3,
    valAxisMaxVal: 3,
    valAxisMajorUnit: 1,
    catAxisLabelFontSize: 10,
    valAxisLabelFontSize: 11,
    showLegend: true,
    legendPos: 'b',
    legendFontSize: 12,
  });
  return true;
}

export function addTollgateSlide(ctx: DeckContext, journey: Journey): boolean {
  const rows: string[][] = [];
  const gatesByStep = new Map<string, Tollgate[]>();
  for (const gate of recordsOfType(ctx.records, 'tollgate')) {
    const card = ctx.records[gate.cardId];
    if (card?.type !== 'card') continue;
    const gates = gatesByStep.get(card.stepId);
    if (gates) gates.push(gate);
    else gatesByStep.set(card.stepId, [gate]);
  }
  for (const stage of stagesOf(ctx.records, journey.id)) {
    for (const step of stepsOf(ctx.records, stage.id)) {
      for (const record of gatesByStep.get(step.id) ?? []) {
        const card = ctx.records[record.cardId]!;
        if (card.type !== 'card') continue;
        rows.push([`${stage.name} › ${step.name}`, card.text, TOLLGATE_STATUS_LABELS[record.status], record.buyerProcess, record.content, record.channel, record.source]);
      }
    }
  }
  if (rows.length === 0) return false;
  const slide = addTitledSlide(ctx, `Tollgates: ${journey.name}`, 'The hurdles the buyer must pass, and what helps them pass');
  const header = ['Step', 'Tollgate', 'Status', "Buyer's process", 'Helpful content', 'Channel', 'Source'].map((text) => ({ text, options: { bold: true, fill: { color: ctx.theme.laneHeader } } }));
  slide.addTable([header, ...rows.map((r) => r.map((text) => ({ text })))], {
    x: MARGIN,
    y: BODY_Y,
    w: CONTENT_W,
    colW: [1.9, 2.0, 1.1, 2.4, 2.0, 1.3, 1.83],
    fontFace: FONT,
    fontSize: 11,
    color: ctx.theme.text,
    border: { type: 'solid', pt: 0.5, color: ctx.theme.grid },
    autoPage: true,
    autoPageRepeatHeader: true,
    autoPageHeaderRows: 1,
  });
  return true;
}

export function addPersonaSlides(ctx: DeckContext): number {
  const personas = byPosition(recordsOfType(ctx.records, 'persona'));
  for (const persona of personas) {
    const slide = addTitledSlide(ctx, persona.name, [persona.role, `${persona.participation} in the decision`].filter(Boolean).join(' · '));
    const boxes: [string, string][] = [
      ['Goals', persona.goals],
      ['Needs', persona.needs],
      ['Content preferences', persona.contentPreferences],
      ['Baggage they bring', persona.baggage],
    ];
    boxes.forEach(([title, text], i) => {
      const x = MARGIN + (i % 2) * (CONTENT_W / 2 + 0.1);
      const y = BODY_Y + Math.floor(i / 2) * (BODY_H / 2 + 0.05);
      const w = CONTENT_W / 2 - 0.1;
      const h = BODY_H / 2 - 0.1;
      slide.addText(title, { x, y, w, h: 0.4, fontFace: FONT, fontSize: 14, bold: true, color: persona.color.slice(1).toUpperCase() });
      const body = text || '—';
      const size = fittingSize(body, w, h - 0.45, 14, 9) ?? 9;
      slide.addText(body, { x, y: y + 0.42, w, h: h - 0.45, fontFace: FONT, fontSize: size, color: ctx.theme.text, valign: 'top', fit: 'shrink' });
    });
  }
  return personas.length;
}

/** A titled list that continues on further slides rather than running off one. */
export function addListSlides(ctx: DeckContext, title: string, subtitle: string, lines: string[]): number {
  if (lines.length === 0) return 0;
  const perSlide = 12;
  let slides = 0;
  for (let i = 0; i < lines.length; i += perSlide) {
    const slide = addTitledSlide(ctx, i === 0 ? title : `${title} (continued)`, subtitle);
    slide.addText(
      lines.slice(i, i + perSlide).map((text) => ({ text, options: { bullet: true, breakLine: true } })),
      { x: MARGIN, y: BODY_Y, w: CONTENT_W, h: BODY_H, fontFace: FONT, fontSize: 16, color: ctx.theme.text, valign: 'top', fit: 'shrink', paraSpaceAfter: 6 },
    );
    slides++;
  }
  return slides;
}

export function momentsOfTruth(ctx: Pick<DeckContext, 'records'>): string[] {
  const cardsByStep = recordsGroupedBy(ctx.records, 'card', 'stepId');
  const journeys = journeysOf(ctx.records);
  // With an as-is and a to-be journey, each line says which one it comes from.
  const where = (journey: Journey, stage: string) => (journeys.length > 1 ? `${stage}, ${journey.name}` : stage);
  return journeys.flatMap((journey) =>
    stagesOf(ctx.records, journey.id).flatMap((stage) =>
      stepsOf(ctx.records, stage.id).flatMap((step) => [
        ...(step.momentOfTruth ? [`${step.name} (${where(journey, stage.name)})`] : []),
        ...(cardsByStep.get(step.id) ?? [])
          .filter((c) => c.momentOfTruth)
          .map((c) => `${c.text} — ${step.name} (${where(journey, stage.name)})`),
      ]),
    ),
  );
}

export function needleMovers(ctx: Pick<DeckContext, 'records'>): string[] {
  const journeys = journeysOf(ctx.records);
  const several = journeys.length > 1;
  // Each journey ranked on its own: a future state's copy of a pain point is not a second
  // pain point to rank against its original (nor a second cost to add up).
  return journeys.flatMap((journey) =>
    rankPainPointsByCost(ctx.records, new Set(placedCards(ctx.records, journey.id).map((p) => p.card.id))).map(({ card, painPoint, yearlyCost }, i) => {
      const cost = yearlyCost === null ? 'cost not yet known' : `${formatMoney(yearlyCost, painPoint.currency, 'en')} a year`;
      return `${i + 1}. ${card.text} — ${cost}, severity ${painPoint.severity}${painPoint.owner ? `, owner ${painPoint.owner}` : ''}${several ? ` (${journeyNameOf(ctx.records, card.stepId)})` : ''}`;
    }),
  );
}

/** The journey a step belongs to, named, so a line from the to-be map is not read as today's. */
function journeyNameOf(records: DeckContext['records'], stepId: string): string {
  const step = records[stepId];
  const stage = step?.type === 'step' ? records[step.stageId] : undefined;
  const journey = stage?.type === 'stage' ? records[stage.journeyId] : undefined;
  return journey?.type === 'journey' ? journey.name : '';
}

export function voteResults(ctx: Pick<DeckContext, 'records'>): { title: string; lines: string[] }[] {
  return recordsOfType(ctx.records, 'dot-vote')
    .filter((r) => r.revealed)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((vote) => {
      const state = voteState(ctx.records, vote.id)!;
      return { title: `Dot vote: ${vote.title || 'cards'}`, lines: rankVote(ctx.records, state).map((r) => `${r.rank}. ${r.card.text} — ${r.dots} ${r.dots === 1 ? 'dot' : 'dots'}`) };
    });
}

export function parkingLot(ctx: Pick<DeckContext, 'records'>): string[] {
  return byPosition(recordsOfType(ctx.records, 'parking-topic')).map((t) => t.text);
}
