import { recordsGroupedBy, type RecordMap } from './document.ts';
import type { Card, Dot, DotVote, VoteOption, VoteParticipant } from './records.ts';
import { byPosition } from './ordering.ts';

export interface VoteState {
  vote: DotVote;
  options: VoteOption[];
  participants: VoteParticipant[];
  dots: Dot[];
}

export function voteState(records: RecordMap, voteId: string): VoteState | null {
  const vote = records[voteId];
  if (vote?.type !== 'dot-vote') return null;
  return {
    vote,
    options: [...(recordsGroupedBy(records, 'vote-option', 'voteId').get(voteId) ?? [])],
    participants: byPosition(recordsGroupedBy(records, 'vote-participant', 'voteId').get(voteId) ?? []),
    dots: [...(recordsGroupedBy(records, 'dot', 'voteId').get(voteId) ?? [])],
  };
}

/** Dots a participant may still place. */
export function dotsLeft(state: VoteState, participantId: string): number {
  return state.vote.dotsPerParticipant - state.dots.filter((d) => d.participantId === participantId).length;
}

export interface RankedCard {
  card: Card;
  dots: number;
  rank: number;
}

/**
 * The cards of a vote by their dots, most first; equal totals share a rank (1, 2, 2, 4)
 * and keep the map's order among themselves.
 */
export function rankVote(records: RecordMap, state: VoteState): RankedCard[] {
  const totals = new Map<string, number>(state.options.map((o) => [o.cardId, 0]));
  for (const dot of state.dots) if (totals.has(dot.cardId)) totals.set(dot.cardId, totals.get(dot.cardId)! + 1);
  const cards = state.options.map((o) => records[o.cardId]).filter((c): c is Card => c?.type === 'card');
  const sorted = cards.map((card, order) => ({ card, dots: totals.get(card.id) ?? 0, order })).sort((a, b) => b.dots - a.dots || a.order - b.order);
  let rank = 0;
  return sorted.map((entry, i) => {
    if (i === 0 || entry.dots !== sorted[i - 1]!.dots) rank = i + 1;
    return { card: entry.card, dots: entry.dots, rank };
  });
}
