import { cellKey, layoutBoard } from '../../../../shared/layout/board-layout.ts';
import type { RecordMap } from '../../../../shared/model/document.ts';
import type { Card, Lane, Stage, Step } from '../../../../shared/model/records.ts';
import type { CardBadges } from '../deck/card-details.ts';
import { directionOf, type Direction } from './text-runs.ts';

/** A3 landscape, points: a map printed to hang on the wall, or to page through on screen. */
export const A3_LANDSCAPE: [number, number] = [1190.55, 841.89];
export const MAP_MARGIN = 28;
/** Above the map: the journey's name and which part of the poster this page is. */
export const TITLE_BAND = 30;
/** Below the map: the page number. */
const FOOT_BAND = 26;
/**
 * Points per board pixel. The board's 16 px card text becomes 8 pt — readable on a wall
 * poster — and a small map is drawn larger, up to 12 pt, when it fits the page so.
 */
const SMALLEST_SCALE = 0.5;
/** A badges line's height, in badge font sizes. */
export const BADGE_LINE = 1.3;
const LARGEST_SCALE = 0.75;

export interface PosterCard {
  card: Card;
  /** From the left of the step columns and the top of the lanes, in points. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The card's whole text, wrapped with the fonts it is drawn in: a poster truncates nothing. */
  lines: string[];
  badges: string[];
  momentOfTruth: boolean;
  border?: string;
  direction: Direction;
}

export interface PosterRow {
  lane: Lane;
  y: number;
  height: number;
  cards: PosterCard[];
}

export interface PosterColumn {
  step: Step;
  stage: Stage;
  stageIndex: number;
  x: number;
}

/** One page of the poster: a run of step columns and a band of their lanes. */
export interface PosterTile {
  columns: PosterColumn[];
  /** The lanes as laid out for these columns: as tall as these columns' cards need. */
  rows: PosterRow[];
  /** The band of the lanes this page shows, from the top of the lanes, in points. */
  top: number;
  bottom: number;
}

export interface Poster {
  scale: number;
  columnWidth: number;
  laneHeaderWidth: number;
  stageHeaderHeight: number;
  stepHeaderHeight: number;
  fontSize: number;
  lineHeight: number;
  /** The badges line under a card's text: a little smaller, bold. */
  badgeSize: number;
  padding: number;
  tiles: PosterTile[];
}

export type Wrap = (text: string, size: number, width: number, style?: 'regular' | 'bold') => string[];

/**
 * The journey's map laid out for paper: the board's columns, lanes and card order (from
 * shared/layout, so it reads as the room saw it), each card as tall as its whole text
 * measured in the PDF's fonts, cut into A3 pages along step columns and between cards —
 * never through one. The steps that fit across a page are laid out together, their
 * lanes only as tall as their own cards need, and read down before the next steps
 * (stage by stage, as the room walked the journey). Each page repeats the stage and step
 * headers and the lane names.
 */
export function layoutPoster(records: RecordMap, journeyId: string, details: ReadonlyMap<string, CardBadges>, wrap: Wrap): Poster | null {
  const board = layoutBoard(records, journeyId);
  if (board.steps.length === 0) return null;
  const m = board.metrics;
  const pageWidth = A3_LANDSCAPE[0] - 2 * MAP_MARGIN;
  const pageHeight = A3_LANDSCAPE[1] - 2 * MAP_MARGIN - TITLE_BAND - FOOT_BAND;
  const scale = Math.min(LARGEST_SCALE, Math.max(SMALLEST_SCALE, pageWidth / board.width));
  const px = (value: number) => value * scale;
  const fontSize = px(m.fontSize);
  const lineHeight = fontSize * m.lineHeight;
  const padding = px(m.cardPaddingX);
  const columnWidth = px(m.columnWidth);
  const cardWidth = columnWidth - 2 * px(m.cellPadding);
  const textWidth = cardWidth - 2 * padding;
  const badgeSize = fontSize * 0.85;

  const stageOf = new Map(board.stages.map((box, i) => [box.stage.id, [box.stage, i] as const]));
  const columns: PosterColumn[] = board.steps.map((box) => {
    const [stage, stageIndex] = stageOf.get(box.step.stageId)!;
    return { step: box.step, stage, stageIndex, x: px(box.x - m.laneHeaderWidth) };
  });
  const laneRow = (columns: readonly PosterColumn[], lane: Lane, y: number) => {
    const cards: PosterCard[] = [];
    let bottom = y + px(m.minRowHeight);
    for (const column of columns) {
      let cy = y + px(m.cellPadding);
      for (const box of board.cardsByCell.get(cellKey(column.step.id, lane.id)) ?? []) {
        const detail = details.get(box.card.id);
        const lines = wrap(box.card.text, fontSize, textWidth);
        const badges = detail?.badges.length ? wrap(detail.badges.join(' · '), badgeSize, textWidth, 'bold') : [];
        const cardHeight = Math.max(px(m.minCardHeight), 2 * padding + lines.length * lineHeight + badges.length * badgeSize * BADGE_LINE);
        cards.push({
          card: box.card, x: column.x + px(m.cellPadding), y: cy, width: cardWidth, height: cardHeight, lines, badges,
          momentOfTruth: detail?.momentOfTruth ?? false, direction: directionOf(box.card.text),
          ...(detail?.border ? { border: detail.border } : {}),
        });
        cy += cardHeight + px(m.cardGap);
      }
      bottom = Math.max(bottom, cy - px(m.cardGap) + px(m.cellPadding));
    }
    return { cards, height: bottom - y };
  };

  const headers = px(m.stageHeaderHeight) + px(m.stepHeaderHeight);
  const tiles: PosterTile[] = [];
  for (const run of chunk(columns, Math.max(1, Math.floor((pageWidth - px(m.laneHeaderWidth)) / columnWidth)))) {
    const rows: PosterRow[] = [];
    let y = 0;
    for (const laneBox of board.lanes) {
      const lane = laneBox.lane;
      const { cards, height } = lane.laneType === 'emotions' ? { cards: [], height: px(laneBox.height) } : laneRow(run, lane, y);
      rows.push({ lane, y, height, cards });
      y += height;
    }
    for (const [top, bottom] of cutBands(rows, y, pageHeight - headers)) tiles.push({ columns: run, rows, top, bottom });
  }
  return {
    scale, columnWidth, laneHeaderWidth: px(m.laneHeaderWidth), stageHeaderHeight: px(m.stageHeaderHeight), stepHeaderHeight: px(m.stepHeaderHeight),
    fontSize, lineHeight, badgeSize, padding, tiles,
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Where the lanes are cut into pages: at a lane's edge when one fits, else between two
 * cards that no card of that lane spans, so a card is always whole on one page.
 */
export function cutBands(rows: readonly PosterRow[], total: number, capacity: number): [number, number][] {
  const cuts = new Set<number>([total]);
  for (const row of rows) {
    cuts.add(row.y);
    for (const card of row.cards) {
      const below = card.y + card.height;
      if (!row.cards.some((other) => other.y < below && other.y + other.height > below)) cuts.add(below);
    }
  }
  const candidates = [...cuts].sort((a, b) => a - b);
  const rowTops = new Set(rows.map((row) => row.y));
  const bands: [number, number][] = [];
  let top = 0;
  while (top < total - 0.5) {
    const fitting = candidates.filter((c) => c > top + 0.5 && c <= top + capacity);
    // A lane kept whole reads better than one cut between cards, unless that would
    // leave most of the page empty.
    const rowEdge = fitting.filter((c) => c === total || rowTops.has(c)).at(-1);
    const bottom = rowEdge !== undefined && rowEdge - top >= capacity / 2 ? rowEdge : (fitting.at(-1) ?? Math.min(total, top + capacity));
    bands.push([top, bottom]);
    top = bottom;
  }
  return bands;
}
