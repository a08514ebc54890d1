import type { Card, Lane, Step } from '../../../../shared/model/records.ts';
import { MARGIN, SLIDE_H, SLIDE_W } from './deck-context.ts';
import { heightFor } from './text-fit.ts';

/**
 * Where a stage's cards go on its slides, decided before anything is drawn so the rules
 * the consultant asked for hold by construction: every lane of a stage stays on one
 * slide (never split, never alone on a "continued" slide), a stage gets one slide per
 * four steps at most, and text shrinks (down to a floor) rather than spilling over.
 * Pure: the deck-fit test checks the same numbers on the written XML.
 */

export const TOP = 1.4;
export const BOTTOM = SLIDE_H - 0.42;
export const LANE_LABEL_W = 1.45;
export const GAP = 0.05;
export const MAX_STEPS_PER_SLIDE = 4;
const MAX_FONT = 12;
export const MIN_FONT = 7;
/** Narrower than this a card reads as a column of single words. */
const MIN_CARD_W = 1.25;

export interface CardText {
  card: Card;
  /** What the card says, then its badges on a line of their own. */
  text: string;
  star: boolean;
  badges: string;
}

export interface PlacedCard extends CardText {
  /** Within its cell: a cell wide enough holds its cards side by side, in sub-columns. */
  dx: number;
  dy: number;
  w: number;
  height: number;
  /** Shortened to fit; the full text goes into the speaker notes. */
  shortened?: string;
}

export interface StepHead {
  step: Step;
  name: string;
  details: string;
  emotions: string[];
}

export interface ChunkLayout {
  steps: StepHead[];
  colW: number;
  fontPt: number;
  detailPt: number;
  headerH: number;
  emotionH: number;
  rows: { lane: Lane; height: number; cells: Cell[] }[];
  /** Cards that did not fit even at the smallest size, one line each: listed in the notes. */
  leftOut: CardText[];
  /** The tallest a card may be (Infinity unless the floor was reached). */
  cap: number;
}

export interface Cell {
  cards: PlacedCard[];
  height: number;
}

export interface LaneCards {
  lane: Lane;
  /** Per step of the stage, in step order. */
  cells: CardText[][];
}

/** The steps of a stage in slides: ceil(steps / 4) slides, as even as they come (5 → 3 + 2). */
export function stepGroups<T>(steps: readonly T[]): T[][] {
  const count = Math.max(1, Math.ceil(steps.length / MAX_STEPS_PER_SLIDE));
  const size = Math.ceil(steps.length / count);
  const groups: T[][] = [];
  for (let i = 0; i < steps.length; i += size) groups.push(steps.slice(i, i + size));
  return groups.length ? groups : [[]];
}

const cardFull = (c: CardText) => `${c.star ? '★ ' : ''}${c.text}${c.badges ? `\n${c.badges}` : ''}`;

/**
 * The largest font at which a group of steps, with every lane that has a card in it,
 * fits one slide. Below the floor, long cards are shortened (their words kept in the
 * notes) before anything moves to another slide.
 */
export function layoutChunk(steps: StepHead[], lanes: LaneCards[], stepIndexes: number[]): ChunkLayout {
  const colW = (SLIDE_W - 2 * MARGIN - LANE_LABEL_W) / Math.max(1, steps.length);
  const cardW = colW - 2 * GAP;
  const lanesHere = lanes
    .map((l) => ({ lane: l.lane, cells: stepIndexes.map((i) => l.cells[i] ?? []) }))
    .filter((l) => l.cells.some((c) => c.length > 0));
  const available = BOTTOM - TOP;
  let best: ChunkLayout | null = null;
  for (let font = MAX_FONT; font >= MIN_FONT; font -= 0.5) {
    const layout = measure(steps, lanesHere, colW, cardW, font, Infinity);
    best = layout;
    if (total(layout) <= available) return layout;
  }
  // Still too tall at the floor: cap each card's height, from generous down to three
  // lines (a shorter stub says nothing); past that, cards go to the notes whole.
  const floor = heightFor('x\nx\nx', cardW, MIN_FONT);
  for (let cap = 1.6; cap >= floor; cap -= 0.1) {
    const layout = measure(steps, lanesHere, colW, cardW, MIN_FONT, cap);
    if (total(layout) <= available) return layout;
    best = layout;
  }
  return dropOverflow(best!, available);
}

const rowHeight = (lane: Lane, cells: Cell[], cardW: number, font: number) =>
  Math.max(heightFor('x', cardW, font) + 2 * GAP, heightFor(lane.name, LANE_LABEL_W - GAP, 10), ...cells.map((c) => c.height));

/**
 * A cell's cards in as many sub-columns as its width allows, each card going to the
 * shortest sub-column; the count of sub-columns that makes the cell shortest wins.
 */
function pack(cards: CardText[], width: number, font: number, cap: number): Cell {
  let best: Cell = { cards: [], height: 2 * GAP };
  const most = Math.max(1, Math.min(cards.length, Math.floor((width + GAP) / (MIN_CARD_W + GAP))));
  for (let k = 1; k <= most; k++) {
    const w = (width - (k - 1) * GAP) / k;
    const heights = new Array<number>(k).fill(GAP);
    const placed = cards.map((c) => {
      const col = heights.indexOf(Math.min(...heights));
      const card = place(c, w, font, cap);
      const at = { ...card, dx: col * (w + GAP), dy: heights[col]!, w };
      heights[col]! += card.height + GAP;
      return at;
    });
    const height = Math.max(...heights);
    if (k === 1 || height < best.height - 1e-6) best = { cards: placed, height };
  }
  return best;
}

function measure(steps: StepHead[], lanes: { lane: Lane; cells: CardText[][] }[], colW: number, cardW: number, font: number, cap: number): ChunkLayout {
  const detailPt = Math.max(MIN_FONT, Math.min(10, font - 2));
  const namePt = Math.min(13, font + 1);
  const headerH = Math.max(
    ...steps.map((s) => heightFor(s.name, colW, namePt) + (s.details ? heightFor(s.details, colW, detailPt) - 0.1 : 0)),
    0.4,
  );
  const emotionH = steps.some((s) => s.emotions.length)
    ? Math.max(...steps.map((s) => (s.emotions.length ? heightFor(s.emotions.join('\n'), colW - 2 * GAP, detailPt) : 0)))
    : 0;
  const rows = lanes.map(({ lane, cells }) => {
    const packed = cells.map((cell) => pack(cell, cardW, font, cap));
    return { lane, height: rowHeight(lane, packed, cardW, font), cells: packed };
  });
  return { steps, colW, fontPt: font, detailPt, headerH, emotionH, rows, leftOut: [], cap };
}

function place(c: CardText, width: number, font: number, cap: number): Omit<PlacedCard, 'dx' | 'dy' | 'w'> {
  const full = cardFull(c);
  const natural = heightFor(full, width, font);
  if (natural <= cap) return { ...c, height: natural };
  // Shorten the text, never the badges: keep words until the card fits its cap.
  const marker = ' … (see notes)';
  let end = c.text.length;
  while (end > 0 && heightFor(cardFull({ ...c, text: c.text.slice(0, end) + marker }), width, font) > cap) end = Math.floor(end * 0.85);
  const text = c.text.slice(0, end).trimEnd() + marker;
  return { ...c, text, shortened: c.text, height: Math.max(cap, heightFor(cardFull({ ...c, text }), width, font)) };
}

export const total = (l: ChunkLayout) => (l.emotionH ? l.emotionH + GAP : 0) + l.headerH + GAP + l.rows.reduce((s, r) => s + r.height + GAP, 0);

/** The last resort (dozens of cards in one cell): the last cards of the tallest cells go to the notes. */
function dropOverflow(layout: ChunkLayout, available: number): ChunkLayout {
  const leftOut: CardText[] = [];
  const cardW = layout.colW - 2 * GAP;
  while (total(layout) > available) {
    const row = layout.rows.reduce((a, b) => (b.height > a.height ? b : a));
    const i = row.cells.reduce((at, c, k) => (c.height > row.cells[at]!.height ? k : at), 0);
    const cards = row.cells[i]!.cards;
    if (cards.length === 0) break;
    const last = cards[cards.length - 1]!;
    leftOut.unshift({ ...last, text: last.shortened ?? last.text });
    row.cells[i] = pack(cards.slice(0, -1), cardW, layout.fontPt, layout.cap);
    row.height = rowHeight(row.lane, row.cells, cardW, layout.fontPt);
  }
  return { ...layout, leftOut };
}
