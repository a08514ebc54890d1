import type { AnyRecord, Card, Journey, Lane, RecordOfType, Stage, Step, WorkshopRecord } from './records.ts';
import { byPosition } from './ordering.ts';
import { childLinksOf } from './record-definition.ts';
import { allRecords, type RecordMap } from './record-map.ts';
import type { Change } from '../change/change.ts';

export type { RecordMap } from './record-map.ts';

/**
 * Records grouped by type, computed once per record map. A map is never changed after
 * it is made (every change makes a new one), so its identity is a safe cache key; and
 * a map made by a change inherits its parent's indexes patched by that change
 * (`carryIndexes`), so reading them after a commit costs the commit, not the workshop.
 */
const typeIndexes = new WeakMap<RecordMap, Map<string, AnyRecord[]>>();

function typeIndex(records: RecordMap): Map<string, AnyRecord[]> {
  let index = typeIndexes.get(records);
  if (!index) {
    index = new Map();
    for (const record of allRecords(records)) {
      const list = index.get(record.type);
      if (list) list.push(record);
      else index.set(record.type, [record]);
    }
    typeIndexes.set(records, index);
  }
  return index;
}

export function recordsOfType<T extends AnyRecord['type']>(records: RecordMap, type: T): RecordOfType<T>[] {
  return [...((typeIndex(records).get(type) ?? []) as RecordOfType<T>[])];
}

/**
 * The records of a type as the map indexes them, not copied: the same array for as long
 * as no change touches the type, so a view can memoise on it (a note typed into an
 * interview leaves the cards' array as it was). Never change it.
 */
export function typeList<T extends AnyRecord['type']>(records: RecordMap, type: T): readonly RecordOfType<T>[] {
  return (typeIndex(records).get(type) ?? NO_RECORDS) as readonly RecordOfType<T>[];
}

const NO_RECORDS: readonly AnyRecord[] = Object.freeze([]);

/** The fields that hold a parent's id: what records of a type can be grouped by. */
export type ParentField<T extends AnyRecord['type']> = {
  [K in keyof RecordOfType<T>]: RecordOfType<T>[K] extends string | null ? K : never;
}[keyof RecordOfType<T>] &
  string;

/**
 * Groups built on the type index, kept for the record map's lifetime like it: an export
 * or a panel asks for the children of every stage, step or card, and one pass over the
 * type answers them all, where a scan per parent would make the whole job quadratic.
 */
interface GroupIndex {
  readonly type: string;
  readonly keyOf: (record: AnyRecord) => string | null;
  readonly ordered: boolean;
  readonly groups: Map<string, AnyRecord[]>;
}

const groupIndexes = new WeakMap<RecordMap, Map<string, GroupIndex>>();

function groupIndex<T extends AnyRecord['type']>(
  records: RecordMap,
  type: T,
  name: string,
  keyOf: (record: RecordOfType<T>) => string | null,
  ordered: boolean,
): ReadonlyMap<string, readonly RecordOfType<T>[]> {
  let indexes = groupIndexes.get(records);
  if (!indexes) groupIndexes.set(records, (indexes = new Map()));
  const cacheKey = `${type} ${name}`;
  let index = indexes.get(cacheKey);
  if (!index) {
    const groups = new Map<string, AnyRecord[]>();
    for (const record of (typeIndex(records).get(type) ?? []) as RecordOfType<T>[]) {
      const key = keyOf(record);
      if (key === null) continue;
      const group = groups.get(key);
      if (group) group.push(record);
      else groups.set(key, [record]);
    }
    if (ordered) for (const [key, group] of groups) groups.set(key, byPosition(group as Positioned[]));
    index = { type, keyOf: keyOf as GroupIndex['keyOf'], ordered, groups };
    indexes.set(cacheKey, index);
  }
  return index.groups as unknown as ReadonlyMap<string, readonly RecordOfType<T>[]>;
}

type Positioned = AnyRecord & { position: string };

/** The records a change touches, by type: what each index has to be patched with. */
function touchedByType(change: Change): Map<string, { before: Map<string, AnyRecord>; after: Map<string, AnyRecord> }> {
  const out = new Map<string, { before: Map<string, AnyRecord>; after: Map<string, AnyRecord> }>();
  const slot = (type: string) => {
    let entry = out.get(type);
    if (!entry) out.set(type, (entry = { before: new Map(), after: new Map() }));
    return entry;
  };
  for (const record of Object.values(change.removed)) slot(record.type).before.set(record.id, record);
  for (const record of Object.values(change.added)) slot(record.type).after.set(record.id, record);
  for (const [from, to] of Object.values(change.updated)) {
    slot(from.type).before.set(from.id, from);
    slot(to.type).after.set(to.id, to);
  }
  return out;
}

/** A list with the touched records replaced in place, removed ones dropped, new ones last. */
function patched(list: readonly AnyRecord[], touched: { before: Map<string, AnyRecord>; after: Map<string, AnyRecord> }): AnyRecord[] {
  const out: AnyRecord[] = [];
  const placed = new Set<string>();
  for (const record of list) {
    if (!touched.before.has(record.id)) out.push(record);
    else {
      const now = touched.after.get(record.id);
      if (now) out.push(now);
      placed.add(record.id);
    }
  }
  for (const [id, record] of touched.after) if (!placed.has(id)) out.push(record);
  return out;
}

/**
 * Gives `next` (made from `prev` by `change`) the indexes `prev` had, patched. Only the
 * types the change touches are rebuilt, and within a group index only the groups whose
 * members moved, so typing into one card at 10,000 cards re-sorts one cell.
 */
export function carryIndexes(prev: RecordMap, next: RecordMap, change: Change): void {
  const prevTypes = typeIndexes.get(prev);
  if (!prevTypes) return;
  const touched = touchedByType(change);
  const types = new Map(prevTypes);
  for (const [type, records] of touched) {
    const list = patched(prevTypes.get(type) ?? [], records);
    if (list.length > 0) types.set(type, list);
    else types.delete(type);
  }
  typeIndexes.set(next, types);

  const prevGroups = groupIndexes.get(prev);
  if (!prevGroups) return;
  const indexes = new Map<string, GroupIndex>();
  for (const [cacheKey, index] of prevGroups) {
    const records = touched.get(index.type);
    if (!records) {
      indexes.set(cacheKey, index);
      continue;
    }
    const byKey = new Map<string, { before: Map<string, AnyRecord>; after: Map<string, AnyRecord> }>();
    const slot = (key: string | null) => {
      if (key === null) return null;
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { before: new Map(), after: new Map() }));
      return entry;
    };
    // A record that moved between groups leaves one and joins the other.
    for (const [id, record] of records.before) slot(index.keyOf(record))?.before.set(id, record);
    for (const [id, record] of records.after) slot(index.keyOf(record))?.after.set(id, record);
    const groups = new Map(index.groups);
    for (const [key, entry] of byKey) {
      const list = patched(index.groups.get(key) ?? [], entry);
      if (list.length === 0) groups.delete(key);
      else groups.set(key, index.ordered ? byPosition(list as Positioned[]) : list);
    }
    indexes.set(cacheKey, { ...index, groups });
  }
  groupIndexes.set(next, indexes);
}

/**
 * Records of one type by the id in one of their fields (a card's tollgates by `cardId`,
 * a stage's KPIs by `stageId`), each group in the map's order. Read-only: the groups are
 * shared by every caller until the map is replaced.
 */
export function recordsGroupedBy<T extends AnyRecord['type']>(records: RecordMap, type: T, field: ParentField<T>): ReadonlyMap<string, readonly RecordOfType<T>[]> {
  return groupIndex(records, type, field, (record) => (record[field] as string | null) ?? null, false);
}

function childrenByPosition<T extends 'stage' | 'step' | 'lane'>(records: RecordMap, type: T, field: ParentField<T>, parentId: string): RecordOfType<T>[] {
  const groups = groupIndex(records, type, `${field} ordered`, (record) => record[field] as string, true);
  return [...(groups.get(parentId) ?? [])];
}

export function workshopOf(records: RecordMap): WorkshopRecord | undefined {
  return recordsOfType(records, 'workshop')[0];
}

export function journeysOf(records: RecordMap): Journey[] {
  return byPosition(recordsOfType(records, 'journey'));
}

export function stagesOf(records: RecordMap, journeyId: string): Stage[] {
  return childrenByPosition(records, 'stage', 'journeyId', journeyId);
}

export function stepsOf(records: RecordMap, stageId: string): Step[] {
  return childrenByPosition(records, 'step', 'stageId', stageId);
}

export function lanesOf(records: RecordMap, journeyId: string): Lane[] {
  return childrenByPosition(records, 'lane', 'journeyId', journeyId);
}

/** The cards of one cell (a step in a lane) in order. */
export function cardsIn(records: RecordMap, stepId: string, laneId: string): Card[] {
  const cells = groupIndex(records, 'card', 'cell', (card) => `${card.stepId}|${card.laneId}`, true);
  return [...(cells.get(`${stepId}|${laneId}`) ?? [])];
}

/**
 * Everything that hangs off a record and must go with it when it is deleted, children
 * first, so that a delete is one complete change that undo can put back whole. The
 * links come from the record definitions' parents and are followed through the group
 * index, so a delete costs what it removes, not the size of the workshop.
 */
export function dependentsOf(records: RecordMap, id: string): AnyRecord[] {
  const seen = new Set<string>([id]);
  const out: AnyRecord[] = [];
  const visit = (parentType: string, parentId: string) => {
    for (const { type, field } of childLinksOf(parentType)) {
      const children = recordsGroupedBy(records, type as AnyRecord['type'], field as never).get(parentId) ?? [];
      for (const child of children) {
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        visit(child.type, child.id);
        out.push(child);
      }
    }
  };
  visit(records[id]?.type ?? id.slice(0, id.indexOf(':')), id);
  return out;
}
