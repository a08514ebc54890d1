import { composeChanges, isEmptyChange, type Change } from '../../../shared/change/change.ts';
import type { HistoryEntry } from './editor-state.ts';

const MAX_UNDO = 500;

/**
 * Undo keeps changes, not snapshots. A commit with the same merge key as the entry on
 * top folds into it, so a card's creation and the typing that follows are one step.
 */
export function recordCommit(undoStack: HistoryEntry[], change: Change, mergeKey?: string): HistoryEntry[] {
  const top = undoStack.at(-1);
  if (mergeKey !== undefined && top?.mergeKey === mergeKey) {
    const merged = composeChanges(top.change, change);
    // A card added and then emptied away leaves nothing worth undoing.
    if (isEmptyChange(merged)) return undoStack.slice(0, -1);
    return [...undoStack.slice(0, -1), { change: merged, mergeKey }];
  }
  const next = [...undoStack, mergeKey === undefined ? { change } : { change, mergeKey }];
  return next.length > MAX_UNDO ? next.slice(next.length - MAX_UNDO) : next;
}

/** Ends merging into the top entry: the next commit starts a new undo step. */
export function sealTop(undoStack: HistoryEntry[]): HistoryEntry[] {
  const top = undoStack.at(-1);
  if (!top || top.mergeKey === undefined) return undoStack;
  return [...undoStack.slice(0, -1), { change: top.change }];
}

