import type { Editor } from '../editor/editor.ts';
import type { Focus } from '../editor/editor-state.ts';
import { cellRect } from '../../../shared/layout/board-layout.ts';

/** Below this zoom cards are blocks of colour: showing one brings the board to actual size. */
const READABLE_SCALE = 0.5;

/**
 * Puts the board's focus on an outline item and brings it into view: the view moves
 * only when the item is not already wholly on screen, and then centres it.
 */
export function showOnBoard(editor: Editor, target: Focus): void {
  editor.setFocus(target);
  const layout = editor.layout();
  if (!layout) return;
  const rect =
    target.kind === 'cell'
      ? (target.cardId ? layout.cardById.get(target.cardId) : undefined) ?? cellRect(layout, target)
      : (layout.stages.find((s) => s.stage.id === target.id) ?? layout.steps.find((s) => s.step.id === target.id));
  const size = editor.boardSize;
  if (!rect || size.width <= 0) return;
  const v = editor.state.viewport;
  const left = v.x + rect.x * v.scale;
  const top = v.y + rect.y * v.scale;
  const inView = left >= 0 && top >= 0 && left + rect.width * v.scale <= size.width && top + rect.height * v.scale <= size.height;
  if (inView && v.scale >= READABLE_SCALE) return;
  const scale = v.scale >= READABLE_SCALE ? v.scale : 1;
  editor.setViewport({ scale, x: size.width / 2 - (rect.x + Math.min(rect.width, size.width / scale) / 2) * scale, y: size.height / 2 - (rect.y + Math.min(rect.height, size.height / scale) / 2) * scale });
}
