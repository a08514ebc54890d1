import type { MatrixMeasure } from '../model/records.ts';
import type { NeedleMover } from './needle-movers.ts';

/**
 * The impact/effort matrix: any two of the score and the room's ratings on the axes,
 * each read on one 1–5 scale so the quadrants split at the same place (3) whatever is
 * plotted. The score (0–100) maps onto it as 1 + score × 4 ÷ 100, so 50 sits on the line.
 */

export const MEASURE_LABELS: Record<MatrixMeasure, string> = {
  score: 'Needle-mover score',
  customerValue: 'Customer value',
  businessValue: 'Business value',
  effort: 'Effort',
};

export const MIDPOINT = 3;

export type Quadrant = 'quick-win' | 'big-bet' | 'fill-in' | 'money-pit';
export const QUADRANT_LABELS: Record<Quadrant, string> = { 'quick-win': 'Quick wins', 'big-bet': 'Big bets', 'fill-in': 'Fill-ins', 'money-pit': 'Money pits' };

/** An item's value on an axis (1–5), or null when the room has not rated it yet. */
export function measureOf(item: NeedleMover, measure: MatrixMeasure): number | null {
  if (measure === 'score') return 1 + (item.score * 4) / 100;
  return item.rating?.[measure] ?? null;
}

/**
 * Which quadrant an item falls in when one axis is effort and the other a value: high
 * value and low effort is a quick win; high both a big bet; low both a fill-in; low
 * value and high effort a money pit. Exactly on the line (3) counts as high. Null when
 * neither or both axes are effort (the quadrants then have no such names) or a value is
 * missing.
 */
export function quadrantOf(item: NeedleMover, x: MatrixMeasure, y: MatrixMeasure): Quadrant | null {
  if ((x === 'effort') === (y === 'effort')) return null;
  const effort = measureOf(item, 'effort');
  const value = measureOf(item, x === 'effort' ? y : x);
  if (effort === null || value === null) return null;
  const highValue = value >= MIDPOINT;
  const highEffort = effort >= MIDPOINT;
  if (highValue) return highEffort ? 'big-bet' : 'quick-win';
  return highEffort ? 'money-pit' : 'fill-in';
}

/** Where each quadrant sits on screen: high values are up and right. */
export function quadrantAt(x: MatrixMeasure, y: MatrixMeasure, right: boolean, top: boolean): Quadrant | null {
  if ((x === 'effort') === (y === 'effort')) return null;
  const highEffort = x === 'effort' ? right : top;
  const highValue = x === 'effort' ? top : right;
  if (highValue) return highEffort ? 'big-bet' : 'quick-win';
  return highEffort ? 'money-pit' : 'fill-in';
}
