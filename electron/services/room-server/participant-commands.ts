import { createHash } from 'node:crypto';
import { z } from 'zod';
import { changeFrom, type Change } from '../../../shared/change/change.ts';
import { cardsIn, recordsGroupedBy, recordsOfType, type RecordMap } from '../../../shared/model/document.ts';
import { byPosition, positionBetween } from '../../../shared/model/ordering.ts';
import { PARTICIPANT_COLORS } from '../../../shared/model/room-factories.ts';
import { participantLabel, type AnyRecord, type Card, type DotVote, type Participant } from '../../../shared/model/records.ts';
import type { RecordId, RecordType } from '../../../shared/model/ids.ts';

/**
 * What a phone may ask, and how each request becomes one Change. This is the whole
 * allow-list: a phone never sends records, only these small commands, so it can never
 * name a table, a file or another participant's dot. The Change is then validated by
 * the same record schemas and written by the same WorkshopFile.applyChange as the
 * facilitator's own edits.
 */

/** A phone's own id for a command; the same id sent again (a reconnect) never writes twice. */
const commandId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a command id is 8–64 letters, digits, - or _');
const cardIdField = z.string().regex(/^card:[0-9a-z]{4,32}$/, 'must be a card id');
const dotIdField = z.string().regex(/^dot:[0-9a-z]{4,32}$/, 'must be a dot id');

/** Phones type on small keyboards; 500 characters is a long sticky note already. */
export const PHONE_CARD_TEXT_LIMIT = 500;

export const participantCommandSchema = z.strictObject({
  commandId,
  command: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('add-card'), text: z.string().trim().min(1, 'an idea needs some words').max(PHONE_CARD_TEXT_LIMIT) }),
    z.strictObject({ kind: z.literal('place-dot'), cardId: cardIdField }),
    z.strictObject({ kind: z.literal('take-back-dot'), dotId: dotIdField }),
    // How the persona feels at the asked step, -3 to +3: a show of hands, kept by the
    // room (not the file) until the facilitator sets the emotion from it.
    z.strictObject({ kind: z.literal('score'), score: z.number().int().min(-3).max(3) }),
  ]),
});
export type ParticipantCommand = z.output<typeof participantCommandSchema>;

export const joinSchema = z.strictObject({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{4,12}$/, 'a join code is letters and digits'),
  name: z.string().trim().max(60, 'a name is at most 60 characters'),
});

/** The cell the facilitator opened for ideas. */
export interface InputCell {
  stepId: string;
  laneId: string;
}

export type CommandOutcome =
  | { kind: 'change'; change: Change; recordId: string }
  | { kind: 'already-done'; recordId: string }
  | { kind: 'refused'; message: string };

/**
 * An id derived from who sent what: the same participant's same command id always
 * names the same record, so a command replayed after the room restarted its memory (or
 * the app restarted) still finds its card in the file instead of adding a second one.
 */
export function derivedId<T extends RecordType>(type: T, ...parts: string[]): RecordId<T> {
  return `${type}:${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 24)}` as RecordId<T>;
}

/** The vote phones vote in: the newest one that is neither revealed nor closed. */
export function openVote(records: RecordMap): DotVote | undefined {
  let newest: DotVote | undefined;
  for (const record of recordsOfType(records, 'dot-vote')) {
    if (record.closed || record.revealed) continue;
    if (!newest || record.createdAt > newest.createdAt) newest = record;
  }
  return newest;
}

/** The newest vote (open or revealed): what the phones show, results included once revealed. */
export function shownVote(records: RecordMap): DotVote | undefined {
  let newest: DotVote | undefined;
  for (const record of recordsOfType(records, 'dot-vote')) {
    if (record.closed) continue;
    if (!newest || record.createdAt > newest.createdAt) newest = record;
  }
  return newest;
}

export function voterIdOf(participantId: string, voteId: string) {
  return derivedId('vote-participant', participantId, voteId);
}

export function changeForCommand(
  records: RecordMap,
  participant: Participant,
  { commandId, command }: ParticipantCommand,
  input: InputCell | null,
  now: string,
): CommandOutcome {
  // The participant record goes into the file with its first contribution, so joining
  // alone writes nothing.
  const withParticipant = (put: AnyRecord[]) => (records[participant.id] ? put : [participant, ...put]);

  if (command.kind === 'add-card') {
    const cardId = derivedId('card', participant.id, commandId);
    if (records[cardId]) return { kind: 'already-done', recordId: cardId };
    if (!input || records[input.stepId]?.type !== 'step' || records[input.laneId]?.type !== 'lane') {
      return { kind: 'refused', message: 'The facilitator has not opened a place for ideas right now.' };
    }
    const last = cardsIn(records, input.stepId, input.laneId).at(-1);
    const card: Card = {
      id: cardId,
      type: 'card',
      stepId: input.stepId as Card['stepId'],
      laneId: input.laneId as Card['laneId'],
      text: command.text,
      position: positionBetween(last?.position ?? null, null),
      momentOfTruth: false,
    };
    const author: AnyRecord = { id: derivedId('card-author', participant.id, commandId), type: 'card-author', cardId, participantId: participant.id, createdAt: now };
    return { kind: 'change', change: changeFrom(records, { put: withParticipant([card, author]) }), recordId: cardId };
  }

  if (command.kind === 'place-dot') {
    const dotId = derivedId('dot', participant.id, commandId);
    if (records[dotId]) return { kind: 'already-done', recordId: dotId };
    const vote = openVote(records);
    if (!vote) return { kind: 'refused', message: 'No vote is open right now.' };
    const options = recordsGroupedBy(records, 'vote-option', 'voteId').get(vote.id) ?? [];
    if (!options.some((option) => option.cardId === command.cardId)) return { kind: 'refused', message: 'That card is not in this vote.' };
    const voterId = voterIdOf(participant.id, vote.id);
    const placed = (recordsGroupedBy(records, 'dot', 'participantId').get(voterId) ?? []).length;
    if (placed >= vote.dotsPerParticipant) return { kind: 'refused', message: `You have placed all ${vote.dotsPerParticipant} of your dots.` };
    const put: AnyRecord[] = [];
    if (!records[voterId]) {
      const voters = byPosition(recordsGroupedBy(records, 'vote-participant', 'voteId').get(vote.id) ?? []);
      const color = PARTICIPANT_COLORS[parseInt(voterId.slice(-6), 16) % PARTICIPANT_COLORS.length]!;
      put.push({ id: voterId, type: 'vote-participant', voteId: vote.id, name: participantLabel(participant), color, position: positionBetween(voters.at(-1)?.position ?? null, null) });
    }
    put.push({ id: dotId, type: 'dot', voteId: vote.id, participantId: voterId, cardId: command.cardId as Card['id'] });
    return { kind: 'change', change: changeFrom(records, { put: withParticipant(put) }), recordId: dotId };
  }

  if (command.kind === 'score') return { kind: 'refused', message: 'A score is not a record.' };
  const dot = records[command.dotId];
  // Gone already (taken back before a reconnect, or removed by the facilitator): done.
  if (!dot) return { kind: 'already-done', recordId: command.dotId };
  if (dot.type !== 'dot' || dot.participantId !== voterIdOf(participant.id, dot.voteId)) {
    return { kind: 'refused', message: 'That dot is not yours.' };
  }
  const vote = records[dot.voteId];
  if (vote?.type !== 'dot-vote' || vote.revealed || vote.closed) return { kind: 'refused', message: 'This vote is over: its dots stay where they are.' };
  return { kind: 'change', change: changeFrom(records, { remove: [dot] }), recordId: dot.id };
}
