import { useEffect } from 'react';
import { useStore } from 'zustand';
import { stagesOf, recordsOfType } from '../../../shared/model/document.ts';
import { byPosition } from '../../../shared/model/ordering.ts';
import type { Editor } from '../editor/editor.ts';
import { roomStore } from './room-store.ts';
import { TimerWidget } from './TimerWidget.tsx';
import { exitProjector } from './projector-mode.ts';

/** What the room sees around the stage: where we are, the time left, the agenda item. */
export function ProjectorOverlay({ editor }: { editor: Editor }) {
  const projector = useStore(roomStore, (s) => s.projector);
  const stageName = useStore(editor.store, (s) => (s.journeyId && projector ? stagesOf(s.records, s.journeyId)[projector.stageIndex]?.name : undefined));
  const stageCount = useStore(editor.store, (s) => (s.journeyId ? stagesOf(s.records, s.journeyId).length : 0));
  const viewport = useStore(editor.store, (s) => s.viewport);
  const agendaTitle = useStore(editor.store, (s) => byPosition(recordsOfType(s.records, 'agenda-item')).find((a) => !a.done)?.title);

  // Leaving full screen with the browser's own Escape also leaves projector mode.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && roomStore.getState().projector && wasFullscreen) exitProjector();
      wasFullscreen = Boolean(document.fullscreenElement);
    };
    let wasFullscreen = Boolean(document.fullscreenElement);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  if (!projector) return null;
  // The empty corner above the lane names holds where we are, so nothing covers a card.
  const m = editor.layout()?.metrics;
  const corner = m && {
    left: viewport.x,
    top: viewport.y,
    width: m.laneHeaderWidth * viewport.scale,
    height: (m.stageHeaderHeight + m.stepHeaderHeight) * viewport.scale,
  };
  return (
    <div className="projector-overlay" aria-live="polite">
      <div className="projector-corner" data-testid="projector-stage" style={corner ?? undefined}>
        <span className="projector-count">
          Stage {projector.stageIndex + 1} of {stageCount}
        </span>
        <span className="projector-name">{stageName}</span>
        {agendaTitle && (
          <span className="projector-agenda">
            Now: <strong>{agendaTitle}</strong>
          </span>
        )}
      </div>
      <TimerWidget size="large" />
      <div className="projector-hint">← → stages · ↑ ↓ scroll · Esc to edit</div>
    </div>
  );
}
