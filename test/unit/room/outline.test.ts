import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkshopFile } from '../../../electron/services/workshop-file.ts';
import { journeysOf, type RecordMap } from '../../../shared/model/document.ts';
import { countNodes, journeyOutline, visibleItems, type OutlineNode } from '../../../renderer/src/outline/outline-model.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

function b2b(): RecordMap {
  const file = WorkshopFile.create(join(tempFolder(), 'outline.journey'), 'Outline', { replaceExisting: false, template: 'b2b-buying' });
  const records = Object.fromEntries(file.readRecords().map((r) => [r.id, r]));
  file.close();
  return records;
}

const find = (nodes: readonly OutlineNode[], label: string): OutlineNode | undefined => {
  for (const node of nodes) {
    if (node.label === label) return node;
    const inner = find(node.children, label);
    if (inner) return inner;
  }
  return undefined;
};

describe('the journey outline (the canvas as text)', () => {
  const records = b2b();
  const journeyId = journeysOf(records)[0]!.id;
  const outline = journeyOutline(records, journeyId);

  it('lists stages → steps → lanes with something in them → cards, in journey order', () => {
    expect(outline.map((s) => s.label)).toEqual(['Trigger', 'Research', 'Evaluate', 'Purchase', 'Implement', 'Use', 'Renew or retire']);
    const evaluate = find(outline, 'Evaluate')!;
    expect(evaluate.children.map((s) => s.label)).toEqual(['Demo and trial', 'Security review']);
    const demo = evaluate.children[0]!;
    expect(demo.children.map((l) => l.label)).toEqual(['Emotions', 'Touchpoints', 'Tollgates']);
    expect(demo.children[1]!.children.map((c) => c.label)).toEqual(['Sales demo', 'Trial account']);
    expect(demo.children[1]!.detail).toBe('2 cards');
  });

  it('says in words what the board draws: owners, emotions, tollgates, moments of truth and costs', () => {
    expect(find(outline, 'Evaluate')!.detail).toBe('2 steps, no owner yet');
    expect(find(outline, 'Security review approved')!.detail).toBe('tollgate: blocks');
    expect(find(outline, 'First invoice is wrong')!.detail).toBe('moment of truth, severity 4, €50,400 a year');
    expect(find(outline, 'Demo and trial')!.detail).toMatch(/^moment of truth, 1 tollgate: friction$/);
    const use = find(outline, 'First invoice')!;
    expect(use.children[0]!.children.map((e) => e.label)).toEqual(['Dana, the buyer: −3', 'Sam, IT security: 0']);
  });

  it('targets what Enter selects on the board: a card in its cell, a step or stage header', () => {
    const card = find(outline, 'Sales demo')!;
    expect(card.target).toMatchObject({ kind: 'cell', cardId: card.id });
    expect(find(outline, 'Evaluate')!.target).toEqual({ kind: 'header', id: find(outline, 'Evaluate')!.id });
  });

  it('walks only the open branches', () => {
    const all = visibleItems(outline, new Set());
    expect(all).toHaveLength(countNodes(outline));
    const closed = visibleItems(outline, new Set(outline.map((s) => s.id)));
    expect(closed.map((i) => i.node.label)).toEqual(outline.map((s) => s.label));
    expect(all.find((i) => i.node.label === 'Sales demo')).toMatchObject({ level: 4, parent: { label: 'Touchpoints' } });
  });
});
