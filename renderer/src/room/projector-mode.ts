import { stagesOf } from '../../../shared/model/document.ts';
import type { Editor } from '../editor/editor.ts';
import { roomStore } from './room-store.ts';
import { projectorView, stagePages } from './projector-pages.ts';

let wakeLock: { release(): Promise<void> } | null = null;

/**
 * Projector mode: full screen, editing chrome hidden, one stage at a time. It keeps the
 * screen awake and stays until the facilitator leaves it.
 */
export function enterProjector(editor: Editor): void {
  const { journeyId, records } = editor.state;
  if (!journeyId) return;
  const stages = stagesOf(records, journeyId);
  if (stages.length === 0) return editor.showNotice({ kind: 'info', message: 'Add a stage first: the projector shows the journey stage by stage.' });
  const focusedStage = Math.max(0, stages.findIndex((stage) => stage.id === stageOfFocus(editor)));
  editor.stopEditing();
  if (editor.state.notice?.kind === 'info') editor.showNotice(null);
  // It opens where the room was working: the page with the focused card or cell.
  projectorView.setState({ page: pageOfFocus(editor, stages[focusedStage]!.id) });
  roomStore.setState({ projector: { stageIndex: focusedStage } });
  void document.documentElement.requestFullscreen?.().catch(() => undefined);
  void (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<{ release(): Promise<void> }> } }).wakeLock
    ?.request('screen')
    .then((lock) => (wakeLock = lock))
    .catch(() => undefined);
}

export function exitProjector(): void {
  roomStore.setState({ projector: null });
  projectorView.setState({ page: 0 });
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  void wakeLock?.release().catch(() => undefined);
  wakeLock = null;
}

/**
 * One step of the clicker: the next (previous) page of the stage, then the next
 * (previous) stage, from its first page (its last, going back). Its keys, like every
 * projector key, are the `projector-*` actions of the action list.
 */
export function stepProjector(editor: Editor, direction: 1 | -1): void {
  const projector = roomStore.getState().projector;
  const { journeyId, records } = editor.state;
  if (!projector || !journeyId) return;
  const stages = stagesOf(records, journeyId);
  const pageCount = (index: number) => (stages[index] ? stagePages(records, journeyId, stages[index].id).length : 1);
  const page = Math.min(projectorView.getState().page, pageCount(projector.stageIndex) - 1);
  if (page + direction >= 0 && page + direction < pageCount(projector.stageIndex)) return projectorView.setState({ page: page + direction });
  const stageIndex = projector.stageIndex + direction;
  if (stageIndex < 0 || stageIndex >= stages.length) return;
  projectorView.setState({ page: direction === 1 ? 0 : pageCount(stageIndex) - 1 });
  roomStore.setState({ projector: { stageIndex } });
}

/** Home and End: the first page of the first or the last stage. */
export function goToStage(editor: Editor, delta: number): void {
  const projector = roomStore.getState().projector;
  const { journeyId, records } = editor.state;
  if (!projector || !journeyId) return;
  const count = stagesOf(records, journeyId).length;
  const stageIndex = Math.max(0, Math.min(count - 1, projector.stageIndex + delta));
  projectorView.setState({ page: 0 });
  roomStore.setState({ projector: { stageIndex } });
}

/** The stage the focus is in, so the projector opens where the room was working. */
function stageOfFocus(editor: Editor): string | undefined {
  const { focus, records } = editor.state;
  if (!focus) return undefined;
  const record = records[focus.kind === 'header' ? focus.id : focus.stepId];
  if (record?.type === 'stage') return record.id;
  if (record?.type === 'step') return record.stageId;
  return undefined;
}

/** The page of a stage that holds the focused card (or cell); the first page otherwise. */
function pageOfFocus(editor: Editor, stageId: string): number {
  const { focus, records, journeyId } = editor.state;
  if (!journeyId || focus?.kind !== 'cell') return 0;
  const page = stagePages(records, journeyId, stageId).findIndex(({ metrics: { slice } }) => {
    if (!slice.stepIds.includes(focus.stepId)) return false;
    if (slice.emptyLaneIds.includes(focus.laneId)) return true;
    if (!slice.laneIds.includes(focus.laneId)) return false;
    return !focus.cardId || !slice.cardIds || slice.cardIds.has(focus.cardId);
  });
  return Math.max(0, page);
}
