import { z } from 'zod';
import { RECORD_TYPES } from './ids.ts';
import { cardSchema, journeySchema, laneSchema, stageSchema, stepSchema, workshopSchema } from './map-records.ts';
import { emotionSchema, kpiSchema, painPointSchema, personaSchema, tollgateSchema } from './detail-records.ts';
import { agendaItemSchema, dotSchema, dotVoteSchema, parkingTopicSchema, voteOptionSchema, voteParticipantSchema } from './room-records.ts';

/**
 * The records of a workshop, as the room names them (see domain.md). Each record type
 * is one readable table in the `.journey` file; the zod schemas are the single
 * definition of what a valid record is, used by the renderer before it commits a change
 * and by the main process before anything reaches the file.
 */
export * from './map-records.ts';
export * from './detail-records.ts';
export * from './room-records.ts';

export const anyRecordSchema = z.discriminatedUnion('type', [
  workshopSchema,
  personaSchema,
  journeySchema,
  stageSchema,
  stepSchema,
  laneSchema,
  cardSchema,
  kpiSchema,
  emotionSchema,
  tollgateSchema,
  painPointSchema,
  agendaItemSchema,
  parkingTopicSchema,
  dotVoteSchema,
  voteOptionSchema,
  voteParticipantSchema,
  dotSchema,
]);

export type WorkshopRecord = z.output<typeof workshopSchema>;
export type Persona = z.output<typeof personaSchema>;
export type Journey = z.output<typeof journeySchema>;
export type Stage = z.output<typeof stageSchema>;
export type Step = z.output<typeof stepSchema>;
export type Lane = z.output<typeof laneSchema>;
export type Card = z.output<typeof cardSchema>;
export type Kpi = z.output<typeof kpiSchema>;
export type Emotion = z.output<typeof emotionSchema>;
export type Tollgate = z.output<typeof tollgateSchema>;
export type PainPoint = z.output<typeof painPointSchema>;
export type AgendaItem = z.output<typeof agendaItemSchema>;
export type ParkingTopic = z.output<typeof parkingTopicSchema>;
export type DotVote = z.output<typeof dotVoteSchema>;
export type VoteOption = z.output<typeof voteOptionSchema>;
export type VoteParticipant = z.output<typeof voteParticipantSchema>;
export type Dot = z.output<typeof dotSchema>;
export type AnyRecord = z.output<typeof anyRecordSchema>;

export type RecordOfType<T extends AnyRecord['type']> = Extract<AnyRecord, { type: T }>;

/**
 * Parents before children: inserts run in this order and deletes in reverse, so the
 * file's foreign keys hold inside every transaction.
 */
export const RECORD_TYPE_ORDER: readonly AnyRecord['type'][] = RECORD_TYPES;
