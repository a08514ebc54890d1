import { describe, expect, it } from 'vitest';
import { Editor } from '../../../renderer/src/editor/editor.ts';
import { addCard, addStage, deleteWithDependents, moveCard, setCardText } from '../../../renderer/src/editor/document-actions.ts';
import { finishCardEditing } from '../../../renderer/src/editor/commands.ts';
import type { ApiName, JourneyboardApi } from '../../../shared/api/contract.ts';
import { API_NAMES } from '../../../shared/api/contract.ts';
import type { Change } from '../../../shared/change/change.ts';
import { newWorkshopRecords } from '../../../shared/model/new-workshop.ts';
import { lanesOf, stepsOf } from '../../../shared/model/document.ts';
import type { AnyRecord, Card } from '../../../shared/model/records.ts';
import { LIMITS } from '../../../shared/model/limits.ts';

/** A stand-in for the file: records every change it is sent and can refuse the next one. */
function fakeApi(records: AnyRecord[]) {
  const saved: Change[] = [];
  let refuseNext = false;
  const api = Object.fromEntries(API_NAMES.map((name) => [name, async () => ({ ok: true, value: null })])) as unknown as JourneyboardApi;
  const override = (name: ApiName, fn: (input: any) => unknown) => ((api as any)[name] = async (input: unknown) => fn(input));
  const opened = { path: '/w.journey', fileFormatVersion: 1, records, readOnly: false, notices: [] };
  override('workshop-open', () => ({ ok: true, value: opened }));
  override('workshop-read', () => ({ ok: true, value: opened }));
  override('workshop-apply-change', ({ change }) => {
    if (refuseNext) {
      refuseNext = false;
      return { ok: false, error: { code: 'disk-full', message: 'The disk is full.' } };
    }
    saved.push(change);
    return { ok: true, value: { savedAt: '2026-11-23T10:00:00.000Z' } };
  });
  return { api, saved, refuseNextSave: () => (refuseNext = true) };
}

async function openEditor() {
  const records = newWorkshopRecords('Test');
  const fake = fakeApi(records);
  const editor = new Editor(fake.api);
  await editor.openWorkshop('/w.journey');
  const journeyId = editor.state.journeyId!;
  editor.perform(addStage(editor.state.records, journeyId));
  editor.seal();
  const stage = Object.values(editor.state.records).find((r) => r.type === 'stage')!;
  const cell = { stepId: stepsOf(editor.state.records, stage.id)[0]!.id, laneId: lanesOf(editor.state.records, journeyId)[0]!.id };
  return { editor, cell, ...fake };
}
const cardsOf = (editor: Editor) => Object.values(editor.state.records).filter((r): r is Card => r.type === 'card');

describe('the editor', () => {
  it('sends every committed change to the file, in order', async () => {
    const { editor, cell, saved } = await openEditor();
    editor.perform(addCard(editor.state.records, cell));
    await editor.whenSaved();
    expect(saved).toHaveLength(2);
    expect(Object.values(saved[1]!.added)).toEqual(cardsOf(editor));
    expect(editor.state.save.status).toBe('saved');
  });

  it('makes a new card and the typing that follows one undo step, and undo removes it from the file too', async () => {
    const { editor, cell, saved } = await openEditor();
    editor.perform(addCard(editor.state.records, cell));
    const id = cardsOf(editor)[0]!.id;
    for (const text of ['Cal', 'Calls supp', 'Calls support']) editor.perform(setCardText(editor.state.records, id, text));
    finishCardEditing(editor, id, 'stop');
    expect(editor.state.undoStack).toHaveLength(2);
    editor.undo();
    expect(cardsOf(editor)).toEqual([]);
    await editor.whenSaved();
    expect(Object.keys(saved.at(-1)!.removed)).toEqual([id]);
    editor.redo();
    expect(cardsOf(editor).map((c) => c.text)).toEqual(['Calls support']);
  });

  it('drops a card that was left empty, leaving nothing to undo', async () => {
    const { editor, cell } = await openEditor();
    const undoDepth = editor.state.undoStack.length;
    editor.perform(addCard(editor.state.records, cell));
    finishCardEditing(editor, cardsOf(editor)[0]!.id, 'stop');
    expect(cardsOf(editor)).toEqual([]);
    expect(editor.state.undoStack).toHaveLength(undoDepth);
  });

  it('starts the next card below after Enter', async () => {
    const { editor, cell } = await openEditor();
    editor.perform(addCard(editor.state.records, cell));
    const first = cardsOf(editor)[0]!.id;
    editor.perform(setCardText(editor.state.records, first, 'First'));
    finishCardEditing(editor, first, 'next-card');
    const second = cardsOf(editor).find((c) => c.id !== first)!;
    expect(editor.state.editing).toEqual({ kind: 'card', cardId: second.id });
    expect(second.position > cardsOf(editor).find((c) => c.id === first)!.position).toBe(true);
  });

  it('undoes a move back to the same cell and order', async () => {
    const { editor, cell } = await openEditor();
    editor.perform(addCard(editor.state.records, cell));
    const card = cardsOf(editor)[0]!;
    editor.perform(setCardText(editor.state.records, card.id, 'x'));
    editor.seal();
    const lanes = lanesOf(editor.state.records, editor.state.journeyId!);
    editor.perform(moveCard(editor.state.records, card.id, { ...cell, laneId: lanes[3]!.id }, 0));
    expect(cardsOf(editor)[0]!.laneId).toBe(lanes[3]!.id);
    editor.undo();
    expect(cardsOf(editor)[0]).toMatchObject({ laneId: cell.laneId, position: card.position });
  });

  it('deletes a stage with its steps and cards, and undo brings all of it back', async () => {
    const { editor, cell } = await openEditor();
    editor.perform(addCard(editor.state.records, cell));
    editor.perform(setCardText(editor.state.records, cardsOf(editor)[0]!.id, 'x'));
    editor.seal();
    const before = editor.state.records;
    const stage = Object.values(before).find((r) => r.type === 'stage')!;
    editor.perform(deleteWithDependents(before, stage.id));
    expect(Object.values(editor.state.records).some((r) => r.type === 'step' || r.type === 'card')).toBe(false);
    editor.undo();
    expect(editor.state.records).toEqual(before);
  });

  it('refuses text over the limit with a message, and commits nothing', async () => {
    const { editor, cell, saved } = await openEditor();
    editor.perform(addCard(editor.state.records, cell));
    await editor.whenSaved();
    const count = saved.length;
    const id = cardsOf(editor)[0]!.id;
    expect(editor.perform(setCardText(editor.state.records, id, 'x'.repeat(LIMITS.cardTextLength + 1)))).toBe(false);
    expect(editor.state.notice).toEqual({ kind: 'error', message: `A card can hold at most ${LIMITS.cardTextLength} characters.` });
    await editor.whenSaved();
    expect(saved).toHaveLength(count);
  });

  it('when the file refuses a change, keeps it and what follows on the board and in undo, unsaved, and saves them on a retry', async () => {
    const { editor, cell, refuseNextSave, saved } = await openEditor();
    await editor.whenSaved();
    const before = saved.length;
    refuseNextSave();
    editor.perform(addCard(editor.state.records, cell));
    editor.perform(setCardText(editor.state.records, cardsOf(editor)[0]!.id, 'Typed while the disk was full'));
    editor.stopEditing();
    editor.perform(addCard(editor.state.records, cell));
    await editor.whenSaved();
    expect(editor.state.save).toMatchObject({ status: 'failed', error: { code: 'disk-full', message: 'The disk is full.' }, unsaved: 3 });
    expect(cardsOf(editor).map((c) => c.text)).toContain('Typed while the disk was full');
    expect(editor.state.undoStack.length).toBeGreaterThan(1);
    expect(saved).toHaveLength(before);

    editor.retrySaving();
    await editor.whenSaved();
    expect(editor.state.save.status).toBe('saved');
    expect(saved).toHaveLength(before + 3);
  });
});
