import { recordsGroupedBy, workshopOf, type RecordMap } from '../../../shared/model/document.ts';
import { rankVote, voteState } from '../../../shared/model/dot-votes.ts';
import { LANE_TYPE_LABELS, type Card } from '../../../shared/model/records.ts';
import { shownVote, voterIdOf, type InputCell } from './participant-commands.ts';

/**
 * What one phone sees: the question, its own cards and dots, and a vote's totals only
 * after the reveal. Built per participant from the records, so another participant's
 * dots are never in it until the facilitator reveals (then only totals, no names).
 */
export interface ParticipantView {
  room: 'open' | 'closed';
  version: number;
  name: string;
  workshop: string;
  prompt: { question: string; stage: string; step: string; lane: string } | null;
  /** The stage on the projector, when the facilitator presents. */
  showing: string | null;
  /** "How does Dana feel at Security review?", and this phone's answer so far. */
  emotion: { question: string; myScore: number | null } | null;
  myCards: { cardId: string; text: string }[];
  vote: {
    title: string;
    budget: number;
    dotsLeft: number;
    revealed: boolean;
    options: { cardId: string; text: string; myDots: string[] }[];
    results: { cardId: string; text: string; dots: number; rank: number }[] | null;
  } | null;
}

export function promptOf(records: RecordMap, input: InputCell | null): ParticipantView['prompt'] {
  const step = input ? records[input.stepId] : undefined;
  const lane = input ? records[input.laneId] : undefined;
  if (step?.type !== 'step' || lane?.type !== 'lane') return null;
  const stage = records[step.stageId];
  const laneName = lane.name || LANE_TYPE_LABELS[lane.laneType];
  const stepName = step.name || 'this step';
  return { question: `${laneName} at ${stepName}?`, stage: stage?.type === 'stage' ? stage.name : '', step: stepName, lane: laneName };
}

export function participantView(
  records: RecordMap,
  participant: { id: string; name: string },
  input: InputCell | null,
  room: { open: boolean; version: number; showing?: string | null; emotion?: { stepId: string; personaId: string; myScore: number | null } | null },
): ParticipantView {
  const view: ParticipantView = {
    room: room.open ? 'open' : 'closed',
    version: room.version,
    name: participant.name,
    workshop: workshopOf(records)?.name ?? '',
    prompt: null,
    showing: null,
    emotion: null,
    myCards: [],
    vote: null,
  };
  // A closed room tells the phone nothing more about the workshop.
  if (!room.open) return { ...view, workshop: '' };
  view.prompt = promptOf(records, input);
  const stage = room.showing ? records[room.showing] : undefined;
  view.showing = stage?.type === 'stage' ? stage.name || 'Untitled stage' : null;
  const asked = room.emotion;
  const step = asked ? records[asked.stepId] : undefined;
  const persona = asked ? records[asked.personaId] : undefined;
  if (asked && step?.type === 'step' && persona?.type === 'persona') {
    view.emotion = { question: `How does ${persona.name || 'the customer'} feel at ${step.name || 'this step'}?`, myScore: asked.myScore };
  }
  const authored = recordsGroupedBy(records, 'card-author', 'participantId').get(participant.id) ?? [];
  view.myCards = authored
    .map((author) => records[author.cardId])
    .filter((card): card is Card => card?.type === 'card')
    .map((card) => ({ cardId: card.id, text: card.text }));

  const vote = shownVote(records);
  const state = vote ? voteState(records, vote.id) : null;
  if (!vote || !state) return view;
  const voterId = voterIdOf(participant.id, vote.id);
  const mine = state.dots.filter((dot) => dot.participantId === voterId);
  const textOf = (cardId: string) => (records[cardId]?.type === 'card' ? (records[cardId] as Card).text : '');
  view.vote = {
    title: vote.title,
    budget: vote.dotsPerParticipant,
    dotsLeft: vote.dotsPerParticipant - mine.length,
    revealed: vote.revealed,
    options: state.options.map((option) => ({
      cardId: option.cardId,
      text: textOf(option.cardId),
      myDots: mine.filter((dot) => dot.cardId === option.cardId).map((dot) => dot.id),
    })),
    results: vote.revealed ? rankVote(records, state).map((r) => ({ cardId: r.card.id, text: r.card.text, dots: r.dots, rank: r.rank })) : null,
  };
  return view;
}
