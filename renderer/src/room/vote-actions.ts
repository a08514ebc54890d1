import { changeFrom } from '../../../shared/change/change.ts';
import { recordsOfType, stagesOf, stepsOf, type RecordMap } from '../../../shared/model/document.ts';
import { dotsLeft, voteState } from '../../../shared/model/dot-votes.ts';
import { positionsBetween } from '../../../shared/model/ordering.ts';
import { newDot, newDotVote, newVoteOption, newVoteParticipant, PARTICIPANT_COLORS } from '../../../shared/model/room-factories.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import { roomStore } from './room-store.ts';

export type VoteScope = { kind: 'lane'; laneId: string } | { kind: 'stage'; stageId: string } | { kind: 'cards'; cardIds: string[] };

/** The cards a vote covers, in the map's order. */
export function cardsInScope(records: RecordMap, journeyId: string, scope: VoteScope): string[] {
  if (scope.kind === 'cards') return scope.cardIds.filter((id) => records[id]?.type === 'card');
  const stepIds =
    scope.kind === 'stage'
      ? new Set(stepsOf(records, scope.stageId).map((s) => s.id))
      : new Set(stagesOf(records, journeyId).flatMap((stage) => stepsOf(records, stage.id).map((s) => s.id)));
  return recordsOfType(records, 'card')
    .filter((c) => stepIds.has(c.stepId) && (scope.kind !== 'lane' || c.laneId === scope.laneId) && c.text.trim() !== '')
    .map((c) => c.id);
}

/** Opens a vote: the cards, the dots each, the participants (names or colours). */
export function startVote(editor: Editor, options: { title: string; scope: VoteScope; dotsPerParticipant: number; participants: string[] }): string | null {
  const { records, journeyId } = editor.state;
  if (!journeyId) return null;
  const cardIds = cardsInScope(records, journeyId, options.scope);
  if (cardIds.length === 0) {
    editor.showNotice({ kind: 'error', message: 'There are no cards to vote on there yet.' });
    return null;
  }
  const names = options.participants.map((p) => p.trim()).filter(Boolean);
  if (names.length === 0) {
    editor.showNotice({ kind: 'error', message: 'Add at least one participant (a name or a colour).' });
    return null;
  }
  const vote = newDotVote({ journeyId, title: options.title, dotsPerParticipant: options.dotsPerParticipant });
  const positions = positionsBetween(null, null, names.length);
  const participants = names.map((name, i) => newVoteParticipant({ voteId: vote.id, name, color: PARTICIPANT_COLORS[i % PARTICIPANT_COLORS.length]!, position: positions[i]! }));
  const put: AnyRecord[] = [vote, ...cardIds.map((cardId) => newVoteOption({ voteId: vote.id, cardId })), ...participants];
  if (!editor.perform({ change: changeFrom(records, { put }) })) return null;
  editor.seal();
  roomStore.setState({ voting: { voteId: vote.id, participantId: participants[0]?.id ?? null } });
  return vote.id;
}

/** A card that clicks should vote on rather than edit: it is in the open vote. */
export function isInOpenVote(editor: Editor, cardId: string): boolean {
  const voting = roomStore.getState().voting;
  const state = voting && voteState(editor.state.records, voting.voteId);
  return Boolean(state && !state.vote.closed && state.options.some((o) => o.cardId === cardId));
}

/** Places the active participant's dot on a card of the open vote; false if no vote applies. */
export function castDot(editor: Editor, cardId: string, participantId = roomStore.getState().voting?.participantId ?? null): boolean {
  const voting = roomStore.getState().voting;
  if (!voting || !participantId) return false;
  const state = voteState(editor.state.records, voting.voteId);
  if (!state || state.vote.closed || !state.options.some((o) => o.cardId === cardId)) return false;
  const participant = state.participants.find((p) => p.id === participantId);
  if (!participant) return false;
  if (dotsLeft(state, participantId) <= 0) {
    editor.showNotice({ kind: 'info', message: `${participant.name} has no dots left.` });
    return true;
  }
  editor.perform({ change: changeFrom(editor.state.records, { put: [newDot({ voteId: state.vote.id, participantId, cardId })] }) });
  editor.seal();
  return true;
}

/** Places a dot for the n-th participant (number keys 1–9). */
export function castDotFor(editor: Editor, cardId: string, index: number): void {
  const voting = roomStore.getState().voting;
  const participant = voting && voteState(editor.state.records, voting.voteId)?.participants[index];
  if (!participant) return;
  roomStore.setState({ voting: { voteId: voting.voteId, participantId: participant.id } });
  castDot(editor, cardId, participant.id);
}

export function setVoteFlags(editor: Editor, voteId: string, flags: { revealed?: boolean; closed?: boolean }): void {
  const vote = editor.state.records[voteId];
  if (vote?.type !== 'dot-vote') return;
  if (editor.perform({ change: changeFrom(editor.state.records, { put: [{ ...vote, ...flags }] }) })) editor.seal();
}
