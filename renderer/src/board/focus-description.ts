import { cellKey, type BoardLayout } from '../../../shared/layout/board-layout.ts';
import type { RecordMap } from '../../../shared/model/document.ts';
import type { Focus } from '../editor/editor-state.ts';

const nameOf = (records: RecordMap, id: string, fallback: string) => {
  const record = records[id];
  return (record && 'name' in record && record.name) || fallback;
};

/**
 * The board's focus in words, for a screen reader: the canvas draws the focus ring,
 * this says where it is ("Evaluate › Demo and trial › Touchpoints: card 1 of 2, Sales
 * demo"). Read out as the arrow keys move it.
 */
export function describeFocus(records: RecordMap, layout: BoardLayout | null, focus: Focus | null): string {
  if (!focus || !layout) return '';
  if (focus.kind === 'header') {
    const record = records[focus.id];
    if (!record) return '';
    const kind = record.type === 'stage' ? 'Stage' : record.type === 'step' ? 'Step' : record.type === 'lane' ? 'Lane' : '';
    return `${kind} ${nameOf(records, focus.id, 'untitled')}`.trim();
  }
  const step = records[focus.stepId];
  if (step?.type !== 'step') return '';
  const where = `${nameOf(records, step.stageId, 'Untitled stage')} › ${nameOf(records, step.id, 'Untitled step')} › ${nameOf(records, focus.laneId, 'Untitled lane')}`;
  const cards = layout.cardsByCell.get(cellKey(focus.stepId, focus.laneId)) ?? [];
  const index = focus.cardId ? cards.findIndex((box) => box.card.id === focus.cardId) : -1;
  if (index >= 0) return `${where}: card ${index + 1} of ${cards.length}, ${cards[index]!.card.text || 'empty'}`;
  if (cards.length === 0) return `${where}: empty cell`;
  return `${where}: ${cards.length} ${cards.length === 1 ? 'card' : 'cards'}`;
}
