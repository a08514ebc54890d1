import { describe, expect, it } from 'vitest';
import { dependentsOf, lanesOf, stagesOf, type RecordMap } from '../../../shared/model/document.ts';
import { newWorkshopRecords, DEFAULT_LANE_TYPES } from '../../../shared/model/new-workshop.ts';
import { anyRecordSchema, type AnyRecord } from '../../../shared/model/records.ts';
import { newCard, newLane, newStage, newStep } from '../../../shared/model/record-factories.ts';

const toMap = (records: AnyRecord[]): RecordMap => Object.fromEntries(records.map((r) => [r.id, r]));

describe('a new workshop', () => {
  it('has the workshop, one current journey and the default lanes in order, all valid', () => {
    const records = newWorkshopRecords('Onboarding 2026', new Date('2026-11-23T09:00:00Z'));
    for (const record of records) expect(anyRecordSchema.safeParse(record).success).toBe(true);
    const map = toMap(records);
    const journey = records.find((r) => r.type === 'journey')!;
    expect(journey).toMatchObject({ state: 'current' });
    expect(lanesOf(map, journey.id).map((l) => l.laneType)).toEqual(DEFAULT_LANE_TYPES);
    expect(stagesOf(map, journey.id)).toEqual([]);
  });
});

describe('what goes with a deleted record', () => {
  const journeyId = 'journey:j0000001';
  const records: AnyRecord[] = [
    { ...newStage({ journeyId, name: 'Aware', position: 'a0' }), id: 'stage:s0000001' },
    { ...newStep({ stageId: 'stage:s0000001', name: 'Sees ad', position: 'a0' }), id: 'step:t0000001' },
    { ...newLane({ journeyId, name: 'Actions', laneType: 'actions', position: 'a0' }), id: 'lane:l0000001' },
    { ...newCard({ stepId: 'step:t0000001', laneId: 'lane:l0000001', text: 'x', position: 'a0' }), id: 'card:c0000001' },
  ];
  const map = toMap(records);

  it('a stage takes its steps and their cards, children listed first', () => {
    expect(dependentsOf(map, 'stage:s0000001').map((r) => r.id)).toEqual(['card:c0000001', 'step:t0000001']);
  });

  it('a lane takes its cards', () => {
    expect(dependentsOf(map, 'lane:l0000001').map((r) => r.id)).toEqual(['card:c0000001']);
  });

  it('a journey takes everything on it, each once', () => {
    expect(dependentsOf(map, journeyId).map((r) => r.id).sort()).toEqual(
      ['card:c0000001', 'lane:l0000001', 'stage:s0000001', 'step:t0000001'].sort(),
    );
  });
});

describe('what goes with a deleted record, for the journey detail', () => {
  it('a card takes its tollgate and pain point; a step its emotions; a stage its KPIs; a persona its emotions', async () => {
    const f = await import('../../../shared/model/record-factories.ts');
    const stage = f.newStage({ journeyId: 'journey:j0000001', name: 'Buy', position: 'a0' });
    const step = f.newStep({ stageId: stage.id, name: 'Security review', position: 'a0' });
    const card = f.newCard({ stepId: step.id, laneId: 'lane:l0000001', text: 'Security review approved', position: 'a0' });
    const persona = f.newPersona({ name: 'Dana', position: 'a0' });
    const tollgate = f.newTollgate({ cardId: card.id });
    const pain = f.newPainPoint({ cardId: card.id });
    const emotion = f.newEmotion({ stepId: step.id, personaId: persona.id, score: -2 });
    const kpi = f.newKpi({ stageId: stage.id, name: 'NPS', position: 'a0' });
    const map = toMap([stage, step, card, persona, tollgate, pain, emotion, kpi]);
    const ids = (id: string) => dependentsOf(map, id).map((r) => r.id).sort();
    expect(ids(card.id)).toEqual([pain.id, tollgate.id].sort());
    expect(ids(persona.id)).toEqual([emotion.id]);
    expect(ids(stage.id)).toEqual([card.id, emotion.id, kpi.id, pain.id, step.id, tollgate.id].sort());
  });
});
