import type { AnyRecord, Card, Journey, Lane, RecordOfType, Stage, Step, WorkshopRecord } from './records.ts';
import { byPosition } from './ordering.ts';
import { childLinksOf } from './record-definition.ts';

/** The whole workshop in memory: every record by id. */
export type RecordMap = Readonly<Record<string, AnyRecord>>;

/**
 * Records grouped by type, computed once per record map. A map is never changed after
 * it is made (every change makes a new one), so its identity is a safe cache key.
 */
const typeIndexes = new WeakMap<RecordMap, Map<string, AnyRecord[]>>();

function typeIndex(records: RecordMap): Map<string, AnyRecord[]> {
  let index = typeIndexes.get(records);
  if (!index) {
    index = new Map();
    for (const record of Object.values(records)) {
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
const groupIndexes = new WeakMap<RecordMap, Map<string, ReadonlyMap<string, readonly AnyRecord[]>>>();

function groupIndex<T extends AnyRecord['type']>(
  records: RecordMap,
  type: T,
  name: string,
  keyOf: (record: RecordOfType<T>) => string | null,
  ordered: boolean,
): ReadonlyMap<string, readonly RecordOfType<T>[]> {
  let groups = groupIndexes.get(records);
  if (!groups) groupIndexes.set(records, (groups = new Map()));
  const cacheKey = `${type} ${name}`;
  let index = groups.get(cacheKey) as Map<string, RecordOfType<T>[]> | undefined;
  if (!index) {
    index = new Map();
    for (const record of (typeIndex(records).get(type) ?? []) as RecordOfType<T>[]) {
      const key = keyOf(record);
      if (key === null) continue;
      const group = index.get(key);
      if (group) group.push(record);
      else index.set(key, [record]);
    }
    if (ordered) for (const [key, group] of index) index.set(key, byPosition(group as (RecordOfType<T> & { position: string })[]));
    groups.set(cacheKey, index);
  }
  return index;
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
