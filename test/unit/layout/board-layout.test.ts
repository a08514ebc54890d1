import { describe, expect, it } from 'vitest';
import { cellsInOrder, hitTestCell, keepUnchangedBoxes, layoutBoard } from '../../../shared/layout/board-layout.ts';
import { BOARD_METRICS, wrappedLineCount } from '../../../shared/layout/card-metrics.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { newCard, newJourney, newLane, newStage, newStep } from '../../../shared/model/record-factories.ts';

const J = 'journey:j0000001';
const records: AnyRecord[] = [
  { ...newJourney({ name: 'Now', position: 'a0' }), id: J },
  { ...newStage({ journeyId: J, name: 'Research', position: 'a1' }), id: 'stage:s0000002' },
  { ...newStage({ journeyId: J, name: 'Aware', position: 'a0' }), id: 'stage:s0000001' },
  { ...newStep({ stageId: 'stage:s0000001', name: 'Sees ad', position: 'a0' }), id: 'step:t0000001' },
  { ...newStep({ stageId: 'stage:s0000001', name: 'Clicks', position: 'a1' }), id: 'step:t0000002' },
  { ...newStep({ stageId: 'stage:s0000002', name: 'Reads', position: 'a0' }), id: 'step:t0000003' },
  { ...newLane({ journeyId: J, name: 'Actions', laneType: 'actions', position: 'a0' }), id: 'lane:l0000001' },
  { ...newLane({ journeyId: J, name: 'Pain', laneType: 'pain-points', position: 'a1' }), id: 'lane:l0000002' },
  { ...newCard({ stepId: 'step:t0000001', laneId: 'lane:l0000001', text: 'second', position: 'a1' }), id: 'card:c0000002' },
  { ...newCard({ stepId: 'step:t0000001', laneId: 'lane:l0000001', text: 'first', position: 'a0' }), id: 'card:c0000001' },
];
const map = Object.fromEntries(records.map((r) => [r.id, r]));
const m = BOARD_METRICS;

describe('the board layout', () => {
  const layout = layoutBoard(map, J);

  it('orders stages, places steps inside their stage and lanes below the headers', () => {
    expect(layout.stages.map((s) => [s.stage.name, s.x, s.width])).toEqual([
      ['Aware', m.laneHeaderWidth, 2 * m.columnWidth],
      ['Research', m.laneHeaderWidth + 2 * m.columnWidth, m.columnWidth],
    ]);
    expect(layout.steps.map((s) => s.step.name)).toEqual(['Sees ad', 'Clicks', 'Reads']);
    expect(layout.lanes[0]!.y).toBe(m.stageHeaderHeight + m.stepHeaderHeight);
  });

  it('stacks cards in their cell in order, and the row grows to hold them', () => {
    const [first, second] = layout.cardsByCell.get('step:t0000001|lane:l0000001')!;
    expect([first!.card.text, second!.card.text]).toEqual(['first', 'second']);
    expect(second!.y).toBe(first!.y + first!.height + m.cardGap);
    expect(layout.lanes[0]!.height).toBe(second!.y + second!.height + m.cellPadding - layout.lanes[0]!.y);
    expect(layout.lanes[1]!.height).toBe(m.minRowHeight);
  });

  it('finds the cell under a point and the index a drop there would take', () => {
    const [first] = layout.cardsByCell.get('step:t0000001|lane:l0000001')!;
    expect(hitTestCell(layout, first!.x + 5, first!.y + 2)).toEqual({ stepId: 'step:t0000001', laneId: 'lane:l0000001', index: 0 });
    expect(hitTestCell(layout, first!.x + 5, layout.lanes[0]!.y + layout.lanes[0]!.height - 1)).toMatchObject({ index: 2 });
    expect(hitTestCell(layout, 5, 5)).toBeNull();
  });

  it('walks the cells lane by lane', () => {
    expect(cellsInOrder(layout).slice(0, 4)).toEqual([
      { stepId: 'step:t0000001', laneId: 'lane:l0000001' },
      { stepId: 'step:t0000002', laneId: 'lane:l0000001' },
      { stepId: 'step:t0000003', laneId: 'lane:l0000001' },
      { stepId: 'step:t0000001', laneId: 'lane:l0000002' },
    ]);
  });
});

describe('wrapping estimates', () => {
  it('counts word-wrapped lines and explicit newlines', () => {
    expect(wrappedLineCount('short', 20)).toBe(1);
    expect(wrappedLineCount('one two three four five six', 10)).toBe(3);
    expect(wrappedLineCount('a\nb\nc', 20)).toBe(3);
    expect(wrappedLineCount('x'.repeat(45), 20)).toBe(3);
    // A full-width glyph takes two average widths: 15 kana wrap at 19 like 30 Latin letters.
    expect(wrappedLineCount('データ移行はいつ終わりますか？', 19)).toBe(2);
  });

  it('stops a long card at the line limit on the board, and gives a picture of the map every line', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Line ${i + 1}`).join('\n');
    const withLong = { ...map, 'card:c0000009': { ...newCard({ stepId: 'step:t0000003', laneId: 'lane:l0000001', text: long, position: 'a0' }), id: 'card:c0000009' as const } };
    const height = (metrics: typeof m) => layoutBoard(withLong, J, metrics).cardById.get('card:c0000009')!.height;
    expect(height(m)).toBe(Math.ceil(12 * m.fontSize * m.lineHeight + 2 * m.cardPaddingY));
    expect(height({ ...m, maxCardLines: Number.POSITIVE_INFINITY })).toBe(Math.ceil(30 * m.fontSize * m.lineHeight + 2 * m.cardPaddingY));
  });
});

describe('the emotions lane', () => {
  it('is a fixed-height row for the curve and holds no cards', () => {
    const emotions = { ...newLane({ journeyId: J, name: 'Emotions', laneType: 'emotions', position: 'a05' }), id: 'lane:l0000009' } as AnyRecord;
    const strayCard = { ...newCard({ stepId: 'step:t0000001', laneId: 'lane:l0000009', text: 'x', position: 'a0' }), id: 'card:c0000009' } as AnyRecord;
    const layout = layoutBoard({ ...map, [emotions.id]: emotions, [strayCard.id]: strayCard }, J);
    const lane = layout.lanes.find((l) => l.lane.id === 'lane:l0000009')!;
    expect(lane.height).toBe(m.emotionRowHeight);
    expect(layout.cardById.has('card:c0000009')).toBe(false);
  });
});

describe('a layout after an edit', () => {
  it('keeps the box of every card the edit did not move, so only the touched cards re-render', () => {
    const before = layoutBoard(map, J);
    const longer = { ...map['card:c0000001']!, text: 'first, now long enough to wrap onto a second and a third line of the card' } as AnyRecord;
    const after = keepUnchangedBoxes(before, layoutBoard({ ...map, [longer.id]: longer }, J));
    expect(after.cardById.get('card:c0000001')).not.toBe(before.cardById.get('card:c0000001'));
    // The second card moved down under the taller first one: a new box too.
    expect(after.cardById.get('card:c0000002')!.y).toBeGreaterThan(before.cardById.get('card:c0000002')!.y);

    const retitled = { ...map['stage:s0000002']!, name: 'Research, renamed' } as AnyRecord;
    const again = keepUnchangedBoxes(after, layoutBoard({ ...map, [longer.id]: longer, [retitled.id]: retitled }, J));
    expect(again.cards.every((box, i) => box === after.cards[i])).toBe(true);
    expect(again.cardsByCell.get('step:t0000001|lane:l0000001')![0]).toBe(after.cardById.get('card:c0000001'));
  });
});
