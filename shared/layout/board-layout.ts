import type { RecordMap } from '../model/document.ts';
import { byPosition } from '../model/ordering.ts';
import type { Card, Emotion, Lane, Persona, Stage, Step } from '../model/records.ts';
import { BOARD_METRICS, estimateCardHeight, legendHeight, type BoardMetrics } from './card-metrics.ts';
import { allRecords } from '../model/record-map.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface StageBox extends Rect { stage: Stage }
export interface StepBox extends Rect { step: Step }
export interface LaneBox extends Rect { lane: Lane }
export interface CardBox extends Rect { card: Card; index: number }
export interface Cell { stepId: string; laneId: string }

/**
 * Where everything on one journey's board goes, computed from the records alone so the
 * board, hit-testing, the tests and later the exports agree. Stages are column groups,
 * steps columns, lanes rows; cards stack inside their cell and a row is as tall as its
 * fullest cell.
 */
export interface BoardLayout {
  width: number;
  height: number;
  stages: StageBox[];
  steps: StepBox[];
  lanes: LaneBox[];
  cards: CardBox[];
  cardsByCell: Map<string, CardBox[]>;
  cardById: Map<string, CardBox>;
  metrics: BoardMetrics;
}

// Records are immutable, so a card's height holds until the card changes: after an edit
// only the changed card is measured again, not all 10,000.
const heights = new WeakMap<Card, { width: number; metrics: BoardMetrics; height: number }>();
function cardHeight(card: Card, width: number, metrics: BoardMetrics): number {
  const known = heights.get(card);
  if (known && known.width === width && known.metrics === metrics) return known.height;
  const height = estimateCardHeight(card.text, width, metrics);
  heights.set(card, { width, metrics, height });
  return height;
}

export const cellKey = (stepId: string, laneId: string) => `${stepId}|${laneId}`;

/**
 * `onlyStageId` lays out one stage beside the lane headers, as the projector shows it
 * stage by stage; `metrics.slice` narrows that to one projector page of it.
 */
export function layoutBoard(records: RecordMap, journeyId: string, metrics: BoardMetrics = BOARD_METRICS, onlyStageId: string | null = null): BoardLayout {
  const slice = metrics.slice;
  const stagesRaw: Stage[] = [];
  const lanesRaw: Lane[] = [];
  const stepsByStage = new Map<string, Step[]>();
  const cardsRaw: Card[] = [];
  const emotions: Emotion[] = [];
  const personas = new Map<string, Persona>();
  let journeyPersonaId: string | null = null;
  for (const record of allRecords(records)) {
    if (record.type === 'stage' && record.journeyId === journeyId && (onlyStageId === null || record.id === onlyStageId)) stagesRaw.push(record);
    else if (record.type === 'lane' && record.journeyId === journeyId) lanesRaw.push(record);
    else if (record.type === 'step') {
      const list = stepsByStage.get(record.stageId);
      if (list) list.push(record);
      else stepsByStage.set(record.stageId, [record]);
    }
    else if (record.type === 'card') cardsRaw.push(record);
    else if (record.type === 'emotion') emotions.push(record);
    else if (record.type === 'persona') personas.set(record.id, record);
    else if (record.type === 'journey' && record.id === journeyId) journeyPersonaId = record.personaId;
  }
  const stagesSorted = byPosition(stagesRaw);
  const lanesSorted = slice ? inOrder(slice.laneIds, lanesRaw) : byPosition(lanesRaw);

  const { laneHeaderWidth, stageHeaderHeight, stepHeaderHeight, columnWidth, cellPadding, cardGap, minRowHeight } = metrics;
  const stages: StageBox[] = [];
  const steps: StepBox[] = [];
  let x = laneHeaderWidth;
  for (const stage of stagesSorted) {
    const all = stepsByStage.get(stage.id) ?? [];
    const stageSteps = slice ? inOrder(slice.stepIds, all) : byPosition(all);
    const width = Math.max(1, stageSteps.length) * columnWidth;
    stages.push({ stage, x, y: 0, width, height: stageHeaderHeight });
    stageSteps.forEach((step, i) => {
      steps.push({ step, x: x + i * columnWidth, y: stageHeaderHeight, width: columnWidth, height: stepHeaderHeight });
    });
    x += width;
  }
  const stepIds = new Set(steps.map((s) => s.step.id));
  const laneIds = new Set(lanesSorted.map((l) => l.id));

  const grouped = new Map<string, Card[]>();
  for (const card of cardsRaw) {
    if (!stepIds.has(card.stepId) || !laneIds.has(card.laneId)) continue;
    if (slice?.cardIds && !slice.cardIds.has(card.id)) continue;
    const key = cellKey(card.stepId, card.laneId);
    const list = grouped.get(key);
    if (list) list.push(card);
    else grouped.set(key, [card]);
  }
  // The emotions lane grows to name its personas whole: the journey's own persona and
  // those scored on these steps, as the curves are drawn.
  const legend = legendNames(emotions, stepIds, personas, journeyPersonaId);
  const emotionRowHeight = Math.max(metrics.emotionRowHeight, legendHeight(legend, metrics));

  const cardWidth = columnWidth - 2 * cellPadding;
  const lanes: LaneBox[] = [];
  const cards: CardBox[] = [];
  const cardsByCell = new Map<string, CardBox[]>();
  const cardById = new Map<string, CardBox>();
  let y = stageHeaderHeight + stepHeaderHeight;
  for (const lane of lanesSorted) {
    if (lane.laneType === 'emotions') {
      lanes.push({ lane, x: 0, y, width: Math.max(x, laneHeaderWidth + columnWidth), height: emotionRowHeight });
      y += emotionRowHeight;
      continue;
    }
    let rowHeight = minRowHeight;
    const rowCards: CardBox[] = [];
    for (const stepBox of steps) {
      const key = cellKey(stepBox.step.id, lane.id);
      const cellCards = byPosition(grouped.get(key) ?? []);
      let cy = y + cellPadding;
      const boxes = cellCards.map((card, index) => {
        const badge = lane.laneType === 'pain-points' ? metrics.badgeHeight : 0;
        const height = cardHeight(card, cardWidth, metrics) + badge;
        const box: CardBox = { card, index, x: stepBox.x + cellPadding, y: cy, width: cardWidth, height };
        cy += height + cardGap;
        return box;
      });
      if (boxes.length > 0) {
        cardsByCell.set(key, boxes);
        rowCards.push(...boxes);
        rowHeight = Math.max(rowHeight, cy - cardGap + cellPadding - y);
      }
    }
    for (const box of rowCards) {
      cards.push(box);
      cardById.set(box.card.id, box);
    }
    lanes.push({ lane, x: 0, y, width: Math.max(x, laneHeaderWidth + columnWidth), height: rowHeight });
    y += rowHeight;
  }
  return { width: Math.max(x, laneHeaderWidth + columnWidth), height: y, stages, steps, lanes, cards, cardsByCell, cardById, metrics };
}

/** The records among `records` whose ids are listed, in the list's order. */
function inOrder<T extends { id: string }>(ids: readonly string[], records: readonly T[]): T[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}

/** At most five curves are overlaid (renderer/src/editor/detail-actions.ts). */
const LEGEND_MAX = 5;

function legendNames(emotions: readonly Emotion[], stepIds: ReadonlySet<string>, personas: ReadonlyMap<string, Persona>, journeyPersonaId: string | null): string[] {
  const scored = new Set<string>(emotions.filter((e) => stepIds.has(e.stepId)).map((e) => e.personaId));
  if (journeyPersonaId) scored.add(journeyPersonaId);
  const shown = byPosition([...scored].map((id) => personas.get(id)).filter((p): p is Persona => p !== undefined));
  shown.sort((a, b) => Number(b.id === journeyPersonaId) - Number(a.id === journeyPersonaId));
  return shown.slice(0, LEGEND_MAX).map((p) => p.name);
}

export function cellRect(layout: BoardLayout, cell: Cell): Rect | undefined {
  const step = layout.steps.find((s) => s.step.id === cell.stepId);
  const lane = layout.lanes.find((l) => l.lane.id === cell.laneId);
  if (!step || !lane) return undefined;
  return { x: step.x, y: lane.y, width: step.width, height: lane.height };
}

/** The cell under a board point and where among its cards a drop there would land. */
export function hitTestCell(layout: BoardLayout, x: number, y: number): (Cell & { index: number }) | null {
  const step = layout.steps.find((s) => x >= s.x && x < s.x + s.width);
  const lane = layout.lanes.find((l) => y >= l.y && y < l.y + l.height);
  if (!step || !lane) return null;
  const cellCards = layout.cardsByCell.get(cellKey(step.step.id, lane.lane.id)) ?? [];
  const index = cellCards.filter((box) => box.y + box.height / 2 < y).length;
  return { stepId: step.step.id, laneId: lane.lane.id, index };
}

/** Cells in reading order: along each lane, step by step, then the next lane. */
export function cellsInOrder(layout: BoardLayout): Cell[] {
  return layout.lanes.flatMap((lane) => layout.steps.map((step) => ({ stepId: step.step.id, laneId: lane.lane.id })));
}

/**
 * The new layout with every card box that did not change taken from the previous one,
 * so components memoised on a box re-render only for the cards an edit touched.
 */
export function keepUnchangedBoxes(previous: BoardLayout | null, next: BoardLayout): BoardLayout {
  if (!previous) return next;
  const same = (a: CardBox, b: CardBox) => a.card === b.card && a.index === b.index && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
  const kept = (box: CardBox) => {
    const old = previous.cardById.get(box.card.id);
    return old && same(old, box) ? old : box;
  };
  const cards = next.cards.map(kept);
  const cardById = new Map(cards.map((box) => [box.card.id, box]));
  const cardsByCell = new Map([...next.cardsByCell].map(([key, boxes]) => [key, boxes.map((box) => cardById.get(box.card.id)!)]));
  return { ...next, cards, cardById, cardsByCell };
}
