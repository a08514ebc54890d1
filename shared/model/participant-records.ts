import { z } from 'zod';
import { idOf, name } from './record-fields.ts';
import type { RecordDefinition } from './record-definition.ts';

/**
 * Who in the room sent what from a phone (issue #16). A participant is a record, not a
 * session: the card it wrote keeps its name after the room closes, in the file and the
 * JSON export, and removing the card takes the attribution with it.
 */

/** Someone who joined the room from a phone; an empty name is an anonymous participant. */
export const participantSchema = z.object({
  id: idOf('participant'),
  type: z.literal('participant'),
  name: name("A participant's name"),
  joinedAt: z.iso.datetime(),
});

/** Which participant wrote a card: one author per card, kept beside the card, not in it. */
export const cardAuthorSchema = z.object({
  id: idOf('card-author'),
  type: z.literal('card-author'),
  cardId: idOf('card'),
  participantId: idOf('participant'),
  createdAt: z.iso.datetime(),
});

export const participantDefinition = {
  type: 'participant',
  schema: participantSchema,
  table: 'participant',
  columns: { id: 'id', name: 'name', joinedAt: 'joined_at' },
  parents: {},
} satisfies RecordDefinition<'participant'>;

export const cardAuthorDefinition = {
  type: 'card-author',
  schema: cardAuthorSchema,
  table: 'card_author',
  columns: { id: 'id', cardId: 'card_id', participantId: 'participant_id', createdAt: 'created_at' },
  parents: { cardId: 'card', participantId: 'participant' },
} satisfies RecordDefinition<'card-author'>;

/** What the board and the phones call a participant who gave no name. */
export const ANONYMOUS = 'Anonymous';

export function participantLabel(participant: { name: string } | undefined): string {
  return participant?.name.trim() || ANONYMOUS;
}
