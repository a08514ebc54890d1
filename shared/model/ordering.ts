import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Order is kept with fractional index keys, so moving one stage, step, lane or card
 * rewrites one row, never its siblings: the cost of saving follows the change.
 */
export type PositionKey = string;

export function positionBetween(before: PositionKey | null, after: PositionKey | null): PositionKey {
  return generateKeyBetween(before, after);
}

export function positionsBetween(
  before: PositionKey | null,
  after: PositionKey | null,
  count: number,
): PositionKey[] {
  return generateNKeysBetween(before, after, count);
}

/** Plain code-unit comparison: fractional keys are ordered byte-wise, not by locale. */
export function comparePositions(a: { position: PositionKey; id: string }, b: { position: PositionKey; id: string }): number {
  if (a.position < b.position) return -1;
  if (a.position > b.position) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function byPosition<T extends { position: PositionKey; id: string }>(items: Iterable<T>): T[] {
  return [...items].sort(comparePositions);
}

/** The key that places an item at `index` in `siblings` (already sorted, item excluded). */
export function positionAtIndex(siblings: readonly { position: PositionKey }[], index: number): PositionKey {
  const clamped = Math.max(0, Math.min(index, siblings.length));
  const before = clamped > 0 ? siblings[clamped - 1]!.position : null;
  const after = clamped < siblings.length ? siblings[clamped]!.position : null;
  return positionBetween(before, after);
}
