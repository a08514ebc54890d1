import type { AnyRecord } from '../model/records.ts';
import { carryIndexes, type RecordMap } from '../model/document.ts';
import { withRecords } from '../model/record-map.ts';

/**
 * The one change format (after tldraw's RecordsDiff). A user action produces one
 * Change; the renderer's store applies it, the undo history keeps it (undo applies its
 * inverse), and the main process writes exactly these records in one SQLite
 * transaction. Updates keep both sides so a change can be inverted without a snapshot.
 */
export interface Change {
  added: Record<string, AnyRecord>;
  updated: Record<string, [from: AnyRecord, to: AnyRecord]>;
  removed: Record<string, AnyRecord>;
}

export function emptyChange(): Change {
  return { added: {}, updated: {}, removed: {} };
}

export function isEmptyChange(change: Change): boolean {
  return (
    Object.keys(change.added).length === 0 &&
    Object.keys(change.updated).length === 0 &&
    Object.keys(change.removed).length === 0
  );
}

export function changeSize(change: Change): number {
  return (
    Object.keys(change.added).length + Object.keys(change.updated).length + Object.keys(change.removed).length
  );
}

export function invertChange(change: Change): Change {
  const updated: Change['updated'] = {};
  for (const [id, [from, to]] of Object.entries(change.updated)) updated[id] = [to, from];
  return { added: { ...change.removed }, updated, removed: { ...change.added } };
}

/**
 * `a` then `b` as one change, so a burst of typing or a multi-part action is one undo
 * step. Adding then removing a record cancels out; updating a record back to where it
 * started leaves no update.
 */
export function composeChanges(a: Change, b: Change): Change {
  const added = { ...a.added };
  const updated = { ...a.updated };
  const removed = { ...a.removed };

  for (const [id, record] of Object.entries(b.added)) {
    if (removed[id]) {
      const before = removed[id]!;
      delete removed[id];
      if (!sameRecord(before, record)) updated[id] = [before, record];
    } else {
      added[id] = record;
    }
  }
  for (const [id, [from, to]] of Object.entries(b.updated)) {
    if (added[id]) {
      added[id] = to;
    } else if (updated[id]) {
      const original = updated[id]![0];
      if (sameRecord(original, to)) delete updated[id];
      else updated[id] = [original, to];
    } else {
      updated[id] = [from, to];
    }
  }
  for (const [id, record] of Object.entries(b.removed)) {
    if (added[id]) {
      delete added[id];
    } else if (updated[id]) {
      removed[id] = updated[id]![0];
      delete updated[id];
    } else {
      removed[id] = record;
    }
  }
  return { added, updated, removed };
}

/**
 * Applies a change to an immutable record map; unchanged records keep their identity,
 * and the new map shares the old one's storage and indexes, so a commit costs the
 * records it touches.
 */
export function applyChange(records: RecordMap, change: Change): RecordMap {
  if (isEmptyChange(change)) return records;
  const put = [...Object.values(change.added), ...Object.values(change.updated).map(([, to]) => to)];
  const next = withRecords(records, put, Object.keys(change.removed));
  carryIndexes(records, next, change);
  return next;
}

/** Builds a change from a list of puts (new or changed records) and removals. */
export function changeFrom(
  records: RecordMap,
  ops: { put?: readonly AnyRecord[]; remove?: readonly AnyRecord[] },
): Change {
  const change = emptyChange();
  for (const record of ops.put ?? []) {
    const existing = records[record.id];
    if (!existing) change.added[record.id] = record;
    else if (!sameRecord(existing, record)) change.updated[record.id] = [existing, record];
  }
  for (const record of ops.remove ?? []) {
    const existing = records[record.id];
    if (existing) change.removed[record.id] = existing;
  }
  return change;
}

export function sameRecord(a: AnyRecord, b: AnyRecord): boolean {
  const aKeys = Object.keys(a) as (keyof AnyRecord)[];
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.is(a[key], b[key as keyof typeof b]));
}
