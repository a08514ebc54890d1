import { describe, expect, it } from 'vitest';
import { changeSchema } from '../../../shared/change/change-schema.ts';
import { LIMITS } from '../../../shared/model/limits.ts';

const card = {
  id: 'card:cccc1111',
  type: 'card',
  stepId: 'step:ssss1111',
  laneId: 'lane:llll1111',
  text: 'Calls support',
  position: 'a0',
  momentOfTruth: false,
};
const change = (over: object) => ({ added: {}, updated: {}, removed: {}, ...over });

describe('what the main process accepts as a change', () => {
  it('accepts a well-formed change', () => {
    expect(changeSchema.safeParse(change({ added: { [card.id]: card } })).success).toBe(true);
  });

  it('refuses a record keyed under another id', () => {
    expect(changeSchema.safeParse(change({ added: { 'card:other111': card } })).success).toBe(false);
  });

  it('refuses an update that changes a record into another type', () => {
    const lane = { id: card.id, type: 'lane', journeyId: 'journey:j1234', name: 'x', laneType: 'actions', position: 'a0' };
    expect(changeSchema.safeParse(change({ updated: { [card.id]: [card, lane] } })).success).toBe(false);
  });

  it('refuses the same record twice in one change', () => {
    expect(changeSchema.safeParse(change({ added: { [card.id]: card }, removed: { [card.id]: card } })).success).toBe(false);
  });

  it('refuses card text beyond the limit with a sentence a person can read', () => {
    const long = { ...card, text: 'x'.repeat(LIMITS.cardTextLength + 1) };
    const result = changeSchema.safeParse(change({ added: { [card.id]: long } }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(`A card can hold at most ${LIMITS.cardTextLength} characters`);
  });

  it('refuses unknown record types, malformed ids and SQL in an id', () => {
    for (const bad of [
      { ...card, type: 'macro' },
      { ...card, id: 'card:X' },
      { ...card, id: "card:1'; drop table card; --" },
      { ...card, stepId: 'lane:llll1111' },
    ]) {
      expect(changeSchema.safeParse(change({ added: { [bad.id]: bad } })).success).toBe(false);
    }
  });
});
