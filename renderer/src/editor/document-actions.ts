import { changeFrom, type Change } from '../../../shared/change/change.ts';
import { cardsIn, dependentsOf, lanesOf, stagesOf, stepsOf, type RecordMap } from '../../../shared/model/document.ts';
import type { RecordId } from '../../../shared/model/ids.ts';
import { newCard, newLane, newStage, newStep } from '../../../shared/model/record-factories.ts';
import { positionAtIndex, positionBetween, byPosition } from '../../../shared/model/ordering.ts';
import type { AnyRecord, Card, Lane, Stage, Step } from '../../../shared/model/records.ts';
import type { Editing, Focus } from './editor-state.ts';
import { allRecords } from '../../../shared/model/record-map.ts';

/**
 * Every edit the room makes, as a pure function from the records to one Change and
 * where focus goes next. The editor commits the change; nothing here touches state.
 */
export interface ActionResult {
  change: Change;
  focus?: Focus;
  editing?: Editing;
  mergeKey?: string;
}

export const NEW_STAGE_NAME = 'New stage';
export const NEW_STEP_NAME = 'New step';
export const NEW_LANE_NAME = 'New lane';

/** A stage always arrives with its first step, so it has cells to type into at once. */
export function addStage(records: RecordMap, journeyId: string, afterStageId?: string): ActionResult {
  const siblings = stagesOf(records, journeyId);
  const index = afterStageId ? siblings.findIndex((s) => s.id === afterStageId) + 1 : siblings.length;
  const stage = newStage({ journeyId, name: NEW_STAGE_NAME, position: positionAtIndex(siblings, index) });
  const step = newStep({ stageId: stage.id, name: NEW_STEP_NAME, position: positionBetween(null, null) });
  return {
    change: changeFrom(records, { put: [stage, step] }),
    focus: { kind: 'header', id: stage.id },
    editing: { kind: 'header', id: stage.id },
    mergeKey: `header:${stage.id}`,
  };
}

export function addStep(records: RecordMap, stageId: string, afterStepId?: string): ActionResult {
  const siblings = stepsOf(records, stageId);
  const index = afterStepId ? siblings.findIndex((s) => s.id === afterStepId) + 1 : siblings.length;
  const step = newStep({ stageId, name: NEW_STEP_NAME, position: positionAtIndex(siblings, index) });
  return {
    change: changeFrom(records, { put: [step] }),
    focus: { kind: 'header', id: step.id },
    editing: { kind: 'header', id: step.id },
    mergeKey: `header:${step.id}`,
  };
}

export function addLane(records: RecordMap, journeyId: string, afterLaneId?: string): ActionResult {
  const siblings = lanesOf(records, journeyId);
  const index = afterLaneId ? siblings.findIndex((l) => l.id === afterLaneId) + 1 : siblings.length;
  const lane = newLane({ journeyId, name: NEW_LANE_NAME, laneType: 'actions', position: positionAtIndex(siblings, index) });
  return {
    change: changeFrom(records, { put: [lane] }),
    focus: { kind: 'header', id: lane.id },
    editing: { kind: 'header', id: lane.id },
    mergeKey: `header:${lane.id}`,
  };
}

/** A new empty card in a cell, after `afterCardId` or at the end, ready for typing. */
export function addCard(records: RecordMap, cell: { stepId: string; laneId: string }, afterCardId?: string): ActionResult {
  const siblings = cardsIn(records, cell.stepId, cell.laneId);
  const index = afterCardId ? siblings.findIndex((c) => c.id === afterCardId) + 1 : siblings.length;
  const card = newCard({ ...cell, position: positionAtIndex(siblings, index) });
  return {
    change: changeFrom(records, { put: [card] }),
    focus: { kind: 'cell', ...cell, cardId: card.id },
    editing: { kind: 'card', cardId: card.id },
    mergeKey: `card:${card.id}`,
  };
}

export function setCardText(records: RecordMap, cardId: string, text: string): ActionResult | null {
  const card = records[cardId];
  if (card?.type !== 'card') return null;
  return { change: changeFrom(records, { put: [{ ...card, text }] }), mergeKey: `card:${cardId}` };
}

export function moveCard(records: RecordMap, cardId: string, to: { stepId: string; laneId: string }, index: number): ActionResult | null {
  const card = records[cardId];
  if (card?.type !== 'card') return null;
  const siblings = cardsIn(records, to.stepId, to.laneId).filter((c) => c.id !== cardId);
  const moved: Card = { ...card, ...cellIds(to), position: positionAtIndex(siblings, index) };
  const change = changeFrom(records, { put: [moved] });
  return { change, focus: { kind: 'cell', ...to, cardId } };
}

export function renameRecord(records: RecordMap, id: string, name: string): ActionResult | null {
  const record = records[id];
  if (!record || !('name' in record) || record.name === name) return null;
  return { change: changeFrom(records, { put: [{ ...record, name } as AnyRecord] }), mergeKey: `header:${id}` };
}

/** Swaps a stage, step or lane with its neighbour by giving it one new position key. */
export function moveAmongSiblings(records: RecordMap, id: string, direction: -1 | 1): ActionResult | null {
  const record = records[id];
  if (!record || !('position' in record)) return null;
  const siblings = byPosition(
    allRecords(records).filter(
      (r): r is Stage | Step | Lane =>
        r.type === record.type &&
        ((r.type === 'step' && record.type === 'step' && r.stageId === record.stageId) ||
          ((r.type === 'stage' || r.type === 'lane') && 'journeyId' in record && r.journeyId === record.journeyId)),
    ),
  );
  const index = siblings.findIndex((s) => s.id === id);
  const target = index + direction;
  if (index < 0 || target < 0 || target >= siblings.length) return null;
  const others = siblings.filter((s) => s.id !== id);
  const moved = { ...record, position: positionAtIndex(others, target) } as AnyRecord;
  return { change: changeFrom(records, { put: [moved] }), focus: { kind: 'header', id } };
}

/** Deletes a record with everything that hangs off it, so undo puts it all back. */
export function deleteWithDependents(records: RecordMap, id: string): ActionResult | null {
  const record = records[id];
  if (!record || record.type === 'workshop' || record.type === 'journey') return null;
  return { change: changeFrom(records, { remove: [...dependentsOf(records, id), record] }) };
}

function cellIds(cell: { stepId: string; laneId: string }) {
  return { stepId: cell.stepId as RecordId<'step'>, laneId: cell.laneId as RecordId<'lane'> };
}
