import { describe, expect, it } from 'vitest';
import { dotsLeft, rankVote, voteState } from '../../../shared/model/dot-votes.ts';
import { newCard } from '../../../shared/model/record-factories.ts';
import { newDot, newDotVote, newVoteOption, newVoteParticipant } from '../../../shared/model/room-factories.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';

describe('a dot vote', () => {
  const cards = ['Wrong first invoice', 'Slow onboarding', 'Security questionnaire', 'No renewal reminder'].map((text, i) =>
    newCard({ stepId: 'step:s0000001', laneId: 'lane:l0000001', text, position: `a${i}` }),
  );
  const vote = newDotVote({ journeyId: 'journey:j0000001', title: 'Pain points', dotsPerParticipant: 3 });
  const people = ['Ana', 'Ben', 'Chloé', 'Dev'].map((name, i) => newVoteParticipant({ voteId: vote.id, name, color: '#1f6feb', position: `a${i}` }));
  const dot = (who: number, card: number) => newDot({ voteId: vote.id, participantId: people[who]!.id, cardId: cards[card]!.id });
  // Ana: 3 on the invoice. Ben: 2 invoice, 1 onboarding. Chloé: 1 each on onboarding, questionnaire, invoice. Dev: 2 onboarding.
  const dots = [dot(0, 0), dot(0, 0), dot(0, 0), dot(1, 0), dot(1, 0), dot(1, 1), dot(2, 1), dot(2, 2), dot(2, 0), dot(3, 1), dot(3, 1)];
  const records: AnyRecord[] = [...cards, vote, ...people, ...cards.map((c) => newVoteOption({ voteId: vote.id, cardId: c.id })), ...dots];
  const map = Object.fromEntries(records.map((r) => [r.id, r]));
  const state = voteState(map, vote.id)!;

  it('ranks the cards by their dots, ties sharing a rank, cards without dots last', () => {
    expect(rankVote(map, state).map((r) => [r.card.text, r.dots, r.rank])).toEqual([
      ['Wrong first invoice', 6, 1],
      ['Slow onboarding', 4, 2],
      ['Security questionnaire', 1, 3],
      ['No renewal reminder', 0, 4],
    ]);
  });

  it('knows how many dots each participant has left', () => {
    expect(people.map((p) => dotsLeft(state, p.id))).toEqual([0, 0, 0, 1]);
  });
});
