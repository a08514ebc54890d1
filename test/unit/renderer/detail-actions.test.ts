import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../shared/change/change.ts';
import { newCard, newEmotion, newJourney, newLane, newPainPoint, newPersona, newStage, newStep } from '../../../shared/model/record-factories.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { createFutureState, deletePersona, setEmotion } from '../../../renderer/src/editor/detail-actions.ts';

const toMap = (records: AnyRecord[]) => Object.fromEntries(records.map((r) => [r.id, r]));

function currentJourney() {
  const persona = newPersona({ name: 'Dana', position: 'a0' });
  const journey = newJourney({ name: 'Renewal (as is)', position: 'a0', personaId: persona.id });
  const stage = newStage({ journeyId: journey.id, name: 'Use', position: 'a0', owner: 'Marta' });
  const step = newStep({ stageId: stage.id, name: 'First invoice', position: 'a0' });
  const lane = newLane({ journeyId: journey.id, name: 'Pain', laneType: 'pain-points', position: 'a0' });
  const card = newCard({ stepId: step.id, laneId: lane.id, text: 'Invoice is wrong', position: 'a0' });
  const pain = newPainPoint({ cardId: card.id, affectedPerPeriod: 120, costPerOccurrence: 35 });
  const emotion = newEmotion({ stepId: step.id, personaId: persona.id, score: -3 });
  return { persona, journey, stage, step, lane, card, pain, emotion, records: toMap([persona, journey, stage, step, lane, card, pain, emotion]) };
}

describe('creating the future state', () => {
  it('copies the journey with new ids, linked to its source, and leaves the current state untouched', () => {
    const { journey, stage, step, lane, card, records } = currentJourney();
    const result = createFutureState(records, journey.id)!;
    const after = applyChange(records, result.change);
    const future = after[result.journeyId]!;
    expect(future).toMatchObject({ type: 'journey', state: 'future', name: 'Renewal (to be)', derivedFromId: journey.id });
    expect(Object.keys(result.change.updated)).toEqual([]);
    expect(Object.keys(result.change.removed)).toEqual([]);
    const copies = Object.values(result.change.added).filter((r) => r.type !== 'copy-origin');
    expect(copies.map((r) => r.type).sort()).toEqual(['card', 'emotion', 'journey', 'lane', 'pain-point', 'stage', 'step'].sort());
    // The stage, step, lane and card each remember their original (the gap analysis reads this).
    const origins = Object.values(result.change.added).filter((r) => r.type === 'copy-origin');
    expect(origins.map((o) => o.originId).sort()).toEqual([stage.id, step.id, lane.id, card.id].sort());
    for (const origin of origins) expect(after[origin.recordId]).toBeDefined();
    // Every copy points at copies, never back into the current journey.
    const copiedIds = new Set<string>(copies.map((r) => r.id));
    for (const copy of copies) {
      for (const key of ['journeyId', 'stageId', 'stepId', 'laneId', 'cardId'] as const) {
        const ref = (copy as Record<string, unknown>)[key];
        if (typeof ref === 'string') expect(copiedIds.has(ref)).toBe(true);
      }
    }
    expect(copies.find((r) => r.type === 'card')).toMatchObject({ text: 'Invoice is wrong' });
  });
});

describe('emotions', () => {
  it('sets, changes and clears one persona score per step', () => {
    const { step, persona, emotion, records } = currentJourney();
    const changed = applyChange(records, setEmotion(records, step.id, persona.id, 1)!.change);
    expect(changed[emotion.id]).toMatchObject({ score: 1 });
    const cleared = applyChange(changed, setEmotion(changed, step.id, persona.id, null)!.change);
    expect(cleared[emotion.id]).toBeUndefined();
    const other = newPersona({ name: 'Sam', position: 'a1' });
    const added = setEmotion({ ...records, [other.id]: other }, step.id, other.id, 2)!;
    expect(Object.values(added.change.added)).toEqual([expect.objectContaining({ type: 'emotion', personaId: other.id, score: 2 })]);
  });

  it('a deleted persona takes their emotions and leaves their journeys without a persona', () => {
    const { persona, journey, emotion, records } = currentJourney();
    const after = applyChange(records, deletePersona(records, persona.id)!.change);
    expect(after[persona.id]).toBeUndefined();
    expect(after[emotion.id]).toBeUndefined();
    expect(after[journey.id]).toMatchObject({ personaId: null });
  });
});
