import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkshopFile } from '../../../electron/services/workshop-file.ts';
import { journeysOf, lanesOf, stagesOf, stepsOf, type RecordMap } from '../../../shared/model/document.ts';
import { layoutBoard } from '../../../shared/layout/board-layout.ts';
import { nextRegionIndex } from '../../../renderer/src/board/keyboard-regions.ts';
import { describeFocus } from '../../../renderer/src/board/focus-description.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

function b2b(): RecordMap {
  const file = WorkshopFile.create(join(tempFolder(), 'b2b.journey'), 'Regions', { replaceExisting: false, template: 'b2b-buying' });
  const records = Object.fromEntries(file.readRecords().map((r) => [r.id, r]));
  file.close();
  return records;
}

describe('F6 regions', () => {
  it('cycles top bar → board → sidebar → top bar, and back with Shift+F6', () => {
    expect([0, 1, 2].map((i) => nextRegionIndex(i, 3, false))).toEqual([1, 2, 0]);
    expect([0, 1, 2].map((i) => nextRegionIndex(i, 3, true))).toEqual([2, 0, 1]);
  });

  it('starts at the first region from nowhere (focus on the page), at the last going back', () => {
    expect(nextRegionIndex(-1, 3, false)).toBe(0);
    expect(nextRegionIndex(-1, 3, true)).toBe(2);
    // The Interviews view has no sidebar: two regions still cycle.
    expect(nextRegionIndex(1, 2, false)).toBe(0);
    expect(nextRegionIndex(0, 0, false)).toBe(-1);
  });
});

describe('the board focus in words, for a screen reader', () => {
  it('names the stage, step and lane, and the card among its cell’s cards', () => {
    const records = b2b();
    const journey = journeysOf(records)[0]!;
    const layout = layoutBoard(records, journey.id);
    const evaluate = stagesOf(records, journey.id).find((s) => s.name === 'Evaluate')!;
    const demo = stepsOf(records, evaluate.id)[0]!;
    const touchpoints = lanesOf(records, journey.id).find((l) => l.laneType === 'touchpoints')!;
    const actions = lanesOf(records, journey.id).find((l) => l.laneType === 'actions')!;
    const cards = layout.cardsByCell.get(`${demo.id}|${touchpoints.id}`)!;
    expect(describeFocus(records, layout, { kind: 'cell', stepId: demo.id, laneId: touchpoints.id, cardId: cards[1]!.card.id })).toBe(
      `Evaluate › Demo and trial › Touchpoints: card 2 of 2, ${cards[1]!.card.text}`,
    );
    expect(describeFocus(records, layout, { kind: 'cell', stepId: demo.id, laneId: touchpoints.id })).toBe('Evaluate › Demo and trial › Touchpoints: 2 cards');
    expect(describeFocus(records, layout, { kind: 'cell', stepId: demo.id, laneId: actions.id })).toBe('Evaluate › Demo and trial › Actions: empty cell');
    expect(describeFocus(records, layout, { kind: 'header', id: evaluate.id })).toBe('Stage Evaluate');
    expect(describeFocus(records, layout, null)).toBe('');
  });
});
