import { stepsOf } from '../../../shared/model/document.ts';
import { cellRect } from '../../../shared/layout/board-layout.ts';
import { shortcutLabel } from '../../../shared/actions/action-list.ts';
import type { Editor } from './editor.ts';
import * as actions from './document-actions.ts';
import { cellOf } from './navigation.ts';
import { fitRect, fitViewport, zoomAround } from './viewport.ts';

/**
 * What the board's actions do to the editor. They are run by name through the action
 * list (actions/run-action.ts), which also groups them for undo; the text overlay and
 * the board call the editing ones directly.
 */

function focusedStageId(editor: Editor): string | undefined {
  const { focus, records } = editor.state;
  if (!focus) return undefined;
  const id = focus.kind === 'header' ? focus.id : focus.stepId;
  const record = records[id];
  if (record?.type === 'stage') return record.id;
  if (record?.type === 'step') return record.stageId;
  return undefined;
}

function focusedRecord(editor: Editor, type: 'step' | 'lane'): string | undefined {
  const { focus, records } = editor.state;
  if (!focus) return undefined;
  if (focus.kind === 'header') return records[focus.id]?.type === type ? focus.id : undefined;
  return type === 'step' ? focus.stepId : focus.laneId;
}

export function addStage(editor: Editor): void {
  const { journeyId, records } = editor.state;
  if (journeyId) editor.perform(actions.addStage(records, journeyId, focusedStageId(editor)));
}

export function addStep(editor: Editor): void {
  const stageId = focusedStageId(editor) ?? editor.layout()?.stages.at(-1)?.stage.id;
  if (!stageId) return addStage(editor);
  editor.perform(actions.addStep(editor.state.records, stageId, focusedRecord(editor, 'step')));
}

export function addLane(editor: Editor): void {
  const { journeyId, records } = editor.state;
  if (journeyId) editor.perform(actions.addLane(records, journeyId, focusedRecord(editor, 'lane')));
}

export function addCard(editor: Editor): void {
  const layout = editor.layout();
  if (!layout) return;
  const cell = cellOf(layout, editor.state.focus);
  if (!cell) return editor.showNotice({ kind: 'info', message: `Add a stage first (press ${shortcutLabel('add-stage', 'any')}): cards go into the steps of a stage.` });
  if (layout.lanes.find((l) => l.lane.id === cell.laneId)?.lane.laneType === 'emotions') return editEmotion(editor, cell);
  const focus = editor.state.focus;
  const after = focus?.kind === 'cell' && focus.stepId === cell.stepId && focus.laneId === cell.laneId ? focus.cardId : undefined;
  editor.perform(actions.addCard(editor.state.records, cell, after));
}

/** The emotions lane takes a score for the journey's persona, not a card. */
function editEmotion(editor: Editor, cell: { stepId: string; laneId: string }): void {
  const journey = editor.state.journeyId ? editor.state.records[editor.state.journeyId] : undefined;
  if (journey?.type !== 'journey' || !journey.personaId) {
    editor.showNotice({ kind: 'info', message: 'Choose whose journey this is (the persona menu in the top bar) to plot their emotions.' });
    return;
  }
  editor.setFocus({ kind: 'cell', ...cell });
  editor.startEditing({ kind: 'emotion', ...cell });
}

/** Enter: edit the focused card or header; on an empty cell, start a new card. */
export function editFocused(editor: Editor): void {
  const { focus } = editor.state;
  if (focus?.kind === 'cell' && focus.cardId) return editor.startEditing({ kind: 'card', cardId: focus.cardId });
  if (focus?.kind === 'header') return editor.startEditing({ kind: 'header', id: focus.id });
  addCard(editor);
}

/** Its undo step is sealed by the action runner (the `delete` action is `own-step`). */
export function deleteFocused(editor: Editor): void {
  const { focus, records } = editor.state;
  if (!focus) return;
  const id = focus.kind === 'header' ? focus.id : focus.cardId;
  if (!id) return;
  const record = records[id];
  if (!editor.perform(actions.deleteWithDependents(records, id))) return;
  if (focus.kind === 'header') {
    editor.setFocus(null);
    const what = record?.type === 'stage' ? 'Stage' : record?.type === 'step' ? 'Step' : 'Lane';
    editor.showNotice({ kind: 'info', message: `${what} “${record && 'name' in record ? record.name : ''}” deleted.`, offerUndo: true });
  } else {
    editor.setFocus({ kind: 'cell', stepId: focus.stepId, laneId: focus.laneId });
  }
}

export function moveFocusedHeader(editor: Editor, direction: -1 | 1): void {
  const { focus, records } = editor.state;
  if (focus?.kind !== 'header') return;
  editor.perform(actions.moveAmongSiblings(records, focus.id, direction));
}

/** Typing into a card saves as it goes; this ends the edit (and maybe starts the next card). */
export function finishCardEditing(editor: Editor, cardId: string, next: 'stop' | 'next-card'): void {
  const card = editor.state.records[cardId];
  editor.startEditing(null);
  if (card?.type === 'card' && card.text.trim() === '') {
    // An empty card is not a note; it goes away within the undo step that made it.
    const removal = actions.deleteWithDependents(editor.state.records, cardId);
    if (removal) editor.commit(removal.change, `card:${cardId}`);
    editor.setFocus({ kind: 'cell', stepId: card.stepId, laneId: card.laneId });
    editor.seal();
    return;
  }
  editor.seal();
  if (next === 'next-card' && card?.type === 'card') {
    editor.perform(actions.addCard(editor.state.records, { stepId: card.stepId, laneId: card.laneId }, cardId));
  }
}

export function finishHeaderEditing(editor: Editor, id: string, name: string | null): void {
  const justCreated = editor.state.undoStack.at(-1)?.mergeKey === `header:${id}`;
  if (name !== null && name.trim() !== '') editor.perform(actions.renameRecord(editor.state.records, id, name.trim()));
  editor.stopEditing();
  const record = editor.state.records[id];
  const layout = editor.layout();
  if (!record || !layout) return;
  // A new stage's first step is named next, so S, "Aware", Enter, "Sees an ad", Enter
  // builds the map's spine without the mouse.
  const firstStep = record.type === 'stage' ? stepsOf(editor.state.records, record.id)[0] : undefined;
  if (justCreated && name !== null && firstStep) {
    editor.setFocus({ kind: 'header', id: firstStep.id });
    editor.startEditing({ kind: 'header', id: firstStep.id });
    return;
  }
  // After naming a stage or step, the room types its cards next.
  if (record.type === 'stage' || record.type === 'step') {
    const stepId = record.type === 'step' ? record.id : stepsOf(editor.state.records, record.id)[0]?.id;
    const laneId = layout.lanes[0]?.lane.id;
    if (stepId && laneId) editor.setFocus({ kind: 'cell', stepId, laneId });
  } else if (record.type === 'lane') {
    const stepId = layout.steps[0]?.step.id;
    if (stepId) editor.setFocus({ kind: 'cell', stepId, laneId: record.id });
  }
}

export function zoomBy(editor: Editor, factor: number): void {
  const size = editor.boardSize;
  editor.setViewport(zoomAround(editor.state.viewport, factor, { x: size.width / 2, y: size.height / 2 }));
}

/** 100% about the middle of the screen: from a far view, straight into what was there. */
export function actualSize(editor: Editor): void {
  zoomBy(editor, 1 / editor.state.viewport.scale);
}

export function zoomToFit(editor: Editor): void {
  const layout = editor.layout();
  if (layout) editor.setViewport(fitViewport(layout, editor.boardSize));
}

/** Zooms to what has focus: a card, a cell, or a header. */
export function zoomToSelection(editor: Editor): void {
  const layout = editor.layout();
  const focus = editor.state.focus;
  if (!layout || !focus) return;
  const rect =
    focus.kind === 'cell'
      ? focus.cardId
        ? layout.cardById.get(focus.cardId)
        : cellRect(layout, focus)
      : (layout.stages.find((s) => s.stage.id === focus.id) ?? layout.steps.find((s) => s.step.id === focus.id) ?? layout.lanes.find((l) => l.lane.id === focus.id));
  if (rect) editor.setViewport(fitRect(rect, editor.boardSize, 2));
}

/** Fills the screen with the stage that has focus, every lane of it. */
export function focusStage(editor: Editor): void {
  const layout = editor.layout();
  const focus = editor.state.focus;
  if (!layout || !focus) return;
  const record = editor.state.records[focus.kind === 'cell' ? focus.stepId : focus.id];
  const stageId = record?.type === 'stage' ? record.id : record?.type === 'step' ? record.stageId : undefined;
  const stage = layout.stages.find((s) => s.stage.id === stageId);
  if (stage) editor.setViewport(fitRect({ x: stage.x, y: 0, width: stage.width, height: layout.height }, editor.boardSize, 2));
}
