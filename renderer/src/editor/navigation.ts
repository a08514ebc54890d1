import { cellKey, cellsInOrder, type BoardLayout, type Cell } from '../../../shared/layout/board-layout.ts';
import type { Focus } from './editor-state.ts';

export type Direction = 'left' | 'right' | 'up' | 'down';

/** The cell focus belongs to, or the first cell of the board. */
export function cellOf(layout: BoardLayout, focus: Focus | null): Cell | null {
  if (focus?.kind === 'cell' && layout.steps.some((s) => s.step.id === focus.stepId) && layout.lanes.some((l) => l.lane.id === focus.laneId)) {
    return { stepId: focus.stepId, laneId: focus.laneId };
  }
  if (focus?.kind === 'header') {
    const step = layout.steps.find((s) => s.step.id === focus.id || s.step.stageId === focus.id);
    const lane = layout.lanes.find((l) => l.lane.id === focus.id) ?? layout.lanes[0];
    if (step && lane) return { stepId: step.step.id, laneId: lane.lane.id };
    if (lane && layout.steps[0]) return { stepId: layout.steps[0].step.id, laneId: lane.lane.id };
  }
  return cellsInOrder(layout)[0] ?? null;
}

/** Tab order: along the lane, step by step, wrapping to the next lane. */
export function tabFocus(layout: BoardLayout, focus: Focus | null, backwards: boolean): Focus | null {
  const cells = cellsInOrder(layout);
  if (cells.length === 0) return focus;
  const current = cellOf(layout, focus);
  const index = current ? cells.findIndex((c) => c.stepId === current.stepId && c.laneId === current.laneId) : -1;
  const next = cells[(index + (backwards ? -1 : 1) + cells.length) % cells.length]!;
  return { kind: 'cell', ...next };
}

/**
 * Arrow keys: up and down walk the cards of a cell before leaving it for the lane
 * above or below; left and right go to the neighbouring step in the same lane.
 */
export function arrowFocus(layout: BoardLayout, focus: Focus | null, direction: Direction): Focus | null {
  const cell = cellOf(layout, focus);
  if (!cell) return focus;
  const stepIndex = layout.steps.findIndex((s) => s.step.id === cell.stepId);
  const laneIndex = layout.lanes.findIndex((l) => l.lane.id === cell.laneId);
  const cards = layout.cardsByCell.get(cellKey(cell.stepId, cell.laneId)) ?? [];
  const cardIndex = focus?.kind === 'cell' && focus.cardId ? cards.findIndex((c) => c.card.id === focus.cardId) : -1;

  if (direction === 'left' || direction === 'right') {
    const step = layout.steps[stepIndex + (direction === 'left' ? -1 : 1)];
    return step ? { kind: 'cell', stepId: step.step.id, laneId: cell.laneId } : focus;
  }
  if (direction === 'down') {
    if (cardIndex + 1 < cards.length) return { kind: 'cell', ...cell, cardId: cards[cardIndex + 1]!.card.id };
    const lane = layout.lanes[laneIndex + 1];
    if (!lane) return focus;
    const first = layout.cardsByCell.get(cellKey(cell.stepId, lane.lane.id))?.[0];
    return { kind: 'cell', stepId: cell.stepId, laneId: lane.lane.id, ...(first ? { cardId: first.card.id } : {}) };
  }
  if (cardIndex > 0) return { kind: 'cell', ...cell, cardId: cards[cardIndex - 1]!.card.id };
  if (cardIndex === 0) return { kind: 'cell', ...cell };
  const lane = layout.lanes[laneIndex - 1];
  if (!lane) return focus;
  const last = layout.cardsByCell.get(cellKey(cell.stepId, lane.lane.id))?.at(-1);
  return { kind: 'cell', stepId: cell.stepId, laneId: lane.lane.id, ...(last ? { cardId: last.card.id } : {}) };
}
