import { z } from 'zod';
import { RECORD_TYPES } from './ids.ts';
import {
  cardDefinition,
  cardSchema,
  journeyDefinition,
  journeySchema,
  laneDefinition,
  laneSchema,
  stageDefinition,
  stageSchema,
  stepDefinition,
  stepSchema,
  workshopDefinition,
  workshopSchema,
} from './map-records.ts';
import {
  emotionDefinition,
  emotionSchema,
  kpiDefinition,
  kpiSchema,
  painPointDefinition,
  painPointSchema,
  personaDefinition,
  personaSchema,
  tollgateDefinition,
  tollgateSchema,
} from './detail-records.ts';
import {
  agendaItemDefinition,
  agendaItemSchema,
  dotDefinition,
  dotSchema,
  dotVoteDefinition,
  dotVoteSchema,
  parkingTopicDefinition,
  parkingTopicSchema,
  voteOptionDefinition,
  voteOptionSchema,
  voteParticipantDefinition,
  voteParticipantSchema,
} from './room-records.ts';
import {
  interviewDefinition,
  interviewSchema,
  noteDefinition,
  noteSchema,
  noteTagDefinition,
  noteTagSchema,
  passageDefinition,
  passageSchema,
  pseudonymDefinition,
  pseudonymSchema,
  sampleDefinition,
  sampleSchema,
  tagDefinition,
  tagSchema,
} from './interview-records.ts';
import {
  copyOriginDefinition,
  copyOriginSchema,
  planActionDefinition,
  planActionSchema,
  planLinkDefinition,
  planLinkSchema,
  ratingDefinition,
  ratingSchema,
  scoringDefinition,
  scoringSchema,
} from './decision-records.ts';
import { cardAuthorDefinition, cardAuthorSchema, participantDefinition, participantSchema } from './participant-records.ts';
import { defineRecord, definitionOf, RECORD_TYPE_ORDER } from './record-definition.ts';

/**
 * The records of a workshop, as the room names them (see domain.md). Each type is
 * defined once, beside its schema (`*Definition` in map-, detail-, room-, interview- and decision-records.ts);
 * here they are registered, parents before children. Everything else (the file's
 * tables, the change validator, dependents, future-state copies, JSON order) is derived.
 */
export * from './map-records.ts';
export * from './detail-records.ts';
export * from './room-records.ts';
export * from './interview-records.ts';
export * from './decision-records.ts';
export * from './participant-records.ts';
export { RECORD_TYPE_ORDER };

for (const definition of [
  workshopDefinition,
  personaDefinition,
  journeyDefinition,
  stageDefinition,
  stepDefinition,
  laneDefinition,
  cardDefinition,
  kpiDefinition,
  emotionDefinition,
  tollgateDefinition,
  painPointDefinition,
  agendaItemDefinition,
  parkingTopicDefinition,
  dotVoteDefinition,
  voteOptionDefinition,
  voteParticipantDefinition,
  dotDefinition,
  sampleDefinition,
  interviewDefinition,
  passageDefinition,
  noteDefinition,
  tagDefinition,
  noteTagDefinition,
  pseudonymDefinition,
  scoringDefinition,
  ratingDefinition,
  copyOriginDefinition,
  planActionDefinition,
  planLinkDefinition,
  participantDefinition,
  cardAuthorDefinition,
]) {
  defineRecord(definition);
}

// The compiler's view of every record: the union of the known schemas.
const knownRecords = z.discriminatedUnion('type', [
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
  sampleSchema,
  interviewSchema,
  passageSchema,
  noteSchema,
  tagSchema,
  noteTagSchema,
  pseudonymSchema,
  scoringSchema,
  ratingSchema,
  copyOriginSchema,
  planActionSchema,
  planLinkSchema,
  participantSchema,
  cardAuthorSchema,
]);

/**
 * A valid record of any defined type, checked against its type's own schema at parse
 * time, so a type defined later (a new feature, or a test's throwaway type) is
 * validated with no edit here.
 */
export const anyRecordSchema = z.unknown().transform((value, ctx) => {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  const definition = typeof type === 'string' ? definitionOf(type) : undefined;
  if (!definition) {
    ctx.addIssue({ code: 'custom', message: `There is no record type "${String(type).slice(0, 40)}"`, path: ['type'] });
    return z.NEVER;
  }
  const parsed = definition.schema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return parsed.data as z.output<typeof knownRecords>;
});

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
export type Sample = z.output<typeof sampleSchema>;
export type Interview = z.output<typeof interviewSchema>;
export type Passage = z.output<typeof passageSchema>;
export type Note = z.output<typeof noteSchema>;
export type Tag = z.output<typeof tagSchema>;
export type NoteTag = z.output<typeof noteTagSchema>;
export type Pseudonym = z.output<typeof pseudonymSchema>;
export type Scoring = z.output<typeof scoringSchema>;
export type Rating = z.output<typeof ratingSchema>;
export type CopyOrigin = z.output<typeof copyOriginSchema>;
export type PlanAction = z.output<typeof planActionSchema>;
export type PlanLink = z.output<typeof planLinkSchema>;
export type Participant = z.output<typeof participantSchema>;
export type CardAuthor = z.output<typeof cardAuthorSchema>;
export type AnyRecord = z.output<typeof knownRecords>;

export type RecordOfType<T extends AnyRecord['type']> = Extract<AnyRecord, { type: T }>;

// The names in ids.ts give ids their types; the registry is what runs. They must agree.
if (RECORD_TYPES.join() !== RECORD_TYPE_ORDER.join()) throw new Error('RECORD_TYPES in ids.ts and the record definitions disagree');
