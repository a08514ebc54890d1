import { cardsIn, lanesOf, recordsGroupedBy, stagesOf, stepsOf, type RecordMap } from '../model/document.ts';
import type { Card, Lane, Stage, Step } from '../model/records.ts';

/** A card with where it sits on its journey's map. */
export interface PlacedCard {
  card: Card;
  stage: Stage;
  step: Step;
  lane: Lane;
  /** Its place in reading order (stage, step, lane, card): the last tie-break everywhere. */
  order: number;
}

/** Every card of one journey in reading order: stage by stage, step by step, lane by lane. */
export function placedCards(records: RecordMap, journeyId: string): PlacedCard[] {
  const lanes = lanesOf(records, journeyId);
  const out: PlacedCard[] = [];
  for (const stage of stagesOf(records, journeyId)) {
    for (const step of stepsOf(records, stage.id)) {
      for (const lane of lanes) for (const card of cardsIn(records, step.id, lane.id)) out.push({ card, stage, step, lane, order: out.length });
    }
  }
  return out;
}

/** The steps of one journey in reading order, with their stage. */
export function placedSteps(records: RecordMap, journeyId: string): { stage: Stage; step: Step }[] {
  return stagesOf(records, journeyId).flatMap((stage) => stepsOf(records, stage.id).map((step) => ({ stage, step })));
}

/**
 * What each record of a future journey was copied from (copy id → original id), as its
 * copy-origin records say. Empty for a future state made before copies remembered.
 */
export function originsOf(records: RecordMap, journeyId: string): Map<string, string> {
  const origins = new Map<string, string>();
  for (const origin of recordsGroupedBy(records, 'copy-origin', 'journeyId').get(journeyId) ?? []) origins.set(origin.recordId, origin.originId);
  return origins;
}
