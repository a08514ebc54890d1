import { changeFrom } from '../../../shared/change/change.ts';
import { dependentsOf, recordsGroupedBy, recordsOfType, type RecordMap } from '../../../shared/model/document.ts';
import { newInterview, newNote, newNoteTag, newPseudonym, newSample, newTag } from '../../../shared/model/interview-factories.ts';
import { byPosition, positionAtIndex } from '../../../shared/model/ordering.ts';
import type { Interview, Note, NoteTag, NoteTagKind, Pseudonym, Sample } from '../../../shared/model/records.ts';
import type { ActionResult } from '../editor/document-actions.ts';
import { extractEmotions } from './note-tokens.ts';

/**
 * The interviewer's edits as pure changes, like the board's (document-actions.ts): the
 * editor commits them, so undo, autosave and crash safety come with every one. A note
 * and everything tagged while typing it share one merge key, so a note with its tags is
 * one undo step.
 */

/** What a tag on a note points at; the ids the kind needs (see noteTagSchema). */
export interface TagSpec {
  kind: NoteTagKind;
  stageId?: string;
  stepId?: string;
  cardId?: string;
  tagId?: string;
  score?: number;
}

export const noteMergeKey = (noteId: string) => `note:${noteId}`;

export function addSample(records: RecordMap, fields: Omit<Sample, 'id' | 'type' | 'position'>): ActionResult & { sampleId: string } {
  const siblings = byPosition(recordsOfType(records, 'sample'));
  const sample = newSample({ ...fields, position: positionAtIndex(siblings, siblings.length) });
  return { change: changeFrom(records, { put: [sample] }), sampleId: sample.id };
}

/** The next free INT-NN over the whole workshop, so codes stay unique across samples. */
export function nextInterviewCode(records: RecordMap): string {
  let highest = 0;
  for (const interview of recordsOfType(records, 'interview')) {
    const match = /^INT-(\d+)$/i.exec(interview.code.trim());
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `INT-${String(highest + 1).padStart(2, '0')}`;
}

export function interviewsOf(records: RecordMap, sampleId: string): Interview[] {
  return byPosition(recordsGroupedBy(records, 'interview', 'sampleId').get(sampleId) ?? []);
}

export function addInterview(
  records: RecordMap,
  sampleId: string,
  fields: Partial<Omit<Interview, 'id' | 'type' | 'sampleId' | 'position'>> & { code: string },
): ActionResult & { interviewId: string } {
  const siblings = interviewsOf(records, sampleId);
  const interview = newInterview({ ...fields, sampleId, position: positionAtIndex(siblings, siblings.length) });
  return { change: changeFrom(records, { put: [interview] }), interviewId: interview.id };
}

/** Minutes since the clock started, to a tenth, within what a note may hold. */
export function minutesSince(startedAt: string | null, now: Date): number {
  if (!startedAt) return 0;
  const minutes = (now.getTime() - Date.parse(startedAt)) / 60_000;
  return Math.min(1440, Math.max(0, Math.floor(minutes * 10) / 10));
}

/** Start: the clock runs from now. Starting a stopped interview carries on from its start. */
export function startClock(records: RecordMap, interviewId: string, now: Date): ActionResult | null {
  const interview = records[interviewId];
  if (interview?.type !== 'interview') return null;
  const startedAt = interview.startedAt ?? now.toISOString();
  return { change: changeFrom(records, { put: [{ ...interview, startedAt, actualMinutes: null }] }) };
}

export function stopClock(records: RecordMap, interviewId: string, now: Date): ActionResult | null {
  const interview = records[interviewId];
  if (interview?.type !== 'interview' || !interview.startedAt) return null;
  const actualMinutes = Math.min(1440, Math.round(minutesSince(interview.startedAt, now)));
  return { change: changeFrom(records, { put: [{ ...interview, actualMinutes }] }) };
}

export function notesOf(records: RecordMap, interviewId: string): Note[] {
  return byPosition(recordsGroupedBy(records, 'note', 'interviewId').get(interviewId) ?? []);
}

export function tagsOfNote(records: RecordMap, noteId: string): NoteTag[] {
  return [...(recordsGroupedBy(records, 'note-tag', 'noteId').get(noteId) ?? [])];
}

/**
 * A new note at the end of the interview, with any tags, in one change. It is made at
 * the first keystroke so a crash mid-sentence loses nothing; its time is that moment,
 * when the customer said it, not when the interviewer finished typing it.
 */
export function beginNote(records: RecordMap, interviewId: string, text: string, now: Date, tags: TagSpec[] = []): ActionResult & { noteId: string } {
  const interview = records[interviewId];
  const startedAt = interview?.type === 'interview' ? interview.startedAt : null;
  const siblings = notesOf(records, interviewId);
  const note = newNote({ interviewId, text, position: positionAtIndex(siblings, siblings.length), takenAt: now.toISOString(), minutesIn: minutesSince(startedAt, now) });
  const noteTags = tags.map((spec) => newNoteTag({ noteId: note.id, ...spec }));
  return { change: changeFrom(records, { put: [note, ...noteTags] }), mergeKey: noteMergeKey(note.id), noteId: note.id };
}

export function setNoteText(records: RecordMap, noteId: string, text: string): ActionResult | null {
  const note = records[noteId];
  if (note?.type !== 'note' || note.text === text) return null;
  return { change: changeFrom(records, { put: [{ ...note, text }] }), mergeKey: noteMergeKey(noteId) };
}

function sameTarget(tag: NoteTag, spec: TagSpec): boolean {
  return tag.kind === spec.kind && tag.stageId === (spec.stageId ?? null) && tag.stepId === (spec.stepId ?? null) && tag.cardId === (spec.cardId ?? null) && tag.tagId === (spec.tagId ?? null);
}

/**
 * Tags a note, optionally replacing its text in the same change (the `#token` typed to
 * pick the tag goes). A tag the note already has is not added twice; an emotion replaces
 * the note's earlier score at the same step.
 */
export function tagNote(records: RecordMap, noteId: string, spec: TagSpec, text?: string): ActionResult | null {
  const note = records[noteId];
  if (note?.type !== 'note') return null;
  const existing = tagsOfNote(records, noteId);
  const put: (Note | NoteTag)[] = [];
  const remove: NoteTag[] = [];
  if (text !== undefined && text !== note.text) put.push({ ...note, text });
  if (spec.kind === 'emotion') remove.push(...existing.filter((t) => t.kind === 'emotion' && t.stepId === (spec.stepId ?? null)));
  else if (existing.some((t) => sameTarget(t, spec))) return put.length ? { change: changeFrom(records, { put }), mergeKey: noteMergeKey(noteId) } : null;
  put.push(newNoteTag({ noteId, ...spec }));
  return { change: changeFrom(records, { put, remove }), mergeKey: noteMergeKey(noteId) };
}

/** A new tag in the workshop's own vocabulary, put on the note at once. */
export function tagNoteWithNewTag(records: RecordMap, noteId: string, name: string, text?: string): ActionResult | null {
  const siblings = byPosition(recordsOfType(records, 'tag'));
  const existing = siblings.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
  if (existing) return tagNote(records, noteId, { kind: 'tag', tagId: existing.id }, text);
  const tag = newTag({ name: name.trim(), position: positionAtIndex(siblings, siblings.length) });
  const tagged = tagNote({ ...records, [tag.id]: tag }, noteId, { kind: 'tag', tagId: tag.id }, text);
  if (!tagged) return null;
  return { ...tagged, change: { ...tagged.change, added: { [tag.id]: tag, ...tagged.change.added } } };
}

export function untagNote(records: RecordMap, noteTagId: string): ActionResult | null {
  const tag = records[noteTagId];
  if (tag?.type !== 'note-tag') return null;
  return { change: changeFrom(records, { remove: [tag] }) };
}

/** "Link to card…": the note becomes evidence for the card. */
export function linkNoteToCard(records: RecordMap, noteId: string, cardId: string): ActionResult | null {
  if (records[cardId]?.type !== 'card') return null;
  const result = tagNote(records, noteId, { kind: 'card', cardId });
  return result && { change: result.change };
}

/**
 * The step a note speaks about: its own step tag, or else the last step tagged earlier
 * in the same interview, since an interviewer tags the step once and the notes that
 * follow are about it until the conversation moves on.
 */
export function stepOfNote(records: RecordMap, noteId: string): string | null {
  const note = records[noteId];
  if (note?.type !== 'note') return null;
  const notes = notesOf(records, note.interviewId);
  for (let i = notes.findIndex((n) => n.id === noteId); i >= 0; i--) {
    const step = tagsOfNote(records, notes[i]!.id).find((t) => t.kind === 'step');
    if (step?.stepId) return step.stepId;
  }
  return null;
}

/**
 * Enter on a note: `!-2`-style scores become emotion tags at the note's step and leave
 * the text, which is trimmed. A note left with no text and no tags is removed, so an
 * accidental keystroke leaves nothing behind (and, merged, nothing to undo).
 */
export function finishNote(records: RecordMap, noteId: string): ActionResult | null {
  const note = records[noteId];
  if (note?.type !== 'note') return null;
  const { text, scores } = extractEmotions(note.text);
  const stepId = stepOfNote(records, noteId);
  const existing = tagsOfNote(records, noteId);
  if (text.trim() === '' && existing.length === 0 && scores.length === 0) {
    return { change: changeFrom(records, { remove: [note] }), mergeKey: noteMergeKey(noteId) };
  }
  const put: (Note | NoteTag)[] = [];
  const remove: NoteTag[] = [];
  if (text.trim() !== note.text) put.push({ ...note, text: text.trim() });
  const score = scores.at(-1);
  if (score !== undefined) {
    remove.push(...existing.filter((t) => t.kind === 'emotion' && t.stepId === stepId));
    put.push(newNoteTag({ noteId, kind: 'emotion', score, ...(stepId ? { stepId } : {}) }));
  }
  if (put.length === 0) return null;
  return { change: changeFrom(records, { put, remove }), mergeKey: noteMergeKey(noteId) };
}

export function deleteNote(records: RecordMap, noteId: string): ActionResult | null {
  const note = records[noteId];
  if (note?.type !== 'note') return null;
  return { change: changeFrom(records, { remove: [...dependentsOf(records, noteId), note] }) };
}

export function pseudonymsOf(records: RecordMap, interviewId: string): Pseudonym[] {
  return (recordsGroupedBy(records, 'pseudonym', 'interviewId').get(interviewId) ?? []).toSorted((a, b) => a.realName.localeCompare(b.realName));
}

export function addPseudonym(records: RecordMap, interviewId: string, kind: Pseudonym['kind'], realName: string, code: string): ActionResult {
  return { change: changeFrom(records, { put: [newPseudonym({ interviewId, kind, realName: realName.trim(), code: code.trim() })] }) };
}

export function removePseudonym(records: RecordMap, pseudonymId: string): ActionResult | null {
  const pseudonym = records[pseudonymId];
  if (pseudonym?.type !== 'pseudonym') return null;
  return { change: changeFrom(records, { remove: [pseudonym] }) };
}
