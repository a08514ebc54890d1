import type { RecordMap } from '../model/document.ts';
import { byPosition } from '../model/ordering.ts';
import type { AnyRecord, Lane, Step } from '../model/records.ts';
import { cellKey, layoutBoard, type BoardLayout } from './board-layout.ts';
import type { BoardMetrics, BoardSlice } from './card-metrics.ts';
import { allRecords } from '../model/record-map.ts';

/**
 * Projector pages: a stage laid out so that nothing is ever below the fold. The room
 * reads card text from the back of the room, so it is never drawn under a minimum size
 * (24 px on a 1280×720 projector); what does not fit at that size goes on another page
 * that the clicker steps to like the next stage ("Evaluate 1/2").
 *
 * A page shows some of the stage's steps (all of them if they fit side by side) and the
 * lanes that have something in those steps; lanes with nothing there are named under
 * the page instead of taking a row each. Lanes are never cut: a page ends before a lane
 * that does not fit, and only a lane taller than a whole page has its cards spread over
 * pages of their own.
 */
export interface ProjectorArea {
  /** Screen pixels the board's drawing may fill. */
  width: number;
  height: number;
  /** Screen pixels the list of empty lanes takes under the page, when it has one. */
  emptyLanesLine: number;
}

export interface ProjectorPage {
  /** The board's metrics for this page: its column width and its slice of the stage. */
  metrics: BoardMetrics & { slice: BoardSlice };
}

/**
 * Columns never grow past twice their normal width (a one-step stage), and narrow to
 * 85% of it when that puts one more step beside the others (3 on a 1280×720 screen).
 */
const MAX_COLUMN_GROWTH = 2;
const MIN_COLUMN_SHARE = 0.85;

export function planProjectorPages(records: RecordMap, journeyId: string, stageId: string, base: BoardMetrics, area: ProjectorArea, minTextPx: number): ProjectorPage[] {
  const scale = minTextPx / base.fontSize;
  const width = area.width / scale;
  const rowsHeight = area.height / scale - base.stageHeaderHeight - base.stepHeaderHeight;
  const emptyLine = area.emptyLanesLine / scale;
  const own = stageRecords(records, journeyId, stageId);
  const stepIds = own.steps;
  const laneIds = own.lanes;

  const narrowest = Math.round(base.columnWidth * MIN_COLUMN_SHARE);
  const fit = Math.max(1, Math.floor((width - base.laneHeaderWidth) / narrowest));
  let best: Omit<BoardSlice, 'index' | 'count'>[] | null = null;
  let bestColumns: BoardMetrics[] = [];
  // Fewer steps side by side make shorter rows; the fewest pages win, and of those the
  // one with the most steps side by side (the journey reads left to right).
  for (let columns = Math.min(Math.max(1, stepIds.length), fit); columns >= 1; columns--) {
    const pages: Omit<BoardSlice, 'index' | 'count'>[] = [];
    const pageMetrics: BoardMetrics[] = [];
    for (const group of balancedGroups(stepIds, columns)) {
      const columnWidth = Math.min(base.columnWidth * MAX_COLUMN_GROWTH, Math.max(narrowest, Math.floor((width - base.laneHeaderWidth) / Math.max(1, group.length))));
      const metrics: BoardMetrics = { ...base, columnWidth };
      const whole = layoutBoard(own.records, journeyId, { ...metrics, slice: { stepIds: group, laneIds, emptyLaneIds: [], cardIds: null, index: 0, count: 1 } }, stageId);
      for (const page of packLanes(whole, group, own.scoredSteps, rowsHeight, emptyLine)) {
        pages.push(page);
        pageMetrics.push(metrics);
      }
      if (best && pages.length >= best.length) break;
    }
    if (!best || pages.length < best.length) {
      best = pages;
      bestColumns = pageMetrics;
    }
  }
  const slices = best ?? [];
  return slices.map((slice, index) => ({ metrics: { ...bestColumns[index]!, slice: { ...slice, index, count: slices.length } } }));
}

/** Steps into `columns`-wide pages, as even as can be: 7 steps by 3 are 3, 2 and 2. */
export function balancedGroups<T>(items: readonly T[], columns: number): T[][] {
  if (items.length === 0) return [[]];
  const count = Math.ceil(items.length / columns);
  const groups: T[][] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.ceil((items.length - start) / (count - i));
    groups.push(items.slice(start, start + size));
    start += size;
  }
  return groups;
}

/**
 * The lanes of one group of steps, packed top to bottom into pages of `height` board
 * units. Empty lanes cost one line under the page (once), not a row.
 */
function packLanes(layout: BoardLayout, stepIds: readonly string[], scoredSteps: ReadonlySet<string>, height: number, emptyLine: number): Omit<BoardSlice, 'index' | 'count'>[] {
  const pages: Omit<BoardSlice, 'index' | 'count'>[] = [];
  let current = { laneIds: [] as string[], emptyLaneIds: [] as string[], used: 0 };
  const reserve = () => (current.emptyLaneIds.length > 0 ? emptyLine : 0);
  const flush = () => {
    if (current.laneIds.length > 0 || current.emptyLaneIds.length > 0) pages.push({ stepIds, laneIds: current.laneIds, emptyLaneIds: current.emptyLaneIds, cardIds: null });
    current = { laneIds: [], emptyLaneIds: [], used: 0 };
  };
  for (const box of layout.lanes) {
    const id = box.lane.id;
    const empty = box.lane.laneType === 'emotions' ? !stepIds.some((s) => scoredSteps.has(s)) : !stepIds.some((s) => layout.cardsByCell.has(cellKey(s, id)));
    if (empty) {
      // The first empty lane of a page costs the line that names them.
      if (current.emptyLaneIds.length === 0 && current.used + emptyLine > height) flush();
      current.emptyLaneIds.push(id);
    } else if (box.height > height) {
      // Taller than a whole page: its cards are spread over pages of its own.
      flush();
      for (const cardIds of spreadCards(layout, stepIds, id, height)) pages.push({ stepIds, laneIds: [id], emptyLaneIds: [], cardIds });
    } else {
      if (current.used + box.height + reserve() > height) flush();
      current.laneIds.push(id);
      current.used += box.height;
    }
  }
  flush();
  return pages.length > 0 ? pages : [{ stepIds, laneIds: [], emptyLaneIds: [], cardIds: null }];
}

/** A lane's cards, cell by cell, in runs that each fit a page's height. */
function spreadCards(layout: BoardLayout, stepIds: readonly string[], laneId: string, height: number): Set<string>[] {
  const { cellPadding, cardGap } = layout.metrics;
  const parts: Set<string>[] = [];
  for (const stepId of stepIds) {
    let part = 0;
    let used = cellPadding;
    for (const box of layout.cardsByCell.get(cellKey(stepId, laneId)) ?? []) {
      if (used > cellPadding && used + box.height + cellPadding > height) {
        part += 1;
        used = cellPadding;
      }
      (parts[part] ??= new Set()).add(box.card.id);
      used += box.height + cardGap;
    }
  }
  return parts;
}

/**
 * The few records one stage's pages are laid out from, so trying several arrangements
 * costs the stage, not the workshop.
 */
function stageRecords(records: RecordMap, journeyId: string, stageId: string): { records: RecordMap; steps: string[]; lanes: string[]; scoredSteps: Set<string> } {
  const kept: Record<string, AnyRecord> = {};
  const steps: Step[] = [];
  const lanes: Lane[] = [];
  for (const record of allRecords(records)) {
    if (record.type === 'step' && record.stageId === stageId) steps.push(record);
    else if (record.type === 'lane' && record.journeyId === journeyId) lanes.push(record);
    else if ((record.type === 'stage' && record.id === stageId) || record.type === 'persona' || (record.type === 'journey' && record.id === journeyId)) kept[record.id] = record;
  }
  for (const record of [...steps, ...lanes]) kept[record.id] = record;
  const stepSet = new Set<string>(steps.map((s) => s.id));
  const scoredSteps = new Set<string>();
  for (const record of allRecords(records)) {
    if ((record.type === 'card' || record.type === 'emotion') && stepSet.has(record.stepId)) {
      kept[record.id] = record;
      if (record.type === 'emotion') scoredSteps.add(record.stepId);
    }
  }
  return { records: kept, steps: byPosition(steps).map((s) => s.id), lanes: byPosition(lanes).map((l) => l.id), scoredSteps };
}
