import { describe, expect, it } from 'vitest';
import { layoutBoard } from '../../../shared/layout/board-layout.ts';
import { newCard, newJourney, newLane, newStage, newStep } from '../../../shared/model/record-factories.ts';
import { newDot, newDotVote, newVoteOption, newVoteParticipant } from '../../../shared/model/room-factories.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { PROJECTOR_MIN_TEXT_PX, projectorViewport } from '../../../renderer/src/room/projector.ts';
import { PROJECTOR_METRICS } from '../../../renderer/src/board/themes.ts';
import { voteBadges } from '../../../renderer/src/room/vote-badges.ts';
import { matchCommands, ROOM_COMMANDS } from '../../../renderer/src/room/room-commands.ts';

const toMap = (records: AnyRecord[]) => Object.fromEntries(records.map((r) => [r.id, r]));

function stageWith(steps: number, lanes: number) {
  const journey = newJourney({ name: 'J', position: 'a0' });
  const stage = newStage({ journeyId: journey.id, name: 'Buy', position: 'a0' });
  const records: AnyRecord[] = [journey, stage];
  for (let i = 0; i < steps; i++) records.push(newStep({ stageId: stage.id, name: `S${i}`, position: `a${i}` }));
  for (let i = 0; i < lanes; i++) records.push(newLane({ journeyId: journey.id, name: `L${i}`, laneType: 'actions', position: `a${i}` }));
  return layoutBoard(toMap(records), journey.id, PROJECTOR_METRICS, stage.id);
}

describe('the projector view of a stage', () => {
  it('fits a small stage whole, as large as the screen allows', () => {
    const layout = stageWith(2, 3);
    const v = projectorViewport(layout, { width: 1280, height: 720 });
    expect(layout.width * v.scale).toBeLessThanOrEqual(1280);
    expect(layout.height * v.scale).toBeLessThanOrEqual(720);
    expect(layout.metrics.fontSize * v.scale).toBeGreaterThan(PROJECTOR_MIN_TEXT_PX);
  });

  it('never shrinks card text below 24 px, at 1280×720 or larger', () => {
    for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      for (const [steps, lanes] of [[1, 14], [6, 8], [12, 12]] as const) {
        const v = projectorViewport(stageWith(steps, lanes), size);
        expect(PROJECTOR_METRICS.fontSize * v.scale).toBeGreaterThanOrEqual(PROJECTOR_MIN_TEXT_PX);
      }
    }
  });
});

describe('what cards show during a vote', () => {
  const card = newCard({ stepId: 'step:s0000001', laneId: 'lane:l0000001', text: 'Slow onboarding', position: 'a0' });
  const vote = newDotVote({ journeyId: 'journey:j0000001', title: 'Pain', dotsPerParticipant: 3 });
  const ana = newVoteParticipant({ voteId: vote.id, name: 'Ana', color: '#1f6feb', position: 'a0' });
  const records = [card, vote, ana, newVoteOption({ voteId: vote.id, cardId: card.id }), newDot({ voteId: vote.id, participantId: ana.id, cardId: card.id })];

  it('only that a card is in the vote, until the reveal', () => {
    expect(voteBadges(toMap(records), vote.id).get(card.id)).toBe(-1);
  });

  it('its dots after the reveal', () => {
    expect(voteBadges(toMap([...records, { ...vote, revealed: true }]), vote.id).get(card.id)).toBe(1);
  });
});

describe('the command palette', () => {
  it('finds commands by any words of their name', () => {
    expect(matchCommands(ROOM_COMMANDS, 'timer 5').map((c) => c.label)).toEqual(['Start a 5-minute timer']);
    expect(matchCommands(ROOM_COMMANDS, 'theme dark').map((c) => c.name)).toEqual(['theme-dark']);
    expect(matchCommands(ROOM_COMMANDS, 'projector').map((c) => c.name)).toContain('projector');
  });
});

describe('what a vote covers', async () => {
  const { cardsInScope } = await import('../../../renderer/src/room/vote-actions.ts');
  const journey = newJourney({ name: 'J', position: 'a0' });
  const [buy, use] = [newStage({ journeyId: journey.id, name: 'Buy', position: 'a0' }), newStage({ journeyId: journey.id, name: 'Use', position: 'a1' })];
  const [s1, s2] = [newStep({ stageId: buy!.id, name: 'Signs', position: 'a0' }), newStep({ stageId: use!.id, name: 'Invoice', position: 'a0' })];
  const [pain, ideas] = [newLane({ journeyId: journey.id, name: 'Pain', laneType: 'pain-points', position: 'a0' }), newLane({ journeyId: journey.id, name: 'Ideas', laneType: 'opportunities', position: 'a1' })];
  const card = (stepId: string, laneId: string, text: string) => newCard({ stepId, laneId, text, position: 'a0' });
  const cards = [card(s1!.id, pain!.id, 'Slow legal'), card(s2!.id, pain!.id, 'Wrong invoice'), card(s2!.id, ideas!.id, 'Invoice preview'), card(s2!.id, pain!.id, '   ')];
  const map = toMap([journey, buy!, use!, s1!, s2!, pain!, ideas!, ...cards]);
  const texts = (ids: string[]) => ids.map((id) => (map[id] as { text: string }).text).sort();

  it('a lane: its cards with text, across every stage', () => {
    expect(texts(cardsInScope(map, journey.id, { kind: 'lane', laneId: pain!.id }))).toEqual(['Slow legal', 'Wrong invoice']);
  });

  it('a stage: its cards in every lane', () => {
    expect(texts(cardsInScope(map, journey.id, { kind: 'stage', stageId: use!.id }))).toEqual(['Invoice preview', 'Wrong invoice']);
  });

  it('a selection: exactly the cards picked', () => {
    expect(texts(cardsInScope(map, journey.id, { kind: 'cards', cardIds: [cards[0]!.id, cards[2]!.id] }))).toEqual(['Invoice preview', 'Slow legal']);
  });
});
