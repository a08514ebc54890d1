import { Rect } from 'react-konva';
import { cellRect, type BoardLayout } from '../../../shared/layout/board-layout.ts';
import type { Focus } from '../editor/editor-state.ts';

/** Where keyboard focus is: a solid ring round a card or header, dashed round an empty cell. */
export function FocusRing({ layout, focus, color }: { layout: BoardLayout; focus: Focus | null; color: string }) {
  if (!focus) return null;
  let rect: { x: number; y: number; width: number; height: number } | undefined;
  if (focus.kind === 'header') {
    rect =
      layout.stages.find((s) => s.stage.id === focus.id) ??
      layout.steps.find((s) => s.step.id === focus.id) ??
      (() => {
        const lane = layout.lanes.find((l) => l.lane.id === focus.id);
        return lane ? { x: 0, y: lane.y, width: layout.metrics.laneHeaderWidth, height: lane.height } : undefined;
      })();
  } else {
    rect = focus.cardId ? layout.cardById.get(focus.cardId) : cellRect(layout, focus);
  }
  if (!rect) return null;
  return (
    <Rect x={rect.x - 3} y={rect.y - 3} width={rect.width + 6} height={rect.height + 6} stroke={color} strokeWidth={3} cornerRadius={8} dash={focus.kind === 'cell' && !focus.cardId ? [8, 5] : undefined} />
  );
}
