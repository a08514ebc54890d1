import { changeFrom, type Change } from '../../../shared/change/change.ts';
import { journeysOf, lanesOf, recordsOfType, stagesOf, type RecordMap } from '../../../shared/model/document.ts';
import { newId } from '../../../shared/model/ids.ts';
import { byPosition, positionAtIndex, positionBetween } from '../../../shared/model/ordering.ts';
import { newEmotion, newKpi, newPainPoint, newPersona, newTollgate, PERSONA_COLORS } from '../../../shared/model/record-factories.ts';
import type { AnyRecord, Journey, Kpi, PainPoint, Tollgate } from '../../../shared/model/records.ts';
import type { ActionResult } from './document-actions.ts';

/** Edits of the journey detail (inspector, persona panel, emotions), as pure changes. */

/** Sets fields on a record; typing in one field merges into one undo step. */
export function setFields(records: RecordMap, id: string, patch: Record<string, unknown>, mergeKey?: string): ActionResult | null {
  const record = records[id];
  if (!record) return null;
  const change = changeFrom(records, { put: [{ ...record, ...patch } as AnyRecord] });
  return mergeKey === undefined ? { change } : { change, mergeKey };
}

/** Tollgate or pain-point details of a card: updated if present, created on first edit. */
export function setCardDetail(
  records: RecordMap,
  cardId: string,
  kind: 'tollgate' | 'pain-point',
  patch: Partial<Tollgate> | Partial<PainPoint>,
  mergeKey?: string,
): ActionResult | null {
  const existing = cardDetail(records, cardId, kind);
  const record = existing ? { ...existing, ...patch } : kind === 'tollgate' ? newTollgate({ cardId, ...(patch as Partial<Tollgate>) }) : newPainPoint({ cardId, ...(patch as Partial<PainPoint>) });
  const change = changeFrom(records, { put: [record as AnyRecord] });
  return mergeKey === undefined ? { change } : { change, mergeKey };
}

export function cardDetail(records: RecordMap, cardId: string, kind: 'tollgate'): Tollgate | undefined;
export function cardDetail(records: RecordMap, cardId: string, kind: 'pain-point'): PainPoint | undefined;
export function cardDetail(records: RecordMap, cardId: string, kind: 'tollgate' | 'pain-point'): Tollgate | PainPoint | undefined;
export function cardDetail(records: RecordMap, cardId: string, kind: 'tollgate' | 'pain-point') {
  return recordsOfType(records, kind).find((r) => r.cardId === cardId);
}

/** One persona's score at one step: set, changed, or cleared (null). */
export function setEmotion(records: RecordMap, stepId: string, personaId: string, score: number | null, evoker?: string): ActionResult | null {
  const existing = recordsOfType(records, 'emotion').find((e) => e.stepId === stepId && e.personaId === personaId);
  if (score === null) return existing ? { change: changeFrom(records, { remove: [existing] }) } : null;
  const record = existing
    ? { ...existing, score, ...(evoker === undefined ? {} : { evoker }) }
    : newEmotion({ stepId, personaId, score, evoker: evoker ?? '' });
  return { change: changeFrom(records, { put: [record] }), mergeKey: `emotion:${stepId}:${personaId}` };
}

export function addPersona(records: RecordMap, name: string): ActionResult {
  const siblings = byPosition(recordsOfType(records, 'persona'));
  const color = PERSONA_COLORS[siblings.length % PERSONA_COLORS.length]!;
  const persona = newPersona({ name, color, position: positionAtIndex(siblings, siblings.length) });
  return { change: changeFrom(records, { put: [persona] }) };
}

/** A persona goes with its emotions; journeys that were theirs become nobody's. */
export function deletePersona(records: RecordMap, personaId: string): ActionResult | null {
  const persona = records[personaId];
  if (persona?.type !== 'persona') return null;
  const emotions = recordsOfType(records, 'emotion').filter((e) => e.personaId === personaId);
  const journeys = recordsOfType(records, 'journey')
    .filter((j) => j.personaId === personaId)
    .map((j): Journey => ({ ...j, personaId: null }));
  return { change: changeFrom(records, { put: journeys, remove: [...emotions, persona] }) };
}

export function addKpi(records: RecordMap, stageId: Kpi['stageId'], name: string): ActionResult {
  const siblings = byPosition(recordsOfType(records, 'kpi').filter((k) => k.stageId === stageId));
  return { change: changeFrom(records, { put: [newKpi({ stageId, name, position: positionAtIndex(siblings, siblings.length) })] }) };
}

/**
 * "Create future state": a copy of a current journey — stages, steps, lanes, cards and
 * their details, KPIs and emotions — as a new "to be" journey linked to its source.
 */
export function createFutureState(records: RecordMap, sourceId: string): (ActionResult & { journeyId: string }) | null {
  const source = records[sourceId];
  if (source?.type !== 'journey') return null;
  const ids = new Map<string, string>();
  const copyId = (id: string) => {
    let copy = ids.get(id);
    if (!copy) {
      copy = newId(id.slice(0, id.indexOf(':')) as Parameters<typeof newId>[0]);
      ids.set(id, copy);
    }
    return copy;
  };
  const journeys = journeysOf(records);
  const after = journeys[journeys.indexOf(source) + 1];
  const journey: Journey = {
    ...source,
    id: copyId(source.id) as Journey['id'],
    name: `${source.name.replace(/\s*\((as is|current)\)\s*$/i, '')} (to be)`,
    state: 'future',
    derivedFromId: source.id,
    position: positionBetween(source.position, after?.position ?? null),
  };
  const stages = stagesOf(records, source.id);
  const stageIds = new Set(stages.map((s) => s.id));
  const lanes = lanesOf(records, source.id);
  const all = Object.values(records);
  const steps = all.filter((r) => r.type === 'step' && stageIds.has(r.stageId));
  const stepIds = new Set(steps.map((s) => s.id));
  const cards = all.filter((r) => r.type === 'card' && stepIds.has(r.stepId));
  const cardIds = new Set(cards.map((c) => c.id));
  const details = all.filter(
    (r) =>
      ((r.type === 'tollgate' || r.type === 'pain-point') && cardIds.has(r.cardId)) ||
      (r.type === 'kpi' && stageIds.has(r.stageId)) ||
      (r.type === 'emotion' && stepIds.has(r.stepId)),
  );
  const remap = (record: AnyRecord): AnyRecord => {
    const copy: Record<string, unknown> = { ...record, id: copyId(record.id) };
    for (const key of ['journeyId', 'stageId', 'stepId', 'laneId', 'cardId'] as const) {
      const value = (record as Record<string, unknown>)[key];
      if (typeof value === 'string') copy[key] = ids.get(value) ?? copyId(value);
    }
    return copy as AnyRecord;
  };
  // Parents first, so every reference is mapped before it is used.
  const copies = [...stages, ...lanes, ...steps, ...cards, ...details].map(remap);
  const change: Change = changeFrom(records, { put: [journey, ...copies] });
  return { change, journeyId: journey.id };
}

/** Journeys and personas the emotion lane overlays: the journey's own first, at most five. */
export const MAX_OVERLAID_PERSONAS = 5;
