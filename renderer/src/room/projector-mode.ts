import { stagesOf } from '../../../shared/model/document.ts';
import type { Editor } from '../editor/editor.ts';
import { roomStore } from './room-store.ts';
import { scrollProjector } from './projector.ts';

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
  const focusedStage = stages.findIndex((stage) => stage.id === stageOfFocus(editor));
  editor.stopEditing();
  if (editor.state.notice?.kind === 'info') editor.showNotice(null);
  roomStore.setState({ projector: { stageIndex: Math.max(0, focusedStage) } });
  void document.documentElement.requestFullscreen?.().catch(() => undefined);
  void (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<{ release(): Promise<void> }> } }).wakeLock
    ?.request('screen')
    .then((lock) => (wakeLock = lock))
    .catch(() => undefined);
}

export function exitProjector(): void {
  roomStore.setState({ projector: null });
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  void wakeLock?.release().catch(() => undefined);
  wakeLock = null;
}

export function goToStage(editor: Editor, delta: number): void {
  const projector = roomStore.getState().projector;
  const { journeyId, records } = editor.state;
  if (!projector || !journeyId) return;
  const count = stagesOf(records, journeyId).length;
  const stageIndex = Math.max(0, Math.min(count - 1, projector.stageIndex + delta));
  roomStore.setState({ projector: { stageIndex } });
}

/** Arrows or a clicker (PageUp/PageDown) step through stages; up/down scroll; Escape leaves. */
export function handleProjectorKey(editor: Editor, event: KeyboardEvent): boolean {
  if (!roomStore.getState().projector) return false;
  const layout = editor.layout();
  switch (event.key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      goToStage(editor, 1);
      break;
    case 'ArrowLeft':
    case 'PageUp':
      goToStage(editor, -1);
      break;
    case 'Home':
      goToStage(editor, -1000);
      break;
    case 'End':
      goToStage(editor, 1000);
      break;
    case 'ArrowDown':
    case 'ArrowUp':
      if (layout) editor.setViewport(scrollProjector(editor.state.viewport, layout, editor.boardSize.height, event.key === 'ArrowDown' ? 1 : -1));
      break;
    case 'Escape':
      exitProjector();
      break;
    default:
      return false;
  }
  event.preventDefault();
  return true;
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
