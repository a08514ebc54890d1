import { changeFrom } from '../../../shared/change/change.ts';
import { toPassages, type ParsedPassage } from '../../../shared/interviews/transcripts.ts';
import { recordsGroupedBy, type RecordMap } from '../../../shared/model/document.ts';
import { newNote } from '../../../shared/model/interview-factories.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import { byPosition, positionAtIndex } from '../../../shared/model/ordering.ts';
import type { Note, Passage } from '../../../shared/model/records.ts';
import type { ActionResult } from '../editor/document-actions.ts';
import { notesOf } from './interview-actions.ts';

/**
 * A transcript in the interview editor: its passages added as one change, and notes
 * made from a span of a passage, which keep the passage and the span's offsets so the
 * words can be found again (and highlighted) in the transcript.
 */

export function passagesOf(records: RecordMap, interviewId: string): Passage[] {
  return byPosition(recordsGroupedBy(records, 'passage', 'interviewId').get(interviewId) ?? []);
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** Where a passage starts in the recording, as a player shows it: 03:12, or 72:05 past the hour. */
export function recordingTime(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${twoDigits(Math.floor(seconds / 60))}:${twoDigits(seconds % 60)}`;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "212 passages, 4 speakers, 58 min": what the file holds, before anything is added. */
export function transcriptSummary(passages: readonly ParsedPassage[]): string {
  const speakers = new Set(passages.map((p) => p.speaker.trim()).filter(Boolean)).size;
  const endMs = passages.reduce((end, p) => Math.max(end, p.endMs), 0);
  // Plain text without times has nothing to measure; a few seconds still say "under a minute".
  const length = endMs === 0 ? 'no times' : endMs < 60_000 ? 'under 1 min' : `${Math.round(endMs / 60_000)} min`;
  return `${plural(passages.length, 'passage')}, ${speakers === 0 ? 'no speaker names' : plural(speakers, 'speaker')}, ${length}`;
}

/**
 * The transcript's passages after the interview's last one (a second file carries on
 * where the first ended), as one change: one undo takes the whole file back out.
 */
export function addTranscript(records: RecordMap, interviewId: string, passages: readonly ParsedPassage[]): (ActionResult & { count: number }) | null {
  if (records[interviewId]?.type !== 'interview' || passages.length === 0) return null;
  const last = passagesOf(records, interviewId).at(-1);
  const added = toPassages(interviewId, { passages }, last?.position ?? null);
  return { change: changeFrom(records, { put: added }), count: added.length };
}

/** A span of a passage's text, without the blanks a drag picks up at either end. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  // A note holds at most a card's worth of text; a longer span keeps its beginning.
  to = Math.min(to, from + LIMITS.cardTextLength);
  return from < to ? { start: from, end: to } : null;
}

/**
 * "Make a note" from a span of a passage: the words as said, at the passage's time in
 * the recording, added after the interview's notes. Its own undo step.
 */
export function noteFromSpan(records: RecordMap, passageId: string, start: number, end: number, now: Date): (ActionResult & { noteId: string }) | null {
  const passage = records[passageId];
  if (passage?.type !== 'passage') return null;
  const span = trimSpan(passage.text, start, end);
  if (!span) return null;
  const siblings = notesOf(records, passage.interviewId);
  const note = newNote({
    interviewId: passage.interviewId,
    position: positionAtIndex(siblings, siblings.length),
    text: passage.text.slice(span.start, span.end),
    takenAt: now.toISOString(),
    // Tenths of a minute, like a typed note's clock time.
    minutesIn: Math.min(1440, Math.floor(passage.startMs / 6000) / 10),
    passageId: passage.id,
    startOffset: span.start,
    endOffset: span.end,
  });
  return { change: changeFrom(records, { put: [note] }), noteId: note.id };
}

/** The notes made from each passage of an interview, by passage id, in note order. */
export function notesByPassage(records: RecordMap, interviewId: string): Map<string, Note[]> {
  const out = new Map<string, Note[]>();
  for (const note of notesOf(records, interviewId)) {
    if (!note.passageId) continue;
    const list = out.get(note.passageId);
    if (list) list.push(note);
    else out.set(note.passageId, [note]);
  }
  return out;
}

export interface Segment {
  start: number;
  end: number;
  /** The notes whose spans cover this stretch; empty for plain text. */
  noteIds: string[];
}

/**
 * A passage's text cut where note spans begin and end, so each stretch is drawn once,
 * marked when one or more notes cover it (spans may overlap). Offsets outside the text
 * (a passage edited since) are clamped rather than trusted.
 */
export function highlightSegments(length: number, notes: readonly Pick<Note, 'id' | 'startOffset' | 'endOffset'>[]): Segment[] {
  const spans = notes
    .filter((n) => n.startOffset !== null && n.endOffset !== null)
    .map((n) => ({ id: n.id, start: Math.max(0, Math.min(length, n.startOffset!)), end: Math.max(0, Math.min(length, n.endOffset!)) }))
    .filter((s) => s.start < s.end);
  const cuts = [...new Set([0, length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const noteIds = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    const previous = out.at(-1);
    // Neighbouring stretches covered by the same notes are one.
    if (previous && previous.noteIds.join() === noteIds.join()) previous.end = end;
    else out.push({ start, end, noteIds });
  }
  return out;
}
