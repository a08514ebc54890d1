import type { AnyRecord, Card, Journey, Lane, RecordOfType, Stage, Step, WorkshopRecord } from './records.ts';
import { byPosition } from './ordering.ts';

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

export function workshopOf(records: RecordMap): WorkshopRecord | undefined {
  return recordsOfType(records, 'workshop')[0];
}

export function journeysOf(records: RecordMap): Journey[] {
  return byPosition(recordsOfType(records, 'journey'));
}

export function stagesOf(records: RecordMap, journeyId: string): Stage[] {
  return byPosition(recordsOfType(records, 'stage').filter((s) => s.journeyId === journeyId));
}

export function stepsOf(records: RecordMap, stageId: string): Step[] {
  return byPosition(recordsOfType(records, 'step').filter((s) => s.stageId === stageId));
}

export function lanesOf(records: RecordMap, journeyId: string): Lane[] {
  return byPosition(recordsOfType(records, 'lane').filter((l) => l.journeyId === journeyId));
}

export function cardsIn(records: RecordMap, stepId: string, laneId: string): Card[] {
  return byPosition(recordsOfType(records, 'card').filter((c) => c.stepId === stepId && c.laneId === laneId));
}

/**
 * Everything that hangs off a record and must go with it when it is deleted, children
 * first, so that a delete is one complete change that undo can put back whole.
 */
export function dependentsOf(records: RecordMap, id: string): AnyRecord[] {
  const all = Object.values(records);
  const children = (parentId: string): AnyRecord[] =>
    all.filter((r) => {
      switch (r.type) {
        case 'stage':
        case 'lane':
          return r.journeyId === parentId;
        case 'step':
        case 'kpi':
          return r.stageId === parentId;
        case 'card':
          return r.stepId === parentId || r.laneId === parentId;
        case 'emotion':
          return r.stepId === parentId || r.personaId === parentId;
        case 'tollgate':
        case 'pain-point':
        case 'vote-option':
          return r.cardId === parentId || ('voteId' in r && r.voteId === parentId);
        case 'vote-participant':
          return r.voteId === parentId;
        case 'dot':
          return r.cardId === parentId || r.voteId === parentId || r.participantId === parentId;
        case 'dot-vote':
          return r.journeyId === parentId;
        default:
          return false;
      }
    });
  const seen = new Set<string>();
  const out: AnyRecord[] = [];
  const visit = (parentId: string) => {
    for (const child of children(parentId)) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      visit(child.id);
      out.push(child);
    }
  };
  visit(id);
  return out;
}
