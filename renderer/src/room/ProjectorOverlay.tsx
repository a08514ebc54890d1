import { useEffect } from 'react';
import { useStore } from 'zustand';
import { stagesOf, recordsOfType } from '../../../shared/model/document.ts';
import { byPosition } from '../../../shared/model/ordering.ts';
import type { Editor } from '../editor/editor.ts';
import { PALETTES, PROJECTOR_METRICS } from '../board/themes.ts';
import { roomStore } from './room-store.ts';
import { TimerWidget } from './TimerWidget.tsx';
import { exitProjector } from './projector-mode.ts';
import { projectorView } from './projector-pages.ts';
import { EMPTY_LANES_LINE_PX, PROJECTOR_MARGIN, PROJECTOR_MIN_TEXT_PX } from './projector.ts';

/**
 * What the room sees around the page: where we are (once: "Evaluate 1/2" over the
 * stage's band, "Stage 3 of 7" in the corner above the lane names), the time left, the
 * agenda item, and the lanes with nothing on this page. All of it sits in space the
 * page leaves free, so nothing covers a card.
 */
export function ProjectorOverlay({ editor }: { editor: Editor }) {
  const projector = useStore(roomStore, (s) => s.projector);
  const stageName = useStore(editor.store, (s) => (s.journeyId && projector ? stagesOf(s.records, s.journeyId)[projector.stageIndex]?.name : undefined));
  const stageCount = useStore(editor.store, (s) => (s.journeyId ? stagesOf(s.records, s.journeyId).length : 0));
  const records = useStore(editor.store, (s) => s.records);
  const viewport = useStore(editor.store, (s) => s.viewport);
  useStore(projectorView, (s) => s.page);
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
  const layout = editor.layout();
  const m = layout?.metrics;
  const slice = m?.slice;
  const s = viewport.scale;
  // Type round the page grows with it: sized for 1280×720, larger on a larger screen.
  const grow = Math.max(1, s / (PROJECTOR_MIN_TEXT_PX / PROJECTOR_METRICS.fontSize));
  const corner = m && { left: viewport.x, top: viewport.y, width: m.laneHeaderWidth * s, height: (m.stageHeaderHeight + m.stepHeaderHeight) * s, fontSize: Math.round(16 * grow) };
  const stageBox = layout?.stages[0];
  const band = m && stageBox && { left: viewport.x + stageBox.x * s, top: viewport.y, width: stageBox.width * s, height: m.stageHeaderHeight * s };
  const paged = slice && slice.count > 1;
  const empty = (slice?.emptyLaneIds ?? []).map((id) => records[id]).map((lane) => (lane && 'name' in lane && lane.name) || 'Untitled lane');
  const emptyText = `Empty on this page: ${empty.join(' · ')}`;
  // Under the page, from its left edge to the screen's margin.
  const footerLeft = Math.max(PROJECTOR_MARGIN, viewport.x);
  const footerWidth = Math.max(200, editor.boardSize.width - footerLeft - PROJECTOR_MARGIN);
  return (
    <div className="projector-overlay">
      {/* One live region: a screen reader hears where the clicker went, once. */}
      <div data-testid="projector-stage" className="projector-where" aria-live="polite">
        <div className="projector-corner" style={corner ?? undefined}>
          <span className="projector-count">
            Stage {projector.stageIndex + 1} of {stageCount}
          </span>
          {agendaTitle && (
            <span className="projector-agenda">
              Now: <strong>{agendaTitle}</strong>
            </span>
          )}
          {/* In the corner, so it never lies over a card or the empty lanes' line. */}
          <span className="projector-hint" aria-hidden>
            ← → pages and stages · Esc to edit
          </span>
        </div>
        <div className="projector-band" style={band ? { ...band, background: PALETTES.projector.stages[0], fontSize: nameSize(stageName ?? '', band) } : undefined}>
          <span className="projector-name">{stageName || 'Untitled stage'}</span>
          {paged && (
            <span className="projector-page" aria-label={`, page ${slice.index + 1} of ${slice.count}`}>
              {slice.index + 1}/{slice.count}
            </span>
          )}
        </div>
      </div>
      {/* The time left, at the end of the band (outside the live region: it ticks). */}
      <div
        className="projector-timer"
        style={band ? { top: band.top, height: band.height, right: Math.max(0, editor.boardSize.width - band.left - band.width), fontSize: Math.min(Math.round(44 * grow), Math.round(band.height * 0.62)) } : { top: PROJECTOR_MARGIN, right: PROJECTOR_MARGIN }}
      >
        <TimerWidget size="large" />
      </div>
      {layout && empty.length > 0 && (
        <div
          className="projector-empty-lanes"
          style={{
            left: footerLeft,
            top: viewport.y + layout.height * s + 4,
            width: footerWidth,
            height: EMPTY_LANES_LINE_PX - 4,
            // One line always fits: the page left room for exactly one.
            fontSize: Math.max(12, Math.min(Math.round(20 * Math.min(grow, 1.4)), Math.floor(footerWidth / (emptyText.length * 0.56)))),
          }}
        >
          {emptyText}
        </div>
      )}
    </div>
  );
}

/** The stage's name as large as its band allows, whole: it shrinks before it is cut. */
function nameSize(name: string, band: { width: number; height: number }): number {
  const free = band.width - 230; // the timer and "1/2"
  return Math.max(14, Math.min(Math.round(band.height * 0.46), Math.floor(free / (Math.max(4, name.length) * 0.62))));
}
