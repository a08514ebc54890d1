import { newWorkshopRecords } from '../../shared/model/new-workshop.ts';
import { positionsBetween } from '../../shared/model/ordering.ts';
import { newCard, newLane, newStage, newStep } from '../../shared/model/record-factories.ts';
import { LANE_TYPE_LABELS, LANE_TYPES, type AnyRecord, type Journey } from '../../shared/model/records.ts';

const WORDS = (
  'customer invoice renewal support onboarding price quote contract security review portal login call email partner ' +
  'delivery setup training report dashboard budget approval legal procurement trial demo reference churn feedback ' +
  'waiting confusing slow helpful unclear missing late again finally easy manual spreadsheet handover account'
).split(' ');

/** A small deterministic PRNG: the same seed always gives the same workshop. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface WorkshopSize {
  stages: number;
  stepsPerStage: number;
  lanes: number;
  cards: number;
  seed?: number;
}

/**
 * A large, realistic workshop for benchmarks and tests: stages of steps, lanes of every
 * type, and cards spread over the cells with text of the lengths rooms write (a few
 * words to a couple of sentences).
 */
export function generateWorkshop(size: WorkshopSize): AnyRecord[] {
  const next = random(size.seed ?? 42);
  const base = newWorkshopRecords('Generated workshop', new Date('2026-11-23T09:00:00Z')).filter((r) => r.type !== 'lane');
  const journey = base.find((r): r is Journey => r.type === 'journey')!;
  const records: AnyRecord[] = [...base];
  const lanePositions = positionsBetween(null, null, size.lanes);
  const lanes = lanePositions.map((position, i) => {
    const laneType = LANE_TYPES.filter((t) => t !== 'emotions')[i % (LANE_TYPES.length - 1)]!;
    return newLane({ journeyId: journey.id, name: `${LANE_TYPE_LABELS[laneType]}${i >= LANE_TYPES.length - 1 ? ` ${i}` : ''}`, laneType, position });
  });
  records.push(...lanes);
  const steps = positionsBetween(null, null, size.stages).flatMap((position, s) => {
    const stage = newStage({ journeyId: journey.id, name: `Stage ${s + 1}`, position, owner: `Owner ${s + 1}` });
    records.push(stage);
    return positionsBetween(null, null, size.stepsPerStage).map((stepPosition, t) => {
      const step = newStep({ stageId: stage.id, name: `Step ${s + 1}.${t + 1}`, position: stepPosition });
      records.push(step);
      return step;
    });
  });
  const cellCounts = new Map<string, number>();
  for (let i = 0; i < size.cards; i++) {
    const step = steps[Math.floor(next() * steps.length)]!;
    const lane = lanes[Math.floor(next() * lanes.length)]!;
    const key = `${step.id}|${lane.id}`;
    const n = cellCounts.get(key) ?? 0;
    cellCounts.set(key, n + 1);
    const words = 2 + Math.floor(next() ** 2 * 22);
    const text = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
    records.push(newCard({ stepId: step.id, laneId: lane.id, text: text.charAt(0).toUpperCase() + text.slice(1), position: `a${n.toString(36).padStart(4, '0')}` }));
  }
  return records;
}
