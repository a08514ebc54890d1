import { describe, expect, it } from 'vitest';
import {
  applyChange,
  changeFrom,
  composeChanges,
  emptyChange,
  invertChange,
  isEmptyChange,
} from '../../../shared/change/change.ts';
import type { RecordMap } from '../../../shared/model/document.ts';
import type { Card, Stage } from '../../../shared/model/records.ts';

const stage: Stage = { id: 'stage:aaaa1111', type: 'stage', journeyId: 'journey:jjjj0000', name: 'Aware', position: 'a0', owner: '' };
const card: Card = {
  id: 'card:cccc1111',
  type: 'card',
  stepId: 'step:ssss1111',
  laneId: 'lane:llll1111',
  text: 'Sees an ad',
  position: 'a0',
  momentOfTruth: false,
};
const withText = (text: string): Card => ({ ...card, text });

describe('the one change format', () => {
  it('puts a new record in as added and a changed one as updated from→to', () => {
    const records: RecordMap = { [stage.id]: stage };
    const change = changeFrom(records, { put: [{ ...stage, name: 'Awareness' }, card] });
    expect(change.added).toEqual({ [card.id]: card });
    expect(change.updated).toEqual({ [stage.id]: [stage, { ...stage, name: 'Awareness' }] });
    expect(change.removed).toEqual({});
  });

  it('ignores a put that changes nothing and a removal of a record that is not there', () => {
    const change = changeFrom({ [stage.id]: stage }, { put: [{ ...stage }], remove: [card] });
    expect(isEmptyChange(change)).toBe(true);
  });

  it('undoes exactly: applying a change and then its inverse restores the records', () => {
    const before: RecordMap = { [stage.id]: stage, [card.id]: card };
    const change = changeFrom(before, { put: [{ ...stage, name: 'Research' }], remove: [card] });
    const after = applyChange(before, change);
    expect(after[card.id]).toBeUndefined();
    expect(after[stage.id]).toMatchObject({ name: 'Research' });
    expect(applyChange(after, invertChange(change))).toEqual(before);
  });

  it('keeps the identity of records a change does not touch, so React re-renders only what changed', () => {
    const before: RecordMap = { [stage.id]: stage, [card.id]: card };
    const after = applyChange(before, changeFrom(before, { put: [withText('Reads a review')] }));
    expect(after[stage.id]).toBe(before[stage.id]);
    expect(applyChange(before, emptyChange())).toBe(before);
  });

  it('merges a burst of typing into one update from the first text to the last', () => {
    let records: RecordMap = { [card.id]: card };
    let burst = emptyChange();
    for (const text of ['Sees an ad o', 'Sees an ad on', 'Sees an ad on TV']) {
      const step = changeFrom(records, { put: [withText(text)] });
      records = applyChange(records, step);
      burst = composeChanges(burst, step);
    }
    expect(burst.updated).toEqual({ [card.id]: [card, withText('Sees an ad on TV')] });
  });

  it('cancels out a record added and removed within one composed change', () => {
    const added = changeFrom({}, { put: [card] });
    const removed = changeFrom({ [card.id]: card }, { remove: [card] });
    expect(isEmptyChange(composeChanges(added, removed))).toBe(true);
  });

  it('drops an update that ends where it started', () => {
    const there = changeFrom({ [card.id]: card }, { put: [withText('x')] });
    const back = changeFrom({ [card.id]: withText('x') }, { put: [card] });
    expect(isEmptyChange(composeChanges(there, back))).toBe(true);
  });

  it('folds an edit into an addition, and turns remove-then-add of a changed record into an update', () => {
    const addThenEdit = composeChanges(
      changeFrom({}, { put: [card] }),
      changeFrom({ [card.id]: card }, { put: [withText('edited')] }),
    );
    expect(addThenEdit.added).toEqual({ [card.id]: withText('edited') });
    expect(addThenEdit.updated).toEqual({});

    const removeThenAdd = composeChanges(
      changeFrom({ [card.id]: card }, { remove: [card] }),
      changeFrom({}, { put: [withText('again')] }),
    );
    expect(removeThenAdd.updated).toEqual({ [card.id]: [card, withText('again')] });
  });

  it('removes the original record when an edited record is then deleted', () => {
    const composed = composeChanges(
      changeFrom({ [card.id]: card }, { put: [withText('edited')] }),
      changeFrom({ [card.id]: withText('edited') }, { remove: [withText('edited')] }),
    );
    expect(composed.removed).toEqual({ [card.id]: card });
    expect(composed.updated).toEqual({});
  });
});
