import { createStore } from 'zustand/vanilla';
import type { RecordMap } from '../../../shared/model/document.ts';
import { planProjectorPages, type ProjectorPage } from '../../../shared/layout/projector-pages.ts';
import { PROJECTOR_METRICS } from '../board/themes.ts';
import { EMPTY_LANES_LINE_PX, PROJECTOR_MARGIN, PROJECTOR_MIN_TEXT_PX } from './projector.ts';

/**
 * Which page of the projected stage is on screen. The stage itself is the room store's
 * `projector.stageIndex`; a stage too full for one screen has pages the clicker steps
 * through like stages.
 */
export const projectorView = createStore<{ page: number }>()(() => ({ page: 0 }));

/** The projector fills the screen: its pages are planned for the window's size. */
function screenSize(): { width: number; height: number } {
  if (typeof window === 'undefined') return { width: 1280, height: 720 };
  return { width: window.innerWidth, height: window.innerHeight };
}

let memo: { records: RecordMap; journeyId: string; width: number; height: number; byStage: Map<string, ProjectorPage[]> } | null = null;

/**
 * A stage's pages, planned once per version of the records and screen size: the board,
 * the overlay and the clicker keys all ask, and must agree.
 */
export function stagePages(records: RecordMap, journeyId: string, stageId: string, size = screenSize()): ProjectorPage[] {
  if (!memo || memo.records !== records || memo.journeyId !== journeyId || memo.width !== size.width || memo.height !== size.height) {
    memo = { records, journeyId, width: size.width, height: size.height, byStage: new Map() };
  }
  let pages = memo.byStage.get(stageId);
  if (!pages) {
    const area = { width: size.width - 2 * PROJECTOR_MARGIN, height: size.height - 2 * PROJECTOR_MARGIN, emptyLanesLine: EMPTY_LANES_LINE_PX };
    pages = planProjectorPages(records, journeyId, stageId, PROJECTOR_METRICS, area, PROJECTOR_MIN_TEXT_PX);
    memo.byStage.set(stageId, pages);
  }
  return pages;
}

/** The page on screen, kept within the stage's pages when an edit leaves it fewer. */
export function currentPage(pages: readonly ProjectorPage[]): ProjectorPage | undefined {
  return pages[Math.max(0, Math.min(pages.length - 1, projectorView.getState().page))];
}
