import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_NAMES, type JourneyboardApi } from '../../../shared/api/contract.ts';
import { parseTranscript, type ParsedPassage } from '../../../shared/interviews/transcripts.ts';
import { newInterview, newNote, newSample } from '../../../shared/model/interview-factories.ts';
import { newWorkshopRecords } from '../../../shared/model/new-workshop.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import type { AnyRecord, Note, Passage } from '../../../shared/model/records.ts';
import { Editor } from '../../../renderer/src/editor/editor.ts';
import { notesOf } from '../../../renderer/src/interviews/interview-actions.ts';
import { addTranscript, highlightSegments, noteFromSpan, notesByPassage, passagesOf, recordingTime, transcriptSummary, trimSpan } from '../../../renderer/src/interviews/transcript-actions.ts';

const NOW = new Date('2026-11-23T11:00:00.000Z');
const teams = readFileSync(new URL('../../fixtures/transcripts/teams.vtt', import.meta.url), 'utf8');

function parsed(fileName: string, text: string): ParsedPassage[] {
  const result = parseTranscript(fileName, text);
  if (!result.ok) throw new Error(result.error);
  return result.passages;
}

async function openEditor(): Promise<{ editor: Editor; interviewId: string }> {
  const sample = newSample({ name: 'DACH', position: 'a0' });
  const interview = newInterview({ sampleId: sample.id, code: 'INT-01', position: 'a0' });
  const records: AnyRecord[] = [...newWorkshopRecords('Transcripts'), sample, interview];
  const opened = { path: '/w.journey', fileFormatVersion: 1, records, readOnly: false, notices: [] };
  const api = Object.fromEntries(API_NAMES.map((name) => [name, async () => ({ ok: true, value: null })])) as unknown as JourneyboardApi;
  (api as any)['workshop-open'] = async () => ({ ok: true, value: opened });
  (api as any)['workshop-apply-change'] = async () => ({ ok: true, value: { savedAt: NOW.toISOString() } });
  const editor = new Editor(api);
  await editor.openWorkshop('/w.journey');
  return { editor, interviewId: interview.id };
}

const passages = (editor: Editor) => Object.values(editor.state.records).filter((r): r is Passage => r.type === 'passage');

describe('the one-line summary of a transcript file', () => {
  it('counts passages, distinct speakers and the recording’s length', () => {
    const teamsPassages = parsed('teams.vtt', teams);
    expect(transcriptSummary(teamsPassages)).toMatch(/^\d+ passages, 2 speakers, (under 1 min|\d+ min)$/);
    const long = [
      { speaker: 'Lee', startMs: 0, endMs: 30_000, text: 'Hello' },
      { speaker: 'Buyer', startMs: 30_000, endMs: 58 * 60_000 + 20_000, text: 'Hi' },
    ];
    expect(transcriptSummary(long)).toBe('2 passages, 2 speakers, 58 min');
    expect(transcriptSummary([{ speaker: '', startMs: 0, endMs: 0, text: 'Notes' }])).toBe('1 passage, no speaker names, no times');
  });

  it('writes recording times as a player does, minutes running past the hour', () => {
    expect(recordingTime(0)).toBe('00:00');
    expect(recordingTime(192_400)).toBe('03:12');
    expect(recordingTime(72 * 60_000 + 5_000)).toBe('72:05');
  });
});

describe('adding a transcript to an interview', () => {
  it('adds every passage in one change that one undo takes back whole', async () => {
    const { editor, interviewId } = await openEditor();
    const file = parsed('teams.vtt', teams);
    const added = addTranscript(editor.state.records, interviewId, file);
    expect(added?.count).toBe(file.length);
    expect(editor.perform(added)).toBe(true);
    editor.seal();
    expect(passagesOf(editor.state.records, interviewId).map((p) => p.text)).toEqual(file.map((p) => p.text));
    expect(editor.state.undoStack).toHaveLength(1);
    editor.undo();
    expect(passages(editor)).toEqual([]);
  });

  it('puts a second file after the first', async () => {
    const { editor, interviewId } = await openEditor();
    editor.perform(addTranscript(editor.state.records, interviewId, [{ speaker: 'A', startMs: 0, endMs: 1000, text: 'First file' }]));
    editor.perform(addTranscript(editor.state.records, interviewId, [{ speaker: 'B', startMs: 0, endMs: 1000, text: 'Second file' }]));
    expect(passagesOf(editor.state.records, interviewId).map((p) => p.text)).toEqual(['First file', 'Second file']);
  });

  it('adds nothing to an interview that is gone, or from an empty file', async () => {
    const { editor, interviewId } = await openEditor();
    expect(addTranscript(editor.state.records, 'interview-gone', [{ speaker: 'A', startMs: 0, endMs: 1, text: 'x' }])).toBeNull();
    expect(addTranscript(editor.state.records, interviewId, [])).toBeNull();
  });
});

describe('a note from a span of a passage', () => {
  async function withPassage(text: string, startMs = 754_000) {
    const { editor, interviewId } = await openEditor();
    editor.perform(addTranscript(editor.state.records, interviewId, [{ speaker: 'Tom', startMs, endMs: startMs + 9000, text }]));
    editor.seal();
    return { editor, interviewId, passage: passagesOf(editor.state.records, interviewId)[0]! };
  }

  it('keeps the passage, the span’s offsets, the words, and the passage’s time', async () => {
    const { editor, interviewId, passage } = await withPassage('Finance was furious & the CFO asked for options by Friday.');
    const made = noteFromSpan(editor.state.records, passage.id, 0, 19, NOW);
    expect(editor.perform(made)).toBe(true);
    editor.seal();
    expect(editor.state.records[made!.noteId]).toMatchObject({ interviewId, passageId: passage.id, startOffset: 0, endOffset: 19, text: 'Finance was furious', minutesIn: 12.5, takenAt: NOW.toISOString() });
    expect(notesByPassage(editor.state.records, interviewId).get(passage.id)?.map((n) => n.id)).toEqual([made!.noteId]);
    editor.undo();
    expect(notesOf(editor.state.records, interviewId)).toEqual([]);
  });

  it('leaves out the blanks a drag picks up, and makes nothing of blanks alone', async () => {
    const { editor, passage } = await withPassage('We asked two peers.  Then we read reviews.');
    const made = noteFromSpan(editor.state.records, passage.id, 19, 42, NOW)!;
    const note = Object.values(made.change.added).find((r): r is Note => r.type === 'note')!;
    expect(note).toMatchObject({ startOffset: 21, endOffset: 42, text: 'Then we read reviews.' });
    expect(passage.text.slice(note.startOffset!, note.endOffset!)).toBe(note.text);
    expect(noteFromSpan(editor.state.records, passage.id, 19, 21, NOW)).toBeNull();
    expect(noteFromSpan(editor.state.records, 'passage-gone', 0, 4, NOW)).toBeNull();
  });

  it('keeps a note within a note’s length when the span is longer', () => {
    const text = 'word '.repeat(1000);
    const span = trimSpan(text, 0, text.length)!;
    expect(span.end - span.start).toBe(LIMITS.cardTextLength);
  });

  it('is placed after the interview’s notes, so the list reads in the order notes were made', async () => {
    const { editor, interviewId, passage } = await withPassage('One two three');
    const typed = newNote({ interviewId, position: 'a5', takenAt: NOW.toISOString(), minutesIn: 1, text: 'Typed' });
    editor.perform({ change: { added: { [typed.id]: typed }, updated: {}, removed: {} } });
    const made = noteFromSpan(editor.state.records, passage.id, 4, 7, NOW)!;
    editor.perform(made);
    expect(notesOf(editor.state.records, interviewId).map((n) => n.text)).toEqual(['Typed', 'two']);
  });
});

describe('highlighting the spans that are notes', () => {
  const span = (id: string, startOffset: number | null, endOffset: number | null) => ({ id: id as `note:${string}`, startOffset, endOffset });

  it('cuts the text where spans begin and end, overlaps marked by every note over them', () => {
    expect(highlightSegments(20, [span('a', 2, 8), span('b', 5, 12)])).toEqual([
      { start: 0, end: 2, noteIds: [] },
      { start: 2, end: 5, noteIds: ['a'] },
      { start: 5, end: 8, noteIds: ['a', 'b'] },
      { start: 8, end: 12, noteIds: ['b'] },
      { start: 12, end: 20, noteIds: [] },
    ]);
  });

  it('draws plain text whole, and clamps offsets a shorter passage no longer has', () => {
    expect(highlightSegments(10, [])).toEqual([{ start: 0, end: 10, noteIds: [] }]);
    expect(highlightSegments(10, [span('a', 6, 40), span('typed', null, null)])).toEqual([
      { start: 0, end: 6, noteIds: [] },
      { start: 6, end: 10, noteIds: ['a'] },
    ]);
    expect(highlightSegments(0, [])).toEqual([]);
  });
});
