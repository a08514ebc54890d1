import { changeFrom, type Change } from '../../../shared/change/change.ts';
import { dependentsOf, journeysOf, recordsOfType, type RecordMap } from '../../../shared/model/document.ts';
import { definitionOf } from '../../../shared/model/record-definition.ts';
import { newId } from '../../../shared/model/ids.ts';
import { byPosition, positionAtIndex, positionBetween } from '../../../shared/model/ordering.ts';
import { newEmotion, newKpi, newPainPoint, newPersona, newTollgate, PERSONA_COLORS } from '../../../shared/model/record-factories.ts';
import { newCopyOrigin, RECORD_TYPE_ORDER, type AnyRecord, type Journey, type Kpi, type PainPoint, type Tollgate } from '../../../shared/model/records.ts';
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
 * "Create future state": a copy of a current journey — everything under it whose type
 * says it belongs in a future state (stages, steps, lanes, cards and their details,
 * KPIs, emotions) — as a new "to be" journey linked to its source. Every parent or
 * reference that was copied points at its copy; the rest (a persona) stay shared.
 */
export function createFutureState(records: RecordMap, sourceId: string): (ActionResult & { journeyId: string }) | null {
  const source = records[sourceId];
  if (source?.type !== 'journey') return null;
  const copied = dependentsOf(records, sourceId).filter((record) => definitionOf(record.type)?.inFutureState);
  const ids = new Map<string, string>([[source.id, newId('journey')]]);
  for (const record of copied) ids.set(record.id, newId(record.type));
  const journeys = journeysOf(records);
  const after = journeys[journeys.indexOf(source) + 1];
  const journey: Journey = {
    ...source,
    id: ids.get(source.id) as Journey['id'],
    name: `${source.name.replace(/\s*\((as is|current)\)\s*$/i, '')} (to be)`,
    state: 'future',
    derivedFromId: source.id,
    position: positionBetween(source.position, after?.position ?? null),
  };
  const remap = (record: AnyRecord): AnyRecord => {
    const definition = definitionOf(record.type)!;
    const copy: Record<string, unknown> = { ...record, id: ids.get(record.id) };
    for (const field of [...Object.keys(definition.parents), ...Object.keys(definition.references ?? {})]) {
      const value = (record as unknown as Record<string, unknown>)[field];
      if (typeof value === 'string' && ids.has(value)) copy[field] = ids.get(value);
    }
    return copy as AnyRecord;
  };
  // Parents first, in the registry's order, so every reference exists before it is used.
  const rank = new Map(RECORD_TYPE_ORDER.map((type, i) => [type, i]));
  const copies = copied.map(remap).sort((a, b) => rank.get(a.type)! - rank.get(b.type)!);
  // Each stage, step, lane, card and KPI remembers its original, so the gap analysis
  // compares like with like and a renamed step reads as changed, not removed and added.
  const origins = copied.filter((record) => REMEMBERS_ORIGIN.has(record.type)).map((record) => newCopyOrigin({ journeyId: journey.id, recordId: ids.get(record.id)!, originId: record.id }));
  const change: Change = changeFrom(records, { put: [journey, ...copies, ...origins] });
  return { change, journeyId: journey.id };
}

const REMEMBERS_ORIGIN = new Set<string>(['stage', 'step', 'lane', 'card', 'kpi']);

/** Journeys and personas the emotion lane overlays: the journey's own first, at most five. */
export const MAX_OVERLAID_PERSONAS = 5;
