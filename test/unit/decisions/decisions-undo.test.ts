import { describe, expect, it } from 'vitest';
import { Editor } from '../../../renderer/src/editor/editor.ts';
import { addAction, setRating, setScoring, toggleLink } from '../../../renderer/src/decisions/decision-actions.ts';
import type { JourneyboardApi } from '../../../shared/api/contract.ts';
import { API_NAMES } from '../../../shared/api/contract.ts';
import type { Change } from '../../../shared/change/change.ts';
import { rankNeedleMovers } from '../../../shared/decisions/needle-movers.ts';
import { recordsOfType } from '../../../shared/model/document.ts';
import { decisionWorkshop } from '../../support/decision-workshop.ts';

/**
 * The Decisions view writes through the editor like the board: each edit is one change
 * sent to the file, one undo step, and undo sends the inverse. Nothing is saved another way.
 */
async function openDecisions() {
  const { records, journey, a, b } = decisionWorkshop();
  const saved: Change[] = [];
  const opened = { path: '/w.journey', fileFormatVersion: 6, records: Object.values(records), readOnly: false, notices: [] };
  const api = Object.fromEntries(
    API_NAMES.map((name) => [
      name,
      async (input: { change?: Change }) => {
        if (name === 'workshop-open' || name === 'workshop-read') return { ok: true, value: opened };
        if (name === 'workshop-apply-change') saved.push(input.change!);
        return { ok: true, value: { savedAt: '2026-11-23T10:00:00.000Z' } };
      },
    ]),
  ) as unknown as JourneyboardApi;
  const editor = new Editor(api);
  await editor.openWorkshop('/w.journey');
  return { editor, saved, journey, a, b };
}

describe('decisions through the editor', () => {
  it('weights, a rating and an action are each one saved change and one undo step', async () => {
    const { editor, saved, journey, a, b } = await openDecisions();
    const before = rankNeedleMovers(editor.state.records, journey.id).map((r) => r.card.id);
    expect(before.slice(0, 2)).toEqual([a.id, b.id]);

    // Cost alone: B (€96,000) now leads A (€50,400).
    editor.perform(setScoring(editor.state.records, { evidenceWeight: 0, voteWeight: 0, severityWeight: 0 }));
    editor.seal();
    expect(rankNeedleMovers(editor.state.records, journey.id)[0]!.card.id).toBe(b.id);
    editor.perform(setRating(editor.state.records, a.id, { effort: 2 }));
    editor.seal();
    const added = addAction(editor.state.records, { title: 'Check first invoices', owner: 'Ana Ruiz' }, [a.id]);
    editor.perform(added);
    editor.seal();
    editor.perform(toggleLink(editor.state.records, added.actionId, { cardId: b.id }));
    editor.seal();
    await editor.whenSaved();
    expect(saved).toHaveLength(4);
    expect(recordsOfType(editor.state.records, 'plan-link')).toHaveLength(2);

    // Undo walks back one step at a time: the second link, the action with its first link, the rating, the weights.
    editor.undo();
    expect(recordsOfType(editor.state.records, 'plan-link')).toHaveLength(1);
    editor.undo();
    expect(recordsOfType(editor.state.records, 'plan-action')).toEqual([]);
    expect(recordsOfType(editor.state.records, 'plan-link')).toEqual([]);
    editor.undo();
    expect(recordsOfType(editor.state.records, 'rating')).toEqual([]);
    editor.undo();
    expect(recordsOfType(editor.state.records, 'scoring')).toEqual([]);
    expect(rankNeedleMovers(editor.state.records, journey.id).map((r) => r.card.id)).toEqual(before);
    await editor.whenSaved();
    expect(saved).toHaveLength(8);
  });
});
