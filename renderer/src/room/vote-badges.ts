import type { RecordMap } from '../../../shared/model/document.ts';
import { rankVote, voteState } from '../../../shared/model/dot-votes.ts';

/**
 * What cards show for a vote: before the reveal only that they are in it (-1), so
 * nobody follows the crowd; after it, their dots.
 */
export function voteBadges(records: RecordMap, voteId: string | null): Map<string, number> {
  const badges = new Map<string, number>();
  const state = voteId ? voteState(records, voteId) : null;
  if (!state) return badges;
  if (!state.vote.revealed) {
    for (const option of state.options) badges.set(option.cardId, -1);
    return badges;
  }
  for (const ranked of rankVote(records, state)) badges.set(ranked.card.id, ranked.dots);
  return badges;
}
