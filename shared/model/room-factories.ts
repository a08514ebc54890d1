import { newId } from './ids.ts';
import { as } from './record-factories.ts';
import { positionsBetween } from './ordering.ts';
import type { AgendaItem, Dot, DotVote, ParkingTopic, VoteOption, VoteParticipant } from './records.ts';
import { METHOD_AGENDA } from './room-records.ts';

/** New room records with their defaults (see record-factories.ts for the map's). */

export function methodAgenda(): AgendaItem[] {
  const positions = positionsBetween(null, null, METHOD_AGENDA.length);
  return METHOD_AGENDA.map((item, i) => newAgendaItem({ title: item.title, minutes: item.minutes, position: positions[i]! }));
}

export function newAgendaItem(fields: { title: string; minutes: number; position: string; note?: string }): AgendaItem {
  return as<AgendaItem>({ id: newId('agenda-item'), type: 'agenda-item', note: '', done: false, ...fields });
}

export function newParkingTopic(fields: { text: string; position: string; createdAt?: string }): ParkingTopic {
  return as<ParkingTopic>({ id: newId('parking-topic'), type: 'parking-topic', createdAt: new Date().toISOString(), ...fields });
}

export function newDotVote(fields: { journeyId: string; title: string; dotsPerParticipant: number }): DotVote {
  return as<DotVote>({ id: newId('dot-vote'), type: 'dot-vote', revealed: false, closed: false, createdAt: new Date().toISOString(), ...fields });
}

export function newVoteOption(fields: { voteId: string; cardId: string }): VoteOption {
  return as<VoteOption>({ id: newId('vote-option'), type: 'vote-option', ...fields });
}

export const PARTICIPANT_COLORS = ['#d1495b', '#1f6feb', '#2a9d8f', '#e09f3e', '#7b2cbf', '#00798c', '#b5179e', '#6a994e'] as const;

export function newVoteParticipant(fields: { voteId: string; name: string; color: string; position: string }): VoteParticipant {
  return as<VoteParticipant>({ id: newId('vote-participant'), type: 'vote-participant', ...fields });
}

export function newDot(fields: { voteId: string; participantId: string; cardId: string }): Dot {
  return as<Dot>({ id: newId('dot'), type: 'dot', ...fields });
}
