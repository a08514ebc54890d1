import { newId } from './ids.ts';
import { positionsBetween } from './ordering.ts';
import type { AnyRecord, LaneType } from './records.ts';
import { DEFAULT_PATTERN_THRESHOLD, LANE_TYPE_LABELS } from './records.ts';
import { newJourney, newLane } from './record-factories.ts';

/** The lanes a blank map starts with: what the room fills first. */
export const DEFAULT_LANE_TYPES: readonly LaneType[] = [
  'actions',
  'thoughts',
  'touchpoints',
  'pain-points',
  'opportunities',
];

/**
 * The records of a brand-new workshop: the workshop itself, one current-state journey
 * and the default lanes. Stages are left to the room: the empty board says how to add
 * the first one.
 */
export function newWorkshopRecords(name: string, now: Date = new Date()): AnyRecord[] {
  const journeyId = newId('journey');
  const lanePositions = positionsBetween(null, null, DEFAULT_LANE_TYPES.length);
  return [
    { id: newId('workshop'), type: 'workshop', name, createdAt: now.toISOString(), facilitator: '', sample: '', patternThreshold: DEFAULT_PATTERN_THRESHOLD },
    { ...newJourney({ name: 'Current journey', position: positionsBetween(null, null, 1)[0]! }), id: journeyId },
    ...DEFAULT_LANE_TYPES.map((laneType, index) =>
      newLane({ journeyId, name: LANE_TYPE_LABELS[laneType], laneType, position: lanePositions[index]! }),
    ),
  ];
}
