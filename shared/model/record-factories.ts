import { newId, type RecordId } from './ids.ts';
import type { Card, Emotion, Journey, Kpi, Lane, LaneType, PainPoint, Persona, Stage, Step, Tollgate } from './records.ts';

/**
 * New records with every field at its default, so each place that creates a stage or
 * a card agrees on what "empty" means, and a new field is added here once.
 */
type Ids<T> = { [K in keyof T]: T[K] extends RecordId | null ? string | null : T[K] extends RecordId ? string : T[K] };
/** A record whose ids were built as plain strings, typed as the record it is. */
export const as = <T>(record: Ids<T>): T => record as unknown as T;

export function newJourney(fields: { name: string; state?: Journey['state']; position: string; personaId?: string | null; derivedFromId?: string | null }): Journey {
  return as<Journey>({ id: newId('journey'), type: 'journey', state: 'current', personaId: null, derivedFromId: null, ...fields });
}

export function newStage(fields: { journeyId: string; name: string; position: string; owner?: string }): Stage {
  return as<Stage>({ id: newId('stage'), type: 'stage', owner: '', ...fields });
}

export function newStep(fields: { stageId: string; name: string; position: string }): Step {
  return as<Step>({
    id: newId('step'),
    type: 'step',
    who: '',
    what: '',
    when: '',
    where: '',
    why: '',
    channels: '',
    touchpoints: '',
    content: '',
    momentOfTruth: false,
    ...fields,
  });
}

export function newLane(fields: { journeyId: string; name: string; laneType: LaneType; position: string }): Lane {
  return as<Lane>({ id: newId('lane'), type: 'lane', ...fields });
}

export function newCard(fields: { stepId: string; laneId: string; text?: string; position: string }): Card {
  return as<Card>({ id: newId('card'), type: 'card', text: '', momentOfTruth: false, ...fields });
}

export const PERSONA_COLORS = ['#d1495b', '#1f6feb', '#2a9d8f', '#e09f3e', '#7b2cbf'] as const;

export function newPersona(fields: { name: string; position: string; color?: string } & Partial<Omit<Persona, 'id' | 'type'>>): Persona {
  return as<Persona>({
    id: newId('persona'),
    type: 'persona',
    role: '',
    goals: '',
    needs: '',
    contentPreferences: '',
    participation: 'participant',
    baggage: '',
    color: PERSONA_COLORS[0],
    ...fields,
  });
}

export function newEmotion(fields: { stepId: string; personaId: string; score: number; evoker?: string }): Emotion {
  return as<Emotion>({ id: newId('emotion'), type: 'emotion', evoker: '', ...fields });
}

export function newTollgate(fields: { cardId: string } & Partial<Omit<Tollgate, 'id' | 'type' | 'cardId'>>): Tollgate {
  return as<Tollgate>({ id: newId('tollgate'), type: 'tollgate', status: 'friction', buyerProcess: '', content: '', channel: '', source: '', ...fields });
}

export function newPainPoint(fields: { cardId: string } & Partial<Omit<PainPoint, 'id' | 'type' | 'cardId'>>): PainPoint {
  return as<PainPoint>({
    id: newId('pain-point'),
    type: 'pain-point',
    severity: 3,
    costBasis: 'rate',
    affectedPerPeriod: null,
    costPerOccurrence: null,
    directAmount: null,
    period: 'month',
    currency: 'EUR',
    experienceArea: null,
    owner: '',
    ...fields,
  });
}

export function newKpi(fields: { stageId: string; name: string; position: string } & Partial<Omit<Kpi, 'id' | 'type'>>): Kpi {
  return as<Kpi>({ id: newId('kpi'), type: 'kpi', currentValue: null, targetValue: null, unit: '', ...fields });
}
