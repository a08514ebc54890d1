import { z } from 'zod';
import { idOf, longText, name, position } from './record-fields.ts';
import type { RecordDefinition } from './record-definition.ts';

/** What the room produces besides the map: the agenda, parked topics and dot votes. */

/** The five steps of the method, as the agenda a new workshop starts with. */
export const METHOD_AGENDA = [
  { title: 'Data breadcrumbs', minutes: 30 },
  { title: 'Interviews', minutes: 20 },
  { title: 'Journey map', minutes: 60 },
  { title: 'Tollgates and content', minutes: 40 },
  { title: 'Gap analysis', minutes: 40 },
] as const;

export const agendaItemSchema = z.object({
  id: idOf('agenda-item'),
  type: z.literal('agenda-item'),
  title: name('An agenda item').min(1, 'An agenda item needs a title'),
  note: longText('A note'),
  minutes: z.number().int('A time box is whole minutes').min(0, 'A time box cannot be negative').max(24 * 60, 'A time box is at most a day'),
  done: z.boolean(),
  position,
});

export const parkingTopicSchema = z.object({
  id: idOf('parking-topic'),
  type: z.literal('parking-topic'),
  text: longText('A parked topic').min(1, 'A parked topic needs some text'),
  createdAt: z.iso.datetime(),
  position,
});

/** A vote on a set of cards; totals stay hidden until the facilitator reveals them. */
export const dotVoteSchema = z.object({
  id: idOf('dot-vote'),
  type: z.literal('dot-vote'),
  journeyId: idOf('journey'),
  title: name('A vote title'),
  dotsPerParticipant: z.number().int('Dots are whole numbers').min(1, 'Each participant needs at least one dot').max(20, 'At most 20 dots each'),
  revealed: z.boolean(),
  closed: z.boolean(),
  createdAt: z.iso.datetime(),
});

export const voteOptionSchema = z.object({
  id: idOf('vote-option'),
  type: z.literal('vote-option'),
  voteId: idOf('dot-vote'),
  cardId: idOf('card'),
});

export const voteParticipantSchema = z.object({
  id: idOf('vote-participant'),
  type: z.literal('vote-participant'),
  voteId: idOf('dot-vote'),
  name: name("A participant's name").min(1, 'A participant needs a name or a colour'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written like #1f6feb'),
  position,
});

/** One dot: a participant put it on a card. A card may take several dots from one person. */
export const dotSchema = z.object({
  id: idOf('dot'),
  type: z.literal('dot'),
  voteId: idOf('dot-vote'),
  participantId: idOf('vote-participant'),
  cardId: idOf('card'),
});

export const agendaItemDefinition = {
  type: 'agenda-item',
  schema: agendaItemSchema,
  table: 'agenda_item',
  columns: { id: 'id', position: 'position', title: 'title', note: 'note', minutes: 'minutes', done: 'done' },
  booleans: ['done'],
  parents: {},
} satisfies RecordDefinition<'agenda-item'>;

export const parkingTopicDefinition = {
  type: 'parking-topic',
  schema: parkingTopicSchema,
  table: 'parking_topic',
  columns: { id: 'id', position: 'position', text: 'text', createdAt: 'created_at' },
  parents: {},
} satisfies RecordDefinition<'parking-topic'>;

export const dotVoteDefinition = {
  type: 'dot-vote',
  schema: dotVoteSchema,
  table: 'dot_vote',
  columns: {
    id: 'id',
    journeyId: 'journey_id',
    title: 'title',
    dotsPerParticipant: 'dots_per_participant',
    revealed: 'revealed',
    closed: 'closed',
    createdAt: 'created_at',
  },
  booleans: ['revealed', 'closed'],
  parents: { journeyId: 'journey' },
} satisfies RecordDefinition<'dot-vote'>;

export const voteOptionDefinition = {
  type: 'vote-option',
  schema: voteOptionSchema,
  table: 'vote_option',
  columns: { id: 'id', voteId: 'vote_id', cardId: 'card_id' },
  parents: { voteId: 'dot-vote', cardId: 'card' },
} satisfies RecordDefinition<'vote-option'>;

export const voteParticipantDefinition = {
  type: 'vote-participant',
  schema: voteParticipantSchema,
  table: 'vote_participant',
  columns: { id: 'id', voteId: 'vote_id', position: 'position', name: 'name', color: 'color' },
  parents: { voteId: 'dot-vote' },
} satisfies RecordDefinition<'vote-participant'>;

export const dotDefinition = {
  type: 'dot',
  schema: dotSchema,
  table: 'dot',
  columns: { id: 'id', voteId: 'vote_id', participantId: 'participant_id', cardId: 'card_id' },
  parents: { voteId: 'dot-vote', participantId: 'vote-participant', cardId: 'card' },
} satisfies RecordDefinition<'dot'>;
