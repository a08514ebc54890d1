import { z } from 'zod';
import { LIMITS } from './limits.ts';
import type { RecordId, RecordType } from './ids.ts';

/**
 * The records of a workshop, as the room names them (see domain.md). Each record type
 * is one readable table in the `.journey` file; the zod schemas below are the single
 * definition of what a valid record is, used by the renderer before it commits a change
 * and by the main process before anything reaches the file.
 */

const idOf = <T extends RecordType>(type: T) =>
  z
    .string()
    .regex(new RegExp(`^${type}:[0-9a-z]{4,32}$`), `must be a ${type} id`)
    .transform((value) => value as RecordId<T>);

const position = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[0-9A-Za-z]+$/, 'must be an ordering key');

const name = (what: string) =>
  z
    .string()
    .max(LIMITS.nameLength, `${what} can be at most ${LIMITS.nameLength} characters`);

export const LANE_TYPES = [
  'actions',
  'thoughts',
  'needs',
  'touchpoints',
  'channels',
  'content',
  'emotions',
  'pain-points',
  'opportunities',
  'tollgates',
  'moments-of-truth',
  'backstage',
  'kpis',
  'quotes',
] as const;
export type LaneType = (typeof LANE_TYPES)[number];

export const LANE_TYPE_LABELS: Record<LaneType, string> = {
  actions: 'Actions',
  thoughts: 'Thoughts & questions',
  needs: 'Needs',
  touchpoints: 'Touchpoints',
  channels: 'Channels',
  content: 'Content',
  emotions: 'Emotions',
  'pain-points': 'Pain points',
  opportunities: 'Opportunities',
  tollgates: 'Tollgates',
  'moments-of-truth': 'Moments of truth',
  backstage: 'Backstage',
  kpis: 'KPIs',
  quotes: 'Quotes',
};

export const JOURNEY_STATES = ['current', 'future'] as const;
export type JourneyState = (typeof JOURNEY_STATES)[number];

export const workshopSchema = z.object({
  id: idOf('workshop'),
  type: z.literal('workshop'),
  name: name('A workshop name').min(1, 'A workshop needs a name'),
  createdAt: z.iso.datetime(),
});

export const journeySchema = z.object({
  id: idOf('journey'),
  type: z.literal('journey'),
  name: name('A journey name'),
  state: z.enum(JOURNEY_STATES),
  position,
});

export const stageSchema = z.object({
  id: idOf('stage'),
  type: z.literal('stage'),
  journeyId: idOf('journey'),
  name: name('A stage name'),
  position,
});

export const stepSchema = z.object({
  id: idOf('step'),
  type: z.literal('step'),
  stageId: idOf('stage'),
  name: name('A step name'),
  position,
});

export const laneSchema = z.object({
  id: idOf('lane'),
  type: z.literal('lane'),
  journeyId: idOf('journey'),
  name: name('A lane name'),
  laneType: z.enum(LANE_TYPES),
  position,
});

export const cardSchema = z.object({
  id: idOf('card'),
  type: z.literal('card'),
  stepId: idOf('step'),
  laneId: idOf('lane'),
  text: z
    .string()
    .max(LIMITS.cardTextLength, `A card can hold at most ${LIMITS.cardTextLength} characters`),
  position,
});

export const anyRecordSchema = z.discriminatedUnion('type', [
  workshopSchema,
  journeySchema,
  stageSchema,
  stepSchema,
  laneSchema,
  cardSchema,
]);

export type WorkshopRecord = z.output<typeof workshopSchema>;
export type Journey = z.output<typeof journeySchema>;
export type Stage = z.output<typeof stageSchema>;
export type Step = z.output<typeof stepSchema>;
export type Lane = z.output<typeof laneSchema>;
export type Card = z.output<typeof cardSchema>;
export type AnyRecord = z.output<typeof anyRecordSchema>;

export type RecordOfType<T extends AnyRecord['type']> = Extract<AnyRecord, { type: T }>;

/**
 * Parents before children: inserts run in this order and deletes in reverse, so the
 * file's foreign keys hold inside every transaction.
 */
export const RECORD_TYPE_ORDER: readonly AnyRecord['type'][] = [
  'workshop',
  'journey',
  'stage',
  'step',
  'lane',
  'card',
];
