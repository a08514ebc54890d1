import { describe, expect, it } from 'vitest';
import { dependentsOf, lanesOf, stagesOf, type RecordMap } from '../../../shared/model/document.ts';
import { newWorkshopRecords, DEFAULT_LANE_TYPES } from '../../../shared/model/new-workshop.ts';
import { anyRecordSchema, type AnyRecord } from '../../../shared/model/records.ts';

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
    { id: 'stage:s0000001', type: 'stage', journeyId, name: 'Aware', position: 'a0' },
    { id: 'step:t0000001', type: 'step', stageId: 'stage:s0000001', name: 'Sees ad', position: 'a0' },
    { id: 'lane:l0000001', type: 'lane', journeyId, name: 'Actions', laneType: 'actions', position: 'a0' },
    { id: 'card:c0000001', type: 'card', stepId: 'step:t0000001', laneId: 'lane:l0000001', text: 'x', position: 'a0' },
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
