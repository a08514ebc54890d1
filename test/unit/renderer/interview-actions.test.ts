import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../shared/change/change.ts';
import { API_NAMES, type JourneyboardApi } from '../../../shared/api/contract.ts';
import { evidenceFor } from '../../../shared/interviews/evidence.ts';
import type { RecordMap } from '../../../shared/model/document.ts';
import { newInterview, newSample } from '../../../shared/model/interview-factories.ts';
import { newWorkshopRecords } from '../../../shared/model/new-workshop.ts';
import { newCard, newLane, newStage, newStep } from '../../../shared/model/record-factories.ts';
import type { AnyRecord, NoteTag } from '../../../shared/model/records.ts';
import { Editor } from '../../../renderer/src/editor/editor.ts';
import {
  addPseudonym,
  beginNote,
  finishNote,
  linkNoteToCard,
  minutesSince,
  nextInterviewCode,
  removePseudonym,
  setNoteText,
  startClock,
  stopClock,
  tagNote,
  tagNoteWithNewTag,
  tagsOfNote,
  untagNote,
} from '../../../renderer/src/interviews/interview-actions.ts';
import { extractEmotions, filterSuggestions, hashTokenAt, removeToken, tagSuggestions } from '../../../renderer/src/interviews/note-tokens.ts';

const toMap = (records: AnyRecord[]): RecordMap => Object.fromEntries(records.map((r) => [r.id, r]));
const NOW = new Date('2026-11-23T10:12:30.000Z');

/** A workshop with one journey (a stage, a step, a card), one sample and one interview started at 10:00. */
function workshop() {
  const base = newWorkshopRecords('Interviews');
  const journey = base.find((r) => r.type === 'journey')!;
  const stage = newStage({ journeyId: journey.id, name: 'Research', position: 'a0' });
  const step = newStep({ stageId: stage.id, name: 'Compare vendors', position: 'a0' });
  const lane = newLane({ journeyId: journey.id, name: 'Pain points', laneType: 'pain-points', position: 'a9' });
  const card = newCard({ stepId: step.id, laneId: lane.id, text: 'Pricing page hides the total', position: 'a0' });
  const sample = newSample({ name: 'DACH manufacturers', position: 'a0' });
  const interview = newInterview({ sampleId: sample.id, code: 'INT-01', position: 'a0', role: 'Buyer', companyCode: 'Company-C', date: '2026-11-23', startedAt: '2026-11-23T10:00:00.000Z' });
  const records = [...base, stage, step, lane, card, sample, interview];
  return { journey, stage, step, card, sample, interview, records, map: toMap(records) };
}

/** An editor with the workshop open against a stand-in for the file that takes every change. */
async function openEditor(records: AnyRecord[]): Promise<Editor> {
  const opened = { path: '/w.journey', fileFormatVersion: 1, records, readOnly: false, notices: [] };
  const api = Object.fromEntries(API_NAMES.map((name) => [name, async () => ({ ok: true, value: null })])) as unknown as JourneyboardApi;
  (api as any)['workshop-open'] = async () => ({ ok: true, value: opened });
  (api as any)['workshop-apply-change'] = async () => ({ ok: true, value: { savedAt: '2026-11-23T10:00:00.000Z' } });
  const editor = new Editor(api);
  await editor.openWorkshop('/w.journey');
  return editor;
}

const noteTags = (editor: Editor): NoteTag[] => Object.values(editor.state.records).filter((r): r is NoteTag => r.type === 'note-tag');
const notes = (editor: Editor) => Object.values(editor.state.records).filter((r) => r.type === 'note');

describe('taking a note', () => {
  it('creates the note with its tags in one change, timed from the interview clock; one undo removes both', async () => {
    const { interview, stage, records } = workshop();
    const editor = await openEditor(records);
    const result = beginNote(editor.state.records, interview.id, 'They compare three vendors', NOW, [{ kind: 'stage', stageId: stage.id }, { kind: 'quote' }]);
    expect(Object.values(result.change.added).map((r) => r.type).sort()).toEqual(['note', 'note-tag', 'note-tag']);
    expect(editor.perform(result)).toBe(true);
    editor.seal();
    expect(editor.state.records[result.noteId]).toMatchObject({ text: 'They compare three vendors', takenAt: NOW.toISOString(), minutesIn: 12.5, interviewId: interview.id });
    expect(noteTags(editor).map((t) => t.kind).sort()).toEqual(['quote', 'stage']);
    editor.undo();
    expect(notes(editor)).toEqual([]);
    expect(noteTags(editor)).toEqual([]);
  });

  it('merges the typing and the tags picked while typing into the note’s one undo step', async () => {
    const { interview, step, records } = workshop();
    const editor = await openEditor(records);
    const begun = beginNote(editor.state.records, interview.id, 'T', NOW);
    editor.perform(begun);
    for (const text of ['Th', 'The', 'The demo #comp']) editor.perform(setNoteText(editor.state.records, begun.noteId, text));
    editor.perform(tagNote(editor.state.records, begun.noteId, { kind: 'step', stepId: step.id }, 'The demo '));
    editor.perform(setNoteText(editor.state.records, begun.noteId, 'The demo broke !-2'));
    editor.perform(finishNote(editor.state.records, begun.noteId));
    editor.seal();
    expect(editor.state.undoStack).toHaveLength(1);
    expect(editor.state.records[begun.noteId]).toMatchObject({ text: 'The demo broke' });
    const emotion = noteTags(editor).find((t) => t.kind === 'emotion');
    expect(emotion).toMatchObject({ score: -2, stepId: step.id });
    editor.undo();
    expect(notes(editor)).toEqual([]);
    expect(noteTags(editor)).toEqual([]);
  });

  it('takes an emotion’s step from the last step tagged earlier in the interview', () => {
    const { interview, step, map } = workshop();
    const first = beginNote(map, interview.id, 'Looking at vendors', NOW, [{ kind: 'step', stepId: step.id }]);
    const afterFirst = applyChange(map, first.change);
    const second = beginNote(afterFirst, interview.id, 'Frustrated !-3 with the forms', NOW);
    const afterSecond = applyChange(afterFirst, second.change);
    const finished = applyChange(afterSecond, finishNote(afterSecond, second.noteId)!.change);
    expect(finished[second.noteId]).toMatchObject({ text: 'Frustrated with the forms' });
    expect(tagsOfNote(finished, second.noteId)).toEqual([expect.objectContaining({ kind: 'emotion', score: -3, stepId: step.id })]);
  });

  it('leaves nothing, not even an undo step, for a note typed and emptied again', async () => {
    const { interview, records } = workshop();
    const editor = await openEditor(records);
    const begun = beginNote(editor.state.records, interview.id, 'x', NOW);
    editor.perform(begun);
    editor.perform(setNoteText(editor.state.records, begun.noteId, ''));
    editor.perform(finishNote(editor.state.records, begun.noteId));
    editor.seal();
    expect(notes(editor)).toEqual([]);
    expect(editor.state.undoStack).toEqual([]);
  });

  it('measures minutes from the start of the clock, 0 before it starts, and stops at whole minutes', () => {
    const { interview, map } = workshop();
    expect(minutesSince(null, NOW)).toBe(0);
    expect(minutesSince('2026-11-23T11:00:00.000Z', NOW)).toBe(0);
    const unstarted = { ...map, [interview.id]: { ...interview, startedAt: null } };
    const started = applyChange(unstarted, startClock(unstarted, interview.id, NOW)!.change);
    expect(started[interview.id]).toMatchObject({ startedAt: NOW.toISOString(), actualMinutes: null });
    const stopped = applyChange(started, stopClock(started, interview.id, new Date(NOW.getTime() + 47.6 * 60_000))!.change);
    expect(stopped[interview.id]).toMatchObject({ actualMinutes: 48 });
  });

  it('numbers new interviews after the highest INT-NN of the workshop', () => {
    const { map, sample } = workshop();
    expect(nextInterviewCode(map)).toBe('INT-02');
    const other = newInterview({ sampleId: sample.id, code: 'int-11', position: 'a1' });
    expect(nextInterviewCode({ ...map, [other.id]: other })).toBe('INT-12');
  });
});

describe('tags on notes', () => {
  it('removes one tag and keeps the note and its other tags', () => {
    const { interview, stage, map } = workshop();
    const begun = beginNote(map, interview.id, 'A quote', NOW, [{ kind: 'quote' }, { kind: 'stage', stageId: stage.id }]);
    const records = applyChange(map, begun.change);
    const quote = tagsOfNote(records, begun.noteId).find((t) => t.kind === 'quote')!;
    const after = applyChange(records, untagNote(records, quote.id)!.change);
    expect(after[begun.noteId]).toBeDefined();
    expect(tagsOfNote(after, begun.noteId).map((t) => t.kind)).toEqual(['stage']);
  });

  it('does not tag a note twice with the same thing, and makes a new workshop tag with its note-tag in one change', () => {
    const { interview, map } = workshop();
    const begun = beginNote(map, interview.id, 'Procurement', NOW, [{ kind: 'outlier' }]);
    const records = applyChange(map, begun.change);
    expect(tagNote(records, begun.noteId, { kind: 'outlier' })).toBeNull();
    const created = tagNoteWithNewTag(records, begun.noteId, 'procurement')!;
    expect(Object.values(created.change.added).map((r) => r.type)).toEqual(['tag', 'note-tag']);
    const after = applyChange(records, created.change);
    // The same name again reuses the tag instead of making a second one.
    expect(Object.values(tagNoteWithNewTag(after, begun.noteId, 'Procurement') ?? { change: { added: {} } }.change.added)).toEqual([]);
  });

  it('links a note to a card as evidence, once, and the card’s evidence counts it', () => {
    const { interview, card, map } = workshop();
    const begun = beginNote(map, interview.id, 'I never found the total price', NOW);
    const records = applyChange(map, begun.change);
    const linked = linkNoteToCard(records, begun.noteId, card.id)!;
    expect(linked.mergeKey).toBeUndefined();
    const after = applyChange(records, linked.change);
    expect(tagsOfNote(after, begun.noteId)).toEqual([expect.objectContaining({ kind: 'card', cardId: card.id })]);
    expect(linkNoteToCard(after, begun.noteId, card.id)).toBeNull();
    expect(evidenceFor(after, card.id)).toMatchObject({ interviews: 1, companies: 1, roles: 1, verdict: 'outlier' });
    expect(linkNoteToCard(after, begun.noteId, 'card:nope')).toBeNull();
  });
});

describe('the private key', () => {
  it('adds and removes a real name → code row', () => {
    const { interview, map } = workshop();
    const added = applyChange(map, addPseudonym(map, interview.id, 'person', ' Anna Schmidt ', 'Buyer-01').change);
    const row = Object.values(added).find((r) => r.type === 'pseudonym')!;
    expect(row).toMatchObject({ realName: 'Anna Schmidt', code: 'Buyer-01', kind: 'person', interviewId: interview.id });
    expect(Object.values(applyChange(added, removePseudonym(added, row.id)!.change)).some((r) => r.type === 'pseudonym')).toBe(false);
  });
});

describe('what is typed besides the note', () => {
  it('finds the #token at the caret, names with spaces included, and takes it out of the text', () => {
    expect(hashTokenAt('Price #mom', 10)).toEqual({ start: 6, query: 'mom' });
    expect(hashTokenAt('Price #moment of', 16)).toEqual({ start: 6, query: 'moment of' });
    expect(hashTokenAt('issue#3', 7)).toBeNull();
    expect(removeToken('Price #quote was high', { start: 6, query: 'quote' }, 12)).toEqual({ text: 'Price was high', caret: 5 });
    expect(removeToken('#quote', { start: 0, query: 'quote' }, 6)).toEqual({ text: '', caret: 0 });
  });

  it('suggests stages, steps, the fixed tags and a new tag, best match first', () => {
    const { journey, map } = workshop();
    const all = tagSuggestions(map, journey.id);
    expect(filterSuggestions(all, 'res').map((s) => s.label)).toEqual(['Research']);
    expect(filterSuggestions(all, 'vendors').map((s) => s.detail)).toEqual(['step in Research']);
    expect(filterSuggestions(all, 'moment-of').map((s) => s.label)).toEqual(['moment of truth']);
    expect(filterSuggestions(all, 'q')[0]!.spec).toEqual({ kind: 'quote' });
    expect(filterSuggestions(all, 'budget')).toEqual([expect.objectContaining({ spec: { create: 'budget' } })]);
    expect(filterSuggestions(all, 'budget was')).toEqual([]);
  });

  it('reads !-2, !+3 and !0 as emotion scores, and leaves exclamation marks in prose alone', () => {
    expect(extractEmotions('Angry !-2 about it')).toEqual({ text: 'Angry about it', scores: [-2] });
    expect(extractEmotions('!+3 delighted')).toEqual({ text: ' delighted', scores: [3] });
    expect(extractEmotions('Great! !0')).toEqual({ text: 'Great! ', scores: [0] });
    expect(extractEmotions('Wow!-2 and !4')).toEqual({ text: 'Wow!-2 and !4', scores: [] });
  });
});
